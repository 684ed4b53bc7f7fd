/**
 * The product form's "Choices at the counter": a box for each modifier group (its note says how many are chosen and
 * the active options with their price change), kept in the order the groups were ticked, which is the order the
 * counter asks them in (docs/api/catalog.md, "modifierGroups"). Groups the product names that are not in the list
 * (none should be) stay named rather than silently dropped.
 */
import { html, render } from '../../../lib/html.js';
import { t, translate } from '../../../lib/i18n.js';
import { chooseMessage, localName, priceChange } from '../../../lib/staff-catalog.js';

const text = (message) => t(message.key, message.params);

/** "choose 1: Regular free · Large +¥3.00", in the page's language. */
function note(group) {
  const options = group.options.filter((option) => option.active)
    .map((option) => `${localName(option)} ${text(priceChange(option.price.amount))}`);
  return `${text(chooseMessage(group))}: ${options.join(' · ')}`;
}

export function counterChoicesHtml(groups) {
  return html`
    <fieldset id="product-modifier-groups" class="group" aria-describedby="product-modifier-groups-hint">
      <legend class="group__legend" data-i18n="admin.product.modifiers"></legend>
      <p id="product-modifier-groups-hint" class="field__hint" data-i18n="admin.product.modifiersHint"></p>
      <p id="product-modifier-groups-error" class="field__error" hidden></p>
      ${groups.length
        ? html`<ul class="choices choices--columns">${groups.map((group) => html`
            <li>
              <label class="choice" for="product-modifier-${group.code}">
                <input type="checkbox" id="product-modifier-${group.code}" name="modifierGroups" value="${group.code}"
                       aria-describedby="product-modifier-${group.code}-note">
                <span class="choice__text">
                  <span data-group-name="${group.code}">${localName(group)}</span>
                  <span id="product-modifier-${group.code}-note" class="choice__note">${note(group)}</span>
                </span>
              </label>
            </li>`)}</ul>`
        : html`<p id="product-modifier-groups-none" data-i18n="admin.product.modifiersNone"></p>`}
      <div id="product-modifier-order" class="field__hint"></div>
      <p><a id="product-modifier-groups-setup" href="/admin/counter.html" data-i18n="admin.product.modifiersAdd"></a></p>
    </fieldset>`;
}

export class CounterChoices {
  constructor(groups) {
    this.groups = new Map(groups.map((group) => [group.code, group]));
    this.order = [];
  }

  /** Follows the boxes in `form` as they are ticked. */
  wire(form) {
    this.form = form;
    form.addEventListener('change', (event) => {
      const box = event.target;
      if (box.name !== 'modifierGroups') return;
      this.order = this.order.filter((code) => code !== box.value);
      if (box.checked) this.order.push(box.value);
      this.showOrder();
    });
  }

  /** Ticks the groups a saved product offers, in its order. */
  show(codes) {
    this.order = [...codes];
    for (const box of this.boxes()) box.checked = codes.includes(box.value);
    this.showOrder();
  }

  /** The codes to send, in the order the counter asks them. */
  get value() {
    const ticked = new Set(this.boxes().filter((box) => box.checked).map((box) => box.value));
    const kept = this.order.filter((code) => ticked.has(code) || !this.groups.has(code));
    return [...kept, ...[...ticked].filter((code) => !kept.includes(code))];
  }

  boxes() {
    return [...this.form.querySelectorAll('input[name="modifierGroups"]')];
  }

  showOrder() {
    const codes = this.value;
    const where = this.form.querySelector('#product-modifier-order');
    render(where, codes.length
      ? html`<span data-i18n="admin.product.modifiersOrder"></span>
          <ol class="modifier-order">${codes.map((code) => html`<li>${this.groups.has(code) ? localName(this.groups.get(code)) : code}</li>`)}</ol>`
      : html`<span data-i18n="admin.product.modifiersOrderNone"></span>`);
    translate(where);
  }

  /** Names and notes again, in the language the page has switched to. */
  rename() {
    for (const [code, group] of this.groups) {
      const name = this.form.querySelector(`[data-group-name="${code}"]`);
      if (name) name.textContent = localName(group);
      const words = this.form.querySelector(`#product-modifier-${code}-note`);
      if (words) words.textContent = note(group);
    }
    this.showOrder();
  }
}
