/**
 * Production of companies' orders (docs/api/corporate.md, "Production"): the coordinators' view of an order and its
 * split across makers, a quote's capacity check, the buyer's progress; and the forecast said in words.
 */
import { api } from './api.js';
import { html } from './html.js';
import { send } from './corporate.js';
import { dayHtml, messageSpan, nameHtml } from './quotes.js';

const enc = encodeURIComponent;
const ADMIN = '/api/admin/corporate';

export const productionPage = (orderId) => `/admin/production.html?order=${enc(orderId)}`;
export const progressPage = (orderId) => `/corporate/progress.html?order=${enc(orderId)}`;
export const companyOrders = () => api.get(`${ADMIN}/orders`);
export const orderProduction = (orderId) => api.get(`${ADMIN}/orders/${enc(orderId)}/production`);
export const savePlan = (orderId, assignments) => send('put', `${ADMIN}/orders/${enc(orderId)}/production/plan`, { assignments });
export const quoteCapacity = (quoteId) => api.get(`${ADMIN}/quotes/${enc(quoteId)}/capacity`);
export const orderProgress = (orderId) => api.get(`/api/corporate/orders/${enc(orderId)}/progress`);

/** "竹编茶礼盒 · 编织": an operation with its product, in the page's language. */
export function operationNameHtml(operation) {
  return html`${nameHtml(operation.productNameZh, operation.productNameEn)} · ${nameHtml(operation.nameZh, operation.nameEn)}`;
}

/**
 * The forecast in words: on time (the day it finishes), late (the day, and the operation holding it up), no recent
 * output of an operation, made already, or nothing to make. A warning is a warning by its words and outline, not colour.
 */
export function forecastHtml(forecast, id) {
  const late = forecast.verdict === 'LATE' || forecast.verdict === 'NO_RECENT_OUTPUT';
  const bottleneck = forecast.bottleneck;
  return html`
    <div id="${id}" class="production-forecast ${late ? 'production-forecast--late' : ''}">
      <p id="${id}-verdict"><strong>${messageSpan(`corporate.production.verdict.${forecast.verdict}`)}</strong></p>
      <p id="${id}-detail">
        ${forecast.verdict === 'ON_TIME' || forecast.verdict === 'LATE'
          ? html`${messageSpan('corporate.production.finishes')} ${dayHtml(forecast.finishes)};` : ''}
        ${messageSpan('corporate.production.wantedBy')} ${dayHtml(forecast.wantedBy)}.
      </p>
      ${bottleneck && html`
        <p id="${id}-bottleneck">
          ${messageSpan(forecast.verdict === 'NO_RECENT_OUTPUT' ? 'corporate.production.stalled' : 'corporate.production.bottleneck')}
          <strong>${operationNameHtml(bottleneck)}</strong>:
          ${messageSpan(bottleneck.workingDays == null ? 'corporate.production.bottleneckNoPace' : 'corporate.production.bottleneckPace',
            { remaining: bottleneck.remaining, perDay: bottleneck.dailyOutput, days: bottleneck.workingDays ?? '' })}
        </p>`}
      <p class="field__hint">${messageSpan('corporate.production.basis', { days: forecast.output.workingDays })}</p>
    </div>`;
}
