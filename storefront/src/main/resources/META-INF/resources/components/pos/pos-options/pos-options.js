/**
 * <pos-options>: choosing a product's options at the counter (size, sweetness, add-ons, spice; docs/api/pos.md,
 * step 6), in a modal dialog named by the product. One fieldset per modifier group, its legend saying how many to
 * choose: radio buttons where exactly one must be chosen, checkboxes otherwise (at most the group's most; with a most
 * of one, a second choice replaces the first). Each option says what it adds ("+¥3.00"); the running unit price
 * includes the sale's price list. "Add" stays disabled, with the reason beside it, until every group has its least;
 * pressed all the same it says, at each group, what is missing. `open({ product, variant, list, returnTo, fallback })`
 * shows it; Add emits `pos-options-chosen` (bubbles, `detail: { variantId, options }`, the option ids in the
 * catalog's order); Esc or Cancel closes it with nothing added. Focus returns to the control it was opened from.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, t, translate } from '../../../lib/i18n.js';
import { FormErrors, showMessage } from '../../../lib/form-errors.js';
import { formatMoney } from '../../../lib/money.js';
import { groupCounts, optionsInOrder, unitFen } from '../../../lib/pos-pricing.js';
import { openDialog } from '../../../lib/pos-dialog.js';
import { localName } from '../../../lib/staff-catalog.js';
import { define } from '../../../lib/define.js';

/** Exactly one to choose: radio buttons; anything else: checkboxes. */
function single(group) {
  return group.minChoices === 1 && group.maxChoices === 1;
}

/** How many a group's legend asks for: "Choose 1", "Choose up to 3", "Choose 1 to 2". */
function howMany(group) {
  if (group.minChoices === group.maxChoices) return { key: 'pos.options.chooseExactly', params: { count: group.minChoices } };
  if (group.minChoices === 0) return { key: 'pos.options.chooseUpTo', params: { count: group.maxChoices } };
  return { key: 'pos.options.chooseBetween', params: { min: group.minChoices, max: group.maxChoices } };
}

/** What an option adds, for reading: "+¥3.00", "−¥1.00", or nothing when it costs nothing. */
export function optionPrice(price) {
  if (price.amount === 0) return '';
  return price.amount > 0 ? `+${formatMoney(price)}` : `−${formatMoney({ ...price, amount: -price.amount })}`;
}

