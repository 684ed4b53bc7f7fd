/**
 * <maker-admin>: the makers' list and, below it, the editor for one maker: their details
 * (<maker-form>) and their public consent (<maker-consent>). ?id= in the address opens
 * that maker, so a link or a reload comes back to the same place.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { formatWhen, makers } from '../../../lib/staff-catalog.js';
import { ListLoad, emptyHtml, showFailed } from '../../../lib/paged-list.js';
import { define } from '../../../lib/define.js';
import { register as registerMakerForm } from '../maker-form/maker-form.js';
import { register as registerMakerConsent } from '../maker-consent/maker-consent.js';

function publicCell(maker) {
  const consent = maker.publicConsent;
  if (consent?.granted) {
    return html`<span class="badge badge--on" data-i18n="admin.makers.publicYes"></span>
      <span class="data-table__sub" data-i18n="admin.makers.since" data-i18n-params="${JSON.stringify({ when: formatWhen(consent.recordedAt) })}"></span>`;
  }
  return html`<span class="badge badge--off" data-i18n="admin.makers.publicNo"></span>`;
}

function setAddress(id) {
  const url = new URL(window.location.href);
  if (id) url.searchParams.set('id', id);
  else url.searchParams.delete('id');
  window.history.replaceState(window.history.state, '', url);
}

class MakerAdmin extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <p><button type="button" id="maker-new" class="button button--primary" data-i18n="admin.makers.new"></button></p>
      <p id="maker-list-status" class="status-message" role="status"></p>
      <div id="maker-list"></div>
      <section id="maker-editor" class="stack" aria-labelledby="maker-editor-heading" hidden>
        <h2 id="maker-editor-heading" tabindex="-1"></h2>
        <maker-form></maker-form>
        <p id="maker-consent-later" class="notice" data-i18n="admin.makers.consentLater"></p>
        <maker-consent></maker-consent>
      </section>`);
    translate(this);
    this.list = this.querySelector('#maker-list');
    this.editor = this.querySelector('#maker-editor');
    this.addEventListener('click', (event) => this.clicked(event));
    this.addEventListener('maker-saved', ({ detail }) => this.saved(detail.maker, true));
    // The consent panel has already shown its own result; drawing it again would clear that message.
    this.addEventListener('consent-recorded', ({ detail }) => this.saved(detail.maker, false));
    new ListLoad(this, {
      what: 'makers',
      retryId: 'maker-list-retry',
      fetch: makers,
      failed: () => showFailed(this.list, 'admin.makers.loadFailed', 'maker-list-retry'),
      loaded: (list) => this.loaded(list),
    }).run();
  }

  /** The list is drawn; ?id= in the address opens that maker. */
  loaded(list) {
    this.makers = list;
    this.drawList();
    const id = new URLSearchParams(window.location.search).get('id');
    const wanted = this.makers.find((m) => m.id === id);
    if (wanted) this.open(wanted, false);
  }

  drawList() {
    render(this.list, this.makers.length === 0
      ? emptyHtml('maker-list-empty', 'admin.makers.empty')
      : html`
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="maker-table-caption">
          <table id="maker-table" class="data-table">
            <caption id="maker-table-caption" data-i18n="admin.makers.caption"
                     data-i18n-params="${JSON.stringify({ count: this.makers.length })}"></caption>
            <thead>
              <tr>
                <th scope="col" data-i18n="admin.makers.col.name"></th>
                <th scope="col" data-i18n="admin.makers.col.displayName"></th>
                <th scope="col" data-i18n="admin.makers.col.public"></th>
                <th scope="col" data-i18n="admin.makers.col.actions"></th>
              </tr>
            </thead>
            <tbody>
              ${this.makers.map((maker) => html`
                <tr id="maker-row-${maker.id}">
                  <th scope="row">${maker.name}</th>
                  <td>${maker.displayName}${maker.displayNameLatin && html`<br><span lang="en">${maker.displayNameLatin}</span>`}</td>
                  <td>${publicCell(maker)}</td>
                  <td>
                    <button type="button" id="maker-edit-${maker.id}" class="button button--secondary" data-edit="${maker.id}">
                      <span data-i18n="admin.makers.edit"></span><span class="visually-hidden"> ${maker.name}</span>
                    </button>
                  </td>
                </tr>`)}
            </tbody>
          </table>
        </div>`);
    translate(this.list);
  }

  clicked(event) {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.id === 'maker-new') this.open(null, true);
    else if (button.dataset.edit) this.open(this.makers.find((m) => m.id === button.dataset.edit), true);
  }

  /** Shows the editor for `maker` (null: a new one) and, when asked, takes focus to its heading. */
  open(maker, focus) {
    this.editor.hidden = false;
    this.querySelector('maker-form').maker = maker;
    this.showEditorFor(maker);
    setAddress(maker?.id);
    if (focus) this.querySelector('#maker-editor-heading').focus();
  }

  showEditorFor(maker, refreshConsent = true) {
    const heading = this.querySelector('#maker-editor-heading');
    heading.dataset.i18n = maker ? 'admin.makers.editing' : 'admin.makers.adding';
    heading.dataset.i18nParams = JSON.stringify({ name: maker?.name || '' });
    translate(heading);
    this.querySelector('#maker-consent-later').hidden = Boolean(maker);
    const consent = this.querySelector('maker-consent');
    consent.hidden = !maker;
    if (maker && refreshConsent) consent.maker = maker;
  }

  /** A maker was created or changed: the list, the heading and the address follow. */
  saved(maker, refreshConsent) {
    const index = this.makers.findIndex((m) => m.id === maker.id);
    if (index >= 0) this.makers[index] = maker;
    else this.makers.push(maker);
    this.drawList();
    this.showEditorFor(maker, refreshConsent);
    setAddress(maker.id);
  }
}

export function register() {
  registerMakerForm();
  registerMakerConsent();
  define('maker-admin', MakerAdmin);
}
