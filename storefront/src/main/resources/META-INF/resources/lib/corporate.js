/**
 * The corporate door (docs/api/corporate.md): the public enquiry, a buyer's own company, and the coordinators' calls;
 * and what its screens share: facts (label, value), times in the page's language, the invoice kind in words, the
 * checks of a delivery location, and the server's refusals as messages for FormErrors.
 */
import { html, render } from './html.js';
import { showMessage } from './form-errors.js';
import { LANG_CHANGE, translate } from './i18n.js';
import { api, ApiError, ensureCsrfToken } from './api.js';
import { formatWhen } from './staff-catalog.js';
import { uuid } from './uuid.js';
import { normalise, problemOf } from './credit-code.js';

export const PORTAL = '/corporate/';
export const ENQUIRY_PAGE = '/corporate/enquiry.html';
export const INVOICE_KINDS = ['NORMAL', 'SPECIAL'];

/** The sign-in page, coming back to this one after. */
export function signInUrl() {
  const here = window.location.pathname + window.location.search + window.location.hash;
  return `/login.html?next=${encodeURIComponent(here)}`;
}

/**
 * A notice the buyers' pages show instead of their content (signed out, not a buyer, no company yet): a heading, a
 * text and links, the first the main one; it takes focus where it is shown.
 */
export function noticeHtml(id, headingKey, textKey, links, params = {}) {
  return html`
    <section id="${id}" class="notice corporate-notice" tabindex="-1" aria-labelledby="${id}-heading">
      <h2 id="${id}-heading" data-i18n="${headingKey}"></h2>
      <p data-i18n="${textKey}" data-i18n-params="${JSON.stringify(params)}"></p>
      <div class="button-row">
        ${links.map((link, i) => html`<a id="${id}-${link.id}" class="button button--${i === 0 ? 'primary' : 'secondary'}"
                                          href="${link.href}" data-i18n="${link.key}"></a>`)}
      </div>
    </section>`;
}

/**
 * The question asked in place of a row's button before something is removed or declined: `prefix` names its ids
 * (`${prefix}-confirm-${id}`, `${prefix}-confirm-${action}-${id}`, `${prefix}-confirm-keep-${id}`), `keys` its words
 * ({ question, act, keep }), `params` the question's; the buttons carry data-confirm / data-keep with the row's id.
 */
export function confirmHtml(prefix, id, action, keys, params) {
  return html`
    <div class="corporate-confirm" role="group" aria-labelledby="${prefix}-confirm-${id}">
      <p id="${prefix}-confirm-${id}" class="corporate-confirm__question" tabindex="-1" data-i18n="${keys.question}"
         data-i18n-params="${JSON.stringify(params)}"></p>
      <div class="button-row">
        <button type="button" id="${prefix}-confirm-${action}-${id}" class="button button--primary" data-confirm="${id}"
                data-i18n="${keys.act}"></button>
        <button type="button" id="${prefix}-confirm-keep-${id}" class="button button--secondary" data-keep="${id}"
                data-i18n="${keys.keep}"></button>
      </div>
    </div>`;
}

/**
 * Puts `template` in place of a row's actions (the question before removing, or the button back), in the page's
 * language, and moves focus to `focus` (a selector within it), so a screen reader reads it at once.
 */
export function showInPlace(actions, template, focus) {
  render(actions, template);
  translate(actions);
  actions.querySelector(focus).focus();
}

/** The notices' links: to the enquiry form, and home. */
export const ENQUIRE = { id: 'enquire', href: ENQUIRY_PAGE, key: 'corporate.portal.enquire' };
export const HOME = { id: 'home', href: '/', key: 'corporate.portal.home' };
const PROBLEMS = 'https://social-workshop.org/problems/';

/** The last part of a problem's type ("no-company"), or ''. */
export function problemName(error) {
  const type = error instanceof ApiError ? String(error.problem?.type || '') : '';
  return type.startsWith(PROBLEMS) ? type.slice(PROBLEMS.length) : '';
}

