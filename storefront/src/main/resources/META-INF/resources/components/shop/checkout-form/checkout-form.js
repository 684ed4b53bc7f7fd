/**
 * <checkout-form>: the checkout page for the cart kept on this device. Asks for an email (and, optionally, a
 * phone and name), pickup or delivery as GET /api/checkout/options offers them (pickup time, delivery address),
 * and a note; shows what the order costs the chosen way. Mistakes are shown at their fields and in an error
 * summary that takes focus, both for the form's own checks and for the server's answers (400 field errors,
 * 409 out of stock, 422, 503). Each submission carries an Idempotency-Key, the same when the same order is sent
 * again after a failure, so a retry can never order twice. On success the order is remembered on this device,
 * the cart is let go, and the buyer goes on to pay.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, t, translate } from '../../../lib/i18n.js';
import { ApiError } from '../../../lib/api.js';
import { CART_PAGE, forgetCart, loadCart, problemCode, refusedLineName, storedCartId } from '../../../lib/cart.js';
import { fetchCheckoutOptions, leaveToPay, orderUrl, placeOrder, rememberOrder, safeRedirect } from '../../../lib/orders.js';
import { FormErrors, announce } from '../../../lib/form-errors.js';
import { PRODUCTS_PAGE } from '../../../lib/catalog.js';
import { uuid } from '../../../lib/uuid.js';
import { define } from '../../../lib/define.js';
import { closuresText, hoursText, inLang, shopIdentity } from '../../../lib/shop.js';
import { DELIVERY, PICKUP, checkCheckout, checkoutBody, checkoutField } from './rules.js';
import { formTemplate, slotsTemplate, summaryTemplate, waysTemplate } from './template.js';

/** How often a submission still running elsewhere (409 with Retry-After) is asked about again. */
const STILL_RUNNING_TRIES = 3;

const message = (key, params = {}) => ({ target: null, message: { key, params } });

