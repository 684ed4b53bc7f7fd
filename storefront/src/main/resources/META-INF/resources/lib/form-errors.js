/**
 * Messages for staff forms: each problem is shown next to its field (aria-invalid plus an
 * aria-describedby message) and listed in an error summary of links that takes focus.
 * A field with id X has its message element at X-error; a fieldset stands for a group of
 * choices. A message is { key, params } from the translations or { text } from the server.
 */
import { html, render } from './html.js';
import { currentLang, translate } from './i18n.js';
import { ApiError } from './api.js';

const FOCUSABLE = 'input:not([type="hidden"]), select, textarea, button';

export function setDescribedBy(element, id, on) {
  const ids = new Set((element.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
  if (on) ids.add(id);
  else ids.delete(id);
  if (ids.size) element.setAttribute('aria-describedby', [...ids].join(' '));
  else element.removeAttribute('aria-describedby');
}

/** Markup for one message, translated by translate() and kept right when the language changes. */
export function messageHtml(message) {
  return message.key
    ? html`<span data-i18n="${message.key}" data-i18n-params="${JSON.stringify(message.params || {})}"></span>`
    : html`<span>${message.text}</span>`;
}

/** Fills `element` with one message, or several (an array) as separate lines. */
export function showMessage(element, message) {
  const messages = Array.isArray(message) ? message : [message];
  render(element, html`${messages.map((m) => html`<span class="message-line">${messageHtml(m)}</span>`)}`);
  translate(element);
}

/**
 * Puts a message into a live region. The region is emptied first so that the same words
 * said twice (two saves in a row) are announced twice.
 */
export function announce(region, message) {
  region.textContent = '';
  window.setTimeout(() => showMessage(region, message), 50);
}

function invalidControls(field) {
  return field.matches('fieldset') ? [...field.querySelectorAll('input[type="checkbox"], input[type="radio"]')] : [field];
}

/** What the summary calls a field when the server's words alone would not say which one. */
function labelOf(field) {
  const own = field.matches('fieldset') ? field.querySelector('legend') : field.labels?.[0];
  const context = field.parentElement?.closest('[data-error-context]')?.querySelector('legend');
  return [context, own].filter(Boolean).map((node) => node.textContent.trim()).join(' — ');
}

export class FormErrors {
  /**
   * `form` holds the fields; `summary` is the (hidden) error summary element with tabindex="-1". The shop's
   * forms name their own translations for the summary's title and its "field: message" lines.
   */
  constructor(form, summary, { titleKey = 'admin.errors.title', labelKey = 'admin.errors.fieldLabel' } = {}) {
    this.form = form;
    this.summary = summary;
    this.titleKey = titleKey;
    this.labelKey = labelKey;
    summary.addEventListener('click', (event) => this.follow(event));
    // A field that is being changed loses its old message; the next save checks it again.
    const clear = (event) => this.clearAt(event.target);
    form.addEventListener('input', clear);
    form.addEventListener('change', clear);
  }

  /** Shows `problems` ([{ target: field id or null, message }]) and moves focus to the summary. */
  show(problems) {
    this.clear();
    const marked = new Set();
    const items = problems.map(({ target, message }) => {
      const field = target ? document.getElementById(target) : null;
      if (!field || !this.form.contains(field)) return { message };
      if (!marked.has(target)) this.mark(field, message);
      marked.add(target);
      const focusable = field.matches('fieldset') ? field.querySelector(FOCUSABLE) : field;
      return { message, href: focusable?.id, label: message.text ? labelOf(field) : '' };
    });
    render(this.summary, html`
      <h2 class="error-summary__title" data-i18n="${this.titleKey}"></h2>
      <ul class="error-summary__list">
        ${items.map(({ message, href, label }) => {
          const words = html`${label && html`<span data-i18n="${this.labelKey}"
                                                          data-i18n-params="${JSON.stringify({ label })}"></span>`}${messageHtml(message)}`;
          return html`<li>${href ? html`<a href="#${href}">${words}</a>` : words}</li>`;
        })}
      </ul>`);
    translate(this.summary);
    this.summary.hidden = false;
    this.summary.focus();
  }

  mark(field, message) {
    const note = document.getElementById(`${field.id}-error`);
    if (note) {
      showMessage(note, message);
      note.hidden = false;
      setDescribedBy(field, note.id, true);
    }
    for (const control of invalidControls(field)) control.setAttribute('aria-invalid', 'true');
  }

  unmark(field) {
    const note = document.getElementById(`${field.id}-error`);
    if (note) {
      note.hidden = true;
      note.textContent = '';
      setDescribedBy(field, note.id, false);
    }
    for (const control of invalidControls(field)) control.removeAttribute('aria-invalid');
  }

  clearAt(control) {
    if (!(control instanceof Element)) return;
    const group = control.closest('fieldset[id]');
    if (control.getAttribute('aria-invalid') === 'true' && control.id) this.unmark(control);
    if (group && document.getElementById(`${group.id}-error`)?.hidden === false) this.unmark(group);
  }

  clear() {
    for (const note of this.form.querySelectorAll('.field__error')) {
      const field = document.getElementById(note.id.replace(/-error$/, ''));
      if (field) this.unmark(field);
      else note.hidden = true;
    }
    for (const control of this.form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
    this.summary.hidden = true;
    render(this.summary, html``);
  }

  follow(event) {
    const link = event.target.closest('a[href^="#"]');
    if (!link) return;
    const field = document.getElementById(link.getAttribute('href').slice(1));
    if (!field) return;
    event.preventDefault();
    field.focus();
  }
}

/** The standard constraints the server names for a refused field, said in our words (docs/architecture.md, request flow 5). */
const CONSTRAINTS = new Set(['NotBlank', 'NotNull', 'NotEmpty', 'Size', 'Min', 'Max', 'DecimalMin', 'DecimalMax', 'Positive',
  'PositiveOrZero', 'Negative', 'Email', 'Pattern', 'Digits', 'Past', 'PastOrPresent', 'Future', 'FutureOrPresent']);

/**
 * What is wrong with one refused field, in the page's language: the standard constraint the server names, in our
 * words with its limits; else the server's own words on an English page, and `fallback` on any other (the server
 * speaks English only, and a message never mixes languages).
 */
export function fieldMessage({ code, params = {}, message } = {}, fallback = 'admin.errors.invalid') {
  if (code && CONSTRAINTS.has(code)) {
    const key = code === 'Size' && !params.min ? 'validation.Size.max' : `validation.${code}`;
    return { key, params };
  }
  return message && currentLang() === 'en' ? { text: message } : { key: fallback };
}

/** The server's words for a refusal on an English page; `fallback` (a translation key) on any other. */
export function detailMessage(detail, fallback) {
  return detail && currentLang() === 'en' ? { text: detail } : { key: fallback };
}

/**
 * Turns a failed call into problems for FormErrors. `fieldFor` maps the server's field
 * names ("nameZh", "variants[0].sku") to element ids, or returns null.
 */
export function problemsFrom(error, fieldFor = () => null) {
  if (!(error instanceof ApiError)) return [{ target: null, message: { key: 'admin.errors.network' } }];
  if (error.status === 401) return [{ target: null, message: { key: 'admin.errors.signedOut' } }];
  if (error.status === 403) return [{ target: null, message: { key: 'admin.errors.forbidden' } }];
  const fields = Array.isArray(error.problem.errors) ? error.problem.errors : [];
  if (fields.length) {
    return fields.map((refused) => ({
      target: fieldFor(String(refused.field || '')),
      message: fieldMessage(refused),
    }));
  }
  if (error.status >= 500) return [{ target: null, message: { key: 'admin.errors.server' } }];
  const { detail, title } = error.problem;
  return [{ target: null, message: detailMessage(detail || title, error.status === 409 ? 'admin.errors.conflict' : 'admin.errors.refused') }];
}
