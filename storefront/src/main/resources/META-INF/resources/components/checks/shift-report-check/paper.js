/**
 * An X or Z report laid out like its paper: which report, register and shift, when it was issued (in the workshop's
 * local time, its zone named), the sales by tender, category, product and price list, the discounts, the refunds at
 * the counter (count, total, by tender), the taxes per
 * rate, and the cash drawer (counted and the difference on the Z report only), with its QR code. Names are in the
 * page's language where the report has them.
 */
import { html } from '../../../lib/html.js';
import { currentLang, t } from '../../../lib/i18n.js';
import { formatMoney } from '../../../lib/money.js';
import { qrSvg } from '../../../lib/qr-code.js';
import { tenderName } from '../../../lib/tenders.js';

/** Where the workshop is: its reports' times are read there (the report itself keeps UTC). */
const ZONE = 'Asia/Shanghai';

const TYPES = { X: 'report.type.X', Z: 'report.type.Z' };
const TYPES_SAID = { X: 'report.typeSaid.X', Z: 'report.typeSaid.Z' };

function percent(rate) {
  return new Intl.NumberFormat(currentLang(), { style: 'percent', maximumFractionDigits: 2 }).format(Number(rate));
}

/** A time of the report in the workshop's local time, with its zone named in the page's language. */
export function localTime(iso) {
  if (!iso) return '';
  const when = new Date(iso);
  const format = (options) => new Intl.DateTimeFormat(currentLang(), { timeZone: ZONE, ...options });
  const zone = format({ timeZoneName: 'long' }).formatToParts(when).find((part) => part.type === 'timeZoneName')?.value || ZONE;
  return html`<time datetime="${iso}">${t('report.localTime', { time: format({ dateStyle: 'medium', timeStyle: 'medium' }).format(when), zone })}</time>`;
}

function pick(zh, en) {
  return currentLang() === 'en' && en ? en : zh;
}

/** "X report CANTEEN-1": the page's title and the paper's heading. */
export function reportTitle(report) {
  return t('report.name', { type: t(TYPES[report.type] ?? 'report.type.X'), register: report.register });
}

function fact(key, value, id) {
  return html`<div class="paper__fact"><dt>${t(key)}</dt><dd id="${id}">${value}</dd></div>`;
}

function whenBy(at, by) {
  return html`${localTime(at)} · ${t('report.by', { who: by })}`;
}

function factsTemplate(report) {
  return html`
    <dl class="paper__facts">
      ${fact('report.fact.type', t(TYPES_SAID[report.type] ?? 'report.typeSaid.X'), 'report-type')}
      ${fact('report.fact.register', t('report.register', { name: pick(report.registerNameZh, report.registerNameEn),
        id: report.register }), 'report-register')}
      ${fact('report.fact.opened', whenBy(report.openedAt, report.openedBy), 'report-opened')}
      ${fact('report.fact.closed', report.closedAt ? whenBy(report.closedAt, report.closedBy) : t('report.stillOpen'), 'report-closed')}
      ${fact('report.fact.issued', localTime(report.issuedAt), 'report-issued')}
    </dl>`;
}

/** A small table: `head` are column keys (the first is the row's name), `rows` arrays of cells; nothing when empty. */
function table(id, headingKey, head, rows) {
  if (rows.length === 0) return null;
  return html`
    <section class="paper__part" aria-labelledby="${id}-heading">
      <h3 id="${id}-heading">${t(headingKey)}</h3>
      <table id="${id}" class="report-table">
        <thead><tr>${head.map((key, index) => html`<th scope="col" class="${index > 0 ? 'report-table__number' : ''}">${t(key)}</th>`)}</tr></thead>
        <tbody>${rows.map(([name, ...cells]) => html`<tr><th scope="row">${name}</th>${cells.map((cell) => html`
          <td class="report-table__number">${cell}</td>`)}</tr>`)}</tbody>
      </table>
    </section>`;
}

function salesTemplate(sales) {
  return html`
    <section class="paper__part" aria-labelledby="report-sales-heading">
      <h3 id="report-sales-heading">${t('report.sales.heading')}</h3>
      <p class="paper__row"><span>${t('report.sales.count')}</span><span id="report-sales-count" class="paper__amount">${sales.count}</span></p>
      <p class="paper__row paper__total"><span>${t('report.sales.total')}</span>
        <span id="report-sales-total" class="paper__amount">${formatMoney(sales.total)}</span></p>
    </section>
    ${table('report-tenders', 'report.tenders.heading', ['report.col.tender', 'report.col.count', 'report.col.amount'],
      sales.tenders.map((tender) => [tenderName(tender.type), tender.count, formatMoney(tender.amount)]))}
    ${table('report-categories', 'report.categories.heading', ['report.col.category', 'report.col.quantity', 'report.col.amount'],
      sales.categories.map((category) => [pick(category.nameZh, category.nameEn) || category.code, category.quantity,
        formatMoney(category.amount)]))}
    ${table('report-products', 'report.products.heading', ['report.col.product', 'report.col.quantity', 'report.col.amount'],
      sales.products.map((product) => [pick(product.name, product.nameEn), product.quantity, formatMoney(product.amount)]))}
    ${table('report-price-lists', 'report.priceLists.heading', ['report.col.priceList', 'report.col.count', 'report.col.amount'],
      sales.priceLists.map((list) => [pick(list.nameZh, list.nameEn) || list.code, list.count, formatMoney(list.amount)]))}
    <section class="paper__part" aria-labelledby="report-discounts-heading">
      <h3 id="report-discounts-heading">${t('report.discounts.heading')}</h3>
      <p id="report-discounts">${sales.discounts.lines === 0 ? t('report.discounts.none')
        : t('report.discounts.given', { count: sales.discounts.lines, amount: formatMoney(sales.discounts.amount) })}</p>
    </section>`;
}

