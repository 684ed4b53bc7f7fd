/**
 * <piece-rates>: the operations makers are paid for on one product (chosen from GET /api/admin/products,
 * kept in ?product=), each with the rate in force today and its history; a form to add an operation with
 * its first rate, and one to give an operation a new rate from a day on. Work is always paid at the rate
 * in force on the day it was done, so an old rate is never changed, only followed by a new one.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { formatMoney } from '../../../lib/money.js';
import { FormErrors, announce, problemsFrom } from '../../../lib/form-errors.js';
import { allPages, localName } from '../../../lib/staff-catalog.js';
import { amountHtml, dayHtml, isDay, operationName, relocalise, today, yuan } from '../../../lib/piecework.js';
import { checker, field, numberInput, operations, productOptions, send } from '../../../lib/staff-piecework.js';
import { define } from '../../../lib/define.js';

const OPERATION_FIELDS = {
  nameZh: 'rates-op-name-zh', nameEn: 'rates-op-name-en', variantId: 'rates-op-variant', rate: 'rates-op-rate', validFrom: 'rates-op-from',
};
const RATE_FIELDS = { operationId: 'rates-new-operation', rate: 'rates-new-rate', validFrom: 'rates-new-from' };

function historyHtml(operation) {
  const rates = [...(operation.rates || [])].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  return html`<ul class="plain-list rate-history">${rates.map((r) => html`
    <li><span data-i18n="piecework.rates.from"></span> ${dayHtml(r.validFrom, { year: true })}: ${amountHtml(r.rate)}</li>`)}</ul>`;
}

function rowHtml(operation, product) {
  const variant = operation.variantId ? product.variants?.find((v) => v.id === operation.variantId) : null;
  return html`
    <tr id="rates-row-${operation.id}">
      <th scope="row"><span lang="zh-CN">${operation.nameZh}</span><span class="data-table__sub" lang="en">${operation.nameEn}</span></th>
      <td>${variant ? variant.sku : html`<span data-i18n="piecework.rates.allVariants"></span>`}</td>
      <td class="data-table__number" id="rates-today-${operation.id}">${operation.rate ? amountHtml(operation.rate)
        : html`<span data-i18n="piecework.rates.noRateToday"></span>`}</td>
      <td>${historyHtml(operation)}</td>
    </tr>`;
}

function dateInput(id) {
  return html`<input id="${id}" type="date" value="${today()}" class="input--short">`;
}

class PieceRates extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <section class="admin-panel" aria-labelledby="rates-pick-heading">
        <h2 id="rates-pick-heading" data-i18n="piecework.rates.pickHeading"></h2>
        <div id="rates-pick"><p role="status" data-i18n="piecework.loading"></p></div>
      </section>
      <p id="rates-status" class="status-message" role="status"></p>
      <div id="rates-list"></div>
      <div id="rates-forms" class="rates-forms" hidden></div>`);
    translate(this);
    this.status = this.querySelector('#rates-status');
    this.addEventListener('change', (event) => {
      if (event.target.id === 'rates-product') this.choose(event.target.value, true);
    });
    this.onLangChange = () => relocalise(this);
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.load();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  async load() {
    const pick = this.querySelector('#rates-pick');
    try {
      this.products = await allPages('/api/admin/products?status=ACTIVE');
    } catch (error) {
      console.warn('Could not load products.', error);
      render(pick, html`<p class="notice" role="alert" data-i18n="piecework.rates.loadFailed"></p>`);
      translate(pick);
      return;
    }
    const wanted = new URLSearchParams(window.location.search).get('product') || '';
    render(pick, html`
      <div class="field">
        <label for="rates-product" data-i18n="piecework.rates.product"></label>
        <select id="rates-product"><option value="" data-i18n="piecework.rates.productChoose"></option>
          ${productOptions(this.products, wanted)}</select>
      </div>`);
    translate(pick);
    this.choose(this.products.some((p) => p.id === wanted) ? wanted : '', false);
  }

  async choose(productId, say) {
    const url = new URL(window.location.href);
    if (productId) url.searchParams.set('product', productId);
    else url.searchParams.delete('product');
    window.history.replaceState(window.history.state, '', url);
    this.product = this.products.find((p) => p.id === productId) || null;
    const list = this.querySelector('#rates-list');
    const forms = this.querySelector('#rates-forms');
    forms.hidden = !this.product;
    if (!this.product) {
      render(list, html``);
      return;
    }
    try {
      this.operations = await operations(this.product.id);
    } catch (error) {
      console.warn('Could not load operations.', error);
      render(list, html`<p class="notice" role="alert" data-i18n="piecework.rates.operationsFailed"></p>`);
      translate(list);
      return;
    }
    if (this.product?.id !== productId) return; // a newer choice is already loading
    this.drawList();
    this.drawForms();
    if (say) announce(this.status, { key: 'piecework.rates.showing', params: { product: localName(this.product), count: this.operations.length } });
  }

  drawList() {
    const list = this.querySelector('#rates-list');
    render(list, this.operations.length ? html`
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="rates-caption">
        <table id="rates-table" class="data-table">
          <caption id="rates-caption" data-i18n="piecework.rates.caption"
                   data-i18n-params="${JSON.stringify({ product: localName(this.product) })}"></caption>
          <thead><tr>
            <th scope="col" data-i18n="piecework.rates.col.operation"></th>
            <th scope="col" data-i18n="piecework.rates.col.variant"></th>
            <th scope="col" class="data-table__number" data-i18n="piecework.rates.col.today"></th>
            <th scope="col" data-i18n="piecework.rates.col.history"></th>
          </tr></thead>
          <tbody>${this.operations.map((o) => rowHtml(o, this.product))}</tbody>
        </table>
      </div>` : html`<p id="rates-empty" data-i18n="piecework.rates.empty"
                       data-i18n-params="${JSON.stringify({ product: localName(this.product) })}"></p>`);
    translate(list);
  }

  drawForms() {
    const forms = this.querySelector('#rates-forms');
    const variants = (this.product.variants || []).filter((v) => v.status !== 'ARCHIVED');
    render(forms, html`
      <form id="rates-op-form" class="admin-panel" novalidate aria-labelledby="rates-op-heading">
        <h2 id="rates-op-heading" data-i18n="piecework.rates.addHeading"></h2>
        <div id="rates-op-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
        ${field(OPERATION_FIELDS.nameZh, 'piecework.rates.nameZh', html`<input id="${OPERATION_FIELDS.nameZh}" type="text" lang="zh-CN" maxlength="60" autocomplete="off">`)}
        ${field(OPERATION_FIELDS.nameEn, 'piecework.rates.nameEn', html`<input id="${OPERATION_FIELDS.nameEn}" type="text" lang="en" maxlength="60" autocomplete="off">`)}
        ${field(OPERATION_FIELDS.variantId, 'piecework.rates.variant', html`
          <select id="${OPERATION_FIELDS.variantId}"><option value="" data-i18n="piecework.rates.allVariants"></option>
            ${variants.map((v) => html`<option value="${v.id}">${v.sku}${localName(v) && ` — ${localName(v)}`}</option>`)}</select>`,
          { optional: true })}
        ${field(OPERATION_FIELDS.rate, 'piecework.rates.rate', numberInput(OPERATION_FIELDS.rate, { decimal: true, describedBy: `${OPERATION_FIELDS.rate}-hint` }),
          { hint: 'piecework.rates.rateHint' })}
        ${field(OPERATION_FIELDS.validFrom, 'piecework.rates.validFrom', dateInput(OPERATION_FIELDS.validFrom))}
        <button type="submit" id="rates-op-submit" class="button button--primary" data-i18n="piecework.rates.addSubmit"></button>
      </form>
      ${this.operations.length > 0 && html`
      <form id="rates-new-form" class="admin-panel" novalidate aria-labelledby="rates-new-heading">
        <h2 id="rates-new-heading" data-i18n="piecework.rates.newHeading"></h2>
        <p class="field__hint" data-i18n="piecework.rates.newIntro"></p>
        <div id="rates-new-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
        ${field(RATE_FIELDS.operationId, 'piecework.rates.operation', html`
          <select id="${RATE_FIELDS.operationId}">${this.operations.map((o) => html`<option value="${o.id}">${operationName(o)}</option>`)}</select>`)}
        ${field(RATE_FIELDS.rate, 'piecework.rates.rate', numberInput(RATE_FIELDS.rate, { decimal: true, describedBy: `${RATE_FIELDS.rate}-hint` }),
          { hint: 'piecework.rates.rateHint' })}
        ${field(RATE_FIELDS.validFrom, 'piecework.rates.validFrom', dateInput(RATE_FIELDS.validFrom))}
        <button type="submit" id="rates-new-submit" class="button button--primary" data-i18n="piecework.rates.newSubmit"></button>
      </form>`}`);
    translate(forms);
    for (const [kind, fields] of [['op', OPERATION_FIELDS], ['new', RATE_FIELDS]]) {
      const form = forms.querySelector(`#rates-${kind}-form`);
      if (!form) continue;
      const errors = new FormErrors(form, form.querySelector('.error-summary'));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        this.submit(kind, fields, errors);
      });
    }
  }

  read(kind, fields) {
    const problems = [];
    const check = checker(problems);
    const value = (id) => this.querySelector(`#${id}`).value.trim();
    const body = { rate: check.amount(fields.rate, value(fields.rate)), validFrom: value(fields.validFrom) };
    if (!isDay(body.validFrom)) check.wrong(fields.validFrom, 'piecework.rates.validFromMissing');
    if (kind === 'new') return { problems, body, path: `/operations/${encodeURIComponent(value(fields.operationId))}/rates` };
    body.productId = this.product.id;
    body.nameZh = value(fields.nameZh);
    body.nameEn = value(fields.nameEn);
    if (!body.nameZh) check.wrong(fields.nameZh, 'piecework.rates.nameMissing');
    if (!body.nameEn) check.wrong(fields.nameEn, 'piecework.rates.nameMissing');
    if (value(fields.variantId)) body.variantId = value(fields.variantId);
    return { problems, body, path: '/operations' };
  }

  async submit(kind, fields, errors) {
    if (this.busy) return;
    const { problems, body, path } = this.read(kind, fields);
    if (problems.length) {
      errors.show(problems);
      return;
    }
    errors.clear();
    this.busy = true;
    try {
      const operation = await send(path, body);
      const params = { operation: operationName(operation), rate: formatMoney(yuan(body.rate)), from: body.validFrom };
      await this.choose(this.product.id, false);
      announce(this.status, { key: kind === 'op' ? 'piecework.rates.added' : 'piecework.rates.rateAdded', params });
      this.querySelector(`#rates-${kind}-submit`).focus();
    } catch (error) {
      console.warn('Saving the operation or rate failed.', error);
      errors.show(problemsFrom(error, (name) => fields[name] ?? null));
    } finally {
      this.busy = false;
    }
  }
}

export function register() {
  define('piece-rates', PieceRates);
}
