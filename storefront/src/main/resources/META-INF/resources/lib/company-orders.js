/**
 * Companies' orders (docs/api/corporate.md, "Orders and payment on terms"): the calls buyers and coordinators make, and
 * what their order screens share, each part a small function so it follows the order view as it grows: the status in
 * words (and "overdue" beside it), what is paid and left, when the next payment is due, the instalments (what is owed
 * when), the payments (a transfer, or an invoice with its page while open), the receipts and the 发票. Parts the view
 * does not carry yet (instalments, payments, receipts, paid) are drawn only when present, or worked out from what is.
 */
import { html } from './html.js';
import { api } from './api.js';
import { send, factHtml, whenHtml } from './corporate.js';
import { dayHtml, messageSpan, moneyHtml } from './quotes.js';
import { receiptName, receiptPage } from './receipts.js';

export const ORDERS_PAGE = '/corporate/orders.html';
export const ADMIN_ORDERS_PAGE = '/admin/company-orders.html';
export const ORDER_STATUSES = ['PENDING_PAYMENT', 'PAID', 'FULFILLED', 'CANCELLED', 'REFUNDED', 'PARTIALLY_REFUNDED'];
export const INSTALMENT_KINDS = ['DEPOSIT', 'BALANCE', 'FULL'];
export const INSTALMENT_STATUSES = ['PAID', 'PART_PAID', 'DUE', 'OVERDUE'];
export const PAYMENT_METHODS = ['BANK_TRANSFER', 'INVOICE'];
export const PAYMENT_STATUSES = ['OPEN', 'SUCCEEDED', 'FAILED', 'EXPIRED'];
export const RECEIPT_KINDS = ['SALE', 'REFUND', 'PAYMENT'];
const PAID_STATUSES = ['PAID', 'FULFILLED', 'REFUNDED', 'PARTIALLY_REFUNDED'];
const ZONE = 'Asia/Shanghai';

const enc = encodeURIComponent;
export const orderPage = (id) => `/corporate/order.html?id=${enc(id)}`;
export const adminOrderPage = (id) => `${ADMIN_ORDERS_PAGE}?id=${enc(id)}`;

// A buyer's.
export const myOrders = () => api.get('/api/corporate/orders');
export const myOrder = (id) => api.get(`/api/corporate/orders/${enc(id)}`);

// The coordinators'.
const ADMIN = '/api/admin/corporate/orders';
export const allOrders = () => api.get(ADMIN);
export const companyOrder = (id) => api.get(`${ADMIN}/${enc(id)}`);
export const recordTransfer = (id, amount, reference) => send('post', `${ADMIN}/${enc(id)}/transfers`,
  { amount: { amount, currency: 'CNY' }, reference });
export const sendInvoice = (id, instalment) => send('post', `${ADMIN}/${enc(id)}/invoices`, { instalment });
export const recordFapiao = (id, fapiao) => send('put', `${ADMIN}/${enc(id)}/fapiao`, fapiao);

const CNY = (amount) => ({ amount, currency: 'CNY' });

