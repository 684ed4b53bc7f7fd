/**
 * <corporate-enquiry>: the public enquiry form of a company not yet registered (POST /api/corporate/enquiries): the
 * company's name and, if at hand, its unified social credit code (checked on the page by its check character, so a
 * typo is caught before sending; the server stays the judge), whom to contact and what they need. Mistakes are shown
 * at their fields and in an error summary that takes focus. A submission carries an Idempotency-Key, the same when the
 * same enquiry is sent again after a failure, so a retry never sends it twice. Once received, the form gives way to a
 * confirmation that takes focus and says what happens next, and no more than that.
 */
import { html, render } from '../../../lib/html.js';
import { currentLang, translate } from '../../../lib/i18n.js';
import { FormErrors } from '../../../lib/form-errors.js';
import {
  Attempts, checkFields, creditCodeMessage, keepTimesInLanguage, refusal, sendEnquiry, tell, whenHtml,
} from '../../../lib/corporate.js';
import { normalise } from '../../../lib/credit-code.js';
import { define } from '../../../lib/define.js';

const FIELDS = [
  { name: 'companyName', id: 'enquiry-company', missing: 'corporate.enquiry.company.missing', max: 200 },
  { name: 'creditCode', id: 'enquiry-credit-code' },
  { name: 'contactName', id: 'enquiry-contact-name', missing: 'corporate.enquiry.contactName.missing', max: 100 },
  { name: 'contactPhone', id: 'enquiry-contact-phone', missing: 'corporate.enquiry.contactPhone.missing', max: 40 },
  { name: 'contactEmail', id: 'enquiry-contact-email', missing: 'corporate.enquiry.contactEmail.missing', max: 254, email: true },
  { name: 'needs', id: 'enquiry-needs', missing: 'corporate.enquiry.needs.missing', max: 2000 },
];
const SERVER_FIELDS = Object.fromEntries(FIELDS.map(({ name, id }) => [name, id]));

function field(id, key, control, { hint, optional = false } = {}) {
  return html`
    <div class="field">
      <label for="${id}"><span data-i18n="${key}"></span>${optional
        && html`<span class="field__optional" data-i18n="corporate.optional"></span>`}</label>
      ${hint && html`<p id="${id}-hint" class="field__hint" data-i18n="${hint}"></p>`}
      ${control}
      <p id="${id}-error" class="field__error" hidden></p>
    </div>`;
}

function input(id, { type = 'text', autocomplete = 'off', maxlength, hint = false, required = true, inputmode, extra } = {}) {
  return html`<input id="${id}" name="${id}" type="${type}" autocomplete="${autocomplete}" maxlength="${maxlength}"
                     ${required && html`required`} ${inputmode && html`inputmode="${inputmode}"`}
                     ${hint && html`aria-describedby="${id}-hint"`} ${extra}>`;
}

function formHtml() {
  return html`
    <div id="enquiry-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
    <form id="enquiry-form" class="corporate-form" novalidate aria-labelledby="enquiry-form-heading">
      <h2 id="enquiry-form-heading" data-i18n="corporate.enquiry.formHeading"></h2>
      <p class="field__hint" data-i18n="corporate.form.allRequired"></p>
      <fieldset class="group">
        <legend class="group__legend" data-i18n="corporate.enquiry.companyLegend"></legend>
        ${field('enquiry-company', 'corporate.enquiry.company', input('enquiry-company',
          { autocomplete: 'organization', maxlength: 200, hint: true }), { hint: 'corporate.enquiry.companyHint' })}
        ${field('enquiry-credit-code', 'corporate.enquiry.creditCode', input('enquiry-credit-code',
          { maxlength: 40, hint: true, required: false, extra: html`autocapitalize="characters" spellcheck="false"` }),
          { hint: 'corporate.enquiry.creditCodeHint', optional: true })}
      </fieldset>
      <fieldset class="group">
        <legend class="group__legend" data-i18n="corporate.enquiry.contactLegend"></legend>
        ${field('enquiry-contact-name', 'corporate.enquiry.contactName', input('enquiry-contact-name',
          { autocomplete: 'name', maxlength: 100 }))}
        ${field('enquiry-contact-phone', 'corporate.enquiry.contactPhone', input('enquiry-contact-phone',
          { type: 'tel', autocomplete: 'tel', maxlength: 40, inputmode: 'tel', hint: true }), { hint: 'corporate.enquiry.contactPhoneHint' })}
        ${field('enquiry-contact-email', 'corporate.enquiry.contactEmail', input('enquiry-contact-email',
          { type: 'email', autocomplete: 'email', maxlength: 254, extra: html`autocapitalize="off" spellcheck="false"` }))}
      </fieldset>
      ${field('enquiry-needs', 'corporate.enquiry.needs',
        html`<textarea id="enquiry-needs" name="enquiry-needs" rows="6" maxlength="2000" required
                       aria-describedby="enquiry-needs-hint"></textarea>`, { hint: 'corporate.enquiry.needsHint' })}
      <p class="field__hint" data-i18n="corporate.enquiry.privacy"></p>
      <div class="button-row">
        <button type="submit" id="enquiry-send" class="button button--primary" data-i18n="corporate.enquiry.send"></button>
      </div>
      <p id="enquiry-status" class="status-message" role="status"></p>
    </form>`;
}

