/**
 * <quantity-stepper>: a whole number typed or stepped with − and + buttons (44 px each), for the product page's
 * "add to cart" and each cart line. Attributes: `input-id` (the field's id; its message goes to {id}-error),
 * `item` (what is counted, read out with the label and the buttons), `min` (1), `max` (99) and `value`.
 * Arrow Up and Down in the field step too, as in a spin button. A button at its limit stays focusable and says
 * so with aria-disabled, so focus never falls off the page. Emits `quantity-change` (bubbles) with
 * { quantity } after a step or a typed number is committed (Enter or leaving the field); a typed number
 * outside the limits is shown at the field instead.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { setDescribedBy, showMessage } from '../../../lib/form-errors.js';
import { define } from '../../../lib/define.js';

const DEFAULT_MAX = 99;

/** Full-width digits (a Chinese input method) count as their plain forms. */
function plain(text) {
  return String(text)
    .replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xFF10 + 0x30))
    .replace(/\s+/g, '');
}

/** { value } or { problem: 'missing' | 'format' | 'range' } for a count between min and max. */
export function parseCount(text, min, max) {
  const value = plain(text);
  if (value === '') return { problem: 'missing' };
  if (!/^\d+$/.test(value)) return { problem: 'format' };
  const n = Number(value);
  return n >= min && n <= max ? { value: n } : { problem: 'range' };
}

class QuantityStepper extends HTMLElement {
  static observedAttributes = ['max', 'value', 'item'];

  connectedCallback() {
    if (this.input) return;
    const id = this.getAttribute('input-id') || 'quantity';
    render(this, html`
      <div class="stepper" role="group" aria-labelledby="${id}-label">
        <label id="${id}-label" class="stepper__label" for="${id}">
          <span data-i18n="cart.quantity.label"></span>
          <span class="visually-hidden stepper__item" data-i18n="cart.quantity.of"></span>
        </label>
        <div class="stepper__controls">
          <button type="button" id="${id}-less" class="stepper__button" data-step="-1"
                  data-i18n-attr="aria-label:cart.quantity.less"><span aria-hidden="true">−</span></button>
          <input id="${id}" class="stepper__input" type="text" inputmode="numeric" autocomplete="off"
                 size="3" maxlength="3" value="${this.getAttribute('value') || this.min}">
          <button type="button" id="${id}-more" class="stepper__button" data-step="1"
                  data-i18n-attr="aria-label:cart.quantity.more"><span aria-hidden="true">+</span></button>
        </div>
        <p id="${id}-error" class="field__error" hidden></p>
      </div>`);
    this.input = this.querySelector('input');
    this.name();
    this.addEventListener('click', (event) => this.step(event));
    this.input.addEventListener('change', () => this.commit());
    this.input.addEventListener('keydown', (event) => this.key(event));
    this.input.addEventListener('input', () => this.showProblem(null));
    this.told = this.quantity;
    this.limitButtons();
  }

  attributeChangedCallback(name, old, value) {
    if (!this.input) return;
    if (name === 'item') this.name();
    if (name === 'value' && value !== null) {
      this.input.value = value;
      this.told = this.quantity;
    }
    this.limitButtons();
  }

  /** Puts what is counted into the label and the buttons' names: "Quantity of 青花茶杯", "More 青花茶杯". */
  name() {
    const item = this.getAttribute('item') || '';
    const params = JSON.stringify({ item });
    const hidden = this.querySelector('.stepper__item');
    hidden.hidden = item === '';
    for (const node of [hidden, ...this.querySelectorAll('[data-step]')]) node.dataset.i18nParams = params;
    const suffix = item === '' ? 'Plain' : '';
    this.querySelector('[data-step="-1"]').dataset.i18nAttr = `aria-label:cart.quantity.less${suffix}`;
    this.querySelector('[data-step="1"]').dataset.i18nAttr = `aria-label:cart.quantity.more${suffix}`;
    translate(this);
  }

  get min() {
    return Number(this.getAttribute('min')) || 1;
  }

  get max() {
    return Number(this.getAttribute('max')) || DEFAULT_MAX;
  }

  /** The number now in the field, or null when it is not one the limits allow. */
  get quantity() {
    const { value } = parseCount(this.input.value, this.min, this.max);
    return value ?? null;
  }

  /** Checks the field, marking it when wrong; returns the quantity or null. */
  check() {
    const result = parseCount(this.input.value, this.min, this.max);
    this.showProblem(result.problem || null);
    return result.value ?? null;
  }

  focus() {
    this.input.focus();
  }

  showProblem(problem) {
    const note = this.querySelector('.field__error');
    const wrong = Boolean(problem);
    // "Enter a number from 1 to 1" reads as a riddle: with one choice left, the hint says that one.
    const key = problem === 'range' && this.min === this.max ? 'cart.quantity.only' : `cart.quantity.${problem}`;
    if (wrong) showMessage(note, { key, params: { min: this.min, max: this.max } });
    else note.textContent = '';
    note.hidden = !wrong;
    setDescribedBy(this.input, note.id, wrong);
    if (wrong) this.input.setAttribute('aria-invalid', 'true');
    else this.input.removeAttribute('aria-invalid');
  }

  current() {
    const { value } = parseCount(this.input.value, 0, Number.MAX_SAFE_INTEGER);
    return value ?? this.min;
  }

  step(event) {
    const button = event.target.closest('[data-step]');
    if (!button || button.getAttribute('aria-disabled') === 'true') return;
    this.moveBy(Number(button.dataset.step));
  }

  moveBy(delta) {
    const next = Math.min(this.max, Math.max(this.min, this.current() + delta));
    this.showProblem(null);
    if (String(next) === this.input.value) return;
    this.input.value = String(next);
    this.limitButtons();
    this.tell(next);
  }

  key(event) {
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      this.moveBy(event.key === 'ArrowUp' ? 1 : -1);
    } else if (event.key === 'Enter' && !this.input.form) {
      this.commit();
    }
  }

  commit() {
    const quantity = this.check();
    this.limitButtons();
    if (quantity !== null && quantity !== this.told) this.tell(quantity);
  }

  tell(quantity) {
    this.told = quantity;
    this.dispatchEvent(new CustomEvent('quantity-change', { bubbles: true, detail: { quantity } }));
  }

  limitButtons() {
    const now = this.current();
    for (const button of this.querySelectorAll('[data-step]')) {
      const atLimit = Number(button.dataset.step) < 0 ? now <= this.min : now >= this.max;
      button.setAttribute('aria-disabled', String(atLimit));
    }
  }
}

export function register() {
  define('quantity-stepper', QuantityStepper);
}
