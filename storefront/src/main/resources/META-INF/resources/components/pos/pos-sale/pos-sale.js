/**
 * <pos-sale>: a cash sale at the counter (docs/api/pos.md, issue 12 steps 4 and 6), for the cashier signed in at a
 * paired tablet while the register's shift is open (`shift` sets what GET /api/pos/shift said; without one, a line
 * says to open it first). The products of GET /api/pos/catalog under their categories, as large buttons (one per
 * variant), narrowed by a category filter and by a search as one types (names in both languages, SKU); Enter on a
 * SKU, as a USB scanner types it, adds that product at once, and so does a code read by the camera
 * (<pos-camera-scan>). Typing while focus is on no text field goes to the search, so a scan always lands there. A
 * product with modifier groups is added through <pos-options>; the same product with the same options is one line,
 * other options another. The sale's lines with their options, − / + and remove, a discount (<pos-discount>, for a
 * cashier allowed one) and a note for the kitchen or bar (<pos-note>); the price list chosen for the whole sale
 * (regular prices, or a list such as the elderly diners'), said on screen; the running total, each change said aloud;
 * the cash given, with quick amounts and the change due. Each sale takes the register's next pickup number of the day
 * (lib/pos-store.js), printed on its receipt. Completing signs the sale's receipt on the tablet's series and queues it before
 * sending it (lib/pos-queue.js), so nothing is lost and no number given twice; then the receipt (<pos-sale-receipt>)
 * and a new sale. Without the network the sale is complete all the same: the receipt is the tablet's own and the
 * sale waits in the queue, sent when the network is back. The products and the counter come from what was kept when
 * the server cannot be reached, so the tablet also sells after a reload offline. Refused at once (prices changed,
 * products no longer sold here), the sale was handed nothing yet: it is priced again for the cashier to check. Emits
 * `pos-sale-completed` (bubbles, `detail: { signed, sold }`, sold null offline) after each completed sale.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, t, translate } from '../../../lib/i18n.js';
import { ApiError } from '../../../lib/api.js';
import { FormErrors, announce, problemsFrom, showMessage } from '../../../lib/form-errors.js';
import { formatMoney, formatYuan, parseYuan, spokenMoney } from '../../../lib/money.js';
import { DeviceKeyMissing, currentDevice } from '../../../lib/pos-device.js';
import { SeriesUnknown, adoptSeries, sell } from '../../../lib/pos-queue.js';
import { loadCatalog, prepareSale } from '../../../lib/pos-sales.js';
import { basePrice, discountLimitFen, optionsFit, optionsInOrder, priceListOf, soldLine, unitFen } from '../../../lib/pos-pricing.js';
import { nextPickupNumber } from '../../../lib/pos-store.js';
import { localName } from '../../../lib/staff-catalog.js';
import { define } from '../../../lib/define.js';
import { register as registerReceipt } from '../pos-sale-receipt/pos-sale-receipt.js';
import { optionPrice, register as registerOptions } from '../pos-options/pos-options.js';
import { register as registerDiscount } from '../pos-discount/pos-discount.js';
import { register as registerNote } from '../pos-note/pos-note.js';
import { register as registerCameraScan } from '../pos-camera-scan/pos-camera-scan.js';
import { register as registerTenders } from '../pos-tenders/pos-tenders.js';
import { uuid } from '../../../lib/uuid.js';
import { recordVoid, sendVoids } from '../../../lib/pos-voids.js';

const MAX_QUANTITY = 999;
/** Notes a customer hands over for more than the total: the next 50 and the next 100 yuan. */
const NOTES = [5000, 10000];

function cash(fen) {
  return { amount: fen, currency: 'CNY' };
}

function params(values) {
  return JSON.stringify(values);
}

function problemType(error) {
  return error instanceof ApiError ? error.problem.type ?? '' : '';
}

/** What a product button says: the product's name, and the variant's when the product has several. */
function buttonName({ product, variant }) {
  const own = localName(variant);
  return own && product.variants.length > 1 ? `${localName(product)} · ${own}` : localName(product);
}

/** What a line of the sale (and what is said of it) calls a variant: the product's name and the variant's, if any. */
function lineName({ product, variant }) {
  const own = localName(variant);
  return own ? `${localName(product)} · ${own}` : localName(product);
}

/** A line's name with its options, as said aloud and in the dialogs: "Latte · Hot (Large, Oat milk)". */
function fullName(item, options) {
  return options.length ? `${lineName(item)} (${options.map(localName).join(t('pos.options.listSeparator'))})` : lineName(item);
}

/** The words a search looks in: the product's and variant's names in both languages and the SKU, in lower case. */
function searchText({ product, variant }) {
  return [product.nameZh, product.nameEn, variant.nameZh, variant.nameEn, variant.sku].filter(Boolean).join(' ').toLowerCase();
}

/** A typed key that writes a character (not a shortcut, not Space, which presses buttons). */
function writes(event) {
  return event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.altKey && !event.metaKey;
}

function typingPlace(element) {
  return element instanceof HTMLElement && (element.matches('input, textarea, select') || element.isContentEditable);
}

