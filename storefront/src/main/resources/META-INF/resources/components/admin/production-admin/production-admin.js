/**
 * <production-admin>: a company's order made by the makers (/admin/production.html; docs/api/corporate.md, "Production").
 * The order is picked from the companies' orders or named in the address (?order=). Then: the forecast against the date
 * wanted (a warning naming the operation that holds the order up), and per operation the pieces needed, checked and
 * remaining, the suggested split from recent output (applied by a button, then editable), and the split across makers
 * with each maker's checked pieces and recent output; the whole split is saved at once.
 */
import { html, render } from '../../../lib/html.js';
import { currentLang, translate } from '../../../lib/i18n.js';
import { tell, factHtml, problemName } from '../../../lib/corporate.js';
import { dayHtml, keepQuotesInLanguage, messageSpan, nameHtml } from '../../../lib/quotes.js';
import { companyOrders, forecastHtml, operationNameHtml, orderProduction, savePlan } from '../../../lib/production.js';
import { define } from '../../../lib/define.js';

function pickerHtml(orders) {
  if (orders.length === 0) return html`<p id="production-no-orders" data-i18n="corporate.production.noOrders"></p>`;
  return html`
    <form id="production-pick" class="production-pick">
      <div class="field">
        <label for="production-order" data-i18n="corporate.production.order"></label>
        <select id="production-order">
          ${orders.map((order) => html`<option value="${order.orderId}">${order.orderNumber} — ${order.companyName}</option>`)}
        </select>
      </div>
      <button type="submit" id="production-open" class="button button--secondary" data-i18n="corporate.production.open"></button>
    </form>`;
}

/** A maker's name in the page's script: the Latin-script one on English pages. */
function nameIn(chinese, latin) {
  return (currentLang() === 'en' && latin) || chinese;
}

/** The makers of an operation's split: those given pieces, suggested or with checked work first, then everyone else. */
function makersOf(operation, everyone) {
  const rows = new Map();
  const add = (id, name) => { if (!rows.has(id)) rows.set(id, name); };
  operation.makers.forEach((maker) => add(maker.makerId, nameIn(maker.makerName, maker.makerNameLatin)));
  operation.suggested.forEach((maker) => add(maker.makerId, nameIn(maker.makerName, maker.makerNameLatin)));
  everyone.forEach((maker) => add(maker.id, nameIn(maker.name, maker.nameLatin)));
  return [...rows.entries()].map(([id, name]) => {
    const work = operation.makers.find((maker) => maker.makerId === id);
    const suggested = operation.suggested.find((maker) => maker.makerId === id);
    return { id, name, assigned: work?.assigned ?? 0, checked: work?.checked ?? 0,
      perDay: suggested?.dailyOutput ?? work?.dailyOutput ?? 0 };
  });
}

function suggestionHtml(operation, i) {
  if (operation.noRecentOutput) return html`<p id="op-${i}-suggestion" data-i18n="corporate.production.noSuggestion"></p>`;
  return html`
    <p id="op-${i}-suggestion">${messageSpan('corporate.production.suggested')}
      ${operation.suggested.map((maker, n) => html`${n > 0 ? ' · ' : ''}${nameIn(maker.makerName, maker.makerNameLatin)} ${maker.pieces}`)}</p>
    <p class="field__hint" data-i18n="corporate.production.notSuggested"></p>
    <button type="button" id="op-${i}-apply" class="button button--secondary" data-apply="${i}"
            data-i18n="corporate.production.apply"></button>`;
}

