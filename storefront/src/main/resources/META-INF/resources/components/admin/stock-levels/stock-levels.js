/**
 * <stock-levels>: a table of the chosen product's stock, one row per variant and place:
 * on hand, reserved, available and the low-stock level, with low stock said in words.
 * `selection` comes from <stock-admin>; `refresh()` reads the levels again.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { api } from '../../../lib/api.js';
import { localName } from '../../../lib/staff-catalog.js';
import { define } from '../../../lib/define.js';

function isLow(row) {
  return Number.isInteger(row.lowStockThreshold) && row.available <= row.lowStockThreshold;
}

class StockLevels extends HTMLElement {
  set selection(selection) {
    this.current = selection;
    this.refresh();
  }

  /** The level of one variant at one place, once loaded. */
  levelOf(variantId, location) {
    return (this.rows || []).find((row) => row.variantId === variantId && row.location === location) || null;
  }

  async refresh() {
    const { product } = this.current || {};
    if (!product) {
      this.rows = [];
      this.draw(html`<p id="stock-levels-none" class="field__hint" data-i18n="admin.stock.levelsNone"></p>`);
      return;
    }
    try {
      this.rows = await api.get(`/api/admin/stock?productId=${encodeURIComponent(product.id)}`);
    } catch (error) {
      console.warn('Could not load stock levels.', error);
      this.draw(html`<p class="notice" role="alert" data-i18n="admin.stock.levelsFailed"></p>`);
      return;
    }
    if (this.current.product !== product) return; // a newer choice is already loading
    this.draw(this.table(product));
  }

  table(product) {
    const { variant, place, places } = this.current;
    const placeName = (code) => places.find((p) => p.code === code)?.name || code;
    return html`
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="stock-levels-caption">
        <table id="stock-levels-table" class="data-table">
          <caption id="stock-levels-caption" data-i18n="admin.stock.levelsCaption"
                   data-i18n-params="${JSON.stringify({ product: localName(product) })}"></caption>
          <thead>
            <tr>
              <th scope="col" data-i18n="admin.stock.col.variant"></th>
              <th scope="col" data-i18n="admin.stock.col.place"></th>
              <th scope="col" class="data-table__number" data-i18n="admin.stock.col.onHand"></th>
              <th scope="col" class="data-table__number" data-i18n="admin.stock.col.reserved"></th>
              <th scope="col" class="data-table__number" data-i18n="admin.stock.col.available"></th>
              <th scope="col" class="data-table__number" data-i18n="admin.stock.col.threshold"></th>
            </tr>
          </thead>
          <tbody>
            ${this.rows.map((row) => {
              const chosen = row.variantId === variant?.id && row.location === place?.code;
              return html`
                <tr id="stock-level-${row.variantId}-${row.location}" class="${chosen ? 'is-chosen' : ''}"
                    ${chosen && html`aria-current="true"`}>
                  <th scope="row">${row.sku}</th>
                  <td>${placeName(row.location)}</td>
                  <td class="data-table__number">${row.onHand}</td>
                  <td class="data-table__number">${row.reserved}</td>
                  <td class="data-table__number">${row.available}
                    ${isLow(row) && html` <span class="badge badge--warn" data-i18n="admin.stock.low"></span>`}</td>
                  <td class="data-table__number">${Number.isInteger(row.lowStockThreshold) ? row.lowStockThreshold : html`<span data-i18n="admin.stock.noThreshold"></span>`}</td>
                </tr>`;
            })}
          </tbody>
        </table>
      </div>`;
  }

  draw(template) {
    render(this, html`
      <section class="stack" aria-labelledby="stock-levels-heading">
        <h2 id="stock-levels-heading" data-i18n="admin.stock.levelsHeading"></h2>
        ${template}
      </section>`);
    translate(this);
  }
}

export function register() {
  define('stock-levels', StockLevels);
}