class PosSale extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <section class="pos-sale stack" aria-labelledby="pos-sale-heading">
        <h2 id="pos-sale-heading" tabindex="-1" data-i18n="pos.sale.heading"></h2>
        <p id="pos-sale-status" class="status-message" role="status"></p>
        <p id="pos-sale-no-shift" class="notice" data-i18n="pos.sale.noShift" hidden></p>
        <div id="pos-sale-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
        <div id="pos-sale-now" class="pos-sale__now stack" hidden>
          <section class="stack" aria-labelledby="pos-sale-products-heading">
            <h3 id="pos-sale-products-heading" tabindex="-1" data-i18n="pos.sale.products"></h3>
            <div class="pos-sale__find">
              <div class="field pos-sale__search" role="search">
                <label for="pos-sale-search" data-i18n="pos.sale.search"></label>
                <p id="pos-sale-search-hint" class="field__hint" data-i18n="pos.sale.searchHint"></p>
                <input id="pos-sale-search" type="search" autocomplete="off" autocapitalize="off" spellcheck="false"
                       enterkeyhint="go" aria-describedby="pos-sale-search-hint pos-sale-found">
              </div>
              <pos-camera-scan></pos-camera-scan>
            </div>
            <p id="pos-sale-found" class="pos-sale__found" role="status"></p>
            <div id="pos-sale-categories" class="button-row pos-sale__categories" role="group"
                 data-i18n-attr="aria-label:pos.sale.categories"></div>
            <div id="pos-sale-catalog" class="stack"></div>
          </section>
          <section class="pos-sale__lines stack" aria-labelledby="pos-sale-lines-heading">
            <h3 id="pos-sale-lines-heading" tabindex="-1" data-i18n="pos.sale.lines"></h3>
            <fieldset id="pos-sale-prices" class="pos-choices" hidden>
              <legend data-i18n="pos.sale.prices.legend"></legend>
              <div id="pos-sale-price-lists" class="pos-choices__list"></div>
            </fieldset>
            <p id="pos-sale-empty" data-i18n="pos.sale.empty"></p>
            <ul id="pos-sale-lines" class="pos-lines plain-list"></ul>
            <p id="pos-sale-price-list-now" class="notice pos-sale__list-now" hidden></p>
            <p class="pos-sale__total"><span data-i18n="pos.sale.total"></span> <strong id="pos-sale-total"></strong></p>
          </section>
          <form id="pos-sale-pay" class="stack" novalidate aria-labelledby="pos-sale-pay-heading" hidden>
            <h3 id="pos-sale-pay-heading" data-i18n="pos.sale.pay.heading"></h3>
            <pos-tenders></pos-tenders>
            <div id="pos-sale-cash" class="stack">
            <h4 id="pos-sale-cash-heading" data-i18n="pos.sale.cash.heading"></h4>
            <p id="pos-sale-cash-due" class="pos-sale__due" hidden></p>
            <div class="field">
              <label for="pos-sale-given" data-i18n="pos.sale.cash.given"></label>
              <p id="pos-sale-given-hint" class="field__hint" data-i18n="pos.sale.cash.givenHint"></p>
              <input id="pos-sale-given" class="pos-money-input" type="text" inputmode="decimal" autocomplete="off"
                     required aria-describedby="pos-sale-given-hint">
              <p id="pos-sale-given-error" class="field__error" hidden></p>
            </div>
            <div id="pos-sale-quick" class="button-row" role="group" data-i18n-attr="aria-label:pos.sale.cash.quick"></div>
            <p id="pos-sale-change" class="pos-sale__change"></p>
            </div>
            <p><button type="submit" id="pos-sale-complete" class="button button--primary pos-sale__complete"
                       data-i18n="pos.sale.complete"></button></p>
          </form>
        </div>
        <pos-sale-receipt hidden></pos-sale-receipt>
        <pos-options></pos-options>
        <pos-discount></pos-discount>
        <pos-note></pos-note>
      </section>`);
    translate(this);
    this.statusLine = this.querySelector('#pos-sale-status');
    this.receipt = this.querySelector('pos-sale-receipt');
    this.given = this.querySelector('#pos-sale-given');
    this.tenders = this.querySelector('pos-tenders');
    this.errors = new FormErrors(this, this.querySelector('#pos-sale-errors'));
    this.search = this.querySelector('#pos-sale-search');
    /**
     * The sale in progress, in the order first added: [{ key, variantId, options: option ids in the catalog's order,
     * quantity, discount: { fen, reason } | null, note: text | null }]; `key` is the variant's id for a line without
     * options, and names the line in the page's ids.
     */
    this.sale = [];
    this.lineCount = 0;
    /** The code of the price list chosen for the sale, or null for the regular prices. */
    this.priceList = null;
    this.category = null;
    this.addEventListener('click', (event) => this.clicked(event));
    this.addEventListener('change', (event) => {
      if (event.target.name === 'pos-sale-price-list') this.choosePriceList(event.target.value || null);
    });
    this.addEventListener('keydown', (event) => this.typed(event));
    this.search.addEventListener('input', () => this.filter(true));
    this.search.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      this.findCode(this.search.value, this.search);
    });
    this.addEventListener('pos-code-scanned', (event) => this.findCode(event.detail.code, this.querySelector('#pos-camera-scan')));
    this.addEventListener('pos-options-chosen', (event) => this.addLine(event.detail.variantId, event.detail.options));
    this.addEventListener('pos-discount-chosen', (event) => this.discounted(event.detail));
    this.addEventListener('pos-note-chosen', (event) => this.noted(event.detail));
    this.addEventListener('pos-sale-new', () => this.newSale());
    this.addEventListener('pos-tenders-change', () => this.drawLines());
    this.querySelector('#pos-sale-pay').addEventListener('submit', (event) => {
      event.preventDefault();
      this.complete();
    });
    this.given.addEventListener('input', () => this.showChange());
    this.given.addEventListener('change', () => this.sayChange());
    this.onLangChange = () => this.redraw();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    if (this.waiting !== undefined) this.shift = this.waiting;
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  /** The register's open shift, or null: selling needs one. */
  set shift(shift) {
    if (!this.given) {
      this.waiting = shift;
      return;
    }
    const open = Boolean(shift);
    this.querySelector('#pos-sale-no-shift').hidden = open;
    if (!open) {
      this.querySelector('#pos-sale-now').hidden = true;
      this.receipt.hidden = true;
      return;
    }
    if (this.catalog) this.showSale();
    else if (!this.loading) this.load();
  }

  async load() {
    this.loading = true;
    // Said at once, not after announce()'s pause, so that clearing it when the products arrive is never undone.
    showMessage(this.statusLine, { key: 'pos.sale.loading' });
    try {
      const [device, catalog] = await Promise.all([currentDevice(), loadCatalog()]);
      if (!device.offline) await adoptSeries(device.register.id, device.series);
      sendVoids();
      this.counter = { register: device.register.id, seller: catalog.seller };
      this.receipt.printer = device.register.printer ?? null;
      /** How much of a line this cashier may take off, in percent (0: no discounts). */
      this.upTo = device.permissions?.discountUpTo ?? 0;
      this.useCatalog(catalog);
      this.statusLine.textContent = '';
      this.showSale();
    } catch (error) {
      console.warn('Could not load the products.', error);
      announce(this.statusLine, { key: 'pos.sale.loadFailed' });
    } finally {
      this.loading = false;
    }
  }

  /**
   * Takes the catalog's products; the sale keeps only the variants still offered with options that still fit, at
   * their prices now (and the regular prices when its list is gone). Returns how many lines it dropped.
   */
  useCatalog(catalog) {
    this.catalog = catalog;
    this.counter.seller = catalog.seller;
    this.variants = new Map();
    for (const product of catalog.products) {
      for (const variant of product.variants) this.variants.set(variant.id, { product, variant });
    }
    if (!priceListOf(catalog, this.priceList)) this.priceList = null;
    const before = this.sale.length;
    this.sale = this.sale.filter((line) => this.variants.has(line.variantId)
      && optionsFit(this.variants.get(line.variantId).product, line.options));
    return before - this.sale.length;
  }

  showSale() {
    if (!this.receipt.hidden) return;
    this.drawCatalog();
    this.drawLines();
    this.querySelector('#pos-sale-now').hidden = false;
  }

  redraw() {
    if (!this.catalog) return;
    this.drawCatalog();
    this.drawLines();
  }

  /** The price list in force, or null. */
  list() {
    return priceListOf(this.catalog, this.priceList);
  }

  drawCatalog() {
    const { categories, products } = this.catalog;
    const known = new Set(categories.map((category) => category.code));
    const itemsOf = (fits) => products.filter(fits).flatMap((product) => product.variants.map((variant) => ({ product, variant })));
    const shown = [
      ...categories.map((category) => ({ code: category.code, name: localName(category),
        items: itemsOf((product) => product.category === category.code) })),
      { code: 'OTHER', name: t('pos.sale.otherProducts'), items: itemsOf((product) => !known.has(product.category)) },
    ].filter(({ items }) => items.length > 0);
    if (!shown.some(({ code }) => code === this.category)) this.category = null;
    const list = this.list();
    render(this.querySelector('#pos-sale-categories'), html`${shown.length > 1 && html`
      <button type="button" class="button button--secondary pos-category-filter" id="pos-sale-category-all" data-category=""
              aria-pressed="${String(this.category === null)}" data-i18n="pos.sale.allCategories"></button>
      ${shown.map(({ code, name }) => html`<button type="button" class="button button--secondary pos-category-filter"
              id="pos-sale-category-filter-${code}" data-category="${code}" aria-pressed="${String(this.category === code)}">${name}</button>`)}`}`);
    translate(this.querySelector('#pos-sale-categories'));
    render(this.querySelector('#pos-sale-catalog'), shown.length === 0
      ? html`<p class="notice" data-i18n="pos.sale.noProducts"></p>`
      : html`${shown.map(({ code, name, items }) => html`
        <section class="pos-category stack" aria-labelledby="pos-sale-category-${code}" data-category="${code}">
          <h4 id="pos-sale-category-${code}">${name}</h4>
          <ul class="pos-products plain-list">
            ${items.map((item) => html`<li data-search="${searchText(item)}"><button type="button" class="pos-product"
                id="pos-sale-add-${item.variant.id}" data-add="${item.variant.id}" ${this.locked && html`aria-disabled="true"`}>
              <span class="pos-product__name">${buttonName(item)}</span>
              <span class="pos-product__price">${formatMoney(basePrice(item.variant, list))}</span>
              ${item.product.modifierGroups?.length > 0 && html`<span class="pos-product__more" data-i18n="pos.sale.hasOptions"></span>`}
              </button></li>`)}
          </ul>
        </section>`)}`);
    translate(this.querySelector('#pos-sale-catalog'));
    this.drawPriceLists();
    this.filter(false);
  }

  /** The choice of prices for the whole sale: regular, or one of the catalog's lists. */
  drawPriceLists() {
    const lists = this.catalog.priceLists ?? [];
    this.querySelector('#pos-sale-prices').hidden = lists.length === 0;
    render(this.querySelector('#pos-sale-price-lists'), html`
      <label class="pos-choice"><input type="radio" name="pos-sale-price-list" value="" id="pos-sale-price-list-regular"
             ${this.priceList === null && html`checked`} ${this.locked && html`disabled`}>
        <span data-i18n="pos.sale.prices.regular"></span></label>
      ${lists.map((list) => html`<label class="pos-choice"><input type="radio" name="pos-sale-price-list" value="${list.code}"
             id="pos-sale-price-list-${list.code}" ${this.priceList === list.code && html`checked`} ${this.locked && html`disabled`}>
        <span>${localName(list)}</span></label>`)}`);
    translate(this.querySelector('#pos-sale-price-lists'));
  }

  /**
   * Shows the products of the chosen category that match every word of the search; `say` tells how many were found
   * (once typing pauses), for a search typed, not for a redraw.
   */
  filter(say) {
    const words = this.search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    let found = 0;
    let all = 0;
    for (const section of this.querySelectorAll('#pos-sale-catalog .pos-category')) {
      let inSection = 0;
      for (const item of section.querySelectorAll('li[data-search]')) {
        all += 1;
        const fits = (this.category === null || section.dataset.category === this.category)
          && words.every((word) => item.dataset.search.includes(word));
        item.hidden = !fits;
        if (fits) inSection += 1;
      }
      section.hidden = inSection === 0;
      found += inSection;
    }
    const line = this.querySelector('#pos-sale-found');
    window.clearTimeout(this.sayFound);
    if (words.length === 0 && this.category === null) {
      line.textContent = '';
      return;
    }
    const message = found === 0 ? { key: 'pos.sale.foundNone' } : { key: 'pos.sale.found', params: { count: found, all } };
    if (say) this.sayFound = window.setTimeout(() => showMessage(line, message), 400);
    else showMessage(line, message);
  }

  chooseCategory(code) {
    this.category = code || null;
    for (const button of this.querySelectorAll('.pos-category-filter')) {
      button.setAttribute('aria-pressed', String((button.dataset.category || null) === this.category));
    }
    this.filter(false);
  }

  /**
   * Enter in the search (a USB scanner ends its code so) or a code read by the camera: the variant of that SKU is
   * added at once; else, when the search shows exactly one product, that one; else it says nothing was added. The
   * search is emptied for the next scan.
   */
  findCode(text, opener) {
    if (this.locked) return;
    const code = text.trim();
    if (!code) return;
    const wanted = code.toLowerCase();
    let item = [...this.variants.values()].find(({ variant }) => variant.sku?.toLowerCase() === wanted);
    if (!item) {
      const shown = [...this.querySelectorAll('#pos-sale-catalog li[data-search]:not([hidden]) [data-add]')];
      if (shown.length === 1) item = this.variants.get(shown[0].dataset.add);
    }
    if (!item) {
      window.clearTimeout(this.sayFound);
      showMessage(this.querySelector('#pos-sale-found'), { key: 'pos.sale.codeUnknown', params: { code } });
      this.search.select();
      return;
    }
    this.search.value = '';
    this.filter(false);
    this.add(item.variant.id, opener?.id === 'pos-sale-search' ? 'pos-sale-search' : opener?.id);
  }

  /** Typing anywhere in the sale but a text field (a scanner, say) goes to the search; after a sale, a new one starts. */
  typed(event) {
    if (!writes(event) || typingPlace(event.target) || event.target.closest('dialog') || this.locked || !this.catalog) return;
    if (!this.receipt.hidden) this.newSale();
    if (!this.querySelector('#pos-sale-now').hidden) this.search.focus();
  }

  lineOf(key) {
    return this.sale.find((line) => line.key === key);
  }

  itemOf(line) {
    return this.variants.get(line.variantId);
  }

  optionsOf(line) {
    return optionsInOrder(this.itemOf(line).product, line.options);
  }

  unitOf(line) {
    return unitFen(this.itemOf(line).variant, this.optionsOf(line), this.list());
  }

  grossOf(line) {
    return this.unitOf(line) * line.quantity;
  }

  amountOf(line) {
    return this.grossOf(line) - (line.discount?.fen ?? 0);
  }

  nameOf(line) {
    return fullName(this.itemOf(line), this.optionsOf(line));
  }

  totalFen() {
    return this.sale.reduce((sum, line) => sum + this.amountOf(line), 0);
  }

  drawLines() {
    const locked = this.locked;
    for (const button of this.querySelectorAll('.pos-product, .pos-category-filter')) {
      if (locked) button.setAttribute('aria-disabled', 'true');
      else button.removeAttribute('aria-disabled');
    }
    for (const input of this.querySelectorAll('input[name="pos-sale-price-list"]')) input.disabled = locked;
    this.search.readOnly = locked;
    const discounts = this.upTo > 0;
    render(this.querySelector('#pos-sale-lines'), html`${this.sale.map((line) => {
      const item = this.itemOf(line);
      const name = lineName(item);
      const options = this.optionsOf(line);
      const id = line.key;
      const naming = params({ name: this.nameOf(line) });
      const disabled = locked && html`aria-disabled="true"`;
      return html`
        <li class="pos-line" data-variant="${line.variantId}">
          <span class="pos-line__name">${name}</span>
          <span class="pos-line__unit" data-i18n="pos.sale.line.each"
                data-i18n-params="${params({ price: formatMoney(cash(this.unitOf(line))) })}"></span>
          <span class="pos-line__quantity" role="group" data-i18n-attr="aria-label:pos.sale.line.quantity" data-i18n-params="${naming}">
            <button type="button" class="button button--secondary pos-line__step" id="pos-sale-fewer-${id}" data-fewer="${id}"
                    data-i18n-attr="aria-label:pos.sale.line.fewer" data-i18n-params="${naming}"
                    ${(locked || line.quantity <= 1) && html`aria-disabled="true"`}>−</button>
            <span class="pos-line__count" id="pos-sale-count-${id}">×${line.quantity}</span>
            <button type="button" class="button button--secondary pos-line__step" id="pos-sale-more-${id}" data-more="${id}"
                    data-i18n-attr="aria-label:pos.sale.line.more" data-i18n-params="${naming}"
                    ${(locked || line.quantity >= MAX_QUANTITY) && html`aria-disabled="true"`}>+</button>
          </span>
          <span class="pos-line__amount" id="pos-sale-amount-${id}">${formatMoney(cash(this.amountOf(line)))}</span>
          <button type="button" class="button button--secondary pos-line__remove" id="pos-sale-remove-${id}" data-remove="${id}"
                  data-i18n-attr="aria-label:pos.sale.line.removeNamed" data-i18n-params="${naming}"
                  ${disabled}><span data-i18n="pos.sale.line.remove"></span></button>
          <div class="pos-line__extras">
            ${options.length > 0 && html`<p class="pos-line__options" id="pos-sale-line-options-${id}">${options
              .map((option) => [localName(option), optionPrice(option.price)].filter(Boolean).join(' ')).join(' · ')}</p>`}
            ${line.discount && html`<p class="pos-line__discount" id="pos-sale-line-discount-${id}" data-i18n="pos.sale.line.discount"
                data-i18n-params="${params({ amount: formatMoney(cash(line.discount.fen)), reason: line.discount.reason })}"></p>`}
            ${line.note && html`<p class="pos-line__note" id="pos-sale-line-note-${id}" data-i18n="pos.sale.line.note"
                data-i18n-params="${params({ note: line.note })}"></p>`}
            <span class="pos-line__actions">
              ${discounts && html`<button type="button" class="button button--secondary" id="pos-sale-discount-${id}"
                  data-discount="${id}" data-i18n-attr="aria-label:pos.sale.line.discountNamed" data-i18n-params="${naming}"
                  ${disabled}><span data-i18n="pos.sale.line.discountButton"></span></button>`}
              <button type="button" class="button button--secondary" id="pos-sale-notes-${id}" data-note="${id}"
                  data-i18n-attr="aria-label:pos.sale.line.noteNamed" data-i18n-params="${naming}"
                  ${disabled}><span data-i18n="pos.sale.line.noteButton"></span></button>
            </span>
          </div>
        </li>`;
    })}`);
    translate(this.querySelector('#pos-sale-lines'));
    const total = this.totalFen();
    const list = this.list();
    const listNow = this.querySelector('#pos-sale-price-list-now');
    listNow.hidden = !list;
    if (list) {
      listNow.dataset.i18n = 'pos.sale.prices.now';
      listNow.dataset.i18nParams = params({ name: localName(list) });
      translate(listNow);
    }
    this.querySelector('#pos-sale-empty').hidden = this.sale.length > 0;
    this.querySelector('#pos-sale-total').textContent = formatMoney(cash(total));
    this.querySelector('#pos-sale-pay').hidden = this.sale.length === 0;
    // The sale's card and wallet payments are taken for this id, which the sale is then sent with.
    this.clientId ??= uuid();
    this.tenders.configure({ clientId: this.clientId, totalFen: total });
    const due = this.cashDueFen();
    const paidOtherwise = this.tenders.paidFen > 0;
    this.querySelector('#pos-sale-cash').hidden = paidOtherwise && due === 0;
    const dueLine = this.querySelector('#pos-sale-cash-due');
    dueLine.hidden = !paidOtherwise;
    dueLine.dataset.i18n = 'pos.sale.cash.due';
    dueLine.dataset.i18nParams = params({ amount: formatMoney(cash(due)) });
    translate(dueLine);
    const busy = Boolean(this.busy);
    this.given.readOnly = busy;
    const notes = [...new Set(NOTES.map((note) => Math.ceil(due / note) * note))].filter((fen) => fen > due);
    render(this.querySelector('#pos-sale-quick'), html`
      <button type="button" class="button button--secondary" id="pos-sale-exact" data-given="${due}"
              ${busy && html`aria-disabled="true"`} data-i18n="pos.sale.cash.exact"></button>
      ${notes.map((fen) => html`<button type="button" class="button button--secondary" id="pos-sale-note-${fen}"
              data-given="${fen}" ${busy && html`aria-disabled="true"`}>${formatMoney(cash(fen))}</button>`)}`);
    translate(this.querySelector('#pos-sale-quick'));
    this.showChange();
  }

  /** While a sale is being signed and sent, or card and wallet payments hold it, its lines stay exactly as they are. */
  get locked() {
    return Boolean(this.busy) || Boolean(this.tenders?.holds);
  }

  /** What is left to pay in cash: the total less what card and wallet paid. */
  cashDueFen() {
    return this.totalFen() - this.tenders.paidFen;
  }

  clicked(event) {
    const button = event.target.closest('button');
    if (!button || button.type === 'submit' || button.closest('pos-sale-receipt, dialog, pos-camera-scan, pos-tenders')) return;
    if (button.dataset.given && !this.busy) {
      this.giveQuick(Number(button.dataset.given));
      return;
    }
    if (this.locked || button.getAttribute('aria-disabled') === 'true') return;
    else if (button.dataset.add) this.add(button.dataset.add, button.id);
    else if (button.dataset.category !== undefined) this.chooseCategory(button.dataset.category);
    else if (button.dataset.more) this.step(button.dataset.more, 1);
    else if (button.dataset.fewer) this.step(button.dataset.fewer, -1);
    else if (button.dataset.remove) this.remove(button.dataset.remove);
    else if (button.dataset.discount) this.askDiscount(button.dataset.discount);
    else if (button.dataset.note) this.askNote(button.dataset.note);
  }

  /** A product chosen: with modifier groups, its options are asked for first; focus then returns to `returnTo`. */
  add(variantId, returnTo) {
    const item = this.variants.get(variantId);
    if (item.product.modifierGroups?.length > 0) {
      this.querySelector('pos-options').open({ ...item, list: this.list(), returnTo, fallback: this.search });
      return;
    }
    this.addLine(variantId, []);
  }

  /** One more of the variant with `options` (ids, in the catalog's order): on its line if it has one, else a new line. */
  addLine(variantId, options) {
    const same = options.join(' ');
    let line = this.sale.find((each) => each.variantId === variantId && each.options.join(' ') === same);
    if (line && line.quantity >= MAX_QUANTITY) return;
    if (line) line.quantity += 1;
    else {
      this.lineCount += 1;
      line = { key: options.length ? `${variantId}-${this.lineCount}` : variantId, variantId, options, quantity: 1,
        discount: null, note: null };
      this.sale.push(line);
    }
    this.drawLines();
    announce(this.statusLine, { key: 'pos.sale.added', params: { name: this.nameOf(line), quantity: line.quantity,
      total: spokenMoney(cash(this.totalFen())) } });
  }

  step(key, by) {
    const line = this.lineOf(key);
    const quantity = line.quantity + by;
    if (quantity < 1 || quantity > MAX_QUANTITY) return;
    if (by < 0) this.voided(line, -by);
    line.quantity = quantity;
    this.drawLines();
    this.querySelector(`#pos-sale-${by > 0 ? 'more' : 'fewer'}-${CSS.escape(key)}`)?.focus();
    announce(this.statusLine, { key: 'pos.sale.quantityNow', params: { name: this.nameOf(line),
      quantity, total: spokenMoney(cash(this.totalFen())) } });
  }

  remove(key) {
    const at = this.sale.findIndex((line) => line.key === key);
    const name = this.nameOf(this.sale[at]);
    this.voided(this.sale[at], this.sale[at].quantity);
    this.sale.splice(at, 1);
    this.drawLines();
    const next = this.sale[Math.min(at, this.sale.length - 1)];
    if (next) this.querySelector(`#pos-sale-remove-${CSS.escape(next.key)}`).focus();
    else this.querySelector('#pos-sale-lines-heading').focus();
    announce(this.statusLine, { key: 'pos.sale.removed', params: { name, total: spokenMoney(cash(this.totalFen())) } });
  }

  /** `quantity` units of `line` taken off the sale: recorded for the shift's reports (lib/pos-voids.js). */
  voided(line, quantity) {
    recordVoid(line.variantId, quantity, this.unitOf(line) * quantity).catch((error) => console.warn('The void was not kept.', error));
  }

  /** The whole sale at the prices of the list `code` (null: the regular prices), said with the new total. */
  choosePriceList(code) {
    this.priceList = code;
    const list = this.list();
    for (const button of this.querySelectorAll('.pos-product')) {
      const { variant } = this.variants.get(button.dataset.add);
      button.querySelector('.pos-product__price').textContent = formatMoney(basePrice(variant, list));
    }
    this.drawLines();
    announce(this.statusLine, { key: list ? 'pos.sale.prices.chosen' : 'pos.sale.prices.regularChosen',
      params: { name: list ? localName(list) : '', total: spokenMoney(cash(this.totalFen())) } });
  }

  askDiscount(key) {
    const line = this.lineOf(key);
    this.querySelector('pos-discount').open({ key, name: this.nameOf(line), grossFen: this.grossOf(line), upTo: this.upTo,
      discount: line.discount, returnTo: `pos-sale-discount-${key}`, fallback: this.search });
  }

  discounted({ key, discount }) {
    const line = this.lineOf(key);
    if (!line) return;
    line.discount = discount;
    this.drawLines();
    announce(this.statusLine, discount
      ? { key: 'pos.sale.discounted', params: { name: this.nameOf(line), amount: spokenMoney(cash(discount.fen)),
        reason: discount.reason, total: spokenMoney(cash(this.totalFen())) } }
      : { key: 'pos.sale.discountRemoved', params: { name: this.nameOf(line), total: spokenMoney(cash(this.totalFen())) } });
  }

  askNote(key) {
    const line = this.lineOf(key);
    this.querySelector('pos-note').open({ key, name: this.nameOf(line), note: line.note, returnTo: `pos-sale-notes-${key}`,
      fallback: this.search });
  }

  noted({ key, note }) {
    const line = this.lineOf(key);
    if (!line) return;
    line.note = note;
    this.drawLines();
    announce(this.statusLine, note ? { key: 'pos.sale.noted', params: { name: this.nameOf(line), note } }
      : { key: 'pos.sale.noteRemoved', params: { name: this.nameOf(line) } });
  }

  giveQuick(fen) {
    this.given.value = formatYuan(fen);
    this.errors.clearAt(this.given);
    this.showChange();
    this.sayChange();
  }

  /** The cash given as typed, in fen, or null when it is not an amount. */
  givenFen() {
    const read = parseYuan(this.given.value);
    return read.problem ? null : read.fen;
  }

  showChange() {
    const line = this.querySelector('#pos-sale-change');
    const given = this.givenFen();
    const total = this.cashDueFen();
    if (given === null || total === 0) {
      delete line.dataset.i18n;
      line.textContent = '';
      return;
    }
    line.dataset.i18n = given >= total ? 'pos.sale.cash.change' : 'pos.sale.cash.short';
    line.dataset.i18nParams = params({ amount: formatMoney(cash(Math.abs(given - total))) });
    translate(line);
  }

  sayChange() {
    const given = this.givenFen();
    const total = this.cashDueFen();
    if (given === null || total === 0) return;
    announce(this.statusLine, { key: given >= total ? 'pos.sale.cash.change' : 'pos.sale.cash.short',
      params: { amount: spokenMoney(cash(Math.abs(given - total))) } });
  }

  /** What stops the sale from being completed as it stands, for FormErrors. */
  check() {
    const given = this.givenFen();
    if (this.sale.length === 0) return [{ target: null, message: { key: 'pos.sale.emptyMissing' } }];
    // The quantity or the price list may have changed since a discount was given: it must still be within the limit.
    const beyond = this.sale.filter((line) => line.discount && (line.discount.fen >= this.grossOf(line)
      || line.discount.fen > discountLimitFen(this.unitOf(line), line.quantity, this.upTo)));
    if (beyond.length) {
      return beyond.map((line) => ({ target: null, message: { key: 'pos.sale.discountBeyond', params: { name: this.nameOf(line),
        most: formatMoney(cash(Math.min(discountLimitFen(this.unitOf(line), line.quantity, this.upTo), this.grossOf(line) - 1))) } } }));
    }
    const due = this.cashDueFen();
    if (due === 0) return [];
    if (given === null) return [{ target: 'pos-sale-given', message: { key: 'pos.sale.cash.invalid' } }];
    if (given < due) {
      return [{ target: 'pos-sale-given', message: { key: 'pos.sale.cash.notEnough', params: { total: formatMoney(cash(due)) } } }];
    }
    return [];
  }

  async complete() {
    if (this.busy) return;
    const problems = this.check();
    if (problems.length) {
      this.errors.show(problems);
      return;
    }
    this.errors.clear();
    this.busy = true;
    this.drawLines();
    showMessage(this.statusLine, { key: 'pos.sale.completing' });
    try {
      // Taken once for the sale: tried again after a refusal, it keeps its number.
      this.pickupNumber ??= await nextPickupNumber(this.counter.register);
      const list = this.list();
      const sale = prepareSale(this.sale.map((line) => soldLine(this.itemOf(line), line, list)),
        this.cashDueFen() === 0 ? 0 : this.givenFen(),
        { priceList: list?.code ?? null, pickupNumber: this.pickupNumber, paid: this.tenders.paid, clientId: this.clientId });
      this.completed(await sell(sale, this.counter));
    } catch (error) {
      console.warn('The sale was not completed.', error);
      this.statusLine.textContent = '';
      this.refused(error);
    } finally {
      this.busy = false;
      if (this.receipt.hidden) this.drawLines();
    }
  }

  /** The sale is complete: stored by the server (`sold`), or waiting to be sent (`sold` null) with its receipt handed over. */
  completed({ signed, sold }) {
    this.sale = [];
    this.priceList = null;
    this.pickupNumber = null;
    this.clientId = null;
    this.tenders.reset();
    this.given.value = '';
    this.querySelector('#pos-sale-now').hidden = true;
    this.receipt.show({ signed, sold });
    const change = signed.content.tenders.find((tender) => tender.type === 'CASH')?.change ?? cash(0);
    announce(this.statusLine, { key: sold ? 'pos.sale.done' : 'pos.sale.doneOffline',
      params: { number: `${signed.register}-${signed.number}`, change: spokenMoney(change) } });
    this.dispatchEvent(new CustomEvent('pos-sale-completed', { bubbles: true, detail: { signed, sold } }));
  }

  /** A new sale, at the regular prices; focus in the search, where a scanner types. */
  newSale() {
    this.errors.clear();
    this.receipt.hidden = true;
    this.search.value = '';
    this.showSale();
    this.search.focus();
  }

  /** The server refused the sale sent at once: nothing was handed over, and the sale is as the cashier left it. */
  refused(error) {
    const type = problemType(error);
    if (type.endsWith('/receipt-differs') && this.catalogChanged(error.problem.field)) this.reprice('pos.sale.pricesChanged');
    else if (type.endsWith('/tender-not-total')) this.reprice('pos.sale.pricesChanged');
    else if (type.endsWith('/not-sold-here')) this.reprice('pos.sale.notSoldHere');
    else if (type.endsWith('/options-invalid') || type.endsWith('/unknown-price-list')) this.reprice('pos.sale.choicesChanged');
    else this.errors.show(this.problems(error));
  }

  /**
   * Whether a receipt that differs from the server's points at what the catalog says (prices, names, taxes, makers,
   * the seller); one without a place, or at its date, was refused for the tablet's clock.
   */
  catalogChanged(field) {
    return typeof field === 'string' && field.startsWith('/') && !field.startsWith('/issuedAt');
  }

  problems(error) {
    const type = problemType(error);
    const say = (key, target = null) => [{ target, message: { key } }];
    if (error instanceof DeviceKeyMissing) return say('pos.sale.keyMissing');
    if (error instanceof SeriesUnknown) return say('pos.sale.seriesUnknown');
    if (!(error instanceof ApiError)) return say('pos.sale.notKept');
    if (type.endsWith('/no-open-shift')) return say('pos.sale.shiftClosed');
    if (type.endsWith('/device-not-paired')) return say('pos.signIn.notPaired');
    if (type.endsWith('/receipt-differs')) return say('pos.sale.clock');
    if (type.endsWith('/receipt-out-of-sequence')) return say('pos.sale.outOfSequence');
    if (type.endsWith('/receipt-signature-invalid')) return say('pos.sale.signatureInvalid');
    if (type.endsWith('/not-enough-cash')) return say('pos.sale.cash.notEnoughServer', 'pos-sale-given');
    if (type.endsWith('/sale-conflict')) return say('pos.sale.conflict');
    if (type.endsWith('/payment-left-out') || type.endsWith('/tender-not-paid')) return say('pos.sale.paymentsDiffer');
    if (type.endsWith('/discount-not-allowed')) return say('pos.sale.discountNotAllowed');
    if (type.endsWith('/discount-invalid')) return say('pos.sale.discountInvalid');
    if (type.endsWith('/not-signed-in-here') || error.status === 401) return say('pos.shift.signedOut');
    return problemsFrom(error);
  }

  /**
   * The catalog changed since it was loaded (prices, names, what the counter sells): the sale is priced again, without
   * what is no longer sold here, and the cashier checks it (`key` says why) before completing it again.
   */
  async reprice(key) {
    let dropped = 0;
    try {
      dropped = this.useCatalog(await loadCatalog());
    } catch (loadError) {
      console.warn('Could not load the products again.', loadError);
      this.errors.show([{ target: null, message: { key: 'pos.sale.loadFailed' } }]);
      return;
    }
    this.drawCatalog();
    this.drawLines();
    this.errors.show([{ target: null, message: { key, params: { total: formatMoney(cash(this.totalFen())) } } },
      ...(dropped ? [{ target: null, message: { key: 'pos.sale.linesDropped', params: { count: dropped } } }] : [])]);
  }
}

export function register() {
  registerReceipt();
  registerOptions();
  registerDiscount();
  registerNote();
  registerCameraScan();
  registerTenders();
  define('pos-sale', PosSale);
}
