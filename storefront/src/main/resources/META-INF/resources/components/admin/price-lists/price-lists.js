/**
 * <price-lists>: the counter's price lists (GET /api/admin/price-lists), each with its names, whether cashiers are
 * offered it and how many prices it has; and one form that creates a list or, after its Change button, changes it
 * (PUT /api/admin/price-lists/{code}, which replaces the list's prices): its names, whether it is offered, and a
 * price for each chosen variant of a product sold at the counter, read from the admin products
 * (GET /api/admin/products, every page). A list's code is fixed once it exists.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { api, ensureCsrfToken } from '../../../lib/api.js';
import { FormErrors, announce, problemsFrom, setDescribedBy } from '../../../lib/form-errors.js';
import { ListLoad, emptyHtml, showFailed } from '../../../lib/paged-list.js';
import { allPages, localName, priceLists } from '../../../lib/staff-catalog.js';
import { define } from '../../../lib/define.js';
import { register as registerPrices } from '../price-list-prices/price-list-prices.js';
import { codeOf } from '../modifier-groups/rules.js';
import { textField } from '../modifier-groups/template.js';
import { checkList, listBody, listField } from './rules.js';

const params = (values) => JSON.stringify(values);

function formHtml() {
  return html`
    <section class="admin-panel" aria-labelledby="price-list-heading">
      <h2 id="price-list-heading" data-i18n="counter.lists.heading"></h2>
      <p class="field__hint" data-i18n="counter.lists.intro"></p>
      <div id="price-list-list"></div>
    </section>
    <section class="admin-panel" aria-labelledby="price-list-form-heading">
      <h2 id="price-list-form-heading" tabindex="-1"></h2>
      <div id="price-list-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
      <form id="price-list-form" class="admin-form" novalidate>
        <p class="field__hint" data-i18n="admin.form.allRequired"></p>
        ${textField('price-list-code', 'counter.code', { hint: 'counter.lists.codeHint', code: true })}
        <p id="price-list-code-fixed" class="field__hint" data-i18n="counter.codeFixed" hidden></p>
        ${textField('price-list-name-zh', 'counter.nameZh', { lang: 'zh-CN' })}
        ${textField('price-list-name-en', 'counter.nameEn', { lang: 'en' })}
        <div class="field">
          <label class="choice" for="price-list-active">
            <input type="checkbox" id="price-list-active" aria-describedby="price-list-active-hint">
            <span class="choice__text" data-i18n="counter.lists.active"></span>
          </label>
          <p id="price-list-active-hint" class="field__hint" data-i18n="counter.lists.activeHint"></p>
        </div>
        <price-list-prices></price-list-prices>
        <div class="button-row">
          <button type="submit" id="price-list-save" class="button button--primary"></button>
          <button type="button" id="price-list-new" class="button button--secondary" data-i18n="counter.lists.new" hidden></button>
        </div>
        <p id="price-list-status" class="status-message" role="status"></p>
      </form>
    </section>`;
}

class PriceLists extends HTMLElement {
  connectedCallback() {
    registerPrices();
    render(this, formHtml());
    translate(this);
    this.list = this.querySelector('#price-list-list');
    this.form = this.querySelector('#price-list-form');
    this.prices = this.querySelector('price-list-prices');
    this.statusLine = this.querySelector('#price-list-status');
    this.errors = new FormErrors(this.form, this.querySelector('#price-list-errors'));
    this.lists = [];
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
    this.addEventListener('click', (event) => this.clicked(event));
    document.addEventListener(LANG_CHANGE, () => {
      this.draw(this.lists);
      this.title();
    });
    this.loader = new ListLoad(this, {
      what: 'price lists',
      retryId: 'price-list-retry',
      fetch: () => this.fetch(),
      failed: () => showFailed(this.list, 'counter.lists.loadFailed', 'price-list-retry'),
      loaded: (lists) => this.draw(lists),
    });
    this.fill(null);
    this.loader.run();
  }

  /** The lists, and the first time the products whose variants they price. */
  async fetch() {
    const [lists, products] = await Promise.all([priceLists(), this.products || allPages('/api/admin/products')]);
    if (!this.products) {
      this.products = products;
      this.prices.choices = products;
    }
    return lists;
  }

  draw(lists) {
    this.lists = lists;
    render(this.list, lists.length === 0
      ? emptyHtml('price-list-empty', 'counter.lists.empty')
      : html`
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="price-list-caption">
          <table id="price-list-table" class="data-table">
            <caption id="price-list-caption" data-i18n="counter.lists.caption" data-i18n-params="${params({ count: lists.length })}"></caption>
            <thead>
              <tr>
                <th scope="col" data-i18n="counter.lists.col.list"></th>
                <th scope="col" data-i18n="counter.lists.col.offered"></th>
                <th scope="col" data-i18n="counter.lists.col.prices"></th>
                <th scope="col" data-i18n="counter.col.actions"></th>
              </tr>
            </thead>
            <tbody>
              ${lists.map((list) => html`
                <tr id="price-list-row-${list.code}">
                  <th scope="row">${localName(list)}<span class="data-table__sub">${list.code}</span></th>
                  <td id="price-list-offered-${list.code}">${list.active
                    ? html`<span class="badge badge--on" data-i18n="counter.lists.offered"></span>`
                    : html`<span class="badge badge--off" data-i18n="counter.lists.notOffered"></span>`}</td>
                  <td id="price-list-count-${list.code}" data-i18n="counter.lists.count"
                      data-i18n-params="${params({ count: Object.keys(list.prices).length })}"></td>
                  <td>
                    <button type="button" id="price-list-edit-${list.code}" class="button button--secondary" data-edit="${list.code}">
                      <span data-i18n="counter.change"></span><span class="visually-hidden"> ${localName(list)}</span>
                    </button>
                  </td>
                </tr>`)}
            </tbody>
          </table>
        </div>`);
    translate(this.list);
  }

  clicked(event) {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.dataset.edit) this.edit(this.lists.find((list) => list.code === button.dataset.edit));
    else if (button.id === 'price-list-new') this.startNew();
  }

  field(id) {
    return this.querySelector(`#${id}`);
  }

  startNew() {
    this.fill(null);
    this.field('price-list-form-heading').focus();
  }

  edit(list) {
    if (!list) return;
    this.fill(list);
    this.field('price-list-form-heading').focus();
  }

  fill(list) {
    this.editing = list;
    this.errors.clear();
    const set = (id, value) => { this.field(id).value = value ?? ''; };
    set('price-list-code', list?.code);
    set('price-list-name-zh', list?.nameZh);
    set('price-list-name-en', list?.nameEn);
    this.field('price-list-active').checked = list ? list.active : true;
    const code = this.field('price-list-code');
    code.readOnly = Boolean(list);
    setDescribedBy(code, 'price-list-code-fixed', Boolean(list));
    this.field('price-list-code-fixed').hidden = !list;
    this.field('price-list-new').hidden = !list;
    this.prices.prices = list ? list.prices : {};
    const save = this.field('price-list-save');
    save.dataset.i18n = list ? 'counter.lists.save' : 'counter.lists.create';
    translate(save);
    this.title();
  }

  title() {
    const heading = this.field('price-list-form-heading');
    heading.dataset.i18n = this.editing ? 'counter.lists.editHeading' : 'counter.lists.newHeading';
    heading.dataset.i18nParams = params(this.editing ? { name: localName(this.editing), code: this.editing.code } : {});
    translate(heading);
  }

  draft() {
    const value = (id) => this.field(id).value;
    return {
      code: this.editing ? this.editing.code : codeOf(value('price-list-code')),
      nameZh: value('price-list-name-zh'),
      nameEn: value('price-list-name-en'),
      active: this.field('price-list-active').checked,
      prices: this.prices.value,
    };
  }

  async save() {
    if (this.busy) return;
    const draft = this.draft();
    const creating = !this.editing;
    const problems = checkList(draft, { creating, taken: new Set(this.lists.map((list) => list.code)) });
    if (problems.length) {
      this.errors.show(problems);
      return;
    }
    this.errors.clear();
    this.busy = true;
    this.field('price-list-save').setAttribute('aria-disabled', 'true');
    announce(this.statusLine, { key: 'counter.saving' });
    try {
      await ensureCsrfToken();
      const saved = await api.put(`/api/admin/price-lists/${encodeURIComponent(draft.code)}`, listBody(draft));
      this.fill(saved);
      announce(this.statusLine, { key: creating ? 'counter.lists.created' : 'counter.lists.saved',
        params: { name: localName(saved), code: saved.code } });
      await this.loader.run();
    } catch (error) {
      console.warn('Saving the price list failed.', error);
      this.statusLine.textContent = '';
      this.errors.show(problemsFrom(error, listField));
    } finally {
      this.busy = false;
      this.field('price-list-save').setAttribute('aria-disabled', 'false');
    }
  }
}

export function register() {
  define('price-lists', PriceLists);
}
