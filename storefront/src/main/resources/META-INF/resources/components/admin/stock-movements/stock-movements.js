/**
 * <stock-movements>: the recent stock movements of the chosen variant at the chosen place,
 * newest first, twenty at a time. `selection` comes from <stock-admin>; `refresh()` goes
 * back to the newest.
 */
import { html, render } from '../../../lib/html.js';
import { currentLang, translate } from '../../../lib/i18n.js';
import { api } from '../../../lib/api.js';
import { codeLabel, formatWhen } from '../../../lib/staff-catalog.js';
import { define } from '../../../lib/define.js';

const PAGE_SIZE = 20;

function signed(n) {
  return Number.isInteger(n) ? new Intl.NumberFormat(currentLang(), { signDisplay: 'exceptZero' }).format(n) : '';
}

class StockMovements extends HTMLElement {
  connectedCallback() {
    this.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-page]');
      if (button) this.load(Number(button.dataset.page), button.id);
    });
  }

  set selection(selection) {
    this.current = selection;
    this.refresh();
  }

  refresh() {
    this.load(0);
  }

  async load(page, focusId) {
    const { variant, place } = this.current || {};
    if (!variant || !place) {
      this.draw(html`<p id="stock-movements-none" class="field__hint" data-i18n="admin.stock.movementsNone"></p>`);
      return;
    }
    const query = new URLSearchParams({ variantId: variant.id, location: place.code, page: String(page), size: String(PAGE_SIZE) });
    let result;
    try {
      result = await api.get(`/api/admin/stock/movements?${query}`);
    } catch (error) {
      console.warn('Could not load stock movements.', error);
      this.draw(html`<p class="notice" role="alert" data-i18n="admin.stock.movementsFailed"></p>`);
      return;
    }
    if (this.current.variant !== variant || this.current.place !== place) return;
    this.draw(this.table(result));
    // Paging keeps focus on the button pressed, or on its partner when that one is gone.
    if (focusId) (document.getElementById(focusId) || this.querySelector('button[data-page]'))?.focus();
  }

  table({ items, page, total }) {
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const caption = JSON.stringify({ variant: this.current.label, place: this.current.place.name });
    if (!items.length) {
      return html`<p id="stock-movements-empty" data-i18n="admin.stock.movementsEmpty" data-i18n-params="${caption}"></p>`;
    }
    return html`
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="stock-movements-caption">
        <table id="stock-movements-table" class="data-table">
          <caption id="stock-movements-caption" data-i18n="admin.stock.movementsCaption" data-i18n-params="${caption}"></caption>
          <thead>
            <tr>
              <th scope="col" data-i18n="admin.stock.col.when"></th>
              <th scope="col" data-i18n="admin.stock.col.kind"></th>
              <th scope="col" class="data-table__number" data-i18n="admin.stock.col.onHandChange"></th>
              <th scope="col" class="data-table__number" data-i18n="admin.stock.col.reservedChange"></th>
              <th scope="col" data-i18n="admin.stock.col.reason"></th>
              <th scope="col" data-i18n="admin.stock.col.actor"></th>
            </tr>
          </thead>
          <tbody>
            ${items.map((m) => html`
              <tr id="stock-movement-${m.id}">
                <th scope="row">${formatWhen(m.at)}</th>
                <td>${codeLabel('admin.kind', m.kind)}</td>
                <td class="data-table__number">${signed(m.onHandDelta)}</td>
                <td class="data-table__number">${signed(m.reservedDelta)}</td>
                <td>${m.reason || m.reference || ''}</td>
                <td>${m.actor || ''}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>
      ${pages > 1 && html`
        <nav class="pager" data-i18n-attr="aria-label:admin.pager.label">
          ${page > 0 && html`<button type="button" id="stock-movements-newer" class="button button--secondary"
                                     data-page="${page - 1}" data-i18n="admin.stock.newer"></button>`}
          <span class="pager__where" data-i18n="admin.pager.where" data-i18n-params="${JSON.stringify({ page: page + 1, pages })}"></span>
          ${page + 1 < pages && html`<button type="button" id="stock-movements-older" class="button button--secondary"
                                             data-page="${page + 1}" data-i18n="admin.stock.older"></button>`}
        </nav>`}`;
  }

  draw(template) {
    render(this, html`
      <section class="stack" aria-labelledby="stock-movements-heading">
        <h2 id="stock-movements-heading" data-i18n="admin.stock.movementsHeading"></h2>
        ${template}
      </section>`);
    translate(this);
  }
}

export function register() {
  define('stock-movements', StockMovements);
}