function receivedHtml(received, company) {
  return html`
    <section id="enquiry-received" class="notice corporate-received" tabindex="-1" aria-labelledby="enquiry-received-heading">
      <h2 id="enquiry-received-heading" data-i18n="corporate.enquiry.receivedHeading"></h2>
      <p id="enquiry-received-when"><span data-i18n="corporate.enquiry.receivedFor"
         data-i18n-params="${JSON.stringify({ company })}"></span> ${whenHtml(received.receivedAt)}</p>
      <h3 data-i18n="corporate.next.heading"></h3>
      <ol id="enquiry-next" class="corporate-steps">
        <li data-i18n="corporate.next.read"></li>
        <li data-i18n="corporate.next.register"></li>
        <li data-i18n="corporate.next.buyers"></li>
      </ol>
      <p data-i18n="corporate.next.later"></p>
      <p data-i18n="corporate.enquiry.noEmail"></p>
      <p><a id="enquiry-home" href="/" data-i18n="corporate.enquiry.home"></a></p>
    </section>`;
}

class CorporateEnquiry extends HTMLElement {
  connectedCallback() {
    if (this.form) return;
    keepTimesInLanguage();
    render(this, formHtml());
    translate(this);
    this.form = this.querySelector('#enquiry-form');
    this.errors = new FormErrors(this.form, this.querySelector('#enquiry-errors'),
      { titleKey: 'corporate.errors.title', labelKey: 'corporate.errors.fieldLabel' });
    this.statusLine = this.querySelector('#enquiry-status');
    this.button = this.querySelector('#enquiry-send');
    this.attempts = new Attempts();
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
  }

  draft() {
    return Object.fromEntries(FIELDS.map(({ name, id }) => [name, this.querySelector(`#${id}`).value]));
  }

  check(draft) {
    const problems = checkFields(draft, FIELDS);
    const code = creditCodeMessage(draft.creditCode);
    if (code) {
      const after = problems.findIndex((problem) => problem.target !== 'enquiry-company');
      problems.splice(after < 0 ? problems.length : after, 0, { target: 'enquiry-credit-code', message: code });
    }
    return problems;
  }

  async submit() {
    if (this.busy) return;
    const draft = this.draft();
    const problems = this.check(draft);
    if (problems.length) {
      this.errors.show(problems);
      return;
    }
    this.errors.clear();
    const body = {
      companyName: draft.companyName.trim(),
      creditCode: normalise(draft.creditCode),
      contactName: draft.contactName.trim(),
      contactPhone: draft.contactPhone.trim(),
      contactEmail: draft.contactEmail.trim(),
      needs: draft.needs.trim(),
      lang: currentLang(),
    };
    this.setBusy(true);
    tell(this.statusLine, { key: 'corporate.enquiry.sending' });
    try {
      const received = await sendEnquiry(body, this.attempts.keyFor(body));
      this.showReceived(received, body.companyName);
    } catch (error) {
      console.warn('Sending the enquiry failed.', error);
      this.setBusy(false);
      tell(this.statusLine, null);
      this.errors.show(refusal(error, { fields: SERVER_FIELDS }));
    }
  }

  showReceived(received, company) {
    render(this, receivedHtml(received, company));
    translate(this);
    this.form = null;
    this.querySelector('#enquiry-received').focus();
  }

  setBusy(busy) {
    this.busy = busy;
    this.button.setAttribute('aria-disabled', String(busy));
    this.button.dataset.i18n = busy ? 'corporate.enquiry.sendingButton' : 'corporate.enquiry.send';
    translate(this.button);
  }
}

export function register() {
  define('corporate-enquiry', CorporateEnquiry);
}
