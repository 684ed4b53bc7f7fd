/**
 * <stock-movements>: the recent stock movements of the chosen variant at the chosen place,
 * newest first, twenty at a time. `selection` comes from <stock-admin>; `refresh()` goes
 * back to the newest.
 */
import { html, render } from '../../../lib/html.js';
import { currentLang, translate } from '../../../lib/i18n.js';
import { api } from '../../../lib/api.js';
import { codeLabel, formatWhen } from '../../../lib/staff-catalog.js';
import { ListLoad, emptyHtml, failedHtml, pageCount, pagerHtml } from '../../../lib/paged-list.js';
import { define } from '../../../lib/define.js';

const PAGE_SIZE = 20;

function signed(n) {
  return Number.isInteger(n) ? new Intl.NumberFormat(currentLang(), { signDisplay: 'exceptZero' }).format(n) : '';
}

class StockMovements extends HTMLElement {
  constructor() {
    super();
    // Paging keeps focus on the button pressed, or on its partner when that one is gone.
    this.list = new ListLoad(this, {
      what: 'stock movements',
      pageButtons: true,
      fetch: (page) => {
        const { variant, place } = this.current;
        const query = new URLSearchParams({ variantId: variant.id, location: place.code, page: String(page), size: String(PAGE_SIZE) });
        return api.get(`/api/admin/stock/movements?${query}`);
      },
      failed: () => this.draw(failedHtml('admin.stock.movementsFailed')),
      loaded: (result) => this.draw(this.table(result)),
    });
  }

  set selection(selection) {
    this.current = selection;
    this.refresh();
  }

  refresh() {
    const { variant, place } = this.current || {};
    if (!variant || !place) {
      this.list.cancel();
      this.draw(html`<p id="stock-movements-none" class="field__hint" data-i18n="admin.stock.movementsNone"></p>`);
      return;
    }
    this.list.run(0);
  }

  table({ items, page, total }) {
    const pages = pageCount(total, PAGE_SIZE);
    const where = { variant: this.current.label, place: this.current.place.name };
    const caption = JSON.stringify(where);
    if (!items.length) return emptyHtml('stock-movements-empty', 'admin.stock.movementsEmpty', where);
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
      ${pagerHtml({ page, pages, previousId: 'stock-movements-newer', nextId: 'stock-movements-older',
        previousKey: 'admin.stock.newer', nextKey: 'admin.stock.older' })}`;
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