/** Unsafe calls: the CSRF token first. */
export async function send(method, path, body, options) {
  await ensureCsrfToken();
  return api[method](path, body, options);
}

// The public enquiry and a buyer's own company.
export const sendEnquiry = (body, key) => send('post', '/api/corporate/enquiries', body, { headers: { 'Idempotency-Key': key } });
export const myCompany = () => api.get('/api/corporate/company');

// The coordinators'.
const ADMIN = '/api/admin/corporate';
const companyPath = (id) => `${ADMIN}/companies/${encodeURIComponent(id)}`;
export const newEnquiries = () => api.get(`${ADMIN}/enquiries?status=NEW`);
export const declineEnquiry = (id) => send('post', `${ADMIN}/enquiries/${encodeURIComponent(id)}/decline`);
export const companies = () => api.get(`${ADMIN}/companies`);
export const company = (id) => api.get(companyPath(id));
export const registerCompany = (body, enquiryId, key) => send('post',
  `${ADMIN}/companies${enquiryId ? `?enquiry=${encodeURIComponent(enquiryId)}` : ''}`, body, { headers: { 'Idempotency-Key': key } });
export const updateCompany = (id, body) => send('put', companyPath(id), body);
export const addBuyer = (id, body) => send('post', `${companyPath(id)}/buyers`, body);
export const removeBuyer = (id, userId) => send('delete', `${companyPath(id)}/buyers/${encodeURIComponent(userId)}`);

/**
 * Where a company's delivery locations are kept: a buyer's own company (no id: the server knows whose it is), or, for
 * coordinators, the company with this id.
 */
export function locationsOf(companyId) {
  const base = companyId ? `${companyPath(companyId)}/locations` : '/api/corporate/company/locations';
  return {
    add: (location, key) => send('post', base, location, { headers: { 'Idempotency-Key': key } }),
    remove: (locationId) => send('delete', `${base}/${encodeURIComponent(locationId)}`),
  };
}

/**
 * Says `message` in a live region (role="status"), or nothing with null. The region is emptied first so that the same
 * words said twice are announced twice; a message still waiting to be said gives way to a newer one, or to silence, so a
 * quick answer's "saved" is never followed by a late "saving…".
 */
export function tell(region, message) {
  window.clearTimeout(region.tellTimer);
  region.textContent = '';
  if (!message) return;
  region.tellTimer = window.setTimeout(() => showMessage(region, message), 50);
}

/** A row of facts: a label (key) and its value, in a <dl class="facts">. */
export function factHtml(key, value, id = '') {
  return html`<div class="facts__row"><dt data-i18n="${key}"></dt><dd ${id && html`id="${id}"`}>${value}</dd></div>`;
}

/** A time in the page's language, written again when the language changes (see keepTimesInLanguage). */
export function whenHtml(iso) {
  if (!iso) return html``;
  return html`<time datetime="${iso}" data-when="${iso}">${formatWhen(iso)}</time>`;
}

let keeping = false;

/** Once per page: every time shown by whenHtml follows a change of language. */
export function keepTimesInLanguage() {
  if (keeping) return;
  keeping = true;
  document.addEventListener(LANG_CHANGE, () => {
    for (const el of document.querySelectorAll('time[data-when]')) el.textContent = formatWhen(el.dataset.when);
  });
}

/** "普通发票" / "Normal invoice": never the code. */
export function invoiceKindHtml(kind) {
  return html`<span data-i18n="corporate.kind.${INVOICE_KINDS.includes(kind) ? kind : 'NORMAL'}"></span>`;
}

/** An e-mail address as a link; a phone number as a link that dials it. */
export function mailHtml(email) {
  return html`<a href="mailto:${email}">${email}</a>`;
}

