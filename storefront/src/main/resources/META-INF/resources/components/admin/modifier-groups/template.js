/**
 * The markup of <modifier-groups>: the list's panel and the form's. Field ids are the form's contract with rules.js,
 * the server's error mapping and the browser tests.
 */
import { html } from '../../../lib/html.js';

/** A text field with its label, an optional hint and the place for its message. */
export function textField(id, key, { hint, lang, maxlength = 40, code = false } = {}) {
  return html`
    <div class="field">
      <label for="${id}" data-i18n="${key}"></label>
      ${hint && html`<p id="${id}-hint" class="field__hint" data-i18n="${hint}"></p>`}
      <input id="${id}" type="text" maxlength="${maxlength}" autocomplete="off" required
             ${lang && html`lang="${lang}"`} ${code && html`autocapitalize="characters" spellcheck="false"`}
             ${hint && html`aria-describedby="${id}-hint"`}>
      <p id="${id}-error" class="field__error" hidden></p>
    </div>`;
}

function countField(id, key) {
  return html`
    <div class="field">
      <label for="${id}" data-i18n="${key}"></label>
      <input id="${id}" type="text" inputmode="numeric" maxlength="2" autocomplete="off" required
             aria-describedby="modifier-group-choices-hint">
      <p id="${id}-error" class="field__error" hidden></p>
    </div>`;
}

export function formHtml() {
  return html`
    <section class="admin-panel" aria-labelledby="modifier-group-heading">
      <h2 id="modifier-group-heading" data-i18n="counter.groups.heading"></h2>
      <p class="field__hint" data-i18n="counter.groups.intro"></p>
      <p><a id="modifier-group-to-products" href="/admin/products.html" data-i18n="counter.groups.toProducts"></a></p>
      <div id="modifier-group-list"></div>
    </section>
    <section class="admin-panel" aria-labelledby="modifier-group-form-heading">
      <h2 id="modifier-group-form-heading" tabindex="-1"></h2>
      <div id="modifier-group-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
      <form id="modifier-group-form" class="admin-form" novalidate>
        <p class="field__hint" data-i18n="admin.form.allRequired"></p>
        ${textField('modifier-group-code', 'counter.code', { hint: 'counter.groups.codeHint', code: true })}
        <p id="modifier-group-code-fixed" class="field__hint" data-i18n="counter.codeFixed" hidden></p>
        ${textField('modifier-group-name-zh', 'counter.nameZh', { lang: 'zh-CN' })}
        ${textField('modifier-group-name-en', 'counter.nameEn', { lang: 'en' })}
        <fieldset id="modifier-group-choices" class="group">
          <legend class="group__legend" data-i18n="counter.groups.choices"></legend>
          <p id="modifier-group-choices-hint" class="field__hint" data-i18n="counter.groups.choicesHint"></p>
          <div class="repeat-item__fields">
            ${countField('modifier-group-min', 'counter.groups.min')}
            ${countField('modifier-group-max', 'counter.groups.max')}
          </div>
        </fieldset>
        <modifier-option-list></modifier-option-list>
        <div class="button-row">
          <button type="submit" id="modifier-group-save" class="button button--primary"></button>
          <button type="button" id="modifier-group-new" class="button button--secondary" data-i18n="counter.groups.new" hidden></button>
        </div>
        <p id="modifier-group-status" class="status-message" role="status"></p>
      </form>
    </section>`;
}
