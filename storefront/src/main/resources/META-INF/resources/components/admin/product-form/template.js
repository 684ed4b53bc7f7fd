/**
 * The product form's markup. Field ids are the form's contract with the rules module,
 * the server's error mapping and the browser tests.
 */
import { html } from '../../../lib/html.js';
import { CHANNELS } from '../../../lib/staff-catalog.js';
import { counterChoicesHtml } from './counter-choices.js';

const CHANNEL_IDS = { ONLINE: 'product-channel-online', POS: 'product-channel-pos', CORPORATE: 'product-channel-corporate' };
const TAXES = [
  { code: 'GOODS', id: 'product-tax-goods', key: 'goods' },
  { code: 'CATERING', id: 'product-tax-catering', key: 'catering' },
];

function textField(id, key, { multiline = false, lang, max, optional = false } = {}) {
  const hint = optional ? html`<span class="field__optional" data-i18n="admin.optional"></span>` : '';
  return html`
    <div class="field">
      <label for="${id}"><span data-i18n="${key}"></span>${hint}</label>
      ${multiline
        ? html`<textarea id="${id}" rows="5" maxlength="${max}" lang="${lang}"></textarea>`
        : html`<input id="${id}" type="text" maxlength="${max}" lang="${lang}" ${!optional && html`required`} autocomplete="off">`}
      <p id="${id}-error" class="field__error" hidden></p>
    </div>`;
}

function makerChoice(maker) {
  const id = `product-maker-${maker.id}`;
  const publicly = maker.publicConsent?.granted === true;
  return html`
    <li>
      <label class="choice" for="${id}">
        <input type="checkbox" id="${id}" name="makerIds" value="${maker.id}" aria-describedby="${id}-note">
        <span class="choice__text">
          <span>${maker.name}</span>
          <span id="${id}-note" class="choice__note"
                data-i18n="${publicly ? 'admin.product.makerPublic' : 'admin.product.makerPrivate'}"
                data-i18n-params="${JSON.stringify({ name: maker.displayName || maker.name })}"></span>
        </span>
      </label>
    </li>`;
}

export function productFormHtml({ categories, makers, groups, isNew }) {
  return html`
    <div id="product-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
    <form id="product-form" class="admin-form" novalidate>
      <p class="field__hint" data-i18n="admin.form.allRequired"></p>

      <section class="admin-form__section" aria-labelledby="product-section-names">
        <h2 id="product-section-names" data-i18n="admin.product.section.names"></h2>
        ${textField('product-name-zh', 'admin.product.nameZh', { lang: 'zh-CN', max: 120 })}
        ${textField('product-name-en', 'admin.product.nameEn', { lang: 'en', max: 120 })}
        ${textField('product-description-zh', 'admin.product.descriptionZh', { multiline: true, lang: 'zh-CN', max: 4000, optional: true })}
        ${textField('product-description-en', 'admin.product.descriptionEn', { multiline: true, lang: 'en', max: 4000, optional: true })}
      </section>

      <section class="admin-form__section" aria-labelledby="product-section-selling">
        <h2 id="product-section-selling" data-i18n="admin.product.section.selling"></h2>
        <div class="field">
          <label for="product-category" data-i18n="admin.product.category"></label>
          <select id="product-category" required>
            <option value="" data-i18n="admin.product.categoryChoose"></option>
            ${categories.map((c) => html`<option value="${c.code}">${c.name}</option>`)}
          </select>
          <p id="product-category-error" class="field__error" hidden></p>
        </div>

        <fieldset id="product-tax" class="group" aria-describedby="product-tax-hint">
          <legend class="group__legend" data-i18n="admin.product.tax"></legend>
          <p id="product-tax-hint" class="field__hint" data-i18n="admin.product.taxHint"></p>
          <p id="product-tax-error" class="field__error" hidden></p>
          <ul class="choices">
            ${TAXES.map((tax) => html`
              <li>
                <label class="choice" for="${tax.id}">
                  <input type="radio" id="${tax.id}" name="taxCategory" value="${tax.code}" aria-describedby="${tax.id}-note">
                  <span class="choice__text">
                    <span data-i18n="admin.product.tax.${tax.key}"></span>
                    <span id="${tax.id}-note" class="choice__note" data-i18n="admin.product.tax.${tax.key}Note"></span>
                  </span>
                </label>
              </li>`)}
          </ul>
        </fieldset>

        <fieldset id="product-channels" class="group" aria-describedby="product-channels-hint">
          <legend class="group__legend" data-i18n="admin.product.channels"></legend>
          <p id="product-channels-hint" class="field__hint" data-i18n="admin.product.channelsHint"></p>
          <p id="product-channels-error" class="field__error" hidden></p>
          <ul class="choices">
            ${CHANNELS.map((code) => html`
              <li>
                <label class="choice" for="${CHANNEL_IDS[code]}">
                  <input type="checkbox" id="${CHANNEL_IDS[code]}" name="channels" value="${code}">
                  <span class="choice__text" data-i18n="admin.channel.${code}"></span>
                </label>
              </li>`)}
          </ul>
        </fieldset>

        <div class="field">
          <label class="choice" for="product-stock-tracked">
            <input type="checkbox" id="product-stock-tracked" aria-describedby="product-stock-tracked-hint">
            <span class="choice__text" data-i18n="admin.product.stockTracked"></span>
          </label>
          <p id="product-stock-tracked-hint" class="field__hint" data-i18n="admin.product.stockTrackedHint"></p>
          <p id="product-stock-tracked-error" class="field__error" hidden></p>
        </div>

        ${counterChoicesHtml(groups)}
      </section>

      <section class="admin-form__section" aria-labelledby="product-section-makers">
        <h2 id="product-section-makers" data-i18n="admin.product.section.makers"></h2>
        <fieldset id="product-makers" class="group" aria-describedby="product-makers-hint">
          <legend class="group__legend" data-i18n="admin.product.makers"></legend>
          <p id="product-makers-hint" class="field__hint" data-i18n="admin.product.makersHint"></p>
          <p id="product-makers-error" class="field__error" hidden></p>
          ${makers.length
            ? html`<ul class="choices choices--columns">${makers.map(makerChoice)}</ul>`
            : html`<p id="product-makers-none"><span data-i18n="admin.product.makersNone"></span>
                     <a href="/admin/makers.html" data-i18n="admin.product.makersAdd"></a></p>`}
        </fieldset>
      </section>

      <section class="admin-form__section" aria-labelledby="product-section-variants">
        <h2 id="product-section-variants" data-i18n="admin.product.section.variants"></h2>
        <variant-list></variant-list>
      </section>

      <section class="admin-form__section" aria-labelledby="product-section-images">
        <h2 id="product-section-images" data-i18n="admin.product.section.images"></h2>
        <image-list id-prefix="product-image"></image-list>
      </section>

      <section class="admin-form__section admin-form__actions" aria-labelledby="product-section-save">
        <h2 id="product-section-save" data-i18n="admin.product.section.save"></h2>
        <p id="product-state" class="product-state" ${isNew && html`hidden`}></p>
        <div class="button-row">
          <button type="submit" id="product-save" class="button button--primary"
                  data-i18n="${isNew ? 'admin.product.create' : 'admin.product.save'}"></button>
          <button type="button" id="product-archive" class="button button--secondary" ${isNew && html`hidden`}></button>
        </div>
        <p id="product-status" class="status-message" role="status"></p>
        <p><a id="product-back" href="/admin/products.html" data-i18n="admin.product.back"></a></p>
      </section>
    </form>`;
}
