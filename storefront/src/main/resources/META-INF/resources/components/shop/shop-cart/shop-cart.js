/**
 * <shop-cart>: the cart page. One entry per line (picture, name and option, unit price, a quantity stepper,
 * a remove button, the line's amount), then the subtotal and the way to checkout. A line that can no longer be
 * bought, or with more in the cart than can be sold, says so and holds back checkout until it is fixed.
 * Changes are sent one after another, announced in the page's status region (`#cart-status`), and keep
 * keyboard focus where it was; removing a line moves focus to the next line, or to the heading.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, t } from '../../../lib/i18n.js';
import { formatMoney } from '../../../lib/money.js';
import { productUrl, PRODUCTS_PAGE } from '../../../lib/catalog.js';
import { CHECKOUT_PAGE, MAX_LINE_QUANTITY, cartLineName as itemName, loadCart, outOfStock, removeLine, setQuantity } from '../../../lib/cart.js';
import { announce } from '../../../lib/form-errors.js';
import { define } from '../../../lib/define.js';
import { register as registerStepper } from '../quantity-stepper/quantity-stepper.js';

/** What is wrong with a line, as an i18n message, or null when it can be checked out as it is. */
export function lineProblem(item) {
  if (!item.purchasable) return { key: 'cart.line.notPurchasable' };
  if (item.available === null || item.available === undefined || item.quantity <= item.available) return null;
  return item.available > 0
    ? { key: 'cart.line.tooFew', params: { available: item.available } }
    : { key: 'cart.line.soldOut' };
}


function picture(item) {
  if (!item.image) return html`<div class="cart-line__image cart-line__image--none" aria-hidden="true"></div>`;
  // The name is right beside it, so the picture adds nothing for a screen reader.
  return html`<img class="cart-line__image" src="${item.image.thumbnail}" width="96" height="96" alt="" decoding="async">`;
}

function line(item) {
  const id = `line-${item.variantId}`;
  const problem = lineProblem(item);
  const max = Math.max(item.quantity, Math.min(MAX_LINE_QUANTITY, item.available ?? MAX_LINE_QUANTITY), 1);
  return html`
    <li class="cart-line ${problem ? 'cart-line--problem' : ''}" id="${id}" data-variant-id="${item.variantId}">
      ${picture(item)}
      <div class="cart-line__about">
        <h2 class="cart-line__name"><a id="${id}-name" href="${productUrl(item.productId)}">${item.name}</a></h2>
        ${item.variantName && html`<p class="cart-line__variant">${item.variantName}</p>`}
        <p class="cart-line__unit">${t('cart.line.unitPrice', { price: formatMoney(item.unitPrice) })}</p>
        ${problem && html`<p id="${id}-problem" class="cart-line__problem">${t(problem.key, problem.params)}</p>`}
      </div>
      <div class="cart-line__controls">
        <quantity-stepper input-id="${id}-quantity" item="${itemName(item)}" min="1" max="${max}"
                          value="${item.quantity}"></quantity-stepper>
        <button type="button" id="${id}-remove" class="button button--secondary cart-line__remove" data-remove
                aria-label="${t('cart.line.removeNamed', { item: itemName(item) })}">${t('cart.line.remove')}</button>
      </div>
      <p class="cart-line__amount">
        <span class="cart-line__amount-label">${t('cart.line.amount')}</span>
        <span id="${id}-amount" class="cart-line__amount-value">${formatMoney(item.amount)}</span>
      </p>
    </li>`;
}

