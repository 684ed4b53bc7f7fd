/**
 * <pos-sale>: a cash sale at the counter (docs/api/pos.md, issue 12 step 4), for the cashier signed in at a paired
 * tablet while the register's shift is open (`shift` sets what GET /api/pos/shift said; without one, a line says to
 * open it first). The products of GET /api/pos/catalog under their categories, as large buttons (one per variant);
 * the sale's lines with − / + and remove, and the running total, each change said aloud; the cash given, with quick
 * amounts and the change due. Completing signs the sale's receipt on the tablet's series and queues it before
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
import { formatMoney, formatYuan, parseYuan } from '../../../lib/money.js';
import { DeviceKeyMissing, currentDevice } from '../../../lib/pos-device.js';
import { SeriesUnknown, adoptSeries, sell } from '../../../lib/pos-queue.js';
import { loadCatalog, prepareSale } from '../../../lib/pos-sales.js';
import { localName } from '../../../lib/staff-catalog.js';
import { define } from '../../../lib/define.js';
import { register as registerReceipt } from '../pos-sale-receipt/pos-sale-receipt.js';

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
            <div id="pos-sale-catalog" class="stack"></div>
          </section>
          <section class="pos-sale__lines stack" aria-labelledby="pos-sale-lines-heading">
            <h3 id="pos-sale-lines-heading" tabindex="-1" data-i18n="pos.sale.lines"></h3>
            <p id="pos-sale-empty" data-i18n="pos.sale.empty"></p>
            <ul id="pos-sale-lines" class="pos-lines plain-list"></ul>
            <p class="pos-sale__total"><span data-i18n="pos.sale.total"></span> <strong id="pos-sale-total"></strong></p>
          </section>
          <form id="pos-sale-pay" class="stack" novalidate aria-labelledby="pos-sale-pay-heading" hidden>
            <h3 id="pos-sale-pay-heading" data-i18n="pos.sale.cash.heading"></h3>
            <div class="field">
              <label for="pos-sale-given" data-i18n="pos.sale.cash.given"></label>
              <p id="pos-sale-given-hint" class="field__hint" data-i18n="pos.sale.cash.givenHint"></p>
              <input id="pos-sale-given" class="pos-money-input" type="text" inputmode="decimal" autocomplete="off"
                     required aria-describedby="pos-sale-given-hint">
              <p id="pos-sale-given-error" class="field__error" hidden></p>
            </div>
            <div id="pos-sale-quick" class="button-row" role="group" data-i18n-attr="aria-label:pos.sale.cash.quick"></div>
            <p id="pos-sale-change" class="pos-sale__change"></p>
            <p><button type="submit" id="pos-sale-complete" class="button button--primary pos-sale__complete"
                       data-i18n="pos.sale.complete"></button></p>
          </form>
        </div>
        <pos-sale-receipt hidden></pos-sale-receipt>
      </section>`);
    translate(this);
    this.statusLine = this.querySelector('#pos-sale-status');
    this.receipt = this.querySelector('pos-sale-receipt');
    this.given = this.querySelector('#pos-sale-given');
    this.errors = new FormErrors(this, this.querySelector('#pos-sale-errors'));
    /** The sale in progress: [{ variantId, quantity }] in the order first added. */
    this.sale = [];
    this.addEventListener('click', (event) => this.clicked(event));
    this.addEventListener('pos-sale-new', () => this.newSale());
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
      this.counter = { register: device.register.id, seller: catalog.seller };
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

  /** Takes the catalog's products; the sale keeps only the variants still offered, at their prices now. */
  useCatalog(catalog) {
    this.catalog = catalog;
    this.counter.seller = catalog.seller;
    this.variants = new Map();
    for (const product of catalog.products) {
      for (const variant of product.variants) this.variants.set(variant.id, { product, variant });
    }
    const before = this.sale.length;
    this.sale = this.sale.filter((line) => this.variants.has(line.variantId));
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

  drawCatalog() {
    const { categories, products } = this.catalog;
    const known = new Set(categories.map((category) => category.code));
    const itemsOf = (fits) => products.filter(fits).flatMap((product) => product.variants.map((variant) => ({ product, variant })));
    const shown = [
      ...categories.map((category) => ({ code: category.code, name: localName(category),
        items: itemsOf((product) => product.category === category.code) })),
      { code: 'OTHER', name: t('pos.sale.otherProducts'), items: itemsOf((product) => !known.has(product.category)) },
    ].filter(({ items }) => items.length > 0);
    render(this.querySelector('#pos-sale-catalog'), shown.length === 0
      ? html`<p class="notice" data-i18n="pos.sale.noProducts"></p>`
      : html`${shown.map(({ code, name, items }) => html`
        <section class="pos-category stack" aria-labelledby="pos-sale-category-${code}">
          <h4 id="pos-sale-category-${code}">${name}</h4>
          <ul class="pos-products plain-list">
            ${items.map((item) => html`<li><button type="button" class="pos-product" id="pos-sale-add-${item.variant.id}"
                data-add="${item.variant.id}" ${this.locked && html`aria-disabled="true"`}>
              <span class="pos-product__name">${buttonName(item)}</span>
              <span class="pos-product__price">${formatMoney(item.variant.price)}</span></button></li>`)}
          </ul>
        </section>`)}`);
    translate(this.querySelector('#pos-sale-catalog'));
  }

  lineOf(variantId) {
    return this.sale.find((line) => line.variantId === variantId);
  }

  totalFen() {
    return this.sale.reduce((sum, line) => sum + this.variants.get(line.variantId).variant.price.amount * line.quantity, 0);
  }

  drawLines() {
    const locked = this.locked;
    for (const button of this.querySelectorAll('.pos-product')) {
      if (locked) button.setAttribute('aria-disabled', 'true');
      else button.removeAttribute('aria-disabled');
    }
    render(this.querySelector('#pos-sale-lines'), html`${this.sale.map((line) => {
      const item = this.variants.get(line.variantId);
      const name = lineName(item);
      const id = line.variantId;
      const naming = params({ name });
      return html`
        <li class="pos-line">
          <span class="pos-line__name">${name}</span>
          <span class="pos-line__unit" data-i18n="pos.sale.line.each" data-i18n-params="${params({ price: formatMoney(item.variant.price) })}"></span>
          <span class="pos-line__quantity" role="group" data-i18n-attr="aria-label:pos.sale.line.quantity" data-i18n-params="${naming}">
            <button type="button" class="button button--secondary pos-line__step" id="pos-sale-fewer-${id}" data-fewer="${id}"
                    data-i18n-attr="aria-label:pos.sale.line.fewer" data-i18n-params="${naming}"
                    ${(locked || line.quantity <= 1) && html`aria-disabled="true"`}>−</button>
            <span class="pos-line__count" id="pos-sale-count-${id}">×${line.quantity}</span>
            <button type="button" class="button button--secondary pos-line__step" id="pos-sale-more-${id}" data-more="${id}"
                    data-i18n-attr="aria-label:pos.sale.line.more" data-i18n-params="${naming}"
                    ${(locked || line.quantity >= MAX_QUANTITY) && html`aria-disabled="true"`}>+</button>
          </span>
          <span class="pos-line__amount" id="pos-sale-amount-${id}">${formatMoney(cash(item.variant.price.amount * line.quantity))}</span>
          <button type="button" class="button button--secondary" id="pos-sale-remove-${id}" data-remove="${id}"
                  data-i18n-attr="aria-label:pos.sale.line.removeNamed" data-i18n-params="${naming}"
                  ${locked && html`aria-disabled="true"`}><span data-i18n="pos.sale.line.remove"></span></button>
        </li>`;
    })}`);
    translate(this.querySelector('#pos-sale-lines'));
    const total = this.totalFen();
    this.querySelector('#pos-sale-empty').hidden = this.sale.length > 0;
    this.querySelector('#pos-sale-total').textContent = formatMoney(cash(total));
    this.querySelector('#pos-sale-pay').hidden = this.sale.length === 0;
    this.given.readOnly = locked;
    const notes = [...new Set(NOTES.map((note) => Math.ceil(total / note) * note))].filter((fen) => fen > total);
    render(this.querySelector('#pos-sale-quick'), html`
      <button type="button" class="button button--secondary" id="pos-sale-exact" data-given="${total}"
              ${locked && html`aria-disabled="true"`} data-i18n="pos.sale.cash.exact"></button>
      ${notes.map((fen) => html`<button type="button" class="button button--secondary" id="pos-sale-note-${fen}"
              data-given="${fen}" ${locked && html`aria-disabled="true"`}>${formatMoney(cash(fen))}</button>`)}`);
    translate(this.querySelector('#pos-sale-quick'));
    this.showChange();
  }

  /** While a sale is being signed and sent, it stays exactly as it is. */
  get locked() {
    return Boolean(this.busy);
  }

  clicked(event) {
    const button = event.target.closest('button');
    if (!button || button.type === 'submit' || button.closest('pos-sale-receipt')) return;
    if (this.locked || button.getAttribute('aria-disabled') === 'true') return;
    else if (button.dataset.add) this.add(button.dataset.add);
    else if (button.dataset.more) this.step(button.dataset.more, 1);
    else if (button.dataset.fewer) this.step(button.dataset.fewer, -1);
    else if (button.dataset.remove) this.remove(button.dataset.remove);
    else if (button.dataset.given) this.giveQuick(Number(button.dataset.given));
  }

  add(variantId) {
    const line = this.lineOf(variantId);
    if (line && line.quantity >= MAX_QUANTITY) return;
    if (line) line.quantity += 1;
    else this.sale.push({ variantId, quantity: 1 });
    this.drawLines();
    const quantity = this.lineOf(variantId).quantity;
    announce(this.statusLine, { key: 'pos.sale.added', params: { name: lineName(this.variants.get(variantId)), quantity,
      total: formatMoney(cash(this.totalFen())) } });
  }

  step(variantId, by) {
    const line = this.lineOf(variantId);
    const quantity = line.quantity + by;
    if (quantity < 1 || quantity > MAX_QUANTITY) return;
    line.quantity = quantity;
    this.drawLines();
    this.querySelector(`#pos-sale-${by > 0 ? 'more' : 'fewer'}-${CSS.escape(variantId)}`)?.focus();
    announce(this.statusLine, { key: 'pos.sale.quantityNow', params: { name: lineName(this.variants.get(variantId)),
      quantity, total: formatMoney(cash(this.totalFen())) } });
  }

  remove(variantId) {
    const at = this.sale.findIndex((line) => line.variantId === variantId);
    const name = lineName(this.variants.get(variantId));
    this.sale.splice(at, 1);
    this.drawLines();
    const next = this.sale[Math.min(at, this.sale.length - 1)];
    if (next) this.querySelector(`#pos-sale-remove-${CSS.escape(next.variantId)}`).focus();
    else this.querySelector('#pos-sale-lines-heading').focus();
    announce(this.statusLine, { key: 'pos.sale.removed', params: { name, total: formatMoney(cash(this.totalFen())) } });
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
    const total = this.totalFen();
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
    const total = this.totalFen();
    if (given === null || total === 0) return;
    announce(this.statusLine, { key: given >= total ? 'pos.sale.cash.change' : 'pos.sale.cash.short',
      params: { amount: formatMoney(cash(Math.abs(given - total))) } });
  }

  /** What stops the sale from being completed as it stands, for FormErrors. */
  check() {
    const given = this.givenFen();
    const total = this.totalFen();
    if (this.sale.length === 0) return [{ target: null, message: { key: 'pos.sale.emptyMissing' } }];
    if (given === null) return [{ target: 'pos-sale-given', message: { key: 'pos.sale.cash.invalid' } }];
    if (given < total) {
      return [{ target: 'pos-sale-given', message: { key: 'pos.sale.cash.notEnough', params: { total: formatMoney(cash(total)) } } }];
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
    const sale = prepareSale(this.sale.map(({ variantId, quantity }) => ({ ...this.variants.get(variantId), quantity })),
      this.givenFen());
    this.errors.clear();
    this.busy = true;
    this.drawLines();
    showMessage(this.statusLine, { key: 'pos.sale.completing' });
    try {
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
    this.given.value = '';
    this.querySelector('#pos-sale-now').hidden = true;
    this.receipt.show({ signed, sold });
    announce(this.statusLine, { key: sold ? 'pos.sale.done' : 'pos.sale.doneOffline',
      params: { number: `${signed.register}-${signed.number}`, change: formatMoney(signed.content.tenders[0].change) } });
    this.dispatchEvent(new CustomEvent('pos-sale-completed', { bubbles: true, detail: { signed, sold } }));
  }

  newSale() {
    this.errors.clear();
    this.receipt.hidden = true;
    this.showSale();
    this.querySelector('#pos-sale-products-heading').focus();
  }

  /** The server refused the sale sent at once: nothing was handed over, and the sale is as the cashier left it. */
  refused(error) {
    const type = problemType(error);
    if (type.endsWith('/receipt-differs') && this.catalogChanged(error.problem.field)) this.reprice('pos.sale.pricesChanged');
    else if (type.endsWith('/tender-not-total')) this.reprice('pos.sale.pricesChanged');
    else if (type.endsWith('/not-sold-here')) this.reprice('pos.sale.notSoldHere');
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
  define('pos-sale', PosSale);
}
