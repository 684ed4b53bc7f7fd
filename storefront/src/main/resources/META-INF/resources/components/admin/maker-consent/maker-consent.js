/**
 * <maker-consent>: whether a maker's name, story and photo may appear publicly, in plain
 * words with who recorded it and when, and a form to record their decision (POST
 * /api/admin/makers/{id}/consent). `maker` sets the maker shown. Emits `consent-recorded`
 * (bubbles) with { maker }.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { api, ensureCsrfToken } from '../../../lib/api.js';
import { formatWhen } from '../../../lib/staff-catalog.js';
import { FormErrors, announce, problemsFrom } from '../../../lib/form-errors.js';
import { uuid } from '../../../lib/uuid.js';
import { define } from '../../../lib/define.js';

const NOTE_MAX = 500;

function stateHtml(maker) {
  const consent = maker.publicConsent;
  const name = JSON.stringify({ name: maker.displayName || maker.name });
  if (!consent) {
    return html`
      <p class="consent consent--private"><strong data-i18n="admin.consent.private"></strong>
        <span data-i18n="admin.consent.none" data-i18n-params="${name}"></span></p>`;
  }
  const who = JSON.stringify({ by: consent.recordedBy || '', when: formatWhen(consent.recordedAt) });
  return html`
    <p class="consent ${consent.granted ? 'consent--public' : 'consent--private'}">
      <strong data-i18n="${consent.granted ? 'admin.consent.public' : 'admin.consent.private'}"></strong>
      <span data-i18n="${consent.granted ? 'admin.consent.granted' : 'admin.consent.refused'}" data-i18n-params="${name}"></span>
    </p>
    <p id="maker-consent-recorded" data-i18n="admin.consent.recorded" data-i18n-params="${who}"></p>`;
}

class MakerConsent extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <section class="admin-panel" aria-labelledby="maker-consent-heading">
        <h2 id="maker-consent-heading" data-i18n="admin.consent.heading"></h2>
        <div id="maker-consent-state" class="consent-state"></div>
        <div id="maker-consent-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
        <form id="maker-consent-form" class="admin-form" novalidate>
          <fieldset id="maker-consent-choice" class="group">
            <legend class="group__legend" data-i18n="admin.consent.legend"></legend>
            <p id="maker-consent-choice-error" class="field__error" hidden></p>
            <ul class="choices">
              <li><label class="choice" for="maker-consent-yes">
                <input type="radio" id="maker-consent-yes" name="granted" value="true">
                <span class="choice__text" data-i18n="admin.consent.yes"></span></label></li>
              <li><label class="choice" for="maker-consent-no">
                <input type="radio" id="maker-consent-no" name="granted" value="false">
                <span class="choice__text" data-i18n="admin.consent.no"></span></label></li>
            </ul>
          </fieldset>
          <div class="field">
            <label for="maker-consent-note"><span data-i18n="admin.consent.note"></span><span class="field__optional" data-i18n="admin.optional"></span></label>
            <p id="maker-consent-note-hint" class="field__hint" data-i18n="admin.consent.noteHint"></p>
            <textarea id="maker-consent-note" rows="3" maxlength="${NOTE_MAX}" aria-describedby="maker-consent-note-hint"></textarea>
            <p id="maker-consent-note-error" class="field__error" hidden></p>
          </div>
          <div class="button-row">
            <button type="submit" id="maker-consent-save" class="button button--primary" data-i18n="admin.consent.save"></button>
          </div>
          <p id="maker-consent-status" class="status-message" role="status"></p>
        </form>
      </section>`);
    translate(this);
    this.form = this.querySelector('form');
    this.statusLine = this.querySelector('#maker-consent-status');
    this.errors = new FormErrors(this.form, this.querySelector('#maker-consent-errors'));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
    if (this.pending) this.maker = this.pending;
  }

  set maker(maker) {
    if (!this.form) {
      this.pending = maker;
      return;
    }
    this.current = maker;
    this.idempotencyKey = uuid();
    this.form.reset();
    this.errors.clear();
    this.statusLine.textContent = '';
    this.showState();
  }

  showState() {
    const state = this.querySelector('#maker-consent-state');
    render(state, stateHtml(this.current));
    translate(state);
    const legend = this.querySelector('#maker-consent-choice legend');
    legend.dataset.i18nParams = JSON.stringify({ name: this.current.displayName || this.current.name });
    translate(legend);
  }

  async save() {
    if (this.busy) return;
    const choice = this.form.querySelector('input[name="granted"]:checked');
    if (!choice) {
      this.errors.show([{ target: 'maker-consent-choice', message: { key: 'admin.consent.missing' } }]);
      return;
    }
    this.errors.clear();
    const note = this.querySelector('#maker-consent-note').value.trim();
    const body = { granted: choice.value === 'true', ...(note ? { note } : {}) };
    this.busy = true;
    try {
      await ensureCsrfToken();
      const maker = await api.post(`/api/admin/makers/${encodeURIComponent(this.current.id)}/consent`, body,
        { headers: { 'Idempotency-Key': this.idempotencyKey } });
      this.maker = maker;
      announce(this.statusLine, { key: body.granted ? 'admin.consent.savedPublic' : 'admin.consent.savedPrivate',
        params: { name: maker.displayName || maker.name } });
      this.dispatchEvent(new CustomEvent('consent-recorded', { bubbles: true, detail: { maker } }));
    } catch (error) {
      console.warn('Recording consent failed.', error);
      this.errors.show(problemsFrom(error, (field) => (field === 'granted' ? 'maker-consent-choice'
        : field === 'note' ? 'maker-consent-note' : null)));
    } finally {
      this.busy = false;
    }
  }
}

export function register() {
  define('maker-consent', MakerConsent);
}
