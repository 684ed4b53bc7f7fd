/**
 * Impact reports (docs/api/corporate.md, step 7): a buyer's report of one order or of a year, their signed PDFs, the
 * public check of an issued report (/i/{code}, what the QR code on its PDF holds), and the figures as both pages show
 * them: makers (named only with their consent, the others counted), pieces, the hours recorded and for how many of the
 * work records, the piece-work earnings paid, by operation and, for a year, by order. Drawn with t(), so a page draws
 * them again when the language changes.
 */
import { html } from './html.js';
import { currentLang, t } from './i18n.js';
import { api } from './api.js';
import { formatMoney } from './money.js';
import { codeIn } from './signed-check.js';

export const IMPACT_PAGE = '/corporate/impact.html';
const enc = encodeURIComponent;

export const orderImpact = (id) => api.get(`/api/corporate/orders/${enc(id)}/impact`);
export const yearImpact = (year) => api.get(`/api/corporate/impact?year=${enc(year)}`);
export const orderPdf = (id) => `/api/corporate/orders/${enc(id)}/impact.pdf`;
export const yearPdf = (year) => `/api/corporate/impact.pdf?year=${enc(year)}`;
export const orderImpactPage = (id) => `${IMPACT_PAGE}?order=${enc(id)}`;
export const yearImpactPage = (year) => `${IMPACT_PAGE}?year=${enc(year)}`;

/** GET /api/impact-reports/{code}: the issued report with its verification; unknown or forged codes fail with 404. */
export const fetchImpactCheck = (code) => api.get(`/api/impact-reports/${enc(code)}`);

/** The code in this page's own address (/i/{code}), or '' when there is none. */
export function codeFromAddress(pathname = window.location.pathname) {
  return codeIn('/i/', pathname);
}

/** Minutes as hours in the page's language, to a tenth: "7.5". */
export function hours(minutes) {
  return new Intl.NumberFormat(currentLang(), { maximumFractionDigits: 1 }).format(Number(minutes || 0) / 60);
}

function count(value) {
  return new Intl.NumberFormat(currentLang()).format(Number(value || 0));
}

function pick(zh, en) {
  const [first, second] = currentLang() === 'en' ? [en, zh] : [zh, en];
  return first || second || '';
}

/**
 * "王芳、李静 and 3 other makers": the consenting makers by name (in Latin script on an English page, where the report has
 * it), the others counted, never named.
 */
export function makersSentence(report) {
  const latin = currentLang() === 'en' && (report.namedMakersEn || []).length === (report.namedMakers || []).length;
  const names = (latin ? report.namedMakersEn : report.namedMakers) || [];
  const others = report.otherMakers || 0;
  const list = names.join(t('corporate.impact.makers.separator'));
  if (!names.length) return t('corporate.impact.makers.noneNamed', { count: others });
  if (!others) return t('corporate.impact.makers.named', { names: list });
  return t('corporate.impact.makers.namedAndOthers', { names: list, count: others });
}

/** "10.5 hours, recorded on 4 of 6 work records" — or that no time was recorded. */
export function hoursSentence(figures) {
  if (!figures.timedRecords) return t('corporate.impact.hours.none', { count: figures.records });
  return t('corporate.impact.hours.recorded', { hours: hours(figures.minutes), timed: figures.timedRecords, count: figures.records });
}

function fact(label, value, id) {
  return html`<div class="facts__row"><dt>${label}</dt><dd id="${id}">${value}</dd></div>`;
}

/** The headline figures of a report; `prefix` names their ids. */
export function figuresHtml(report, prefix) {
  return html`
    <dl class="facts impact-figures" id="${prefix}-figures">
      ${report.kind === 'YEAR' && fact(t('corporate.impact.fact.orders'), count(report.orders), `${prefix}-orders`)}
      ${fact(t('corporate.impact.fact.makers'), html`<strong>${count(report.makers)}</strong>
        ${report.makers > 0 && html`<span class="impact-makers">${makersSentence(report)}</span>`}`, `${prefix}-makers`)}
      ${fact(t('corporate.impact.fact.pieces'), t('corporate.impact.pieces', { accepted: count(report.accepted), checked: count(report.checked) }),
        `${prefix}-pieces`)}
      ${fact(t('corporate.impact.fact.hours'), hoursSentence(report), `${prefix}-hours`)}
      ${fact(t('corporate.impact.fact.earnings'), html`<strong>${formatMoney(report.earnings)}</strong>`, `${prefix}-earnings`)}
    </dl>`;
}

