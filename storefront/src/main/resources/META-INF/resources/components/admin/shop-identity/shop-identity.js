/**
 * <shop-identity>: an administrator edits the shop's one identity (GET and PUT /api/admin/shop): names, address,
 * pickup point and directions in both languages, opening hours per weekday (both times empty: closed), closed
 * dates, contact and the seller receipts name. Saves against the version it read; when someone else saved first
 * it says so and offers to load theirs, keeping what was typed until then. Other staff are told it is for admins.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { ApiError, api, ensureCsrfToken } from '../../../lib/api.js';
import { FormErrors, announce, problemsFrom } from '../../../lib/form-errors.js';
import { define } from '../../../lib/define.js';
import { currentUser, isAdmin } from '../../../lib/session.js';
import { WEEKDAYS } from '../../../lib/shop.js';

const TEXTS = [
  ['nameZh', 'shop-name-zh', 60, 'zh-CN'], ['nameEn', 'shop-name-en', 100, 'en'],
  ['addressZh', 'shop-address-zh', 200, 'zh-CN'], ['addressEn', 'shop-address-en', 300, 'en'],
  ['pickupPointZh', 'shop-pickup-zh', 100, 'zh-CN'], ['pickupPointEn', 'shop-pickup-en', 150, 'en'],
  ['directionsZh', 'shop-directions-zh', 500, 'zh-CN'], ['directionsEn', 'shop-directions-en', 800, 'en'],
  ['phone', 'shop-phone', 30, null], ['email', 'shop-email', 120, null],
  ['legalName', 'shop-legal-name', 100, null], ['taxId', 'shop-tax-id', 18, null],
];
const IDS = Object.fromEntries(TEXTS.map(([name, id]) => [name, id]));
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The element a server's field name ("nameZh", "hours[2].closes", "closedDates[1]") belongs to. */
function fieldFor(name) {
  const hour = /^hours\[(\d)\]\.(opens|closes|day)$/.exec(name);
  if (hour) return `shop-hours-${WEEKDAYS[Number(hour[1])]}-${hour[2] === 'opens' ? 'opens' : 'closes'}`;
  if (name.startsWith('closedDates')) return 'shop-closed-dates';
  return IDS[name] ?? null;
}

function textField(name, id, max, lang) {
  const long = name.startsWith('directions');
  return html`
    <div class="field">
      <label for="${id}" data-i18n="admin.shop.${name}"></label>
      ${long
        ? html`<textarea id="${id}" rows="3" maxlength="${max}" required ${lang && html`lang="${lang}"`}></textarea>`
        : html`<input id="${id}" type="${name === 'email' ? 'email' : name === 'phone' ? 'tel' : 'text'}" maxlength="${max}"
                      autocomplete="off" required ${lang && html`lang="${lang}"`}>`}
      <p id="${id}-error" class="field__error" hidden></p>
    </div>`;
}

function dayRow(day) {
  const id = `shop-hours-${day}`;
  return html`
    <fieldset id="${id}" class="group shop-identity__day" data-error-context>
      <legend class="group__legend" data-i18n="admin.shop.day.${day}"></legend>
      ${['opens', 'closes'].map((end) => html`
        <div class="field">
          <label for="${id}-${end}" data-i18n="admin.shop.${end}"></label>
          <input id="${id}-${end}" type="text" inputmode="numeric" maxlength="5" autocomplete="off" class="shop-identity__time"
                 aria-describedby="shop-hours-hint">
          <p id="${id}-${end}-error" class="field__error" hidden></p>
        </div>`)}
    </fieldset>`;
}

