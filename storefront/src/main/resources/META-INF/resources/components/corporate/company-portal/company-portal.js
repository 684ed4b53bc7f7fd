/**
 * <company-portal>: the buyers' portal. Asks who is signed in (GET /api/auth/me) and, for a corporate buyer, their own
 * company (GET /api/corporate/company): its legal name and credit code, what its invoices name, whom the workshop calls,
 * its delivery locations (<company-locations>: add, remove after a question) and the accounts that buy for it; first of
 * all, the ways to its quotes (/corporate/quotes.html), to ask for one (/corporate/request.html) and to its orders
 * (/corporate/orders.html). Nobody
 * signed in → a link to sign in that comes back here; someone who is not a buyer, or a buyer whose account no company
 * has yet → what to do instead. Each of those notices takes focus, as the makers' portal's do.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { currentUser, isCorporateBuyer } from '../../../lib/session.js';
import {
  ENQUIRE, HOME, factHtml, invoiceKindHtml, keepTimesInLanguage, mailHtml, myCompany, noticeHtml, phoneHtml, problemName,
  signInUrl, whenHtml,
} from '../../../lib/corporate.js';
import { QUOTES_PAGE, REQUEST_PAGE } from '../../../lib/quotes.js';
import { IMPACT_PAGE } from '../../../lib/impact.js';
import { ORDERS_PAGE } from '../../../lib/company-orders.js';
import { define } from '../../../lib/define.js';
import { register as registerLocations } from '../company-locations/company-locations.js';


/** What the company's invoices name; the four tax details only where there are any (a special invoice has all four). */
function invoiceHtml(invoice) {
  const taxes = [['taxAddress', 'corporate.invoice.taxAddress'], ['taxPhone', 'corporate.invoice.taxPhone'],
    ['bankName', 'corporate.invoice.bankName'], ['bankAccount', 'corporate.invoice.bankAccount']];
  return html`
    ${factHtml('corporate.invoice.title', invoice.title, 'portal-invoice-title')}
    ${factHtml('corporate.invoice.kind', invoiceKindHtml(invoice.kind), 'portal-invoice-kind')}
    ${taxes.map(([name, key]) => invoice[name] && factHtml(key, invoice[name], `portal-invoice-${name}`))}`;
}