function hoursCell(figures) {
  return figures.timedRecords ? t('corporate.impact.hoursCell', { hours: hours(figures.minutes), timed: figures.timedRecords, count: figures.records })
    : t('corporate.impact.hoursCellNone');
}

/** The figures by operation, in a table that scrolls in its own region on a narrow screen. */
export function operationsHtml(report, prefix) {
  if (!report.operations.length) return html`<p id="${prefix}-no-work">${t('corporate.impact.noWork')}</p>`;
  return html`
    <div class="table-scroll" role="region" tabindex="0" aria-labelledby="${prefix}-operations-heading">
      <table class="data-table impact-table" id="${prefix}-operations">
        <caption class="visually-hidden">${t('corporate.impact.operations')}</caption>
        <thead><tr>
          <th scope="col">${t('corporate.impact.col.operation')}</th><th scope="col" class="n">${t('corporate.impact.col.makers')}</th>
          <th scope="col" class="n">${t('corporate.impact.col.pieces')}</th><th scope="col" class="n">${t('corporate.impact.col.hours')}</th>
          <th scope="col" class="n">${t('corporate.impact.col.earnings')}</th>
        </tr></thead>
        <tbody>${report.operations.map((line) => html`<tr>
          <th scope="row">${pick(line.productZh, line.productEn)} · ${pick(line.operationZh, line.operationEn)}</th>
          <td class="n">${count(line.makers)}</td>
          <td class="n">${t('corporate.impact.pieces', { accepted: count(line.accepted), checked: count(line.checked) })}</td>
          <td class="n">${hoursCell(line)}</td><td class="n">${formatMoney(line.earnings)}</td></tr>`)}</tbody>
      </table>
    </div>`;
}

/** A year's figures by order; `link(orderId)` gives each order's own report page, or null for plain numbers. */
export function ordersHtml(report, prefix, link = null) {
  if (!report.orderLines?.length) return null;
  return html`
    <div class="table-scroll" role="region" tabindex="0" aria-labelledby="${prefix}-orders-heading">
      <table class="data-table impact-table" id="${prefix}-order-lines">
        <caption class="visually-hidden">${t('corporate.impact.byOrder')}</caption>
        <thead><tr>
          <th scope="col">${t('corporate.impact.col.order')}</th><th scope="col" class="n">${t('corporate.impact.col.makers')}</th>
          <th scope="col" class="n">${t('corporate.impact.col.pieces')}</th><th scope="col" class="n">${t('corporate.impact.col.hours')}</th>
          <th scope="col" class="n">${t('corporate.impact.col.earnings')}</th>
        </tr></thead>
        <tbody>${report.orderLines.map((line) => html`<tr>
          <th scope="row">${link ? html`<a href="${link(line.orderId)}">${line.orderNumber}</a>` : line.orderNumber}</th>
          <td class="n">${count(line.makers)}</td>
          <td class="n">${t('corporate.impact.pieces', { accepted: count(line.accepted), checked: count(line.checked) })}</td>
          <td class="n">${hoursCell(line)}</td><td class="n">${formatMoney(line.earnings)}</td></tr>`)}</tbody>
      </table>
    </div>`;
}

/** How the figures are made, said on both pages (and on the PDF), so they promise nothing the system does not do. */
export function methodHtml(prefix) {
  return html`
    <ul class="impact-method" id="${prefix}-method">
      <li>${t('corporate.impact.method.earnings')}</li>
      <li>${t('corporate.impact.method.hours')}</li>
      <li>${t('corporate.impact.method.consent')}</li>
    </ul>`;
}
