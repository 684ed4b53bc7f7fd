/**
 * <corporate-enquiries>: the new enquiries from companies not yet registered (GET /api/admin/corporate/enquiries?status=NEW),
 * newest first, each with what the company asked for and whom to contact; "Register this company" says
 * `register-enquiry` (bubbles, { enquiry }) for the page to open the company form filled from it; "Decline" asks first,
 * in place, then declines it (POST …/enquiries/{id}/decline). `reload()` loads the list again.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { ListLoad, showFailed } from '../../../lib/paged-list.js';
import {
  confirmHtml, declineEnquiry, factHtml, mailHtml, newEnquiries, phoneHtml, refusal, showInPlace, tell, whenHtml,
} from '../../../lib/corporate.js';
import { define } from '../../../lib/define.js';

const LANGS = ['zh-CN', 'en'];

function actionsHtml(enquiry) {
  const id = enquiry.id;
  return html`
    <button type="button" id="enquiry-register-${id}" class="button button--primary" data-register="${id}">
      <span data-i18n="corporate.enquiries.register"></span><span class="visually-hidden"> ${enquiry.companyName}</span></button>
    <button type="button" id="enquiry-decline-${id}" class="button button--secondary" data-decline="${id}">
      <span data-i18n="corporate.enquiries.decline"></span><span class="visually-hidden"> ${enquiry.companyName}</span></button>`;
}

function enquiryHtml(enquiry) {
  const id = enquiry.id;
  return html`
    <li class="corporate-card" id="enquiry-${id}">
      <h3 class="corporate-card__title" id="enquiry-${id}-company">${enquiry.companyName}</h3>
      <dl class="facts">
        ${factHtml('corporate.enquiries.received', whenHtml(enquiry.receivedAt), `enquiry-${id}-received`)}
        ${factHtml('corporate.company.creditCode', enquiry.creditCode
          ? html`<span class="corporate-code">${enquiry.creditCode}</span>`
          : html`<span data-i18n="corporate.enquiries.noCode"></span>`, `enquiry-${id}-code`)}
        ${factHtml('corporate.contact.name', enquiry.contactName, `enquiry-${id}-contact`)}
        ${factHtml('corporate.contact.phone', phoneHtml(enquiry.contactPhone), `enquiry-${id}-phone`)}
        ${factHtml('corporate.contact.email', mailHtml(enquiry.contactEmail), `enquiry-${id}-email`)}
        ${factHtml('corporate.enquiries.lang', html`<span data-i18n="corporate.enquiries.lang.${LANGS.includes(enquiry.lang) ? enquiry.lang : 'zh-CN'}"></span>`,
          `enquiry-${id}-lang`)}
        ${factHtml('corporate.enquiries.needs', html`<span class="corporate-needs">${enquiry.needs}</span>`, `enquiry-${id}-needs`)}
      </dl>
      <div class="corporate-card__actions" id="enquiry-${id}-actions">${actionsHtml(enquiry)}</div>
    </li>`;
}

class CorporateEnquiries extends HTMLElement {
  connectedCallback() {
    if (this.list) return;
    render(this, html`
      <section class="admin-panel" aria-labelledby="enquiries-heading">
        <h2 id="enquiries-heading" tabindex="-1" data-i18n="corporate.enquiries.heading"></h2>
        <p class="field__hint" data-i18n="corporate.enquiries.intro"></p>
        <p id="enquiries-status" class="status-message" role="status"></p>
        <div id="enquiries-list"></div>
      </section>`);
    translate(this);
    this.list = this.querySelector('#enquiries-list');
    this.statusLine = this.querySelector('#enquiries-status');
    this.enquiries = [];
    this.addEventListener('click', (event) => this.clicked(event));
    this.loader = new ListLoad(this, {
      what: 'corporate enquiries',
      retryId: 'enquiries-retry',
      fetch: () => newEnquiries(),
      failed: () => showFailed(this.list, 'corporate.enquiries.loadFailed', 'enquiries-retry'),
      loaded: (enquiries) => this.draw(enquiries),
    });
    this.loader.run();
  }

  reload() {
    return this.loader.run();
  }

  draw(enquiries) {
    this.enquiries = enquiries;
    render(this.list, enquiries.length === 0
      ? html`<p id="enquiries-empty" data-i18n="corporate.enquiries.empty"></p>`
      : html`
        <p id="enquiries-count" data-i18n="corporate.enquiries.count" data-i18n-params="${JSON.stringify({ count: enquiries.length })}"></p>
        <ul id="enquiries-items" class="corporate-cards">${enquiries.map(enquiryHtml)}</ul>`);
    translate(this.list);
  }

  find(id) {
    return this.enquiries.find((enquiry) => enquiry.id === id);
  }

  clicked(event) {
    const button = event.target.closest('button');
    if (!button) return;
    const { register, decline, confirm, keep } = button.dataset;
    if (register && this.find(register)) {
      this.dispatchEvent(new CustomEvent('register-enquiry', { bubbles: true, detail: { enquiry: this.find(register) } }));
    } else if (decline) this.ask(decline);
    else if (keep) this.keep(keep);
    else if (confirm) this.decline(confirm);
  }

  ask(id) {
    const enquiry = this.find(id);
    if (!enquiry) return;
    const actions = this.querySelector(`#enquiry-${id}-actions`);
    showInPlace(actions, confirmHtml('enquiry', enquiry.id, 'decline', { question: 'corporate.enquiries.confirm',
      act: 'corporate.enquiries.confirmDecline', keep: 'corporate.enquiries.keep' }, { company: enquiry.companyName }), `#enquiry-confirm-${id}`);
  }

  keep(id) {
    const enquiry = this.find(id);
    const actions = this.querySelector(`#enquiry-${id}-actions`);
    if (!enquiry || !actions) return;
    showInPlace(actions, actionsHtml(enquiry), `#enquiry-decline-${id}`);
  }

  async decline(id) {
    const enquiry = this.find(id);
    if (!enquiry || this.busy) return;
    this.busy = true;
    try {
      await declineEnquiry(id);
      await this.reload();
      tell(this.statusLine, { key: 'corporate.enquiries.declined', params: { company: enquiry.companyName } });
    } catch (error) {
      console.warn('Declining the enquiry failed.', error);
      await this.reload();
      tell(this.statusLine, refusal(error, { known: { 'enquiry-handled': { key: 'corporate.company.enquiryHandled' } } })
        .map((problem) => problem.message));
    } finally {
      this.busy = false;
      this.querySelector('#enquiries-heading').focus();
    }
  }
}

export function register() {
  define('corporate-enquiries', CorporateEnquiries);
}
