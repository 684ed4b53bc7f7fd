/**
 * <add-to-cart>: on the product page, a quantity and the "add to cart" button for the chosen variant. Data goes
 * in as `product` (from GET /api/products/{id}) and `variant` (one of its variants). A sold-out variant cannot be
 * added and says so; the quantity is limited to what can be sold and to the cart's 99 per line. The outcome is
 * said in a polite live region (added) or an alert (refused), next to a link to the cart. Emits `cart-add`
 * (bubbles) with { cart } after a successful add; lib/cart.js also tells the header.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, t, translate } from '../../../lib/i18n.js';
import { ApiError } from '../../../lib/api.js';
import { CART_PAGE, MAX_LINE_QUANTITY, addToCart } from '../../../lib/cart.js';
import { SOLD_OUT, availabilityState } from '../../../lib/product-text.js';
import { announce, showMessage } from '../../../lib/form-errors.js';
import { define } from '../../../lib/define.js';
import { register as registerStepper } from '../quantity-stepper/quantity-stepper.js';
import { outOfStock } from '../../../lib/cart.js';

function limitFor(variant) {
  const available = variant?.available;
  return available === null || available === undefined ? MAX_LINE_QUANTITY : Math.min(MAX_LINE_QUANTITY, available);
}

/** Why the server refused, in the buyer's words. */
function refusal(error) {
  if (!(error instanceof ApiError)) return { key: 'cart.add.network' };
  const left = outOfStock(error);
  if (left !== null) return left > 0 ? { key: 'cart.add.onlyLeft', params: { available: left, count: left } } : { key: 'cart.add.soldOut' };
  if (error.status === 422) return { key: 'cart.add.notSold' };
  if (error.status === 400) {
    const quantity = (error.problem.errors || []).some((problem) => problem.field === 'quantity');
    return quantity ? { key: 'cart.add.tooMany', params: { max: MAX_LINE_QUANTITY } } : { key: 'cart.add.gone' };
  }
  return { key: 'cart.add.failed' };
}

class AddToCart extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <form id="add-to-cart-form" class="add-to-cart" novalidate>
        <quantity-stepper input-id="add-quantity" value="1"></quantity-stepper>
        <p id="add-sold-out" class="add-to-cart__sold-out" data-i18n="cart.add.soldOut" hidden></p>
        <button type="submit" id="add-to-cart" class="button button--primary add-to-cart__button"
                data-i18n="cart.add.button"></button>
        <p id="add-to-cart-status" class="status-message" role="status"></p>
        <p id="add-to-cart-error" class="add-to-cart__error" role="alert"></p>
        <p><a id="add-to-cart-view" class="shop-more" href="${CART_PAGE}" data-i18n="cart.add.view"></a></p>
      </form>`);
    translate(this);
    this.stepper = this.querySelector('quantity-stepper');
    this.button = this.querySelector('#add-to-cart');
    this.statusLine = this.querySelector('#add-to-cart-status');
    this.errorLine = this.querySelector('#add-to-cart-error');
    this.querySelector('form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.add();
    });
    this.onLangChange = () => translate(this);
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.update();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  set product(value) {
    this.productData = value;
    if (this.stepper) this.update();
  }

  set variant(value) {
    this.variantData = value;
    if (this.stepper) this.update();
  }

  update() {
    const variant = this.variantData;
    const soldOut = !variant || availabilityState(variant.available) === SOLD_OUT;
    this.stepper.setAttribute('max', String(Math.max(1, limitFor(variant))));
    this.stepper.setAttribute('item', this.itemName());
    this.stepper.hidden = soldOut;
    this.querySelector('#add-sold-out').hidden = !soldOut;
    this.button.hidden = soldOut;
    this.errorLine.textContent = '';
  }

  itemName() {
    const name = this.productData?.name || '';
    const variantName = this.productData?.variants?.length > 1 ? this.variantData?.name : '';
    return variantName ? t('cart.itemWithVariant', { name, variant: variantName }) : name;
  }

  async add() {
    if (this.busy || !this.productData || !this.variantData) return;
    const quantity = this.stepper.check();
    if (quantity === null) {
      this.stepper.focus();
      return;
    }
    this.setBusy(true);
    this.errorLine.textContent = '';
    try {
      const cart = await addToCart({ productId: this.productData.id, variantId: this.variantData.id, quantity });
      const line = cart.items.find((item) => item.variantId === this.variantData.id);
      announce(this.statusLine, {
        key: 'cart.add.done',
        params: { count: quantity, item: this.itemName(), inCart: line?.quantity ?? quantity, total: cart.itemCount },
      });
      this.dispatchEvent(new CustomEvent('cart-add', { bubbles: true, detail: { cart } }));
    } catch (error) {
      console.warn('Adding to the cart failed.', error);
      this.statusLine.textContent = '';
      showMessage(this.errorLine, refusal(error));
    } finally {
      this.setBusy(false);
    }
  }

  setBusy(busy) {
    this.busy = busy;
    this.button.setAttribute('aria-disabled', String(busy));
  }
}

export function register() {
  registerStepper();
  define('add-to-cart', AddToCart);
}