export function phoneHtml(phone) {
  return html`<a href="tel:${String(phone).replace(/[^\d+]/g, '')}">${phone}</a>`;
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the field with this id is called on the page now (its label's words, without "optional"). */
export function labelText(id) {
  const label = document.querySelector(`label[for="${id}"]`);
  return (label?.querySelector('[data-i18n]') || label)?.textContent.trim() || '';
}

/**
 * Checks a form's draft against `rules`: [{ name, id, missing (the key that asks for it; none when optional), max,
 * email }]; problems as [{ target, message }] in the order of the rules, for FormErrors. Each message names its field,
 * so the error summary reads well alone.
 */
export function checkFields(draft, rules) {
  const problems = [];
  for (const { name, id, missing, max, email = false } of rules) {
    const value = String(draft[name] ?? '').trim();
    const wrong = (key, params = {}) => problems.push({ target: id, message: { key, params: { label: labelText(id), ...params } } });
    if (!value) {
      if (missing) problems.push({ target: id, message: { key: missing } });
    } else if (max && value.length > max) {
      wrong('corporate.field.tooLong', { max, count: value.length });
    } else if (email && !EMAIL.test(value)) {
      wrong('corporate.field.email');
    }
  }
  return problems;
}

/**
 * The credit code's problem as a message, or null: empty is fine (it is optional); otherwise what is wrong, as
 * precisely as can be said.
 */
export function creditCodeMessage(typed) {
  const code = normalise(typed);
  if (!code) return null;
  const found = problemOf(code);
  if (!found) return null;
  if (found.problem === 'length') return { key: 'corporate.creditCode.length', params: { count: found.length } };
  if (found.problem === 'character') return { key: 'corporate.creditCode.character', params: { at: found.at, character: found.character } };
  if (found.problem === 'division') return { key: 'corporate.creditCode.division', params: { at: found.at, character: found.character } };
  return { key: 'corporate.creditCode.check' };
}

/**
 * A failed call as problems for FormErrors. `fields` maps the server's field names to element ids; each field's own
 * message says what is wanted there in the page's language (the server's words are English), and the summary names the
 * field. `known` maps problem names ("credit-code-taken") to { target?, key }.
 */
export function refusal(error, { fields = {}, known = {}, tooMany = 'corporate.errors.tooMany' } = {}) {
  if (!(error instanceof ApiError)) return [{ target: null, message: { key: 'corporate.errors.network' } }];
  const name = problemName(error);
  if (known[name]) return [{ target: known[name].target ?? null, message: { key: known[name].key } }];
  if (error.status === 401) return [{ target: null, message: { key: 'corporate.errors.signedOut' } }];
  if (error.status === 403) return [{ target: null, message: { key: 'corporate.errors.forbidden' } }];
  if (error.status === 429) return [{ target: null, message: { key: tooMany } }];
  const errors = Array.isArray(error.problem.errors) ? error.problem.errors : [];
  if (error.status === 400 && errors.length) {
    return errors.map(({ field }) => {
      const name = String(field || '');
      const target = fields[name] ?? null;
      if (name === 'creditCode') return { target, message: { key: 'corporate.creditCode.check' } };
      return { target, message: { key: 'corporate.field.invalid', params: { label: target ? labelText(target) : name } } };
    });
  }
  if (error.status === 400) return [{ target: null, message: { key: 'corporate.errors.invalid' } }];
  if (error.status === 404) return [{ target: null, message: { key: 'corporate.errors.gone' } }];
  return [{ target: null, message: { key: 'corporate.errors.server' } }];
}

/**
 * The key a repeated submission keeps: the same body sent again after a failure keeps its Idempotency-Key, so the
 * server answers a retry with the first result; a changed body is a new attempt.
 */
export class Attempts {
  keyFor(body) {
    const text = JSON.stringify(body);
    if (this.body !== text) {
      this.body = text;
      this.key = uuid();
    }
    return this.key;
  }

  done() {
    this.body = null;
  }
}
