/**
 * <company-form>: a company's details as a coordinator enters them: the legal name and unified social credit code
 * (checked by its check character before saving), what its invoices name (the title, the kind, and for a special VAT
 * invoice the four tax details, which that kind requires), whom to contact, and its payment terms (days to pay, and
 * the deposit asked when a quote is accepted). `registering(draft, enquiryId)` fills it
 * to register a company (POST /api/admin/corporate/companies, from that enquiry when given); `editing(company)` to change
 * one (PUT …/{id}). Says `company-saved` (bubbles, { company, registered }) once saved, `company-cancel` when let go.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { FormErrors } from '../../../lib/form-errors.js';
import { Attempts, INVOICE_KINDS, refusal, registerCompany, tell, updateCompany } from '../../../lib/corporate.js';
import { define } from '../../../lib/define.js';
import { IDS, SERVER_FIELDS, TAXES, checkCompany, companyBody } from './rules.js';

const TAX_KEYS = { taxAddress: 'corporate.invoice.taxAddress', taxPhone: 'corporate.invoice.taxPhone',
  bankName: 'corporate.invoice.bankName', bankAccount: 'corporate.invoice.bankAccount' };
const TAX_LIMITS = { taxAddress: 200, taxPhone: 40, bankName: 100, bankAccount: 40 };

const KNOWN = {
  'credit-code-taken': { target: IDS.creditCode, key: 'corporate.company.creditCodeTaken' },
  'enquiry-handled': { key: 'corporate.company.enquiryHandled' },
};

function field(id, key, { type = 'text', maxlength, hint, optional = false, inputmode, extra, autocomplete = 'off' } = {}) {
  return html`
    <div class="field">
      <label for="${id}"><span data-i18n="${key}"></span>${optional
        && html`<span id="${id}-optional" class="field__optional" data-i18n="corporate.optional"></span>`}</label>
      ${hint && html`<p id="${id}-hint" class="field__hint" data-i18n="${hint}"></p>`}
      <input id="${id}" name="${id}" type="${type}" maxlength="${maxlength}" autocomplete="${autocomplete}"
             ${!optional && html`required`} ${inputmode && html`inputmode="${inputmode}"`}
             ${hint && html`aria-describedby="${id}-hint"`} ${extra}>
      <p id="${id}-error" class="field__error" hidden></p>
    </div>`;
}

function formHtml() {
  return html`
    <div id="company-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
    <form id="company-form" class="corporate-form" novalidate>
      <p class="field__hint" data-i18n="corporate.form.allRequired"></p>
      <fieldset class="group">
        <legend class="group__legend" data-i18n="corporate.company.legend"></legend>
        ${field(IDS.legalName, 'corporate.company.legalName', { maxlength: 200, hint: 'corporate.company.legalNameHint' })}
        ${field(IDS.creditCode, 'corporate.company.creditCode', { maxlength: 40, hint: 'corporate.company.creditCodeHint',
          extra: html`autocapitalize="characters" spellcheck="false"` })}
      </fieldset>
      <fieldset class="group">
        <legend class="group__legend" data-i18n="corporate.invoice.heading"></legend>
        ${field(IDS.title, 'corporate.invoice.title', { maxlength: 200, hint: 'corporate.invoice.titleHint' })}
        <fieldset id="company-invoice-kind" class="group" aria-describedby="company-invoice-kind-hint">
          <legend class="group__legend" data-i18n="corporate.invoice.kind"></legend>
          <p id="company-invoice-kind-hint" class="field__hint" data-i18n="corporate.invoice.kindHint"></p>
          <div class="choices">
            ${INVOICE_KINDS.map((kind) => html`
              <label class="choice" for="company-invoice-kind-${kind}">
                <input type="radio" id="company-invoice-kind-${kind}" name="company-invoice-kind" value="${kind}">
                <span class="choice__text" data-i18n="corporate.kind.${kind}"></span>
              </label>`)}
          </div>
          <p id="company-invoice-kind-error" class="field__error" hidden></p>
        </fieldset>
        <p id="company-taxes-hint" class="field__hint"></p>
        ${TAXES.map((name) => field(IDS[name], TAX_KEYS[name], { maxlength: TAX_LIMITS[name], optional: true,
          type: name === 'taxPhone' ? 'tel' : 'text', inputmode: name === 'bankAccount' ? 'numeric' : null }))}
      </fieldset>
      <fieldset class="group">
        <legend class="group__legend" data-i18n="corporate.contact.heading"></legend>
        <p class="field__hint" data-i18n="corporate.contact.hint"></p>
        ${field(IDS.contactName, 'corporate.contact.name', { maxlength: 100 })}
        ${field(IDS.contactPhone, 'corporate.contact.phone', { type: 'tel', maxlength: 40, inputmode: 'tel' })}
        ${field(IDS.contactEmail, 'corporate.contact.email', { type: 'email', maxlength: 254,
          extra: html`autocapitalize="off" spellcheck="false"` })}
      </fieldset>
      <fieldset class="group">
        <legend class="group__legend" data-i18n="corporate.terms.heading"></legend>
        ${field(IDS.paymentDays, 'corporate.terms.paymentDays', { type: 'number', inputmode: 'numeric', hint: 'corporate.terms.paymentDaysHint',
          extra: html`min="0" max="180" step="1"` })}
        ${field(IDS.depositPercent, 'corporate.terms.depositPercent', { type: 'number', inputmode: 'numeric',
          hint: 'corporate.terms.depositPercentHint', extra: html`min="0" max="90" step="1"` })}
      </fieldset>
      <div class="button-row">
        <button type="submit" id="company-save" class="button button--primary"></button>
        <button type="button" id="company-cancel" class="button button--secondary" data-i18n="corporate.company.cancel"></button>
      </div>
      <p id="company-form-status" class="status-message" role="status"></p>
    </form>`;
}

class CompanyForm extends HTMLElement {
  connectedCallback() {
    if (this.form) return;
    render(this, formHtml());
    translate(this);
    this.form = this.querySelector('#company-form');
    this.errors = new FormErrors(this.form, this.querySelector('#company-errors'),
      { titleKey: 'admin.errors.title', labelKey: 'admin.errors.fieldLabel' });
    this.statusLine = this.querySelector('#company-form-status');
    this.attempts = new Attempts();
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
    this.form.addEventListener('change', (event) => {
      if (event.target.name === 'company-invoice-kind') this.showKind();
    });
    this.querySelector('#company-cancel').addEventListener('click', () => {
      this.dispatchEvent(new CustomEvent('company-cancel', { bubbles: true }));
    });
  }

  /** To register a company: from `draft` (an enquiry's, or empty), answering the enquiry `enquiryId` if given. */
  registering(draft, enquiryId = null) {
    this.mode = { registering: true, enquiryId };
    this.fill(draft, 'corporate.company.register');
  }

  /** To change the details of `company`. */
  editing(company, draft) {
    this.mode = { registering: false, companyId: company.id };
    this.fill(draft, 'corporate.company.save');
  }

  fill(draft, saveKey) {
    this.errors.clear();
    tell(this.statusLine, null);
    for (const [name, id] of Object.entries(IDS)) this.querySelector(`#${id}`).value = draft[name] ?? '';
    this.querySelector(`#company-invoice-kind-${draft.kind === 'SPECIAL' ? 'SPECIAL' : 'NORMAL'}`).checked = true;
    const save = this.querySelector('#company-save');
    save.dataset.i18n = saveKey;
    translate(save);
    this.showKind();
  }

  get kind() {
    return this.querySelector('input[name="company-invoice-kind"]:checked')?.value || 'NORMAL';
  }

  /** A special invoice requires its four tax details: they are marked required, and say so. */
  showKind() {
    const special = this.kind === 'SPECIAL';
    for (const name of TAXES) {
      const input = this.querySelector(`#${IDS[name]}`);
      input.required = special;
      this.querySelector(`#${IDS[name]}-optional`).hidden = special;
    }
    const hint = this.querySelector('#company-taxes-hint');
    hint.dataset.i18n = special ? 'corporate.invoice.taxesRequired' : 'corporate.invoice.taxesOptional';
    translate(hint);
  }

  draft() {
    const values = Object.fromEntries(Object.entries(IDS).map(([name, id]) => [name, this.querySelector(`#${id}`).value]));
    return { ...values, kind: this.kind };
  }

  focusFirst() {
    this.querySelector(`#${IDS.legalName}`).focus();
  }

  async save() {
    if (this.busy || !this.mode) return;
    const draft = this.draft();
    const problems = checkCompany(draft);
    if (problems.length) {
      this.errors.show(problems);
      return;
    }
    this.errors.clear();
    const body = companyBody(draft);
    const { registering, enquiryId, companyId } = this.mode;
    this.busy = true;
    const save = this.querySelector('#company-save');
    save.setAttribute('aria-disabled', 'true');
    tell(this.statusLine, { key: 'corporate.saving' });
    try {
      const company = registering
        ? await registerCompany(body, enquiryId, this.attempts.keyFor({ body, enquiryId }))
        : await updateCompany(companyId, body);
      this.attempts.done();
      tell(this.statusLine, null);
      this.dispatchEvent(new CustomEvent('company-saved', { bubbles: true, detail: { company, registered: registering } }));
    } catch (error) {
      console.warn('Saving the company failed.', error);
      tell(this.statusLine, null);
      this.errors.show(refusal(error, { fields: SERVER_FIELDS, known: KNOWN }));
    } finally {
      this.busy = false;
      save.removeAttribute('aria-disabled');
    }
  }
}

export function register() {
  define('company-form', CompanyForm);
}
