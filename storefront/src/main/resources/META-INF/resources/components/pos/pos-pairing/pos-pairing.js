/**
 * <pos-pairing>: the counter tablet's first screen. Unpaired, it asks for the pairing code a coordinator reads
 * out (8 digits) and a name for the tablet, and pairs (lib/pos-device.js); paired, it says which register it
 * serves and hands over to <pos-sign-in> for who is at the counter, where the cashier sells (<pos-sale>) and runs
 * the shift; what comes with later steps of the POS (docs/adr/0017-pos-registers-devices-and-steps.md) is not offered.
 */
import { html, render } from '../../../lib/html.js';
import { t, translate } from '../../../lib/i18n.js';
import { ApiError } from '../../../lib/api.js';
import { FormErrors, announce, showMessage } from '../../../lib/form-errors.js';
import { canPair, currentDevice, pair, preparePairing } from '../../../lib/pos-device.js';
import { formatWhen, localName } from '../../../lib/staff-catalog.js';
import { define } from '../../../lib/define.js';
import { register as registerSignIn } from '../pos-sign-in/pos-sign-in.js';

class PosPairing extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <p id="pos-status" class="status-message" role="status"></p>
      <section id="pos-paired" class="pos-panel stack" aria-labelledby="pos-paired-heading" hidden>
        <h2 id="pos-paired-heading" tabindex="-1" data-i18n="pos.device.pairedHeading"></h2>
        <p id="pos-paired-register" class="pos-register"></p>
        <p id="pos-paired-since"></p>
        <pos-sign-in></pos-sign-in>
      </section>
      <section id="pos-pair" class="pos-panel stack" aria-labelledby="pos-pair-heading" hidden>
        <h2 id="pos-pair-heading" tabindex="-1" data-i18n="pos.device.pairHeading"></h2>
        <p data-i18n="pos.device.pairIntro"></p>
        <p id="pos-insecure" class="notice" data-i18n="pos.device.insecure" hidden></p>
        <div id="pos-pair-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
        <form id="pos-pair-form" class="stack" novalidate>
          <div class="field">
            <label for="pos-code" data-i18n="pos.device.code"></label>
            <p id="pos-code-hint" class="field__hint" data-i18n="pos.device.codeHint"></p>
            <input id="pos-code" class="pos-code-input" type="text" inputmode="numeric" autocomplete="one-time-code"
                   maxlength="9" required aria-describedby="pos-code-hint">
            <p id="pos-code-error" class="field__error" hidden></p>
          </div>
          <div class="field">
            <label for="pos-label" data-i18n="pos.device.label"></label>
            <p id="pos-label-hint" class="field__hint" data-i18n="pos.device.labelHint"></p>
            <input id="pos-label" type="text" maxlength="60" autocomplete="off" required aria-describedby="pos-label-hint">
            <p id="pos-label-error" class="field__error" hidden></p>
          </div>
          <p><button type="submit" id="pos-pair-submit" class="button button--primary" data-i18n="pos.device.pair"></button></p>
        </form>
      </section>`);
    translate(this);
    this.statusLine = this.querySelector('#pos-status');
    this.form = this.querySelector('#pos-pair-form');
    this.errors = new FormErrors(this.form, this.querySelector('#pos-pair-errors'));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.pair();
    });
    this.load();
  }

  async load() {
    // Said at once, not after announce()'s pause, so that clearing it when the answer comes is never undone.
    showMessage(this.statusLine, { key: 'pos.device.checking' });
    try {
      const paired = await currentDevice();
      this.statusLine.textContent = '';
      if (paired) this.showPaired(paired, false);
      else this.showForm();
    } catch (error) {
      console.warn('Could not ask which register this tablet serves.', error);
      announce(this.statusLine, { key: 'pos.device.unreachable' });
    }
  }

  showForm() {
    this.querySelector('#pos-paired').hidden = true;
    this.querySelector('#pos-pair').hidden = false;
    const label = this.querySelector('#pos-label');
    if (!label.value) label.value = t('pos.device.labelDefault');
    const secure = canPair();
    this.querySelector('#pos-insecure').hidden = secure;
    this.querySelector('#pos-pair-submit').disabled = !secure;
  }

  showPaired({ device, register, cashier = null }, focus) {
    this.querySelector('#pos-pair').hidden = true;
    const panel = this.querySelector('#pos-paired');
    const name = this.querySelector('#pos-paired-register');
    name.dataset.i18n = 'pos.device.register';
    name.dataset.i18nParams = JSON.stringify({ name: localName(register), id: register.id });
    const since = this.querySelector('#pos-paired-since');
    since.dataset.i18n = 'pos.device.since';
    since.dataset.i18nParams = JSON.stringify({ label: device.label, when: formatWhen(device.pairedAt) });
    translate(panel);
    this.querySelector('pos-sign-in').counter = { device, register, cashier };
    panel.hidden = false;
    if (focus) this.querySelector('#pos-paired-heading').focus();
  }

  async pair() {
    if (this.busy) return;
    const code = this.querySelector('#pos-code').value.replace(/\s/g, '');
    const label = this.querySelector('#pos-label').value.trim();
    const problems = [];
    if (!/^\d{8}$/.test(code)) problems.push({ target: 'pos-code', message: { key: 'pos.device.codeInvalid' } });
    if (!label) problems.push({ target: 'pos-label', message: { key: 'pos.device.labelMissing' } });
    if (problems.length) {
      this.errors.show(problems);
      return;
    }
    this.errors.clear();
    this.busy = true;
    announce(this.statusLine, { key: 'pos.device.pairing' });
    try {
      // A try whose answer was lost is sent again as it was; a new code or name is a new try.
      if (!this.attempt || this.attempt.code !== code || this.attempt.label !== label) {
        this.attempt = await preparePairing(code, label);
      }
      const paired = await pair(this.attempt);
      this.attempt = null;
      announce(this.statusLine, { key: 'pos.device.paired', params: { name: localName(paired.register) } });
      this.showPaired(paired, true);
    } catch (error) {
      console.warn('Pairing failed.', error);
      this.statusLine.textContent = '';
      if (error instanceof ApiError) this.attempt = null;
      this.errors.show([this.problem(error)]);
    } finally {
      this.busy = false;
    }
  }

  problem(error) {
    if (!(error instanceof ApiError)) return { target: null, message: { key: 'pos.device.unreachable' } };
    if (error.status === 422 && error.problem.type?.endsWith('/pairing-code-wrong')) {
      return { target: 'pos-code', message: { key: 'pos.device.codeWrong' } };
    }
    if (error.status === 409) return { target: null, message: { key: 'pos.device.registerPaired' } };
    if (error.status === 429) {
      return { target: null, message: { key: 'pos.device.tooMany', params: { seconds: error.retryAfterSeconds ?? 60 } } };
    }
    return { target: null, message: { key: 'pos.device.failed' } };
  }
}

export function register() {
  registerSignIn();
  define('pos-pairing', PosPairing);
}