/**
 * Lines taken off sales before payment and the drawer opened without a sale: each with who and when (reports issued
 * before these were counted have neither, and show nothing of them).
 */
function lossTemplate(report) {
  const { voided, noSales } = report;
  if (!voided || !noSales) return null;
  return html`
    <section class="paper__part" aria-labelledby="report-voided-heading">
      <h3 id="report-voided-heading">${t('report.voided.heading')}</h3>
      <p id="report-voided">${voided.lines === 0 ? t('report.voided.none')
        : t('report.voided.summary', { lines: voided.lines, quantity: voided.quantity, amount: formatMoney(voided.amount) })}</p>
    </section>
    ${table('report-voided-lines', 'report.voided.each', ['report.col.product', 'report.col.quantity', 'report.col.amount',
      'report.col.cashier', 'report.col.time'], voided.each.map((line) => [pick(line.nameZh, line.nameEn), line.quantity,
      formatMoney(line.amount), line.cashier, localTime(line.at)]))}
    <section class="paper__part" aria-labelledby="report-no-sales-heading">
      <h3 id="report-no-sales-heading">${t('report.noSales.heading')}</h3>
      ${noSales.length === 0 ? html`<p id="report-no-sales">${t('report.noSales.none')}</p>` : html`
        <ul id="report-no-sales" class="plain-list">${noSales.map((noSale) => html`<li>${localTime(noSale.at)} · ${noSale.cashier}:
          ${noSale.reason}</li>`)}</ul>`}
    </section>`;
}

/** The returns at the counter during the shift; a report made before returns existed has none to say. */
function refundsTemplate(refunds) {
  if (!refunds) return null;
  return html`
    <section class="paper__part" aria-labelledby="report-refunds-heading">
      <h3 id="report-refunds-heading">${t('report.refunds.heading')}</h3>
      ${refunds.count === 0 ? html`<p id="report-refunds-none">${t('report.refunds.none')}</p>` : html`
        <p class="paper__row"><span>${t('report.refunds.count')}</span><span id="report-refunds-count" class="paper__amount">${refunds.count}</span></p>
        <p class="paper__row paper__total"><span>${t('report.refunds.total')}</span>
          <span id="report-refunds-total" class="paper__amount">${formatMoney(refunds.total)}</span></p>`}
    </section>
    ${table('report-refund-tenders', 'report.refunds.tenders', ['report.col.tender', 'report.col.refunds', 'report.col.amount'],
      refunds.tenders.map((tender) => [tenderName(tender.type), tender.count, formatMoney(tender.amount)]))}`;
}

function taxesTemplate(taxes) {
  return table('report-taxes', 'report.taxes.heading', ['report.col.rate', 'receipt.taxes.gross', 'receipt.taxes.tax', 'receipt.taxes.net'],
    taxes.map((tax) => [percent(tax.rate), formatMoney(tax.gross), formatMoney(tax.tax), formatMoney(tax.net)]));
}

function drawerRow(key, money, id, strong = false) {
  return html`<p class="paper__row${strong ? ' paper__strong' : ''}"><span>${t(key)}</span>
    <span id="${id}" class="paper__amount">${formatMoney(money)}</span></p>`;
}

function drawerTemplate(drawer) {
  return html`
    <section class="paper__part" aria-labelledby="report-drawer-heading">
      <h3 id="report-drawer-heading">${t('report.drawer.heading')}</h3>
      ${drawerRow('report.drawer.float', drawer.openingFloat, 'report-drawer-float')}
      ${drawerRow('report.drawer.paidIn', drawer.paidIn, 'report-drawer-paid-in')}
      ${drawerRow('report.drawer.paidOut', drawer.paidOut, 'report-drawer-paid-out')}
      ${drawerRow('report.drawer.cashSales', drawer.cashSales, 'report-drawer-cash-sales')}
      ${drawer.cashRefunds && drawerRow('report.drawer.cashRefunds', drawer.cashRefunds, 'report-drawer-cash-refunds')}
      ${drawerRow('report.drawer.expected', drawer.expected, 'report-drawer-expected', true)}
      ${drawer.counted && drawerRow('report.drawer.counted', drawer.counted, 'report-drawer-counted', true)}
      ${drawer.difference && html`<p class="paper__row paper__strong"><span>${t('report.drawer.difference')}</span>
        <span id="report-drawer-difference" class="paper__amount">${formatMoney(drawer.difference)}</span></p>
        <p id="report-drawer-difference-words" class="paper__sub">${t(drawer.difference.amount === 0 ? 'report.drawer.even'
          : drawer.difference.amount < 0 ? 'report.drawer.short' : 'report.drawer.over')}</p>`}
    </section>`;
}

/** The report's paper; `address` is its page's full address, which its QR code holds. */
export function paperTemplate(report, address) {
  return html`
    <article id="report-paper" class="paper" aria-labelledby="report-paper-heading">
      <header class="paper__head">
        <h2 id="report-paper-heading" class="paper__title">${reportTitle(report)}</h2>
        <p class="paper__sub">${pick(report.registerNameZh, report.registerNameEn)}</p>
      </header>
      ${factsTemplate(report)}
      ${salesTemplate(report.sales)}
      ${lossTemplate(report)}
      ${refundsTemplate(report.refunds)}
      ${taxesTemplate(report.taxes)}
      ${drawerTemplate(report.drawer)}
      <footer class="paper__foot">
        ${qrSvg(address, { id: 'report-qr', className: 'paper__qr', label: t('report.qr.alt', { name: reportTitle(report) }) })}
        <p class="paper__sub paper__url">${address}</p>
      </footer>
    </article>`;
}
