/**
 * <company-order-admin>: companies' orders for coordinators (/admin/company-orders.html; GET /api/admin/corporate/orders),
 * newest first, narrowed to one company or to those overdue (the choice kept in the address: ?company=, ?overdue=1).
 * An order's number opens it in the panel below, named in the address (?id=): its facts (PO, quote, status, total,
 * paid, left, next due, the 发票), links to the order's other staff screens (production, deliveries, recording work for it)
 * and its signed impact report PDF, what is owed when, with "send an invoice" for each instalment not paid and without
 * an open invoice (POST …/invoices; a refusal is said in words), the payments and the receipts; and
 * <company-order-actions> to record a bank transfer or the 发票. After a change the order is loaded again, and again
 * for a few seconds while a payment recorded is being applied, so what the transfer changed shows without reloading.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { ListLoad, showFailed } from '../../../lib/paged-list.js';
import { keepTimesInLanguage, refusal, tell } from '../../../lib/corporate.js';
import { keepQuotesInLanguage, messageSpan, moneyHtml, moneyMessageHtml } from '../../../lib/quotes.js';
import {
  allOrders, awaitingPayment, companyOrder, instalmentsHtml, nextDueHtml, orderFactsHtml, orderStatusHtml, paidOf, paymentsHtml,
  receiptsHtml, sendInvoice, unpaidInstalments,
} from '../../../lib/company-orders.js';
import { formatMoney } from '../../../lib/money.js';
import { productionPage } from '../../../lib/production.js';
import { adminDeliveriesPage } from '../../../lib/deliveries.js';
import { define } from '../../../lib/define.js';
import { orderRefusal, register as registerActions } from '../company-order-actions/company-order-actions.js';

/** How often, and how many times, an order is asked again after a payment was recorded (its events run a moment later). */
const FOLLOW_MS = 1000;
const FOLLOW_TIMES = 20;

function filtersFromAddress() {
  const params = new URLSearchParams(window.location.search);
  return { company: params.get('company') || '', overdue: params.get('overdue') === '1' };
}

function pageHtml() {
  return html`
    <section class="admin-panel" aria-labelledby="company-orders-heading">
      <h2 id="company-orders-heading" tabindex="-1" data-i18n="corporate.adminOrders.heading"></h2>
      <p class="field__hint" data-i18n="corporate.adminOrders.intro"></p>
      <div id="company-orders-filters"></div>
      <p id="company-orders-status" class="status-message" role="status"></p>
      <div id="company-orders-list"></div>
    </section>
    <section id="company-order-panel" class="admin-panel" aria-labelledby="company-order-heading" hidden>
      <h2 id="company-order-heading" tabindex="-1"></h2>
      <p id="company-order-message" class="status-message" role="status" tabindex="-1"></p>
      <div id="company-order-body" class="stack"></div>
      <company-order-actions hidden></company-order-actions>
    </section>`;
}