/** The day of a time as Chengdu counts days ("2027-01-06"), as due dates are counted. */
export function dayIn(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** Whether the order waits for (more) payment. */
export function awaitingPayment(order) {
  return order.status === 'PENDING_PAYMENT';
}

/** What has arrived: the view's `paid`, or, before it carries one, the whole total once the order is paid. */
export function paidOf(order) {
  if (order.paid) return order.paid;
  return CNY(PAID_STATUSES.includes(order.status) ? order.total.amount : 0);
}

/** What is still owed: nothing unless the order waits for payment. */
export function leftOf(order) {
  if (!awaitingPayment(order)) return CNY(0);
  return CNY(Math.max(0, order.total.amount - paidOf(order).amount));
}

/** The day the next payment is due ("2027-01-06"), or '' when nothing is. */
export function nextDueOf(order) {
  if (!awaitingPayment(order)) return '';
  if (order.nextDue !== undefined) return order.nextDue || '';
  return dayIn(order.payBy);
}

/** The instalments still to be paid (some of them, or all). */
export function unpaidInstalments(order) {
  return (order.instalments || []).filter((each) => each.status !== 'PAID' && each.left.amount > 0);
}

/**
 * What a transfer is most likely for: what is left of the first unpaid instalment when the order has instalments,
 * else what is left of the order.
 */
export function likelyTransfer(order) {
  const [first] = unpaidInstalments(order);
  return first ? first.left : leftOf(order);
}

/** The order's status in words, with its own outline; "overdue" beside it when it is. */
export function orderStatusHtml(order, id = '') {
  const status = ORDER_STATUSES.includes(order.status) ? order.status : 'PENDING_PAYMENT';
  return html`<span ${id && html`id="${id}"`} class="order-status order-status--${status.toLowerCase().replace(/_/g, '-')}"
    data-i18n="corporate.orderStatus.${status}"></span>${order.overdue && html` ${overdueHtml(id && `${id}-overdue`)}`}`;
}

export function overdueHtml(id = '') {
  return html`<strong ${id && html`id="${id}"`} class="company-order-overdue" data-i18n="corporate.orders.overdue"></strong>`;
}

/** When the next payment is due, in words: the day (and "overdue"), "paid in full", or nothing owed. */
export function nextDueHtml(order, id = '') {
  const due = nextDueOf(order);
  if (due) return html`<span ${id && html`id="${id}"`}>${dayHtml(due)}${order.overdue && html` ${overdueHtml()}`}</span>`;
  const key = PAID_STATUSES.includes(order.status) ? 'corporate.orders.paidInFull' : 'corporate.orders.nothingDue';
  return html`<span ${id && html`id="${id}"`} data-i18n="${key}"></span>`;
}

/** The facts of an order: number, PO, quote, status, total, paid, left, next due, the 发票. `quoteHref` links the quote. */
export function orderFactsHtml(order, { prefix, quoteHref }) {
  const left = leftOf(order);
  return html`
    <dl class="facts">
      ${factHtml('corporate.orders.number', html`<strong class="order-number">${order.orderNumber}</strong>`, `${prefix}-number`)}
      ${factHtml('corporate.orders.po', order.poNumber, `${prefix}-po`)}
      ${factHtml('corporate.orders.quote', html`<a id="${prefix}-quote" href="${quoteHref}">${order.quoteNumber}</a>`, `${prefix}-quote-row`)}
      ${factHtml('corporate.orders.status', orderStatusHtml(order, `${prefix}-status`), `${prefix}-status-row`)}
      ${factHtml('corporate.orders.total', moneyHtml(order.total), `${prefix}-total`)}
      ${factHtml('corporate.orders.paid', moneyHtml(paidOf(order)), `${prefix}-paid`)}
      ${left.amount > 0 && factHtml('corporate.orders.left', html`<strong>${moneyHtml(left)}</strong>`, `${prefix}-left`)}
      ${factHtml('corporate.orders.nextDue', nextDueHtml(order), `${prefix}-next-due`)}
      ${order.paidAt && factHtml('corporate.orders.paidAt', whenHtml(order.paidAt), `${prefix}-paid-at`)}
      ${factHtml('corporate.orders.fapiao', fapiaoHtml(order.fapiao, `${prefix}-fapiao`), `${prefix}-fapiao-row`)}
    </dl>`;
}

/** The 发票 as recorded (number, kind in words, day), or that none is recorded yet. */
export function fapiaoHtml(fapiao, id) {
  if (!fapiao) return html`<span id="${id}" data-i18n="corporate.orders.noFapiao"></span>`;
  return html`<span id="${id}"><strong class="corporate-code" id="${id}-number">${fapiao.number}</strong>
    <span data-i18n="corporate.kind.${fapiao.kind === 'SPECIAL' ? 'SPECIAL' : 'NORMAL'}"></span>
    ${messageSpan('corporate.orders.fapiaoIssued')} ${dayHtml(fapiao.issuedOn)}</span>`;
}

function instalmentKindHtml(kind) {
  return html`<span data-i18n="corporate.instalment.kind.${INSTALMENT_KINDS.includes(kind) ? kind : 'FULL'}"></span>`;
}

function instalmentStatusHtml(instalment, id) {
  const status = INSTALMENT_STATUSES.includes(instalment.status) ? instalment.status : 'DUE';
  return html`<span id="${id}" class="instalment-status instalment-status--${status.toLowerCase().replace(/_/g, '-')}"
    data-i18n="corporate.instalment.status.${status}"></span>`;
}

/**
 * What is owed when: a table of the instalments (what, due on, amount, paid, left, status in words); `action(instalment)`
 * gives a cell's content for each (the coordinators' "send an invoice"), none without it. Nothing without instalments.
 */
export function instalmentsHtml(order, { prefix, level = 2, action = null, actionKey = '' }) {
  if (!order.instalments) return html``;
  return html`
    <section class="corporate-section" aria-labelledby="${prefix}-instalments-heading">
      <h${level} id="${prefix}-instalments-heading" tabindex="-1" data-i18n="corporate.instalment.heading"></h${level}>
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="${prefix}-instalments-caption">
        <table id="${prefix}-instalments" class="data-table">
          <caption id="${prefix}-instalments-caption" class="visually-hidden" data-i18n="corporate.instalment.heading"></caption>
          <thead>
            <tr>
              <th scope="col" data-i18n="corporate.instalment.what"></th>
              <th scope="col" data-i18n="corporate.instalment.dueOn"></th>
              <th scope="col" data-i18n="corporate.instalment.amount"></th>
              <th scope="col" data-i18n="corporate.instalment.paid"></th>
              <th scope="col" data-i18n="corporate.instalment.left"></th>
              <th scope="col" data-i18n="corporate.instalment.state"></th>
              ${action && html`<th scope="col" data-i18n="${actionKey}"></th>`}
            </tr>
          </thead>
          <tbody>
            ${order.instalments.map((each) => html`
              <tr id="${prefix}-instalment-${each.seq}">
                <th scope="row">${instalmentKindHtml(each.kind)}</th>
                <td>${dayHtml(each.dueOn)}</td>
                <td class="data-table__number">${moneyHtml(each.amount)}</td>
                <td class="data-table__number">${moneyHtml(each.paid)}</td>
                <td class="data-table__number" id="${prefix}-instalment-${each.seq}-left">${moneyHtml(each.left)}</td>
                <td>${instalmentStatusHtml(each, `${prefix}-instalment-${each.seq}-status`)}</td>
                ${action && html`<td id="${prefix}-instalment-${each.seq}-action">${action(each)}</td>`}
              </tr>`)}
          </tbody>
        </table>
      </div>
      <p class="field__hint" data-i18n="corporate.instalment.hint"></p>
    </section>`;
}

function paymentMethodHtml(payment) {
  const method = PAYMENT_METHODS.includes(payment.method) ? payment.method : 'BANK_TRANSFER';
  return html`<span data-i18n="corporate.payment.method.${method}"></span>${payment.provider === 'demo'
    && html` <span class="company-order-demo" data-i18n="corporate.payment.demo"></span>`}`;
}

/**
 * An invoice's page while it is open: `payKey` says what the link does (the buyer pays there; a coordinator looks).
 * A demo invoice's page is the labelled demo page.
 */
function paymentPageHtml(payment, id, payKey) {
  if (!payment.pageUrl || payment.status !== 'OPEN' || !/^(https?:\/\/|\/)/.test(payment.pageUrl)) return html``;
  return html`<a id="${id}" class="button button--primary company-order-pay" href="${payment.pageUrl}"
    ${/^https?:/.test(payment.pageUrl) && html`rel="noopener"`}>${messageSpan(payKey, { instalment: payment.instalment ?? '' })}</a>`;
}

/**
 * The payments made or asked for: each with how (a transfer, an invoice, demo or not), for which instalment, the
 * amount, where it stands in words, the bank's or provider's reference, when, why its last attempt failed, whether the
 * provider finds it overdue, and the invoice's page while open (`payKey` names its link). Nothing without payments.
 */
export function paymentsHtml(order, { prefix, level = 2, payKey }) {
  if (!order.payments) return html``;
  return html`
    <section class="corporate-section" aria-labelledby="${prefix}-payments-heading">
      <h${level} id="${prefix}-payments-heading" data-i18n="corporate.payment.heading"></h${level}>
      ${order.payments.length === 0 ? html`<p id="${prefix}-payments-none" data-i18n="corporate.payment.none"></p>` : html`
        <ul id="${prefix}-payments" class="company-order-payments">
          ${order.payments.map((payment) => {
            const id = `${prefix}-payment-${payment.paymentId}`;
            const status = PAYMENT_STATUSES.includes(payment.status) ? payment.status : 'OPEN';
            return html`
              <li id="${id}" class="company-order-payment">
                <p class="company-order-payment__what"><strong>${paymentMethodHtml(payment)}</strong>
                  ${payment.instalment && messageSpan('corporate.payment.forInstalment', { instalment: payment.instalment })}</p>
                <dl class="facts">
                  ${factHtml('corporate.payment.amount', moneyHtml(payment.amount), `${id}-amount`)}
                  ${factHtml('corporate.payment.state', html`<span data-i18n="corporate.payment.status.${status}"></span>${payment.overdueAtProvider
                    && html` ${overdueHtml(`${id}-overdue`)}`}`, `${id}-status`)}
                  ${payment.reference && factHtml('corporate.payment.reference', html`<span class="corporate-code">${payment.reference}</span>`,
                    `${id}-reference`)}
                  ${factHtml('corporate.payment.createdAt', whenHtml(payment.createdAt), `${id}-created`)}
                  ${payment.failure && factHtml('corporate.payment.failure', payment.failure, `${id}-failure`)}
                </dl>
                ${paymentPageHtml(payment, `${id}-page`, payKey)}
              </li>`;
          })}
        </ul>`}
    </section>`;
}

/** A receipt's name in the page's language: "Payment receipt CORPORATE-12". */
function receiptHtml(receipt) {
  const kind = RECEIPT_KINDS.includes(receipt.kind) ? receipt.kind : 'other';
  const { register, number } = receiptName(receipt);
  return messageSpan(`corporate.receipt.${kind}`, { register, number });
}

/** The receipts issued for the order, each a link to its public page; nothing when the view carries none. */
export function receiptsHtml(order, { prefix, level = 2 }) {
  if (!order.receipts) return html``;
  return html`
    <section class="corporate-section" aria-labelledby="${prefix}-receipts-heading">
      <h${level} id="${prefix}-receipts-heading" data-i18n="corporate.receipt.heading"></h${level}>
      ${order.receipts.length === 0 ? html`<p id="${prefix}-receipts-none" data-i18n="corporate.receipt.none"></p>` : html`
        <ul id="${prefix}-receipts" class="company-order-receipts">
          ${order.receipts.map((receipt, i) => html`<li><a id="${prefix}-receipt-${i}" href="${receiptPage(receipt.code)}"
            >${receiptHtml(receipt)}</a></li>`)}
        </ul>`}
    </section>`;
}
