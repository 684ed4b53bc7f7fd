/**
 * What comes after the receipt on screen (never on paper): printing on an 80 mm roll or A4, the renderings to
 * download, and a plain account of how the check works, with the signature's details for experts.
 */
import { html } from '../../../lib/html.js';
import { t } from '../../../lib/i18n.js';
import { KEYS_ADDRESS, technicalTemplate } from '../../../lib/signed-check.js';

/** Only the printer file is saved at once; browsers show PDFs and images themselves. */
function download(id, href, key, save = false) {
  return html`<li><a id="${id}" href="${href}" ${save && html`download`}>${t(key)}</a></li>`;
}

/** `files` are the renderings' addresses (lib/receipts.js). */
export function toolsTemplate(files) {
  return html`
    <section class="check-tools" aria-labelledby="receipt-tools-heading">
      <h2 id="receipt-tools-heading">${t('receipt.tools.heading')}</h2>
      <p class="button-row">
        <button type="button" id="receipt-print-roll" class="button button--primary" data-paper="roll">${t('receipt.print.roll')}</button>
        <button type="button" id="receipt-print-a4" class="button button--secondary" data-paper="a4">${t('receipt.print.a4')}</button>
      </p>
      <ul class="check-tools__files">
        ${download('receipt-pdf-roll', files.pdfRoll, 'receipt.download.pdfRoll')}
        ${download('receipt-pdf-a4', files.pdfA4, 'receipt.download.pdfA4')}
        ${download('receipt-qr', files.qr, 'receipt.download.qr')}
        ${download('receipt-escpos', files.escpos, 'receipt.download.escpos', true)}
      </ul>
    </section>`;
}

function technical(signed) {
  if (!signed) return null;
  return technicalTemplate('receipt', t('receipt.how.technical'), [
    [t('receipt.tech.keyId'), signed.keyId],
    [t('receipt.tech.algorithm'), signed.algorithm],
    [t('receipt.tech.hash'), signed.hash],
    [t('receipt.tech.previousHash'), signed.previousHash],
    [t('receipt.tech.signature'), signed.signature],
  ]);
}

/** How the check works; `signed` (the receipt's signature block) adds its details when there is a receipt. */
export function howTemplate(signed) {
  return html`
    <section class="check-how" aria-labelledby="receipt-how-heading">
      <h2 id="receipt-how-heading">${t('receipt.how.heading')}</h2>
      <p>${t('receipt.how.signature')}</p>
      <p>${t('receipt.how.chain')}</p>
      <p><a id="receipt-keys" href="${KEYS_ADDRESS}">${t('receipt.how.experts')}</a></p>
      ${technical(signed)}
    </section>`;
}