class CheckoutForm extends HTMLElement {
  connectedCallback() {
    this.onLangChange = () => this.refresh();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.start();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  async start() {
    const loaded = await this.load();
    if (!loaded) return;
    render(this, formTemplate());
    translate(this);
    this.form = this.querySelector('#checkout-form');
    this.errors = new FormErrors(this.form, this.querySelector('#checkout-errors'),
      { titleKey: 'checkout.errors.title', labelKey: 'checkout.errors.fieldLabel' });
    this.statusLine = this.querySelector('#checkout-status');
    this.button = this.querySelector('#checkout-submit');
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.form.addEventListener('change', (event) => {
      if (event.target.name === 'fulfilment') this.showWay();
    });
    this.draw();
  }

  /** The cart and its options; false (with a message drawn) when there is nothing to check out. */
  async load() {
    try {
      const cart = storedCartId() ? await loadCart() : null;
      if (!cart || cart.items.length === 0) {
        this.showEmpty();
        return false;
      }
      this.cart = cart;
      this.options = await fetchCheckoutOptions(cart.id);
      return true;
    } catch (error) {
      console.warn('Checkout could not be prepared.', error);
      if (error instanceof ApiError && error.status === 404) {
        this.showEmpty();
        return false;
      }
      render(this, html`<p id="checkout-load-error" class="shop-message shop-message--error" role="alert">${t('checkout.loadError')}</p>`);
      return false;
    }
  }

  /** Names and prices in the new language; what was typed stays. */
  async refresh() {
    if (!this.form || this.busy) return;
    if (await this.load()) this.draw();
  }

  showEmpty() {
    render(this, html`
      <div id="checkout-empty" class="shop-message">
        <p>${t('checkout.empty')}</p>
        <a href="${PRODUCTS_PAGE}">${t('cart.browse')}</a>
      </div>`);
  }

  get way() {
    return this.form.querySelector('input[name="fulfilment"]:checked')?.value || null;
  }

  draw() {
    const { options } = this;
    const usable = (way) => Boolean(options[way === PICKUP ? 'pickup' : 'delivery']?.available);
    const chosen = [this.way, PICKUP, DELIVERY].find((way) => way && usable(way)) || null;
    render(this.querySelector('#checkout-fulfilment-options'), waysTemplate(options, chosen));
    const pickup = options.pickup || { slots: [] };
    const slot = this.querySelector('#checkout-slot');
    render(slot, slotsTemplate(pickup, slot.value));
    this.querySelector('#checkout-slot-field').hidden = !(pickup.slotRequired || pickup.slots?.length);
    slot.required = Boolean(pickup.slotRequired);
    const address = this.querySelector('#checkout-pickup-address');
    address.textContent = pickup.address ? t('checkout.pickup.address', { address: pickup.address }) : '';
    shopIdentity().then((shop) => {
      this.querySelector('#checkout-pickup-directions').textContent = inLang(shop, 'directions');
      this.querySelector('#checkout-pickup-hours').textContent = [t('shop.hours.line', { hours: hoursText(shop) }),
        closuresText(shop)].filter(Boolean).join(' ');
    }, (error) => console.warn('The shop\'s opening hours could not be read.', error));
    this.showWay();
  }

  showWay() {
    const way = this.way;
    this.querySelector('#checkout-pickup').hidden = way !== PICKUP;
    this.querySelector('#checkout-delivery').hidden = way !== DELIVERY;
    render(this.querySelector('#checkout-summary'), summaryTemplate(this.cart, this.options, way));
  }

  draft() {
    const value = (id) => this.querySelector(`#${id}`).value;
    return {
      email: value('checkout-email'),
      phone: value('checkout-phone'),
      name: value('checkout-name'),
      type: this.way,
      slot: value('checkout-slot'),
      recipient: value('delivery-recipient'),
      deliveryPhone: value('delivery-phone'),
      address: value('delivery-address'),
      city: value('delivery-city'),
      postalCode: value('delivery-postal-code'),
      note: value('checkout-note'),
    };
  }

  /**
   * The same body sent again (after a network failure or 503) keeps its Idempotency-Key, so the server can
   * answer a retry with the first result; a changed body is a new attempt with a new key.
   */
  attemptFor(body) {
    const text = JSON.stringify(body);
    if (this.attempt?.body !== text) this.attempt = { body: text, key: uuid() };
    return this.attempt.key;
  }

  async submit() {
    if (this.busy) return;
    const draft = this.draft();
    const problems = checkCheckout(draft, this.options);
    if (problems.length) {
      this.errors.show(problems);
      return;
    }
    this.errors.clear();
    const body = checkoutBody(this.cart.id, draft);
    const key = this.attemptFor(body);
    this.setBusy(true);
    announce(this.statusLine, { key: 'checkout.submit.sending' });
    try {
      const placed = await this.send(body, key);
      this.leaveToPay(placed);
    } catch (error) {
      console.warn('Checkout failed.', error);
      this.setBusy(false);
      this.statusLine.textContent = '';
      this.showRefusal(error);
    }
  }

  async send(body, key) {
    for (let tries = 1; ; tries += 1) {
      try {
        return await placeOrder(body, key);
      } catch (error) {
        const stillRunning = error instanceof ApiError && error.status === 409 && error.retryAfterSeconds !== null
          && !Array.isArray(error.problem.items) && !problemCode(error).includes('checked-out');
        if (!stillRunning || tries >= STILL_RUNNING_TRIES) throw error;
        await new Promise((resolve) => { window.setTimeout(resolve, Math.min(5, error.retryAfterSeconds) * 1000); });
      }
    }
  }

  leaveToPay(placed) {
    rememberOrder({ orderId: placed.orderId, accessToken: placed.accessToken, orderNumber: placed.orderNumber });
    forgetCart();
    announce(this.statusLine, { key: 'checkout.submit.placed', params: { number: placed.orderNumber } });
    const next = safeRedirect(placed.payment?.redirectUrl) || orderUrl(placed.orderId, placed.accessToken);
    leaveToPay(placed.orderId, next);
  }

  showRefusal(error) {
    const problems = this.problemsFrom(error);
    this.errors.show(problems);
    if (this.cartLink) this.addCartLink();
  }

  /** The server's answer as problems for the summary and the fields. */
  problemsFrom(error) {
    this.cartLink = false;
    if (!(error instanceof ApiError)) return [message('checkout.errors.network')];
    const code = problemCode(error);
    const fields = Array.isArray(error.problem.errors) ? error.problem.errors : [];
    if (error.status === 400 && fields.length) {
      return fields.map(({ field, message: text }) => ({
        target: checkoutField(String(field || '')),
        message: text ? { text } : { key: 'checkout.errors.invalid' },
      }));
    }
    if (error.status === 409 && Array.isArray(error.problem.items)) {
      this.cartLink = true;
      return [message('checkout.errors.outOfStock'), ...error.problem.items.map((item) => (item.available > 0
        ? message('checkout.errors.outOfStockItem', { name: this.lineName(item), available: item.available })
        : message('checkout.errors.soldOutItem', { name: this.lineName(item) })))];
    }
    if (error.status === 422 && code.includes('too-many-units') && Array.isArray(error.problem.items)) {
      this.cartLink = true;
      return [message('checkout.errors.tooManyUnits'), ...error.problem.items.map((item) => (
        message('checkout.errors.tooManyUnitsItem', { name: this.lineName(item), max: item.available })))];
    }
    if (error.status === 429 && code.includes('too-many-unpaid-from-address')) {
      return [message('checkout.errors.tooManyUnpaidFromAddress')];
    }
    if (error.status === 429 && code.includes('too-many-unpaid')) return [message('checkout.errors.tooManyUnpaid')];
    if (error.status === 404 || (error.status === 409 && code.includes('checked-out'))) {
      forgetCart();
      this.cartLink = true;
      return [message(error.status === 404 ? 'checkout.errors.cartGone' : 'checkout.errors.checkedOut')];
    }
    if (error.status === 422 && code.includes('empty')) {
      this.cartLink = true;
      return [message('checkout.errors.cartEmpty')];
    }
    if (error.status === 422 && code.includes('purchasable')) {
      this.cartLink = true;
      return [message('checkout.errors.notPurchasable')];
    }
    if (error.status === 503) {
      return [message(code.includes('payment') ? 'checkout.errors.paymentUnavailable' : 'checkout.errors.unavailable')];
    }
    if (error.status >= 500) return [message('checkout.errors.server')];
    const { detail, title } = error.problem;
    return [detail || title ? { target: null, message: { text: detail || title } } : message('checkout.errors.server')];
  }

  /** Problems only the cart can fix get a way there, inside the summary that has focus. */
  lineName(refused) {
    return refusedLineName(this.cart, refused);
  }

  addCartLink() {
    const summary = this.querySelector('#checkout-errors');
    const extra = document.createElement('p');
    extra.className = 'error-summary__action';
    render(extra, html`<a id="checkout-errors-cart" href="${CART_PAGE}">${t('checkout.errors.toCart')}</a>`);
    summary.append(extra);
  }

  setBusy(busy) {
    this.busy = busy;
    this.button.setAttribute('aria-disabled', String(busy));
    this.button.dataset.i18n = busy ? 'checkout.submit.busy' : 'checkout.submit.button';
    translate(this.button);
  }
}

export function register() {
  define('checkout-form', CheckoutForm);
}
