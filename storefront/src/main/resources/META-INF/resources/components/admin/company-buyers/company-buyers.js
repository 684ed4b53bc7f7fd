/**
 * <company-buyers>: the accounts that buy for the company a coordinator has open (`company`), each with a Remove button
 * that asks first; and a form that adds one (POST /api/admin/corporate/companies/{id}/buyers): an existing corporate
 * buyer's account by its e-mail, or a new account with the buyer's name and an initial password, which the coordinator
 * hands over (nothing is e-mailed). Says `company-change` (bubbles, { company }) after each change.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { FormErrors } from '../../../lib/form-errors.js';
import {
  addBuyer, checkFields, confirmHtml, mailHtml, refusal, removeBuyer, showInPlace, tell, whenHtml,
} from '../../../lib/corporate.js';
import { define } from '../../../lib/define.js';

const PASSWORD_MIN = 12;
const EXISTING = 'existing';
const NEW = 'new';
const FIELDS = { email: 'buyer-email', displayName: 'buyer-name', password: 'buyer-password' };
const KNOWN = {
  'buyer-of-another-company': { target: FIELDS.email, key: 'corporate.buyers.ofAnotherCompany' },
  'not-a-buyer-account': { target: FIELDS.email, key: 'corporate.buyers.notABuyer' },
};

function field(id, key, { type = 'text', maxlength, hint, extra } = {}) {
  return html`
    <div class="field">
      <label for="${id}" data-i18n="${key}"></label>
      ${hint && html`<p id="${id}-hint" class="field__hint" data-i18n="${hint}"></p>`}
      <input id="${id}" name="${id}" type="${type}" maxlength="${maxlength}" autocomplete="off" required
             ${hint && html`aria-describedby="${id}-hint"`} ${extra}>
      <p id="${id}-error" class="field__error" hidden></p>
    </div>`;
}

function removeButtonHtml(buyer) {
  return html`<button type="button" id="buyer-remove-${buyer.userId}" class="button button--secondary" data-remove="${buyer.userId}">
    <span data-i18n="corporate.buyers.remove"></span><span class="visually-hidden"> ${buyer.displayName}</span></button>`;
}

function buyerHtml(buyer) {
  const id = buyer.userId;
  return html`
    <li id="buyer-${id}">
      <strong id="buyer-${id}-name">${buyer.displayName}</strong>
      <span class="corporate-people__email" id="buyer-${id}-email">${mailHtml(buyer.email)}</span>
      <span class="corporate-people__since"><span data-i18n="corporate.buyers.since"></span> ${whenHtml(buyer.addedAt)}</span>
      <div class="corporate-card__actions" id="buyer-${id}-actions">${removeButtonHtml(buyer)}</div>
    </li>`;
}

class CompanyBuyers extends HTMLElement {
  connectedCallback() {
    if (this.form) return;
    render(this, html`
      <section class="corporate-section" aria-labelledby="buyers-heading">
        <h3 id="buyers-heading" tabindex="-1" data-i18n="corporate.buyers.heading"></h3>
        <p class="field__hint" data-i18n="corporate.buyers.intro"></p>
        <p id="buyers-status" class="status-message" role="status"></p>
        <div id="buyers-list"></div>
        <h4 id="buyer-form-heading" data-i18n="corporate.buyers.addHeading"></h4>
        <div id="buyer-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
        <form id="buyer-form" class="corporate-form" novalidate aria-labelledby="buyer-form-heading">
          <fieldset id="buyer-kind" class="group">
            <legend class="group__legend" data-i18n="corporate.buyers.kind"></legend>
            <div class="choices">
              <label class="choice" for="buyer-kind-new">
                <input type="radio" id="buyer-kind-new" name="buyer-kind" value="${NEW}" checked>
                <span class="choice__text"><span data-i18n="corporate.buyers.kindNew"></span>
                  <span class="choice__note" data-i18n="corporate.buyers.kindNewNote"></span></span>
              </label>
              <label class="choice" for="buyer-kind-existing">
                <input type="radio" id="buyer-kind-existing" name="buyer-kind" value="${EXISTING}">
                <span class="choice__text"><span data-i18n="corporate.buyers.kindExisting"></span>
                  <span class="choice__note" data-i18n="corporate.buyers.kindExistingNote"></span></span>
              </label>
            </div>
          </fieldset>
          ${field(FIELDS.email, 'corporate.buyers.email', { type: 'email', maxlength: 254,
            extra: html`autocapitalize="off" spellcheck="false"` })}
          <div id="buyer-new-fields" class="corporate-form">
            ${field(FIELDS.displayName, 'corporate.buyers.name', { maxlength: 100 })}
            ${field(FIELDS.password, 'corporate.buyers.password', { maxlength: 200, hint: 'corporate.buyers.passwordHint',
              extra: html`autocapitalize="off" spellcheck="false"` })}
          </div>
          <div class="button-row">
            <button type="submit" id="buyer-add" class="button button--primary" data-i18n="corporate.buyers.add"></button>
          </div>
        </form>
      </section>`);
    translate(this);
    this.form = this.querySelector('#buyer-form');
    this.statusLine = this.querySelector('#buyers-status');
    this.errors = new FormErrors(this.form, this.querySelector('#buyer-errors'),
      { titleKey: 'admin.errors.title', labelKey: 'admin.errors.fieldLabel' });
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.add();
    });
    this.form.addEventListener('change', (event) => {
      if (event.target.name === 'buyer-kind') this.showKind();
    });
    this.addEventListener('click', (event) => this.clicked(event));
    this.showKind();
    this.draw();
  }

  set company(company) {
    const other = company?.id !== this.current?.id;
    this.current = company;
    if (other && this.form) {
      this.form.reset();
      this.errors.clear();
      tell(this.statusLine, null);
      this.showKind();
    }
    this.draw();
  }

  get company() {
    return this.current;
  }

  get kind() {
    return this.querySelector('input[name="buyer-kind"]:checked')?.value || NEW;
  }

  showKind() {
    const fresh = this.kind === NEW;
    this.querySelector('#buyer-new-fields').hidden = !fresh;
    for (const id of [FIELDS.displayName, FIELDS.password]) this.querySelector(`#${id}`).required = fresh;
  }

  draw() {
    const target = this.querySelector('#buyers-list');
    if (!target || !this.current) return;
    const buyers = this.current.buyers;
    render(target, buyers.length === 0
      ? html`<p id="buyers-empty" data-i18n="corporate.buyers.empty"></p>`
      : html`<ul id="buyers-items" class="corporate-people">${buyers.map(buyerHtml)}</ul>`);
    translate(target);
  }

  clicked(event) {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.dataset.remove) this.ask(button.dataset.remove);
    else if (button.dataset.keep) this.keep(button.dataset.keep);
    else if (button.dataset.confirm) this.remove(button.dataset.confirm);
  }

  find(userId) {
    return this.current?.buyers.find((buyer) => buyer.userId === userId);
  }

  ask(userId) {
    const buyer = this.find(userId);
    if (!buyer) return;
    const actions = this.querySelector(`#buyer-${userId}-actions`);
    showInPlace(actions, confirmHtml('buyer', buyer.userId, 'remove', { question: 'corporate.buyers.confirm',
      act: 'corporate.buyers.confirmRemove', keep: 'corporate.buyers.keep' }, { name: buyer.displayName, company: this.current.legalName }), `#buyer-confirm-${userId}`);
  }

  keep(userId) {
    const buyer = this.find(userId);
    const actions = this.querySelector(`#buyer-${userId}-actions`);
    if (!buyer || !actions) return;
    showInPlace(actions, removeButtonHtml(buyer), 'button');
  }

  async remove(userId) {
    const buyer = this.find(userId);
    const company = this.current;
    if (!buyer || this.busy) return;
    this.busy = true;
    try {
      await removeBuyer(company.id, userId);
      this.changed({ ...company, buyers: company.buyers.filter((each) => each.userId !== userId) });
      tell(this.statusLine, { key: 'corporate.buyers.removed', params: { name: buyer.displayName, company: company.legalName } });
    } catch (error) {
      console.warn('Removing the buyer failed.', error);
      tell(this.statusLine, refusal(error).map((problem) => problem.message));
    } finally {
      this.busy = false;
      this.querySelector('#buyers-heading').focus();
    }
  }

  async add() {
    const company = this.current;
    if (this.busy || !company) return;
    const fresh = this.kind === NEW;
    const draft = {
      email: this.querySelector(`#${FIELDS.email}`).value,
      displayName: this.querySelector(`#${FIELDS.displayName}`).value,
      password: this.querySelector(`#${FIELDS.password}`).value,
    };
    const rules = [{ name: 'email', id: FIELDS.email, missing: 'corporate.buyers.email.missing', max: 254, email: true }];
    if (fresh) {
      rules.push({ name: 'displayName', id: FIELDS.displayName, missing: 'corporate.buyers.name.missing', max: 100 });
    }
    const problems = checkFields(draft, rules);
    if (fresh && !draft.password) problems.push({ target: FIELDS.password, message: { key: 'corporate.buyers.password.missing' } });
    else if (fresh && draft.password.length < PASSWORD_MIN) {
      problems.push({ target: FIELDS.password, message: { key: 'corporate.buyers.password.short', params: { min: PASSWORD_MIN } } });
    }
    if (problems.length) {
      this.errors.show(problems);
      return;
    }
    this.errors.clear();
    const body = { email: draft.email.trim() };
    if (fresh) Object.assign(body, { displayName: draft.displayName.trim(), password: draft.password });
    this.busy = true;
    const button = this.querySelector('#buyer-add');
    button.setAttribute('aria-disabled', 'true');
    tell(this.statusLine, { key: 'corporate.saving' });
    try {
      const updated = await addBuyer(company.id, body);
      const added = updated.buyers.find((buyer) => buyer.email.toLowerCase() === body.email.toLowerCase());
      this.form.reset();
      this.showKind();
      this.changed(updated);
      const name = added?.displayName || body.email;
      tell(this.statusLine, fresh
        ? { key: 'corporate.buyers.created', params: { name, email: body.email } }
        : { key: 'corporate.buyers.added', params: { name, email: body.email, company: updated.legalName } });
    } catch (error) {
      console.warn('Adding the buyer failed.', error);
      tell(this.statusLine, null);
      this.errors.show(this.refused(error, fresh));
    } finally {
      this.busy = false;
      button.removeAttribute('aria-disabled');
    }
  }

  /** An existing account asked for by an e-mail nobody has: the server wants a new account's name and password. */
  refused(error, fresh) {
    const fields = Array.isArray(error?.problem?.errors) ? error.problem.errors.map((each) => each.field) : [];
    if (!fresh && error?.status === 400 && fields.some((name) => name === 'displayName' || name === 'password')) {
      return [{ target: FIELDS.email, message: { key: 'corporate.buyers.noSuchAccount' } }];
    }
    return refusal(error, { fields: FIELDS, known: KNOWN });
  }

  changed(company) {
    this.current = company;
    this.draw();
    this.dispatchEvent(new CustomEvent('company-change', { bubbles: true, detail: { company } }));
  }
}

export function register() {
  define('company-buyers', CompanyBuyers);
}