class PosOptions extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <dialog id="pos-options" class="pos-dialog" aria-labelledby="pos-options-heading">
        <form id="pos-options-form" class="stack" novalidate>
          <h3 id="pos-options-heading" class="pos-dialog__heading"></h3>
          <div id="pos-options-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
          <div id="pos-options-groups" class="stack"></div>
          <p class="pos-dialog__price"><span data-i18n="pos.options.unit"></span> <strong id="pos-options-unit"></strong></p>
          <p id="pos-options-missing" class="field__hint" aria-live="polite"></p>
          <div class="button-row">
            <button type="submit" id="pos-options-add" class="button button--primary pos-dialog__main"
                    aria-describedby="pos-options-missing" data-i18n="pos.options.add"></button>
            <button type="button" id="pos-options-cancel" class="button button--secondary" data-i18n="pos.dialog.cancel"></button>
          </div>
        </form>
      </dialog>`);
    translate(this);
    this.dialog = this.querySelector('dialog');
    this.form = this.querySelector('form');
    this.errors = new FormErrors(this.form, this.querySelector('#pos-options-errors'), { titleKey: 'pos.options.errorsTitle' });
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.add();
    });
    this.form.addEventListener('change', (event) => this.changed(event.target));
    this.querySelector('#pos-options-cancel').addEventListener('click', () => this.dialog.close());
    this.onLangChange = () => {
      if (this.dialog.open) this.draw();
    };
    document.addEventListener(LANG_CHANGE, this.onLangChange);
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  /** Shows the options of `product` for `variant` at `list`'s prices (or null); none chosen yet. */
  open({ product, variant, list, returnTo, fallback }) {
    this.chosen = { product, variant, list };
    this.errors.clear();
    this.draw([]);
    openDialog(this.dialog, { first: this.querySelector('#pos-options-groups input'), returnTo, fallback });
  }

  /** The option ids ticked now. */
  ticked() {
    return [...this.querySelectorAll('#pos-options-groups input:checked')].map((input) => input.value);
  }

  draw(ids = this.ticked()) {
    const { product, variant } = this.chosen;
    const own = localName(variant);
    this.querySelector('#pos-options-heading').textContent = t('pos.options.heading',
      { name: own ? `${localName(product)} · ${own}` : localName(product) });
    const chosen = new Set(ids);
    render(this.querySelector('#pos-options-groups'), html`${product.modifierGroups.map((group) => {
      const type = single(group) ? 'radio' : 'checkbox';
      const asked = howMany(group);
      return html`
        <fieldset id="pos-options-group-${group.code}" class="pos-choices" data-group="${group.code}"
                  data-most="${group.maxChoices}">
          <legend class="pos-options__legend">${localName(group)} —
            <span data-i18n="${asked.key}" data-i18n-params="${JSON.stringify(asked.params)}"></span></legend>
          <p id="pos-options-group-${group.code}-error" class="field__error" hidden></p>
          <div class="pos-choices__list">
            ${group.options.map((option) => html`
              <label class="pos-choice pos-option"><input type="${type}" name="pos-options-${group.code}" value="${option.id}"
                     id="pos-option-${option.id}" ${chosen.has(option.id) && html`checked`}>
                <span class="pos-option__name">${localName(option)}</span>
                <span class="pos-option__price">${optionPrice(option.price)}</span></label>`)}
          </div>
        </fieldset>`;
    })}`);
    translate(this.querySelector('#pos-options-groups'));
    this.showPrice();
  }

  /** A ticked checkbox beyond its group's most: with a most of one it replaces the other; else it is refused, saying so. */
  changed(input) {
    if (!(input instanceof HTMLInputElement)) return;
    const group = input.closest('fieldset');
    if (input.type === 'checkbox' && input.checked) {
      const most = Number(group.dataset.most);
      const others = [...group.querySelectorAll('input:checked')].filter((other) => other !== input);
      if (most === 1) {
        for (const other of others) other.checked = false;
      } else if (others.length >= most) {
        input.checked = false;
        this.errors.mark(group, { key: 'pos.options.tooMany', params: { count: most } });
      }
    }
    this.showPrice();
  }

  /** The groups still short of their least: [{ group, missing }]. */
  missing() {
    return groupCounts(this.chosen.product, this.ticked()).filter(({ missing }) => missing > 0);
  }

  showPrice() {
    const { product, variant, list } = this.chosen;
    const unit = unitFen(variant, optionsInOrder(product, this.ticked()), list);
    this.querySelector('#pos-options-unit').textContent = formatMoney({ amount: unit, currency: variant.price.currency });
    const short = this.missing();
    const add = this.querySelector('#pos-options-add');
    if (short.length) add.setAttribute('aria-disabled', 'true');
    else add.removeAttribute('aria-disabled');
    const note = this.querySelector('#pos-options-missing');
    if (short.length) {
      showMessage(note, { key: 'pos.options.stillToChoose',
        params: { groups: short.map(({ group, missing }) => t('pos.options.groupMissing', { name: localName(group), count: missing }))
          .join(t('pos.options.groupSeparator')) } });
    } else {
      note.textContent = '';
    }
  }

  add() {
    const short = this.missing();
    if (short.length) {
      this.errors.show(short.map(({ group, missing }) => ({ target: `pos-options-group-${group.code}`,
        message: { key: 'pos.options.missing', params: { name: localName(group), count: missing } } })));
      return;
    }
    const { product, variant } = this.chosen;
    const options = optionsInOrder(product, this.ticked()).map((option) => option.id);
    this.dialog.close();
    this.dispatchEvent(new CustomEvent('pos-options-chosen', { bubbles: true, detail: { variantId: variant.id, options } }));
  }
}

export function register() {
  define('pos-options', PosOptions);
}
