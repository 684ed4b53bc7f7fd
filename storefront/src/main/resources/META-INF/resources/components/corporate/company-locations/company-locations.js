/**
 * <company-locations>: a company's delivery locations, each with its recipient, phone and address and a Remove button
 * that asks first (in place: the question takes focus, Cancel gives it back); and a form that adds one. The buyers'
 * portal uses it for the buyer's own company (no company id), the coordinators' screen for the company it shows
 * (`companyId`). Set `locations` to draw; says `locations-change` (bubbles, { locations }) after each change. The
 * attribute `level` is the level of its heading (2 on the portal, 3 inside a company's panel).
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { FormErrors } from '../../../lib/form-errors.js';
import {
  Attempts, checkFields, confirmHtml, factHtml, locationsOf, phoneHtml, refusal, showInPlace, tell,
} from '../../../lib/corporate.js';
import { define } from '../../../lib/define.js';

/** The form's fields, as the server limits them (CompanyForms.LocationBody). */
const FIELDS = [
  { name: 'label', id: 'location-label', missing: 'corporate.location.label.missing', max: 60 },
  { name: 'recipient', id: 'location-recipient', missing: 'corporate.location.recipient.missing', max: 100 },
  { name: 'phone', id: 'location-phone', missing: 'corporate.location.phone.missing', max: 40 },
  { name: 'address', id: 'location-address', missing: 'corporate.location.address.missing', max: 300 },
];
const SERVER_FIELDS = Object.fromEntries(FIELDS.map(({ name, id }) => [name, id]));

function field(id, key, control, hint) {
  return html`
    <div class="field">
      <label for="${id}" data-i18n="${key}"></label>
      ${hint && html`<p id="${id}-hint" class="field__hint" data-i18n="${hint}"></p>`}
      ${control}
      <p id="${id}-error" class="field__error" hidden></p>
    </div>`;
}

function input(id, { type = 'text', maxlength, hint = false, inputmode } = {}) {
  return html`<input id="${id}" name="${id}" type="${type}" maxlength="${maxlength}" autocomplete="off" required
                     ${inputmode && html`inputmode="${inputmode}"`} ${hint && html`aria-describedby="${id}-hint"`}>`;
}

function removeButtonHtml(location) {
  return html`<button type="button" id="location-remove-${location.id}" class="button button--secondary" data-remove="${location.id}">
    <span data-i18n="corporate.location.remove"></span><span class="visually-hidden"> ${location.label}</span></button>`;
}

function locationHtml(location, level) {
  const id = location.id;
  return html`
    <li class="corporate-card" id="location-${id}">
      <h${level + 1} class="corporate-card__title" id="location-${id}-label">${location.label}</h${level + 1}>
      <dl class="facts">
        ${factHtml('corporate.location.recipient', location.recipient, `location-${id}-recipient`)}
        ${factHtml('corporate.location.phone', phoneHtml(location.phone), `location-${id}-phone`)}
        ${factHtml('corporate.location.address', location.address, `location-${id}-address`)}
      </dl>
      <div class="corporate-card__actions" id="location-${id}-actions">${removeButtonHtml(location)}</div>
    </li>`;
}

class CompanyLocations extends HTMLElement {
  constructor() {
    super();
    this.api = locationsOf(null);
  }