function filtersHtml(orders, filters) {
  const names = [...new Set(orders.map((order) => order.companyName))].sort((a, b) => a.localeCompare(b));
  return html`
    <form id="company-orders-filter" class="filters" role="search" aria-labelledby="company-orders-filter-heading">
      <h3 id="company-orders-filter-heading" class="filters__heading" data-i18n="corporate.adminOrders.filterHeading"></h3>
      <div class="field">
        <label for="company-orders-company" data-i18n="corporate.adminOrders.company"></label>
        <select id="company-orders-company" name="company">
          <option value="" data-i18n="corporate.adminOrders.allCompanies"></option>
          ${names.map((name) => html`<option value="${name}" ${filters.company === name && html`selected`}>${name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label class="choice" for="company-orders-overdue">
          <input id="company-orders-overdue" name="overdue" type="checkbox" value="1" ${filters.overdue && html`checked`}>
          <span class="choice__text" data-i18n="corporate.adminOrders.overdueOnly"></span></label>
      </div>
    </form>`;
}

function tableHtml(orders) {
  if (orders.length === 0) return html`<p id="company-orders-empty" data-i18n="corporate.adminOrders.none"></p>`;
  return html`
    <p id="company-orders-scroll-hint" class="field__hint company-orders-hint" data-i18n="corporate.orders.scrollHint"></p>
    <div class="table-scroll" role="region" tabindex="0" aria-labelledby="company-orders-caption"
         aria-describedby="company-orders-scroll-hint">
      <table id="company-orders-table" class="data-table">
        <caption id="company-orders-caption">${messageSpan('corporate.orders.caption', { count: orders.length })}</caption>
        <thead>
          <tr>
            <th scope="col" data-i18n="corporate.orders.number"></th>
            <th scope="col" data-i18n="corporate.adminOrders.company"></th>
            <th scope="col" data-i18n="corporate.orders.po"></th>
            <th scope="col" data-i18n="corporate.orders.status"></th>
            <th scope="col" data-i18n="corporate.orders.total"></th>
            <th scope="col" data-i18n="corporate.orders.paid"></th>
            <th scope="col" data-i18n="corporate.orders.nextDue"></th>
          </tr>
        </thead>
        <tbody>
          ${orders.map((order) => html`
            <tr id="company-orders-row-${order.orderId}">
              <th scope="row">
                <button type="button" id="company-order-open-${order.orderId}" class="button button--secondary companies__open order-number"
                        data-open="${order.orderId}" aria-describedby="company-orders-open-hint">${order.orderNumber}</button>
              </th>
              <td>${order.companyName}</td>
              <td>${order.poNumber}</td>
              <td>${orderStatusHtml(order, `company-orders-status-${order.orderId}`)}</td>
              <td class="data-table__number">${moneyHtml(order.total)}</td>
              <td class="data-table__number">${moneyHtml(paidOf(order))}</td>
              <td>${nextDueHtml(order, `company-orders-due-${order.orderId}`)}</td>
            </tr>`)}
        </tbody>
      </table>
    </div>
    <p id="company-orders-open-hint" class="field__hint" data-i18n="corporate.adminOrders.openHint"></p>`;
}

/** "Send an invoice" for an instalment still owed, unless an invoice for it is open (then that is said). */
function invoiceActionHtml(order, instalment) {
  if (!awaitingPayment(order) || !unpaidInstalments(order).includes(instalment)) return html``;
  const open = (order.payments || []).some((payment) => payment.method === 'INVOICE' && payment.status === 'OPEN'
    && payment.instalment === instalment.seq);
  if (open) return html`<span data-i18n="corporate.invoice.open"></span>`;
  return html`<button type="button" id="company-order-invoice-${instalment.seq}" class="button button--secondary"
    data-invoice="${instalment.seq}">${moneyMessageHtml('corporate.invoice.send', {}, { left: instalment.left })}</button>`;
}

/** The order's other staff screens: production, deliveries, recording work for it, and its impact report for the company. */
function orderWorkHtml(order) {
  const id = encodeURIComponent(order.orderId);
  return html`
    <nav class="company-order-work" aria-labelledby="company-order-work-heading">
      <h3 id="company-order-work-heading" data-i18n="corporate.adminOrders.workHeading"></h3>
      <ul class="company-order-work__list">
        <li><a id="company-order-production" href="${productionPage(order.orderId)}" data-i18n="corporate.adminOrders.production"></a></li>
        <li><a id="company-order-deliveries" href="${adminDeliveriesPage(order.orderId)}" data-i18n="corporate.adminOrders.deliveries"></a></li>
        <li><a id="company-order-record-work" href="/admin/piecework.html?order=${id}" data-i18n="corporate.adminOrders.recordWork"></a></li>
        <li><a id="company-order-impact-pdf" href="/api/admin/corporate/orders/${id}/impact.pdf" type="application/pdf"
               aria-describedby="company-order-impact-pdf-hint" data-i18n="corporate.adminOrders.impactPdf"></a></li>
      </ul>
      <p id="company-order-impact-pdf-hint" class="field__hint" data-i18n="corporate.adminOrders.impactPdfHint"></p>
    </nav>`;
}

function orderHtml(order) {
  return html`
    ${orderFactsHtml(order, { prefix: 'company-order', quoteHref: `/admin/quotes.html?quote=${encodeURIComponent(order.quoteId)}` })}
    <p><a id="company-order-full" href="/admin/order.html?id=${encodeURIComponent(order.orderId)}"
          data-i18n="corporate.adminOrders.full"></a></p>
    ${orderWorkHtml(order)}
    ${instalmentsHtml(order, { prefix: 'company-order', level: 3, actionKey: 'corporate.invoice.column',
      action: (instalment) => invoiceActionHtml(order, instalment) })}
    ${paymentsHtml(order, { prefix: 'company-order', level: 3, payKey: 'corporate.payment.page' })}
    ${receiptsHtml(order, { prefix: 'company-order', level: 3 })}`;
}

class CompanyOrderAdmin extends HTMLElement {
  connectedCallback() {
    if (this.started) return;
    this.started = true;
    keepTimesInLanguage();
    keepQuotesInLanguage();
    registerActions();
    render(this, pageHtml());
    translate(this);
    this.filters = filtersFromAddress();
    this.panel = this.querySelector('#company-order-panel');
    this.heading = this.querySelector('#company-order-heading');
    this.statusLine = this.querySelector('#company-order-message');
    this.body = this.querySelector('#company-order-body');
    this.actions = this.querySelector('company-order-actions');
    this.addEventListener('click', (event) => {
      const open = event.target.closest('button[data-open]');
      if (open) this.open(open.dataset.open);
      const invoice = event.target.closest('button[data-invoice]');
      if (invoice) this.invoice(Number(invoice.dataset.invoice));
    });
    this.addEventListener('change', (event) => {
      if (event.target.closest('#company-orders-filter')) this.filter();
    });
    this.addEventListener('submit', (event) => {
      if (event.target.id === 'company-orders-filter') event.preventDefault();
    });
    this.addEventListener('company-order-changed', (event) => this.changed(event.detail.message));
    this.addEventListener('company-order-stale', (event) => this.open(this.current.orderId, { message: event.detail.message }));
    this.list = new ListLoad(this, {
      what: 'companies\' orders',
      retryId: 'company-orders-retry',
      fetch: () => allOrders(),
      failed: () => showFailed(this.querySelector('#company-orders-list'), 'corporate.adminOrders.loadFailed', 'company-orders-retry'),
      loaded: (orders) => this.showList(orders),
    });
    this.list.run();
    const named = new URLSearchParams(window.location.search).get('id');
    if (named) this.open(named, { focus: false });
  }

  showList(orders) {
    this.orders = orders;
    const filters = this.querySelector('#company-orders-filters');
    if (!filters.firstElementChild) {
      render(filters, filtersHtml(orders, this.filters));
      translate(filters);
    }
    this.drawTable();
  }

  drawTable() {
    const { company, overdue } = this.filters;
    const shown = this.orders.filter((order) => (!company || order.companyName === company) && (!overdue || order.overdue));
    const list = this.querySelector('#company-orders-list');
    render(list, tableHtml(shown));
    translate(list);
    return shown;
  }

  /** Narrows the list as the choice changes, says how many are shown, and keeps the choice in the address. */
  filter() {
    this.filters = {
      company: this.querySelector('#company-orders-company').value,
      overdue: this.querySelector('#company-orders-overdue').checked,
    };
    const url = new URL(window.location.href);
    if (this.filters.company) url.searchParams.set('company', this.filters.company);
    else url.searchParams.delete('company');
    if (this.filters.overdue) url.searchParams.set('overdue', '1');
    else url.searchParams.delete('overdue');
    window.history.replaceState(window.history.state, '', url);
    if (!this.orders) return;
    const shown = this.drawTable();
    tell(this.querySelector('#company-orders-status'), { key: 'corporate.adminOrders.shown', params: { count: shown.length } });
  }

  remember(id) {
    const url = new URL(window.location.href);
    if (id) url.searchParams.set('id', id);
    else url.searchParams.delete('id');
    window.history.replaceState(window.history.state, '', url);
  }

  title(key, params = {}) {
    this.heading.dataset.i18n = key;
    this.heading.dataset.i18nParams = JSON.stringify(params);
    translate(this.heading);
  }

  /** Opens an order in the panel; `message` is said once it is shown (and takes focus), else the heading does. */
  async open(id, { focus = true, message = null } = {}) {
    this.following = null;
    this.panel.hidden = false;
    this.actions.hidden = true;
    this.title('corporate.adminOrders.opening');
    render(this.body, html``);
    tell(this.statusLine, { key: 'corporate.companies.opening' });
    try {
      const order = await companyOrder(id);
      tell(this.statusLine, null);
      this.show(order);
      if (message) this.say(message);
      else if (focus) this.heading.focus();
    } catch (error) {
      console.warn('Could not load the order.', error);
      this.current = null;
      this.remember(null);
      this.title('corporate.adminOrders.failedHeading');
      tell(this.statusLine, { key: error.status === 404 ? 'corporate.adminOrders.notFound' : 'corporate.adminOrders.openFailed' });
      if (focus) this.heading.focus();
    }
  }

  show(order) {
    this.current = order;
    this.remember(order.orderId);
    this.title('corporate.adminOrders.orderHeading', { number: order.orderNumber, company: order.companyName });
    this.drawOrder(order);
    this.actions.hidden = false;
    this.actions.order = order;
  }

  drawOrder(order) {
    render(this.body, orderHtml(order));
    translate(this.body);
  }

  say(message) {
    this.statusLine.textContent = '';
    render(this.statusLine, messageSpan(message.key, message.params || {}));
    translate(this.statusLine);
    this.statusLine.focus();
  }

  async changed(message) {
    const before = this.current;
    await this.open(before.orderId, { message });
    this.list.run();
    this.follow(before);
  }

  /**
   * A payment recorded is applied by events a moment later: the order is asked again each second for a few seconds,
   * and what changed (paid, status, receipts) is drawn in place, focus kept where it was.
   */
  async follow(before) {
    const token = {};
    this.following = token;
    const shape = (order) => JSON.stringify([order.status, paidOf(order).amount, (order.receipts || []).length, order.overdue]);
    const was = shape(this.current || before);
    for (let i = 0; i < FOLLOW_TIMES; i += 1) {
      await new Promise((resolve) => { window.setTimeout(resolve, FOLLOW_MS); });
      if (this.following !== token || !this.current) return;
      let order;
      try {
        order = await companyOrder(this.current.orderId);
      } catch (error) {
        return;
      }
      if (this.following !== token) return;
      if (shape(order) !== was) {
        const focused = document.activeElement?.id;
        this.current = order;
        this.drawOrder(order);
        if (focused && this.body.querySelector(`#${CSS.escape(focused)}`)) document.getElementById(focused).focus();
        if (!this.actions.contains(document.activeElement)) this.actions.order = order;
        this.list.run();
        return;
      }
    }
  }

  /** Sends an invoice for what is left of an instalment; the server's refusal is said in words at the panel. */
  async invoice(seq) {
    if (this.busy || !this.current) return;
    this.busy = true;
    const button = this.querySelector(`#company-order-invoice-${seq}`);
    button?.setAttribute('aria-disabled', 'true');
    try {
      const sent = await sendInvoice(this.current.orderId, seq);
      await this.changed({ key: sent.provider === 'demo' ? 'corporate.invoice.sentDemo' : 'corporate.invoice.sent',
        params: { amount: formatMoney(sent.amount), instalment: seq } });
    } catch (error) {
      console.warn('Sending the invoice failed.', error);
      button?.removeAttribute('aria-disabled');
      const known = orderRefusal(error);
      if (known) {
        await this.open(this.current.orderId, { message: known });
        return;
      }
      const [problem] = error?.status === 404 || error?.status === 405 ? [{ message: { key: 'corporate.invoice.unavailable' } }]
        : refusal(error);
      this.say(problem.message);
    } finally {
      this.busy = false;
    }
  }
}

export function register() {
  define('company-order-admin', CompanyOrderAdmin);
}
