/**
 * <buyer-impact>: the company's impact reports (/corporate/impact.html): one order's (?order={id}; GET
 * /api/corporate/orders/{id}/impact) or a year's (?year=2026, this year when not given; GET /api/corporate/impact).
 * The makers (named only with their consent, the others counted), pieces accepted and checked, hours recorded and for
 * how many work records, the piece-work earnings paid, by operation and, for a year, by order (each a link to its own
 * report); how the figures are made; and the signed PDF whose QR code leads to the public check, offered once there is
 * work to report. Drawn again when the language changes.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, t } from '../../../lib/i18n.js';
import { PORTAL } from '../../../lib/corporate.js';
import { asBuyer, today } from '../../../lib/quotes.js';
import {
  figuresHtml, methodHtml, operationsHtml, orderImpact, orderImpactPage, orderPdf, ordersHtml, yearImpact, yearImpactPage, yearPdf,
} from '../../../lib/impact.js';
import { define } from '../../../lib/define.js';

const YEARS_SHOWN = 5;

function yearFormHtml(selected) {
  const thisYear = Number(today().slice(0, 4));
  const years = Array.from({ length: YEARS_SHOWN }, (_, i) => thisYear - i);
  return html`
    <form id="impact-year-form" class="corporate-form impact-year" method="get" action="/corporate/impact.html">
      <div class="field">
        <label for="impact-year">${t('corporate.impact.year.label')}</label>
        <select id="impact-year" name="year">
          ${years.map((year) => html`<option value="${year}" ${year === selected ? html`selected` : ''}>${year}</option>`)}
        </select>
      </div>
      <button type="submit" id="impact-year-show" class="button button--secondary">${t('corporate.impact.year.show')}</button>
    </form>`;
}

function signedHtml(report, pdf) {
  return html`
    <section class="corporate-section" aria-labelledby="impact-signed-heading">
      <h2 id="impact-signed-heading">${t('corporate.impact.signed.heading')}</h2>
      ${report.records > 0 ? html`
        <p>${t('corporate.impact.signed.text')}</p>
        <p>${t('corporate.impact.signed.frozen')}</p>
        <p class="button-row"><a id="impact-pdf" class="button button--primary" href="${pdf}" type="application/pdf">${
          t('corporate.impact.signed.download')}</a></p>`
        : html`<p id="impact-signed-none">${t('corporate.impact.signed.none')}</p>`}
    </section>`;
}

function reportHtml(report, { year, order }) {
  const subject = report.kind === 'YEAR'
    ? t('corporate.impact.subject.year', { year: report.year, company: report.company.name })
    : t('corporate.impact.subject.order', { number: report.order.number, po: report.order.poNumber, company: report.company.name });
  return html`
    <p><a id="impact-portal" href="${PORTAL}">${t('corporate.impact.back')}</a></p>
    <p id="impact-subject">${subject}</p>
    <section class="corporate-section" aria-labelledby="impact-figures-heading">
      <h2 id="impact-figures-heading">${t('corporate.impact.figures')}</h2>
      ${figuresHtml(report, 'impact')}
    </section>
    <section class="corporate-section" aria-labelledby="impact-operations-heading">
      <h2 id="impact-operations-heading">${t('corporate.impact.operations')}</h2>
      ${operationsHtml(report, 'impact')}
    </section>
    ${report.kind === 'YEAR' && report.orderLines.length > 0 && html`
      <section class="corporate-section" aria-labelledby="impact-orders-heading">
        <h2 id="impact-orders-heading">${t('corporate.impact.byOrder')}</h2>
        ${ordersHtml(report, 'impact', orderImpactPage)}
      </section>`}
    ${signedHtml(report, order ? orderPdf(order) : yearPdf(year))}
    <section class="corporate-section" aria-labelledby="impact-method-heading">
      <h2 id="impact-method-heading">${t('corporate.impact.method.heading')}</h2>
      ${methodHtml('impact')}
    </section>
    <section class="corporate-section" aria-labelledby="impact-other-heading">
      <h2 id="impact-other-heading">${t('corporate.impact.other')}</h2>
      ${order ? html`<p><a id="impact-this-year" href="${yearImpactPage(today().slice(0, 4))}">${t('corporate.impact.thisYear')}</a></p>` : ''}
      ${yearFormHtml(report.year ?? Number(today().slice(0, 4)))}
    </section>`;
}

class BuyerImpact extends HTMLElement {
  connectedCallback() {
    if (this.started) return;
    this.started = true;
    const params = new URLSearchParams(window.location.search);
    this.order = params.get('order') || '';
    this.year = this.order ? null : Number(params.get('year')) || Number(today().slice(0, 4));
    this.addEventListener('click', (event) => {
      if (event.target.closest('#impact-retry')) this.load();
    });
    document.addEventListener(LANG_CHANGE, () => this.draw());
    this.load();
  }

  async load() {
    const loaded = await asBuyer(this, 'impact', async () => (this.order ? orderImpact(this.order) : yearImpact(this.year)));
    if (!loaded) return;
    this.report = loaded;
    this.draw();
  }

  draw() {
    const { report } = this;
    if (!report) return;
    const heading = document.getElementById('page-heading');
    const title = report.kind === 'YEAR' ? t('corporate.impact.heading.year', { year: report.year })
      : t('corporate.impact.heading.order', { number: report.order.number });
    if (heading) {
      delete heading.dataset.i18n;
      heading.textContent = title;
    }
    document.title = t('corporate.impact.pageTitle', { title, site: t('brand.name') });
    const focused = document.activeElement?.id;
    render(this, reportHtml(report, { year: this.year, order: this.order }));
    if (focused) document.getElementById(focused)?.focus();
  }
}

export function register() {
  define('buyer-impact', BuyerImpact);
}