class ShopCart extends HTMLElement {
  connectedCallback() {
    this.statusLine = document.getElementById('cart-status');
    this.heading = document.getElementById('cart-heading');
    this.queue = Promise.resolve();
    this.addEventListener('quantity-change', (event) => this.change(event));
    this.addEventListener('click', (event) => this.remove(event));
    this.onLangChange = () => this.load();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.load();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  async load() {
    try {
      this.show(await loadCart());
    } catch (error) {
      console.warn('The cart could not be loaded.', error);
      render(this, html`<p id="cart-error" class="shop-message shop-message--error" role="alert">${t('cart.loadError')}</p>`);
    }
  }

  show(cart) {
    this.cart = cart;
    const focused = document.activeElement?.id;
    if (!cart || cart.items.length === 0) {
      render(this, html`
        <div id="cart-empty" class="shop-message">
          <p>${t('cart.empty')}</p>
          <a id="cart-browse" href="${PRODUCTS_PAGE}">${t('cart.browse')}</a>
        </div>`);
      return;
    }
    const problems = cart.items.filter((item) => lineProblem(item) !== null).length;
    render(this, html`
      <ul id="cart-lines" class="cart-lines">${cart.items.map(line)}</ul>
      <section class="cart-summary" aria-labelledby="cart-summary-heading">
        <h2 id="cart-summary-heading" class="visually-hidden">${t('cart.summary.heading')}</h2>
        <p class="cart-summary__row">
          <span>${t('cart.summary.subtotal', { count: cart.itemCount })}</span>
          <strong id="cart-subtotal" class="cart-summary__amount">${formatMoney(cart.subtotal)}</strong>
        </p>
        <p class="cart-summary__note">${t('cart.summary.note')}</p>
        ${problems > 0
          ? html`<p id="cart-blocked" class="cart-summary__blocked">${t('cart.summary.blocked')}</p>`
          : html`<a id="cart-checkout" class="button button--primary cart-summary__checkout" href="${CHECKOUT_PAGE}">${t('cart.summary.checkout')}</a>`}
      </section>`);
    // Drawing again must not throw away the keyboard's place (the stepper button just pressed).
    if (focused) document.getElementById(focused)?.focus();
  }

  /**
   * Changes run one at a time, in the order asked, so a fast double press never lands out of order; `work`
   * hears whether more changes are waiting, and only the last one draws the cart again.
   */
  enqueue(work) {
    this.waiting = (this.waiting || 0) + 1;
    const run = () => {
      this.waiting -= 1;
      return work(this.waiting === 0);
    };
    this.queue = this.queue.then(run, run);
    return this.queue;
  }

  change(event) {
    const entry = event.target.closest('.cart-line');
    const { quantity } = event.detail;
    if (!entry) return;
    const item = this.itemOf(entry);
    this.enqueue(async (last) => {
      try {
        const cart = await setQuantity(entry.dataset.variantId, quantity);
        if (!last && cart) return;
        this.show(cart);
        announce(this.statusLine, cart
          ? { key: 'cart.status.quantity', params: { item: itemName(item), count: quantity, subtotal: formatMoney(cart.subtotal) } }
          : { key: 'cart.status.gone' });
      } catch (error) {
        this.failed(error);
      }
    });
  }

  remove(event) {
    const button = event.target.closest('[data-remove]');
    if (!button) return;
    const entry = button.closest('.cart-line');
    const item = this.itemOf(entry);
    const next = entry.nextElementSibling || entry.previousElementSibling;
    this.enqueue(async () => {
      try {
        const cart = await removeLine(entry.dataset.variantId);
        this.show(cart);
        const target = next && document.getElementById(`${next.id}-name`);
        (target || this.heading).focus();
        announce(this.statusLine, { key: 'cart.status.removed', params: { item: itemName(item) } });
      } catch (error) {
        this.failed(error);
      }
    });
  }

  itemOf(entry) {
    return this.cart.items.find((item) => item.variantId === entry.dataset.variantId);
  }

  /** A refused change is said aloud; the cart is then shown as the server has it. */
  async failed(error) {
    console.warn('The cart could not be changed.', error);
    const left = outOfStock(error);
    if (left !== null) {
      announce(this.statusLine, left > 0 ? { key: 'cart.status.onlyLeft', params: { available: left, count: left } } : { key: 'cart.line.soldOut' });
    } else {
      announce(this.statusLine, { key: error.status === 400 ? 'cart.status.refused' : 'cart.status.failed', params: { max: MAX_LINE_QUANTITY } });
    }
    await this.load();
  }
}

export function register() {
  registerStepper();
  define('shop-cart', ShopCart);
}
