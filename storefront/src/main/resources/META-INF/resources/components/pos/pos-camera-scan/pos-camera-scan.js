/**
 * <pos-camera-scan>: reading a product's barcode with the tablet's camera (docs/api/pos.md, step 6), where the browser
 * has a BarcodeDetector and a camera; elsewhere the button is not shown and a hint says to use a USB scanner (which
 * types the code into the search field) or to type the code. A modal dialog shows the camera's picture while it
 * looks for a code, five times a second; the first code read closes it and emits `pos-code-scanned` (bubbles,
 * `detail: { code }`). The camera is stopped whenever the dialog closes (Esc, Cancel, a code). Nothing here may stop
 * the sale: a camera refused or missing is said in the dialog. Its elements' ids start with its `prefix` attribute
 * (`pos-camera` when it has none: the sale's), so that the return screen can have one too; `hint` names the message
 * said where the camera cannot scan, and `heading` the dialog's heading (the sale's words when they are left out).
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { showMessage } from '../../../lib/form-errors.js';
import { openDialog } from '../../../lib/pos-dialog.js';
import { define } from '../../../lib/define.js';

const LOOK_EVERY_MS = 200;
const FORMATS = ['code_128', 'code_39', 'ean_13', 'ean_8', 'upc_a', 'upc_e', 'qr_code'];

/** Whether this browser can read barcodes from a camera. */
export function canScanWithCamera() {
  return 'BarcodeDetector' in window && Boolean(navigator.mediaDevices?.getUserMedia);
}

class PosCameraScan extends HTMLElement {
  connectedCallback() {
    const able = canScanWithCamera();
    const id = this.getAttribute('prefix') || 'pos-camera';
    this.prefix = id;
    render(this, html`
      <button type="button" id="${id}-scan" class="button button--secondary" data-i18n="pos.scan.camera"
              ${!able && html`hidden`}></button>
      <p id="${id}-scan-unavailable" class="field__hint" data-i18n="${this.getAttribute('hint') || 'pos.scan.unavailable'}"
         ${able && html`hidden`}></p>
      <dialog id="${id}" class="pos-dialog" aria-labelledby="${id}-heading">
        <div class="stack">
          <h3 id="${id}-heading" class="pos-dialog__heading" data-i18n="${this.getAttribute('heading') || 'pos.scan.heading'}"></h3>
          <p id="${id}-status" role="status"></p>
          <video id="${id}-video" class="pos-camera__video" muted playsinline data-i18n-attr="aria-label:pos.scan.video"></video>
          <p><button type="button" id="${id}-cancel" class="button button--secondary" data-i18n="pos.dialog.cancel"></button></p>
        </div>
      </dialog>`);
    translate(this);
    this.dialog = this.querySelector('dialog');
    this.video = this.querySelector('video');
    this.status = this.querySelector(`#${id}-status`);
    this.querySelector(`#${id}-scan`).addEventListener('click', () => this.open());
    this.querySelector(`#${id}-cancel`).addEventListener('click', () => this.dialog.close());
    this.dialog.addEventListener('close', () => this.stop());
  }

  disconnectedCallback() {
    this.stop();
  }

  async open() {
    openDialog(this.dialog, { first: this.querySelector(`#${this.prefix}-cancel`), returnTo: `${this.prefix}-scan` });
    showMessage(this.status, { key: 'pos.scan.starting' });
    try {
      const supported = await window.BarcodeDetector.getSupportedFormats?.() ?? FORMATS;
      this.detector = new window.BarcodeDetector({ formats: FORMATS.filter((format) => supported.includes(format)) });
      this.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      if (!this.dialog.open) {
        this.stop();
        return;
      }
      this.video.srcObject = this.stream;
      await this.video.play();
      showMessage(this.status, { key: 'pos.scan.looking' });
      this.look();
    } catch (error) {
      console.warn('The camera cannot scan.', error);
      this.stop();
      showMessage(this.status, { key: error?.name === 'NotAllowedError' ? 'pos.scan.refused' : 'pos.scan.failed' });
    }
  }

  async look() {
    if (!this.stream || !this.dialog.open) return;
    try {
      const [found] = await this.detector.detect(this.video);
      if (found?.rawValue) {
        this.dialog.close();
        this.dispatchEvent(new CustomEvent('pos-code-scanned', { bubbles: true, detail: { code: found.rawValue } }));
        return;
      }
    } catch (error) {
      console.warn('Could not look for a barcode.', error);
    }
    this.timer = window.setTimeout(() => this.look(), LOOK_EVERY_MS);
  }

  stop() {
    window.clearTimeout(this.timer);
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    if (this.video) this.video.srcObject = null;
  }
}

export function register() {
  define('pos-camera-scan', PosCameraScan);
}
