/**
 * Markup of the checkout form: the skeleton drawn once (fields keep what was typed when the language changes),
 * and the parts drawn from the cart and its checkout options: the two ways to get the order, the pickup
 * times, and the order summary. All text goes through i18n; all values through html``.
 */
import { html } from '../../../lib/html.js';
import { currentLang, t } from '../../../lib/i18n.js';
import { formatMoney } from '../../../lib/money.js';
import { cartLineName } from '../../../lib/cart.js';
import { DELIVERY, PICKUP } from './rules.js';

function field(id, key, control, { hint, optional = false } = {}) {
  return html`
    <div class="field">
      <label for="${id}"><span data-i18n="${key}"></span>${optional && html`<span class="field__optional" data-i18n="checkout.optional"></span>`}</label>
      ${hint && html`<p id="${id}-hint" class="field__hint" data-i18n="${hint}"></p>`}
      ${control}
      <p id="${id}-error" class="field__error" hidden></p>
    </div>`;
}

function input(id, { type = 'text', autocomplete, required = false, hint = false, inputmode, maxlength = 200 } = {}) {
  return html`<input id="${id}" name="${id}" type="${type}" autocomplete="${autocomplete}" maxlength="${maxlength}"
                     ${inputmode && html`inputmode="${inputmode}"`} ${required && html`required`}
                     ${hint && html`aria-describedby="${id}-hint"`}>`;
}

export function formTemplate() {
  return html`
    <form id="checkout-form" class="checkout" novalidate>
      <div id="checkout-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
      <p class="field__hint" data-i18n="checkout.allRequired"></p>

      <section class="checkout__section" aria-labelledby="checkout-contact-heading">
        <h2 id="checkout-contact-heading" data-i18n="checkout.contact.heading"></h2>
        ${field('checkout-email', 'checkout.email.label',
          input('checkout-email', { type: 'email', autocomplete: 'email', required: true, hint: true, maxlength: 254 }), { hint: 'checkout.email.hint' })}
        ${field('checkout-phone', 'checkout.phone.label',
          input('checkout-phone', { type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: 30 }), { optional: true })}
        ${field('checkout-name', 'checkout.name.label', input('checkout-name', { autocomplete: 'name', maxlength: 100 }), { optional: true })}
      </section>

      <section class="checkout__section" aria-labelledby="checkout-fulfilment-heading">
        <h2 id="checkout-fulfilment-heading" data-i18n="checkout.fulfilment.heading"></h2>
        <fieldset id="checkout-fulfilment" class="group">
          <legend class="group__legend" data-i18n="checkout.fulfilment.legend"></legend>
          <div id="checkout-fulfilment-options" class="checkout__ways"></div>
          <p id="checkout-fulfilment-error" class="field__error" hidden></p>
        </fieldset>

        <div id="checkout-pickup" class="checkout__details" hidden>
          <p id="checkout-pickup-address" class="checkout__address"></p>
          <p id="checkout-pickup-directions" class="checkout__address"></p>
          <p id="checkout-pickup-hours" class="checkout__address"></p>
          <div id="checkout-slot-field" hidden>
            ${field('checkout-slot', 'checkout.slot.label',
              html`<select id="checkout-slot" name="checkout-slot" aria-describedby="checkout-slot-hint"></select>`,
              { hint: 'checkout.slot.hint' })}
          </div>
        </div>

        <fieldset id="checkout-delivery" class="group checkout__details" hidden>
          <legend class="group__legend" data-i18n="checkout.delivery.legend"></legend>
          ${field('delivery-recipient', 'checkout.recipient.label', input('delivery-recipient', { autocomplete: 'shipping name', required: true, maxlength: 100 }))}
          ${field('delivery-phone', 'checkout.deliveryPhone.label',
            input('delivery-phone', { type: 'tel', autocomplete: 'shipping tel', inputmode: 'tel', required: true, maxlength: 30 }))}
          ${field('delivery-address', 'checkout.address.label',
            input('delivery-address', { autocomplete: 'shipping street-address', required: true, hint: true, maxlength: 300 }), { hint: 'checkout.address.hint' })}
          ${field('delivery-city', 'checkout.city.label', input('delivery-city', { autocomplete: 'shipping address-level2', required: true, maxlength: 60 }))}
          ${field('delivery-postal-code', 'checkout.postalCode.label',
            input('delivery-postal-code', { autocomplete: 'shipping postal-code', inputmode: 'numeric', maxlength: 12 }), { optional: true })}
        </fieldset>
      </section>

      <section class="checkout__section" aria-labelledby="checkout-note-heading">
        <h2 id="checkout-note-heading" data-i18n="checkout.note.heading"></h2>
        ${field('checkout-note', 'checkout.note.label',
          html`<textarea id="checkout-note" name="checkout-note" rows="3" maxlength="500" aria-describedby="checkout-note-hint"></textarea>`,
          { hint: 'checkout.note.hint', optional: true })}
      </section>

      <section class="checkout__section checkout-summary" aria-labelledby="checkout-summary-heading">
        <h2 id="checkout-summary-heading" data-i18n="checkout.summary.heading"></h2>
        <div id="checkout-summary"></div>
        <p><a id="checkout-edit-cart" class="shop-more" href="/shop/cart.html" data-i18n="checkout.summary.editCart"></a></p>
      </section>

      <div class="checkout__submit">
        <p class="field__hint" data-i18n="checkout.submit.hint"></p>
        <button type="submit" id="checkout-submit" class="button button--primary checkout__button" data-i18n="checkout.submit.button"></button>
        <p id="checkout-status" class="status-message" role="status"></p>
      </div>
    </form>`;
}