class ShopIdentityForm extends HTMLElement {
  async connectedCallback() {
    // Coordinators reach the staff area too; the shop's identity is the administrators' to change.
    if (!isAdmin(await currentUser().catch(() => null))) {
      render(this, html`<p id="shop-admins-only" class="notice" data-i18n="admin.shop.adminsOnly"></p>`);
      translate(this);
      return;
    }
    render(this, html`
      <div id="shop-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
      <form id="shop-form" class="admin-form stack" novalidate>
        <p class="field__hint" data-i18n="admin.form.allRequired"></p>
        <section class="stack" aria-labelledby="shop-names-heading">
          <h2 id="shop-names-heading" data-i18n="admin.shop.names"></h2>
          ${TEXTS.slice(0, 8).map(([name, id, max, lang]) => textField(name, id, max, lang))}
        </section>
        <section class="stack" aria-labelledby="shop-hours-heading">
          <h2 id="shop-hours-heading" data-i18n="admin.shop.hours"></h2>
          <p id="shop-hours-hint" class="field__hint" data-i18n="admin.shop.hoursHint"></p>
          ${WEEKDAYS.map(dayRow)}
          <div class="field">
            <label for="shop-closed-dates" data-i18n="admin.shop.closedDates"></label>
            <p id="shop-closed-dates-hint" class="field__hint" data-i18n="admin.shop.closedDatesHint"></p>
            <textarea id="shop-closed-dates" rows="4" aria-describedby="shop-closed-dates-hint"></textarea>
            <p id="shop-closed-dates-error" class="field__error" hidden></p>
          </div>
        </section>
        <section class="stack" aria-labelledby="shop-contact-heading">
          <h2 id="shop-contact-heading" data-i18n="admin.shop.contactSeller"></h2>
          ${TEXTS.slice(8).map(([name, id, max, lang]) => textField(name, id, max, lang))}
        </section>
        <div class="button-row">
          <button type="submit" id="shop-save" class="button button--primary" data-i18n="admin.shop.save"></button>
          <button type="button" id="shop-reload" class="button button--secondary" data-i18n="admin.shop.reload" hidden></button>
        </div>
        <p id="shop-status" class="status-message" role="status"></p>
      </form>`);
    translate(this);
    this.form = this.querySelector('form');
    this.statusLine = this.querySelector('#shop-status');
    this.errors = new FormErrors(this.form, this.querySelector('#shop-errors'));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
    this.querySelector('#shop-reload').addEventListener('click', () => this.load());
    this.load();
  }

  async load() {
    try {
      this.fill(await api.get('/api/admin/shop'));
      this.querySelector('#shop-reload').hidden = true;
    } catch (error) {
      console.warn('Reading the shop\'s details failed.', error);
      this.errors.show(problemsFrom(error));
    }
  }

  fill(shop) {
    this.version = shop.version;
    this.errors.clear();
    for (const [name, id] of TEXTS) this.querySelector(`#${id}`).value = shop[name] ?? '';
    for (const day of shop.hours) {
      this.querySelector(`#shop-hours-${day.day}-opens`).value = day.opens?.slice(0, 5) ?? '';
      this.querySelector(`#shop-hours-${day.day}-closes`).value = day.closes?.slice(0, 5) ?? '';
    }
    this.querySelector('#shop-closed-dates').value = shop.closedDates.join('\n');
  }

  draft() {
    const value = (id) => this.querySelector(`#${id}`).value.trim();
    const body = { version: this.version };
    for (const [name, id] of TEXTS) body[name] = value(id);
    body.hours = WEEKDAYS.map((day) => ({
      day, opens: value(`shop-hours-${day}-opens`) || null, closes: value(`shop-hours-${day}-closes`) || null,
    }));
    body.closedDates = value('shop-closed-dates').split(/[\s,，]+/).filter(Boolean);
    return body;
  }

  check(draft) {
    const problems = [];
    for (const [name, id] of TEXTS) {
      if (!draft[name]) problems.push({ target: id, message: { key: 'admin.shop.missing' } });
    }
    for (const day of draft.hours) {
      for (const end of ['opens', 'closes']) {
        if (day[end] && !TIME.test(day[end])) {
          problems.push({ target: `shop-hours-${day.day}-${end}`, message: { key: 'admin.shop.timeFormat' } });
        }
      }
      if (Boolean(day.opens) !== Boolean(day.closes)) {
        problems.push({ target: `shop-hours-${day.day}-closes`, message: { key: 'admin.shop.bothTimes' } });
      } else if (day.opens && TIME.test(day.opens) && TIME.test(day.closes) && day.opens >= day.closes) {
        problems.push({ target: `shop-hours-${day.day}-closes`, message: { key: 'admin.shop.closesAfter' } });
      }
    }
    if (draft.closedDates.some((date) => !DATE.test(date))) {
      problems.push({ target: 'shop-closed-dates', message: { key: 'admin.shop.dateFormat' } });
    }
    return problems;
  }

  async save() {
    if (this.busy) return;
    const draft = this.draft();
    const problems = this.check(draft);
    if (problems.length) {
      this.errors.show(problems);
      return;
    }
    this.errors.clear();
    this.busy = true;
    announce(this.statusLine, { key: 'admin.shop.saving' });
    try {
      await ensureCsrfToken();
      this.fill(await api.put('/api/admin/shop', draft));
      announce(this.statusLine, { key: 'admin.shop.saved' });
    } catch (error) {
      console.warn('Saving the shop\'s details failed.', error);
      this.statusLine.textContent = '';
      if (error instanceof ApiError && error.status === 409) {
        this.querySelector('#shop-reload').hidden = false;
        this.errors.show([{ target: null, message: { key: 'admin.shop.conflict' } }]);
      } else {
        this.errors.show(problemsFrom(error, fieldFor));
      }
    } finally {
      this.busy = false;
    }
  }
}

export function register() {
  define('shop-identity', ShopIdentityForm);
}
