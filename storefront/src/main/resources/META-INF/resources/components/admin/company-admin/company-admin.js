/**
 * <company-admin>: the coordinators' screen of the corporate door (/admin/companies.html). The new enquiries
 * (<corporate-enquiries>), the registered companies (GET /api/admin/corporate/companies), and one company at a time in a
 * panel below them, named in the address (?company=): its details (changed with <company-form>), its delivery locations
 * (<company-locations>) and its buyers (<company-buyers>). "Register this company" on an enquiry opens the same panel
 * with the company form filled from the enquiry; once registered, the panel shows the new company, ready for buyers.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { ListLoad, showFailed } from '../../../lib/paged-list.js';
import {
  companies, company as loadCompany, factHtml, invoiceKindHtml, keepTimesInLanguage, mailHtml, phoneHtml, tell, whenHtml,
} from '../../../lib/corporate.js';
import { define } from '../../../lib/define.js';
import { register as registerEnquiries } from '../corporate-enquiries/corporate-enquiries.js';
import { register as registerForm } from '../company-form/company-form.js';
import { register as registerBuyers } from '../company-buyers/company-buyers.js';
import { register as registerLocations } from '../../corporate/company-locations/company-locations.js';
import { TAXES, draftOf, draftOfEnquiry } from '../company-form/rules.js';

const params = (values) => JSON.stringify(values);
const TAX_KEYS = { taxAddress: 'corporate.invoice.taxAddress', taxPhone: 'corporate.invoice.taxPhone',
  bankName: 'corporate.invoice.bankName', bankAccount: 'corporate.invoice.bankAccount' };

function pageHtml() {
  return html`
    <corporate-enquiries></corporate-enquiries>
    <section class="admin-panel" aria-labelledby="companies-heading">
      <h2 id="companies-heading" data-i18n="corporate.companies.heading"></h2>
      <p class="field__hint" data-i18n="corporate.companies.intro"></p>
      <p><button type="button" id="company-new" class="button button--secondary" data-i18n="corporate.companies.new"></button></p>
      <div id="companies-list"></div>
    </section>
    <section id="company-panel" class="admin-panel" aria-labelledby="company-panel-heading" hidden>
      <h2 id="company-panel-heading" tabindex="-1"></h2>
      <p id="company-status" class="status-message" role="status"></p>
      <div id="company-enquiry" class="notice" hidden></div>
      <div id="company-view" class="corporate-section"></div>
      <company-form hidden></company-form>
      <company-locations level="3" hidden></company-locations>
      <company-buyers hidden></company-buyers>
    </section>`;
}

function companiesHtml(list) {
  if (list.length === 0) return html`<p id="companies-empty" data-i18n="corporate.companies.empty"></p>`;
  return html`
    <div class="table-scroll" role="region" tabindex="0" aria-labelledby="companies-caption">
      <table id="companies-table" class="data-table">
        <caption id="companies-caption" data-i18n="corporate.companies.caption" data-i18n-params="${params({ count: list.length })}"></caption>
        <thead>
          <tr>
            <th scope="col" data-i18n="corporate.company.legalName"></th>
            <th scope="col" data-i18n="corporate.company.creditCode"></th>
            <th scope="col" data-i18n="corporate.contact.name"></th>
            <th scope="col" data-i18n="corporate.companies.buyers"></th>
            <th scope="col" data-i18n="corporate.company.registered"></th>
          </tr>
        </thead>
        <tbody>
          ${list.map((each) => html`
            <tr id="companies-row-${each.id}">
              <th scope="row">
                <button type="button" id="company-open-${each.id}" class="button button--secondary companies__open" data-open="${each.id}"
                        aria-describedby="companies-open-hint">${each.legalName}</button>
              </th>
              <td><span class="corporate-code">${each.creditCode}</span></td>
              <td>${each.contactName}</td>
              <td class="data-table__number" id="companies-buyers-${each.id}">${each.buyers}</td>
              <td>${whenHtml(each.createdAt)}</td>
            </tr>`)}
        </tbody>
      </table>
    </div>
    <p id="companies-open-hint" class="field__hint" data-i18n="corporate.companies.openHint"></p>`;
}

function viewHtml(company) {
  const invoice = company.invoice;
  return html`
    <h3 id="company-details-heading" data-i18n="corporate.portal.details"></h3>
    <dl class="facts">
      ${factHtml('corporate.company.legalName', company.legalName, 'company-view-legal-name')}
      ${factHtml('corporate.company.creditCode', html`<span class="corporate-code">${company.creditCode}</span>`, 'company-view-credit-code')}
      ${factHtml('corporate.company.registered', whenHtml(company.createdAt), 'company-view-registered')}
      ${factHtml('corporate.invoice.title', invoice.title, 'company-view-invoice-title')}
      ${factHtml('corporate.invoice.kind', invoiceKindHtml(invoice.kind), 'company-view-invoice-kind')}
      ${TAXES.map((name) => invoice[name] && factHtml(TAX_KEYS[name], invoice[name], `company-view-${name}`))}
      ${factHtml('corporate.contact.name', company.contact.name, 'company-view-contact-name')}
      ${factHtml('corporate.contact.phone', phoneHtml(company.contact.phone), 'company-view-contact-phone')}
      ${factHtml('corporate.contact.email', mailHtml(company.contact.email), 'company-view-contact-email')}
    </dl>
    <div class="button-row">
      <button type="button" id="company-edit" class="button button--secondary" data-i18n="corporate.company.edit"></button>
    </div>`;
}

function enquiryContextHtml(enquiry) {
  return html`
    <h3 data-i18n="corporate.company.fromEnquiry"></h3>
    <p><span data-i18n="corporate.enquiries.received"></span>: ${whenHtml(enquiry.receivedAt)}</p>
    <p class="corporate-needs" id="company-enquiry-needs">${enquiry.needs}</p>`;
}

class CompanyAdmin extends HTMLElement {
  connectedCallback() {
    if (this.started) return;
    this.started = true;
    keepTimesInLanguage();
    for (const register of [registerEnquiries, registerForm, registerBuyers, registerLocations]) register();
    render(this, pageHtml());
    translate(this);
    this.panel = this.querySelector('#company-panel');
    this.heading = this.querySelector('#company-panel-heading');
    this.statusLine = this.querySelector('#company-status');
    this.form = this.querySelector('company-form');
    this.locations = this.querySelector('company-locations');
    this.buyers = this.querySelector('company-buyers');
    this.view = this.querySelector('#company-view');
    this.enquiries = this.querySelector('corporate-enquiries');
    this.addEventListener('click', (event) => this.clicked(event));
    this.addEventListener('register-enquiry', (event) => this.registerFrom(event.detail.enquiry));
    this.addEventListener('company-saved', (event) => this.saved(event.detail));
    this.addEventListener('company-cancel', () => this.cancelForm());
    this.addEventListener('company-change', (event) => this.changed(event.detail.company));
    this.addEventListener('locations-change', (event) => {
      if (this.current) this.current = { ...this.current, locations: event.detail.locations };
    });
    document.addEventListener(LANG_CHANGE, () => this.title());
    this.list = new ListLoad(this, {
      what: 'companies',
      retryId: 'companies-retry',
      fetch: () => companies(),
      failed: () => showFailed(this.querySelector('#companies-list'), 'corporate.companies.loadFailed', 'companies-retry'),
      loaded: (list) => {
        render(this.querySelector('#companies-list'), companiesHtml(list));
        translate(this.querySelector('#companies-list'));
      },
    });
    this.list.run();
    const named = new URLSearchParams(window.location.search).get('company');
    if (named) this.open(named, { focus: false });
  }

  clicked(event) {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.dataset.open) this.open(button.dataset.open);
    else if (button.id === 'company-new') this.registerFrom(null);
    else if (button.id === 'company-edit') this.edit();
  }

  /** The address names the company open, so the page can be reloaded or shared among coordinators. */
  remember(id) {
    const url = new URL(window.location.href);
    if (id) url.searchParams.set('company', id);
    else url.searchParams.delete('company');
    window.history.replaceState(window.history.state, '', url);
  }

  async open(id, { focus = true } = {}) {
    this.enquiry = null;
    this.show('loading');
    tell(this.statusLine, { key: 'corporate.companies.opening' });
    try {
      const company = await loadCompany(id);
      tell(this.statusLine, null);
      this.showCompany(company);
      if (focus) this.heading.focus();
    } catch (error) {
      console.warn('Could not load the company.', error);
      this.current = null;
      this.remember(null);
      this.show('failed');
      tell(this.statusLine, { key: error.status === 404 ? 'corporate.errors.gone' : 'corporate.companies.openFailed' });
      if (focus) this.heading.focus();
    }
  }

  showCompany(company) {
    this.current = company;
    this.remember(company.id);
    render(this.view, viewHtml(company));
    translate(this.view);
    this.locations.companyId = company.id;
    this.locations.locations = company.locations;
    this.buyers.company = company;
    this.show('company');
  }

  /** What the panel shows: a company ('company'), its details being changed ('edit'), a company being registered. */
  show(state) {
    this.state = state;
    this.panel.hidden = false;
    const company = state === 'company' || state === 'edit';
    this.view.hidden = state !== 'company';
    this.form.hidden = state !== 'register' && state !== 'edit';
    this.locations.hidden = !company;
    this.buyers.hidden = !company;
    this.querySelector('#company-enquiry').hidden = !(state === 'register' && this.enquiry);
    this.title();
  }

  title() {
    const keys = {
      loading: ['corporate.companies.loadingHeading', {}],
      failed: ['corporate.companies.failedHeading', {}],
      company: ['corporate.companies.companyHeading', { name: this.current?.legalName }],
      edit: ['corporate.companies.editHeading', { name: this.current?.legalName }],
      register: this.enquiry ? ['corporate.companies.registerFromHeading', { name: this.enquiry.companyName }]
        : ['corporate.companies.registerHeading', {}],
    };
    const [key, values] = keys[this.state] || keys.loading;
    this.heading.dataset.i18n = key;
    this.heading.dataset.i18nParams = params(values);
    translate(this.heading);
  }

  /** The company form, filled from `enquiry` (or empty), to register the company. */
  registerFrom(enquiry) {
    this.enquiry = enquiry;
    this.current = null;
    this.remember(null);
    tell(this.statusLine, null);
    const context = this.querySelector('#company-enquiry');
    if (enquiry) {
      render(context, enquiryContextHtml(enquiry));
      translate(context);
    }
    this.form.registering(enquiry ? draftOfEnquiry(enquiry) : draftOf(null), enquiry?.id ?? null);
    this.show('register');
    this.heading.focus();
  }

  edit() {
    if (!this.current) return;
    this.form.editing(this.current, draftOf(this.current));
    this.show('edit');
    this.form.focusFirst();
  }

  cancelForm() {
    const was = this.state;
    this.enquiry = null;
    if (was === 'edit' && this.current) {
      this.show('company');
      this.querySelector('#company-edit').focus();
    } else {
      this.panel.hidden = true;
      this.state = null;
      this.querySelector(`#enquiries-heading`).focus();
    }
  }

  saved({ company, registered }) {
    const enquiry = this.enquiry;
    this.enquiry = null;
    this.showCompany(company);
    tell(this.statusLine, registered
      ? { key: 'corporate.companies.registered', params: { name: company.legalName } }
      : { key: 'corporate.companies.saved', params: { name: company.legalName } });
    this.list.run();
    if (registered && enquiry) this.enquiries.reload();
    if (registered) this.heading.focus();
    else this.querySelector('#company-edit').focus();
  }

  /** The buyers changed: the list's count too. */
  changed(company) {
    this.current = company;
    this.list.run();
  }
}

export function register() {
  define('company-admin', CompanyAdmin);
}
