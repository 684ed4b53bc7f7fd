/**
 * An order's history as staff read it: when, what (in words), who, and the details kept with
 * it, also in words where we know them (amounts, methods, yes or no); ids stay out.
 */
import { html } from '../../../lib/html.js';
import { displayYuan } from '../../../lib/money.js';
import { codeHtml, whenHtml } from '../../../lib/staff-orders.js';

function words(key) {
  return html`<span data-i18n="${key}"></span>`;
}

const DETAIL_VALUES = {
  amount: (value) => (typeof value === 'number' ? displayYuan(value) : String(value)),
  total: (value) => (typeof value === 'number' ? displayYuan(value) : String(value)),
  fulfilment: (value) => codeHtml('type', value),
  method: (value) => codeHtml('method', value),
  provider: (value) => codeHtml('provider', value),
  restock: (value) => words(value ? 'adminOrders.yes' : 'adminOrders.no'),
  by: (value) => codeHtml('by', value),
};
const HIDDEN_DETAILS = new Set(['refund', 'payment', 'number']);

function detailsHtml(details) {
  if (details === null || details === undefined) return html``;
  if (typeof details !== 'object') return html`${String(details)}`;
  const entries = Object.entries(details).filter(([key]) => !HIDDEN_DETAILS.has(key));
  return html`<ul class="plain-list">${entries.map(([key, value]) => html`
    <li>${codeHtml('historyDetail', key)}${words('adminOrders.detailSeparator')}${DETAIL_VALUES[key]
      ? DETAIL_VALUES[key](value) : value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value)}</li>`)}</ul>`;
}

function actorHtml(actor) {
  return actor === 'system' ? words('adminOrders.actorSystem') : html`${actor || ''}`;
}

export function historyHtml(order) {
  const history = order.history || [];
  return html`
    <section class="stack" aria-labelledby="order-history-heading">
      <h2 id="order-history-heading" data-i18n="adminOrders.detail.historyHeading"></h2>
      ${history.length ? html`
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="order-history-caption">
          <table id="order-history" class="data-table">
            <caption id="order-history-caption" data-i18n="adminOrders.detail.historyCaption"></caption>
            <thead>
              <tr>
                <th scope="col" data-i18n="adminOrders.col.when"></th>
                <th scope="col" data-i18n="adminOrders.col.action"></th>
                <th scope="col" data-i18n="adminOrders.col.actor"></th>
                <th scope="col" data-i18n="adminOrders.col.details"></th>
              </tr>
            </thead>
            <tbody>
              ${history.map((entry) => html`
                <tr>
                  <th scope="row">${whenHtml(entry.at || entry.occurredAt)}</th>
                  <td>${codeHtml('action', entry.action)}</td>
                  <td>${actorHtml(entry.actor)}</td>
                  <td>${detailsHtml(entry.details)}</td>
                </tr>`)}
            </tbody>
          </table>
        </div>`
        : html`<p data-i18n="adminOrders.detail.historyNone"></p>`}
    </section>`;
}