function wayNote(way, options) {
  const offer = options[way === PICKUP ? 'pickup' : 'delivery'];
  if (!offer?.available) {
    return html`<span class="choice__note checkout__unavailable">${t(way === PICKUP ? 'checkout.pickup.unavailable' : 'checkout.delivery.unavailable')}</span>`;
  }
  if (way === PICKUP) {
    return html`<span class="choice__note">${t('checkout.pickup.note', { total: formatMoney(offer.total) })}</span>`;
  }
  const free = offer.fee.amount === 0;
  return html`
    <span class="choice__note">${free
      ? t('checkout.delivery.free', { total: formatMoney(offer.total) })
      : t('checkout.delivery.note', { fee: formatMoney(offer.fee), total: formatMoney(offer.total) })}</span>
    ${offer.freeFrom && html`<span class="choice__note">${t('checkout.delivery.freeFrom', { freeFrom: formatMoney(offer.freeFrom) })}</span>`}`;
}

/** The two ways as a radio group; a way that cannot be used is shown, disabled, with the reason beside it. */
export function waysTemplate(options, chosen) {
  return html`${[PICKUP, DELIVERY].map((way) => {
    const offer = options[way === PICKUP ? 'pickup' : 'delivery'];
    const id = `fulfilment-${way.toLowerCase()}`;
    const usable = Boolean(offer?.available);
    return html`
      <label class="choice checkout__way ${usable ? '' : 'checkout__way--unavailable'}" for="${id}">
        <input type="radio" id="${id}" name="fulfilment" value="${way}" ${chosen === way && usable && html`checked`}
               ${!usable && html`disabled`}>
        <span class="choice__text">
          <span class="checkout__way-name">${t(way === PICKUP ? 'checkout.pickup.label' : 'checkout.delivery.label')}</span>
          <span id="${id}-note" class="checkout__way-note">${wayNote(way, options)}</span>
        </span>
      </label>`;
  })}`;
}

function dayOf(iso) {
  return new Intl.DateTimeFormat(currentLang(), { dateStyle: 'full', timeZone: 'Asia/Shanghai' }).format(new Date(iso));
}

/** A slot with its day, as the closed list shows the chosen one: "Tue 8 Dec, 10:00", "12月8日周二 10:00". */
function slotOf(iso) {
  return new Intl.DateTimeFormat(currentLang() === 'en' ? 'en-GB' : currentLang(), {
    weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso));
}

/** Pickup times grouped by day; the first entry asks for a choice, or offers none when a time is not needed. */
export function slotsTemplate(pickup, chosen) {
  const days = new Map();
  for (const slot of pickup.slots || []) {
    const day = dayOf(slot);
    if (!days.has(day)) days.set(day, []);
    days.get(day).push(slot);
  }
  return html`
    <option value="">${t(pickup.slotRequired ? 'checkout.slot.choose' : 'checkout.slot.none')}</option>
    ${[...days].map(([day, slots]) => html`
      <optgroup label="${day}">
        ${slots.map((slot) => html`<option value="${slot}" ${slot === chosen && html`selected`}>${slotOf(slot)}</option>`)}
      </optgroup>`)}`;
}

/** The cart's lines and what the chosen way costs in all. */
export function summaryTemplate(cart, options, way) {
  const offer = way === DELIVERY ? options.delivery : options.pickup;
  const fee = way === DELIVERY && offer?.available ? offer.fee : null;
  const total = offer?.available ? offer.total : options.subtotal;
  return html`
    <ul class="checkout-summary__lines">
      ${cart.items.map((item) => html`
        <li class="checkout-summary__line">
          <span>${cartLineName(item)} × ${item.quantity}</span>
          <span class="checkout-summary__amount">${formatMoney(item.amount)}</span>
        </li>`)}
    </ul>
    <dl class="checkout-summary__totals">
      <div><dt>${t('checkout.summary.subtotal')}</dt><dd class="checkout-summary__amount">${formatMoney(options.subtotal)}</dd></div>
      ${fee && html`<div><dt>${t('checkout.summary.delivery')}</dt>
        <dd class="checkout-summary__amount">${fee.amount === 0 ? t('checkout.summary.free') : formatMoney(fee)}</dd></div>`}
      <div class="checkout-summary__total"><dt>${t('checkout.summary.total')}</dt>
        <dd id="checkout-total" class="checkout-summary__amount">${formatMoney(total)}</dd></div>
    </dl>`;
}