  connectedCallback() {
    if (this.form) return;
    const level = Number(this.getAttribute('level')) === 3 ? 3 : 2;
    this.level = level;
    render(this, html`
      <section class="corporate-section" aria-labelledby="location-heading">
        <h${level} id="location-heading" tabindex="-1" data-i18n="corporate.location.heading"></h${level}>
        <p class="field__hint" data-i18n="corporate.location.intro"></p>
        <p id="location-status" class="status-message" role="status"></p>
        <div id="location-list"></div>
        <h${level + 1} id="location-form-heading" data-i18n="corporate.location.addHeading"></h${level + 1}>
        <div id="location-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
        <form id="location-form" class="corporate-form" novalidate aria-labelledby="location-form-heading">
          <p class="field__hint" data-i18n="corporate.form.allRequired"></p>
          ${field('location-label', 'corporate.location.label', input('location-label', { maxlength: 60, hint: true }), 'corporate.location.labelHint')}
          ${field('location-recipient', 'corporate.location.recipient', input('location-recipient', { maxlength: 100 }))}
          ${field('location-phone', 'corporate.location.phone', input('location-phone', { type: 'tel', maxlength: 40, inputmode: 'tel' }))}
          ${field('location-address', 'corporate.location.address',
            html`<textarea id="location-address" name="location-address" rows="2" maxlength="300" autocomplete="off" required
                           aria-describedby="location-address-hint"></textarea>`, 'corporate.location.addressHint')}
          <div class="button-row">
            <button type="submit" id="location-add" class="button button--primary" data-i18n="corporate.location.add"></button>
          </div>
        </form>
      </section>`);
    translate(this);
    this.form = this.querySelector('#location-form');
    this.statusLine = this.querySelector('#location-status');
    this.errors = new FormErrors(this.form, this.querySelector('#location-errors'),
      { titleKey: 'corporate.errors.title', labelKey: 'corporate.errors.fieldLabel' });
    this.attempts = new Attempts();
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.add();
    });
    this.addEventListener('click', (event) => this.clicked(event));
    this.draw();
  }

  set locations(locations) {
    this.list = [...(locations || [])];
    this.draw();
  }

  get locations() {
    return this.list || [];
  }

  /** The company whose locations these are; none for the signed-in buyer's own. */
  set companyId(id) {
    this.api = locationsOf(id || null);
  }

  draw() {
    const target = this.querySelector('#location-list');
    if (!target) return;
    const list = this.locations;
    render(target, list.length === 0
      ? html`<p id="location-empty" data-i18n="corporate.location.empty"></p>`
      : html`<ul id="location-items" class="corporate-cards">${list.map((location) => locationHtml(location, this.level))}</ul>`);
    translate(target);
  }

  clicked(event) {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.dataset.remove) this.ask(button.dataset.remove);
    else if (button.dataset.keep) this.keep(button.dataset.keep);
    else if (button.dataset.confirm) this.remove(button.dataset.confirm);
  }

  find(id) {
    return this.locations.find((location) => location.id === id);
  }

  /** The question takes the Remove button's place, and focus, so it is read at once. */
  ask(id) {
    const location = this.find(id);
    if (!location) return;
    const actions = this.querySelector(`#location-${id}-actions`);
    showInPlace(actions, confirmHtml('location', location.id, 'remove', { question: 'corporate.location.confirm',
      act: 'corporate.location.confirmRemove', keep: 'corporate.location.keep' }, { label: location.label }), `#location-confirm-${id}`);
  }

  keep(id) {
    const location = this.find(id);
    const actions = this.querySelector(`#location-${id}-actions`);
    if (!location || !actions) return;
    showInPlace(actions, removeButtonHtml(location), 'button');
  }

  async remove(id) {
    const location = this.find(id);
    if (!location || this.busy) return;
    this.busy = true;
    try {
      await this.api.remove(id);
      this.changed(this.locations.filter((each) => each.id !== id));
      tell(this.statusLine, { key: 'corporate.location.removed', params: { label: location.label } });
      this.querySelector('#location-heading').focus();
    } catch (error) {
      console.warn('Removing the delivery location failed.', error);
      // Gone already (removed elsewhere): the list is simply out of date.
      if (error.status === 404) this.changed(this.locations.filter((each) => each.id !== id));
      tell(this.statusLine, refusal(error).map((problem) => problem.message));
      this.querySelector('#location-heading').focus();
    } finally {
      this.busy = false;
    }
  }

  draft() {
    return Object.fromEntries(FIELDS.map(({ name, id }) => [name, this.querySelector(`#${id}`).value]));
  }

  async add() {
    if (this.busy) return;
    const draft = this.draft();
    const problems = checkFields(draft, FIELDS);
    if (problems.length) {
      this.errors.show(problems);
      return;
    }
    this.errors.clear();
    const body = Object.fromEntries(Object.entries(draft).map(([name, value]) => [name, value.trim()]));
    this.busy = true;
    const button = this.querySelector('#location-add');
    button.setAttribute('aria-disabled', 'true');
    tell(this.statusLine, { key: 'corporate.saving' });
    try {
      const added = await this.api.add(body, this.attempts.keyFor(body));
      this.attempts.done();
      this.form.reset();
      this.changed([...this.locations, added]);
      tell(this.statusLine, { key: 'corporate.location.added', params: { label: added.label } });
    } catch (error) {
      console.warn('Adding the delivery location failed.', error);
      tell(this.statusLine, null);
      this.errors.show(refusal(error, { fields: SERVER_FIELDS }));
    } finally {
      this.busy = false;
      button.removeAttribute('aria-disabled');
    }
  }

  changed(locations) {
    this.locations = locations;
    this.dispatchEvent(new CustomEvent('locations-change', { bubbles: true, detail: { locations } }));
  }
}

export function register() {
  define('company-locations', CompanyLocations);
}
