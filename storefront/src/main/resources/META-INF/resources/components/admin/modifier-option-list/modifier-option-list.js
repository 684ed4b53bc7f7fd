/**
 * <modifier-option-list>: a modifier group's options as a repeatable group of fieldsets, one per option, numbered in
 * order. Row i has the fields modifier-option-i-name-zh, modifier-option-i-name-en and modifier-option-i-price (what
 * it adds, in yuan: may be 0 or less), the box modifier-option-i-active and the button modifier-option-i-remove;
 * #modifier-option-add adds a row. A removed row is not sent: a saved option then stops being offered (the server
 * keeps it, inactive, for the sales made with it), and the status line says so.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { announce } from '../../../lib/form-errors.js';
import { formatYuan } from '../../../lib/money.js';
import { define } from '../../../lib/define.js';

const EMPTY = { id: null, nameZh: '', nameEn: '', price: '', active: true };

function asRow(option) {
  return {
    id: option.id || null,
    nameZh: option.nameZh || '',
    nameEn: option.nameEn || '',
    price: option.price && Number.isInteger(option.price.amount) ? formatYuan(option.price.amount) : '',
    active: option.active !== false,
  };
}

function field(id, key, value, attributes) {
  return html`
    <div class="field">
      <label for="${id}" data-i18n="${key}"></label>
      <input id="${id}" type="text" value="${value}" autocomplete="off" ${attributes}>
      <p id="${id}-error" class="field__error" hidden></p>
    </div>`;
}

class ModifierOptionList extends HTMLElement {
  connectedCallback() {
    this.rows = this.rows || [{ ...EMPTY }, { ...EMPTY }];
    this.addEventListener('click', this);
    this.draw();
  }

  /** Sets the rows from a group's options, inactive ones too (their box unticked), or two empty rows for none. */
  set options(options) {
    this.rows = options.length ? options.map(asRow) : [{ ...EMPTY }, { ...EMPTY }];
    if (this.isConnected) this.draw();
  }

  /** The rows as typed: [{ id, nameZh, nameEn, price, active }] with price as the text in the field. */
  get value() {
    return [...this.querySelectorAll('fieldset.repeat-item')].map((set, i) => ({
      id: set.dataset.optionId || null,
      nameZh: set.querySelector(`#modifier-option-${i}-name-zh`).value,
      nameEn: set.querySelector(`#modifier-option-${i}-name-en`).value,
      price: set.querySelector(`#modifier-option-${i}-price`).value,
      active: set.querySelector(`#modifier-option-${i}-active`).checked,
    }));
  }

  draw() {
    render(this, html`
      <fieldset id="modifier-group-options" class="group">
        <legend class="group__legend" data-i18n="counter.options.legend"></legend>
        <p class="field__hint" data-i18n="counter.options.hint"></p>
        <p id="modifier-option-price-hint" class="field__hint" data-i18n="counter.option.priceHint"></p>
        <p id="modifier-group-options-error" class="field__error" hidden></p>
        <ol class="repeat-list">
          ${this.rows.map((row, i) => this.rowHtml(row, i))}
        </ol>
        <button type="button" id="modifier-option-add" class="button button--secondary repeat-add" data-i18n="counter.option.add"></button>
        <p id="modifier-option-status" class="visually-hidden" role="status"></p>
      </fieldset>`);
    translate(this);
  }

  rowHtml(row, i) {
    const n = JSON.stringify({ n: i + 1 });
    const id = `modifier-option-${i}`;
    return html`
      <li>
        <fieldset id="${id}" class="repeat-item" data-error-context data-option-id="${row.id || ''}">
          <legend class="repeat-item__legend" data-i18n="counter.option.legend" data-i18n-params="${n}"></legend>
          <div class="repeat-item__fields">
            ${field(`${id}-name-zh`, 'counter.option.nameZh', row.nameZh, html`required maxlength="40" lang="zh-CN"`)}
            ${field(`${id}-name-en`, 'counter.option.nameEn', row.nameEn, html`required maxlength="40" lang="en"`)}
            ${field(`${id}-price`, 'counter.option.price', row.price, html`required spellcheck="false"
                    aria-describedby="modifier-option-price-hint"`)}
          </div>
          <label class="choice" for="${id}-active">
            <input type="checkbox" id="${id}-active" ${row.active && html`checked`}>
            <span class="choice__text" data-i18n="counter.option.active"></span>
          </label>
          <button type="button" id="${id}-remove" class="button button--secondary" data-remove="${i}"
                  data-i18n="counter.option.remove" data-i18n-params="${n}"></button>
        </fieldset>
      </li>`;
  }

  handleEvent(event) {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.id === 'modifier-option-add') this.add();
    else if (button.dataset.remove !== undefined) this.remove(Number(button.dataset.remove));
  }

  /** Keeps what was typed, changes the rows, draws again and puts focus where the person is working. */
  change(update, focusId, message) {
    this.rows = this.value;
    update();
    this.draw();
    document.getElementById(focusId)?.focus();
    announce(this.querySelector('#modifier-option-status'), message);
  }

  add() {
    const i = this.rows.length;
    this.change(() => this.rows.push({ ...EMPTY }), `modifier-option-${i}-name-zh`,
      { key: 'counter.option.added', params: { n: i + 1 } });
  }

  remove(i) {
    const saved = Boolean(this.rows[i]?.id);
    this.change(() => this.rows.splice(i, 1),
      this.rows.length > i + 1 ? `modifier-option-${i}-name-zh` : 'modifier-option-add',
      { key: saved ? 'counter.option.removedSaved' : 'counter.option.removed', params: { n: i + 1 } });
  }
}

export function register() {
  define('modifier-option-list', ModifierOptionList);
}