function operationHtml(operation, i, everyone) {
  const makers = makersOf(operation, everyone);
  return html`
    <fieldset id="op-${i}" class="production-operation" data-operation="${operation.operationId}">
      <legend id="op-${i}-name">${operationNameHtml(operation)}</legend>
      <p id="op-${i}-counts">${messageSpan('corporate.production.counts',
        { needed: operation.needed, checked: operation.checked, remaining: operation.remaining })}</p>
      ${suggestionHtml(operation, i)}
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="op-${i}-caption">
        <table class="data-table" id="op-${i}-table">
          <caption id="op-${i}-caption">${messageSpan('corporate.production.splitCaption')} ${operationNameHtml(operation)}</caption>
          <thead><tr>
            <th scope="col" data-i18n="corporate.production.maker"></th>
            <th scope="col" data-i18n="corporate.production.pieces"></th>
            <th scope="col" data-i18n="corporate.production.checkedCol"></th>
            <th scope="col" data-i18n="corporate.production.perDay"></th>
          </tr></thead>
          <tbody>
            ${makers.map((maker, m) => html`
              <tr>
                <th scope="row"><label for="op-${i}-maker-${m}">${maker.name}</label></th>
                <td><input id="op-${i}-maker-${m}" class="production-pieces" type="number" inputmode="numeric" min="0" step="1"
                           value="${maker.assigned}" data-op="${i}" data-maker="${maker.id}"></td>
                <td class="data-table__number">${maker.checked}</td>
                <td class="data-table__number">${maker.perDay}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>
      <p id="op-${i}-sum" class="production-sum"></p>
    </fieldset>`;
}

function workHtml(view) {
  const { order, production } = view;
  return html`
    <dl class="facts">
      ${factHtml('corporate.adminQuotes.company', order.companyName, 'production-company')}
      ${factHtml('corporate.quotes.number', html`<a id="production-quote" href="/admin/quotes.html?quote=${encodeURIComponent(order.quoteId)}"
        >${order.quoteNumber}</a>`, 'production-quote-row')}
      ${factHtml('corporate.production.status', html`<span data-i18n="adminOrders.status.${order.status}"></span>`, 'production-order-status')}
      ${factHtml('corporate.quote.wantedBy', dayHtml(view.wantedBy), 'production-wanted')}
    </dl>
    <section aria-labelledby="production-forecast-heading" class="stack">
      <h3 id="production-forecast-heading" data-i18n="corporate.production.forecastHeading"></h3>
      ${forecastHtml(production.forecast, 'production-forecast')}
    </section>
    ${production.untracked.length > 0 && html`
      <p id="production-untracked">${messageSpan('corporate.production.untracked')}
        ${production.untracked.map((product, n) => html`${n > 0 ? ' · ' : ''}${nameHtml(product.nameZh, product.nameEn)} × ${product.quantity}`)}
        <a href="/admin/piece-rates.html" data-i18n="corporate.production.untrackedLink"></a></p>`}
    <section aria-labelledby="production-split-heading" class="stack">
      <h3 id="production-split-heading" data-i18n="corporate.production.splitHeading"></h3>
      ${production.operations.length === 0
        ? html`<p id="production-no-operations" data-i18n="corporate.production.noOperations"></p>`
        : html`
          <form id="production-plan" class="stack" novalidate>
            <p class="field__hint" data-i18n="corporate.production.splitHint"></p>
            ${production.operations.map((operation, i) => operationHtml(operation, i, production.makers))}
            <p id="production-save-status" class="status-message" role="status" tabindex="-1"></p>
            <button type="submit" id="production-save" class="button button--primary" data-i18n="corporate.production.save"></button>
          </form>`}
    </section>`;
}

class ProductionAdmin extends HTMLElement {
  connectedCallback() {
    if (this.started) return;
    this.started = true;
    keepQuotesInLanguage();
    render(this, html`
      <section class="admin-panel" aria-labelledby="production-pick-heading">
        <h2 id="production-pick-heading" data-i18n="corporate.production.pickHeading"></h2>
        <p id="production-pick-status" class="status-message" role="status"></p>
        <div id="production-picker"></div>
      </section>
      <section id="production-panel" class="admin-panel" aria-labelledby="production-heading" hidden>
        <h2 id="production-heading" tabindex="-1"></h2>
        <p id="production-status" class="status-message" role="status" tabindex="-1"></p>
        <div id="production-body" class="stack"></div>
      </section>`);
    translate(this);
    this.panel = this.querySelector('#production-panel');
    this.heading = this.querySelector('#production-heading');
    this.statusLine = this.querySelector('#production-status');
    this.body = this.querySelector('#production-body');
    this.addEventListener('submit', (event) => {
      event.preventDefault();
      if (event.target.id === 'production-pick') this.open(this.querySelector('#production-order').value);
      if (event.target.id === 'production-plan') this.save();
    });
    this.addEventListener('click', (event) => {
      const apply = event.target.closest('button[data-apply]');
      if (apply) this.apply(Number(apply.dataset.apply));
    });
    this.addEventListener('input', (event) => {
      if (event.target.matches('.production-pieces')) this.sum(Number(event.target.dataset.op));
    });
    this.loadOrders();
    const named = new URLSearchParams(window.location.search).get('order');
    if (named) this.open(named, { focus: false });
  }

  async loadOrders() {
    const picker = this.querySelector('#production-picker');
    try {
      render(picker, pickerHtml(await companyOrders()));
    } catch (error) {
      console.warn('Could not load the orders.', error);
      render(picker, html`<p id="production-orders-failed" data-i18n="corporate.production.ordersFailed"></p>`);
    }
    translate(picker);
    const named = new URLSearchParams(window.location.search).get('order');
    const select = this.querySelector('#production-order');
    if (named && select) select.value = named;
  }

  title(key, params = {}) {
    this.heading.dataset.i18n = key;
    this.heading.dataset.i18nParams = JSON.stringify(params);
    translate(this.heading);
  }

  async open(orderId, { focus = true } = {}) {
    this.panel.hidden = false;
    this.title('corporate.production.opening');
    render(this.body, html``);
    try {
      this.show(await orderProduction(orderId));
      if (focus) this.heading.focus();
    } catch (error) {
      console.warn('Could not load the order.', error);
      this.current = null;
      this.title('corporate.production.failedHeading');
      tell(this.statusLine, { key: error.status === 404 ? 'corporate.errors.gone' : 'corporate.production.openFailed' });
      if (focus) this.heading.focus();
    }
  }

  show(view) {
    this.current = view;
    const url = new URL(window.location.href);
    url.searchParams.set('order', view.order.orderId);
    window.history.replaceState(window.history.state, '', url);
    this.title('corporate.production.heading', { number: view.order.orderNumber, company: view.order.companyName });
    render(this.body, workHtml(view));
    translate(this.body);
    view.production.operations.forEach((operation, i) => this.sum(i));
  }

  inputs(i) {
    return [...this.querySelectorAll(`input.production-pieces[data-op="${i}"]`)];
  }

  /** Says how many pieces the split gives out of those needed, and whether that is too many. */
  sum(i) {
    const operation = this.current.production.operations[i];
    const planned = this.inputs(i).reduce((total, input) => total + (Number(input.value) || 0), 0);
    const line = this.querySelector(`#op-${i}-sum`);
    const over = planned > operation.needed;
    line.classList.toggle('production-sum--over', over);
    render(line, messageSpan(over ? 'corporate.production.sumOver' : 'corporate.production.sum', { planned, needed: operation.needed }));
    translate(line);
    return { planned, over };
  }

  apply(i) {
    const operation = this.current.production.operations[i];
    for (const input of this.inputs(i)) {
      input.value = String(operation.suggested.find((maker) => maker.makerId === input.dataset.maker)?.pieces ?? 0);
    }
    this.sum(i);
    tell(this.querySelector('#production-save-status'), { key: 'corporate.production.applied' });
  }

  /** The split as typed: whole pieces, none more than needed; problems said in the status line, at the first wrong field. */
  collect() {
    const assignments = [];
    const operations = this.current.production.operations;
    for (let i = 0; i < operations.length; i++) {
      for (const input of this.inputs(i)) {
        const text = input.value.trim();
        if (text !== '' && !/^\d{1,7}$/.test(text)) return { problem: { key: 'corporate.production.whole' }, field: input };
        if (Number(text) > 0) assignments.push({ operationId: operations[i].operationId, makerId: input.dataset.maker, pieces: Number(text) });
      }
      if (this.sum(i).over) return { problem: { key: 'corporate.production.over' }, field: this.inputs(i)[0] };
    }
    return { assignments };
  }

  async save() {
    const status = this.querySelector('#production-save-status');
    const { assignments, problem, field } = this.collect();
    if (problem) {
      tell(status, problem);
      field?.focus();
      return;
    }
    const button = this.querySelector('#production-save');
    button.disabled = true;
    tell(status, { key: 'corporate.saving' });
    try {
      this.show(await savePlan(this.current.order.orderId, assignments));
      this.say({ key: 'corporate.production.saved' });
    } catch (error) {
      console.warn('Could not save the split.', error);
      button.disabled = false;
      const name = problemName(error);
      tell(status, { key: name === 'plan-exceeds-needed' ? 'corporate.production.over'
        : error.status === 400 ? 'corporate.production.invalid' : error.status === 404 ? 'corporate.errors.gone' : 'corporate.errors.server' });
      status.focus();
    }
  }

  say(message) {
    const status = this.querySelector('#production-save-status');
    render(status, messageSpan(message.key, message.params || {}));
    translate(status);
    status.focus();
  }
}

export function register() {
  define('production-admin', ProductionAdmin);
}