function companyHtml(company, user) {
  return html`
    <div id="portal-company" class="stack">
      <p id="portal-who" data-i18n="corporate.portal.who"
         data-i18n-params="${JSON.stringify({ email: user.email, company: company.legalName })}"></p>
      <section class="corporate-section" aria-labelledby="portal-next-heading">
        <h2 id="portal-next-heading" data-i18n="corporate.portal.nextHeading"></h2>
        <p data-i18n="corporate.portal.next"></p>
        <div class="button-row">
          <a id="portal-request" class="button button--primary" href="${REQUEST_PAGE}" data-i18n="corporate.quotes.request"></a>
          <a id="portal-quotes" class="button button--secondary" href="${QUOTES_PAGE}" data-i18n="corporate.quotes.all"></a>
          <a id="portal-orders" class="button button--secondary" href="${ORDERS_PAGE}" data-i18n="corporate.orders.all"></a>
          <a id="portal-impact" class="button button--secondary" href="${IMPACT_PAGE}" data-i18n="corporate.impact.portalLink"></a>
        </div>
      </section>
      <nav class="corporate-jump" data-i18n-attr="aria-label:corporate.portal.jump">
        <ul class="corporate-jump__links">
          <li><a id="portal-jump-details" href="#portal-details-heading" data-i18n="corporate.portal.details"></a></li>
          <li><a id="portal-jump-locations" href="#location-heading" data-i18n="corporate.location.heading"></a></li>
          <li><a id="portal-jump-buyers" href="#portal-buyers-heading" data-i18n="corporate.buyers.heading"></a></li>
        </ul>
      </nav>
      <section class="corporate-section" aria-labelledby="portal-details-heading">
        <h2 id="portal-details-heading" tabindex="-1" data-i18n="corporate.portal.details"></h2>
        <dl class="facts">
          ${factHtml('corporate.company.legalName', company.legalName, 'portal-legal-name')}
          ${factHtml('corporate.company.creditCode', html`<span class="corporate-code">${company.creditCode}</span>`, 'portal-credit-code')}
          ${factHtml('corporate.company.registered', whenHtml(company.createdAt), 'portal-registered')}
        </dl>
        <h3 data-i18n="corporate.invoice.heading"></h3>
        <dl class="facts">${invoiceHtml(company.invoice)}</dl>
        <h3 data-i18n="corporate.contact.heading"></h3>
        <p class="field__hint" data-i18n="corporate.contact.hint"></p>
        <dl class="facts">
          ${factHtml('corporate.contact.name', company.contact.name, 'portal-contact-name')}
          ${factHtml('corporate.contact.phone', phoneHtml(company.contact.phone), 'portal-contact-phone')}
          ${factHtml('corporate.contact.email', mailHtml(company.contact.email), 'portal-contact-email')}
        </dl>
        <p class="field__hint" data-i18n="corporate.portal.detailsHint"></p>
      </section>
      <company-locations level="2"></company-locations>
      <section class="corporate-section" aria-labelledby="portal-buyers-heading">
        <h2 id="portal-buyers-heading" tabindex="-1" data-i18n="corporate.buyers.heading"></h2>
        <ul id="portal-buyers" class="corporate-people">
          ${company.buyers.map((buyer) => html`
            <li id="portal-buyer-${buyer.userId}">
              <strong>${buyer.displayName}</strong>
              <span class="corporate-people__email">${mailHtml(buyer.email)}</span>
              <span class="corporate-people__since"><span data-i18n="corporate.buyers.since"></span> ${whenHtml(buyer.addedAt)}</span>
            </li>`)}
        </ul>
        <p class="field__hint" data-i18n="corporate.portal.buyersHint"></p>
      </section>
    </div>`;
}

class CompanyPortal extends HTMLElement {
  connectedCallback() {
    if (this.started) return;
    this.started = true;
    keepTimesInLanguage();
    registerLocations();
    this.addEventListener('click', (event) => {
      if (event.target.closest('#portal-retry')) this.load();
    });
    this.load();
  }

  async load() {
    this.say(html`<p id="portal-checking" role="status" data-i18n="corporate.portal.checking"></p>`);
    let user;
    try {
      user = await currentUser();
      if (user === null) {
        this.refuse(noticeHtml('portal-sign-in', 'corporate.portal.signInHeading', 'corporate.portal.signIn',
          [{ id: 'link', href: signInUrl(), key: 'corporate.portal.signInLink' }, ENQUIRE]));
        return;
      }
      if (!isCorporateBuyer(user)) {
        this.refuse(noticeHtml('portal-no-access', 'corporate.portal.noAccessHeading', 'corporate.portal.noAccess',
          [HOME, ENQUIRE], { email: user.email }));
        return;
      }
      this.show(await myCompany(), user);
    } catch (error) {
      if (user && problemName(error) === 'no-company') {
        this.refuse(noticeHtml('portal-no-company', 'corporate.portal.noCompanyHeading', 'corporate.portal.noCompany',
          [ENQUIRE, HOME], { email: user.email }));
        return;
      }
      console.warn('Could not load the company.', error);
      this.say(html`
        <div id="portal-failed" class="notice" role="alert">
          <p data-i18n="corporate.portal.failed"></p>
          <button type="button" id="portal-retry" class="button button--primary" data-i18n="corporate.retry"></button>
        </div>`);
    }
  }

  show(company, user) {
    this.say(companyHtml(company, user));
    const locations = this.querySelector('company-locations');
    locations.companyId = null;
    locations.locations = company.locations;
  }

  refuse(template) {
    this.say(template);
    this.querySelector('section.notice').focus();
  }

  say(template) {
    render(this, template);
    translate(this);
  }
}

export function register() {
  define('company-portal', CompanyPortal);
}
