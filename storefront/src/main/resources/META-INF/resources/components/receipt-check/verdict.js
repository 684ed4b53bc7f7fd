/**
 * What the receipt page says first: whether the receipt is genuine, in words, with an icon whose shape differs
 * for each answer (never colour alone). A receipt the API does not know, or whose signature or chain check
 * failed, is not genuine; an answer we could not get is no verdict at all, only "try again".
 */
import { html } from '../../lib/html.js';
import { currentLang, t } from '../../lib/i18n.js';

const STATUSES = new Set(['GENUINE', 'REFUNDED', 'PARTIALLY_REFUNDED', 'VOIDED', 'NOT_GENUINE']);

/** Why a receipt is not genuine, in the reader's words. */
const REASONS = {
  notFound: 'receipt.why.notFound',
  signature: 'receipt.why.signature',
  chain: 'receipt.why.chain',
  status: 'receipt.why.status',
};

/**
 * { verdict, reason } for a receipt the API returned; a failed check outweighs the status. Null for a status
 * this page does not know, which it must not guess about.
 */
export function judge(receipt) {
  const check = receipt.verification || {};
  if (check.signatureValid === false) return { verdict: 'NOT_GENUINE', reason: 'signature' };
  if (check.chainValid === false) return { verdict: 'NOT_GENUINE', reason: 'chain' };
  if (check.status === 'NOT_GENUINE') return { verdict: 'NOT_GENUINE', reason: 'status' };
  return STATUSES.has(check.status) ? { verdict: check.status, reason: null } : null;
}

/** The verdict's heading key: a genuine refund receipt says so, as it proves money given back. */
export function verdictKey({ verdict, receipt }) {
  if (verdict === 'GENUINE' && receipt?.kind === 'REFUND') return 'receipt.verdict.refundReceipt';
  return `receipt.verdict.${verdict}`;
}

function whyKey({ verdict, reason, receipt }) {
  if (reason) return REASONS[reason];
  return verdict === 'GENUINE' && receipt?.kind === 'REFUND' ? 'receipt.why.refundReceipt' : `receipt.why.${verdict}`;
}

/** When the check was made, in the reader's own time zone. */
function checkedTime(iso) {
  return new Intl.DateTimeFormat(currentLang(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

const ICONS = {
  GENUINE: html`<circle cx="24" cy="24" r="20"/><path d="M14 24.5l7 7 13-14"/>`,
  REFUNDED: html`<circle cx="24" cy="24" r="20"/><path d="M19 14l-7 7 7 7"/><path d="M12 21h15a7 7 0 0 1 0 14h-6"/>`,
  VOIDED: html`<circle cx="24" cy="24" r="20"/><path d="M10 38L38 10"/>`,
  NOT_GENUINE: html`<path d="M16 4h16l12 12v16L32 44H16L4 32V16z"/><path d="M17 17l14 14M31 17L17 31"/>`,
};
ICONS.PARTIALLY_REFUNDED = ICONS.REFUNDED;
ICONS.error = html`<circle cx="24" cy="24" r="20"/><path d="M18 18a6 6 0 1 1 8 5.5c-1.5.8-2 1.8-2 4"/><path d="M24 33v2"/>`;
ICONS.missing = ICONS.error;

function icon(verdict) {
  return html`<svg class="verdict__icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">${ICONS[verdict]}</svg>`;
}

function checkLine(id, ok, [passed, failed]) {
  return html`<li id="${id}" class="verdict__check" data-ok="${ok ? 'true' : 'false'}">${t(ok ? passed : failed)}</li>`;
}

/** Each check in words; the mark before it (drawn by CSS) differs in shape as well. */
function checksTemplate(verification) {
  if (!verification) return null;
  return html`<ul class="verdict__checks">
    ${checkLine('receipt-check-signature', verification.signatureValid !== false,
      ['receipt.check.signatureOk', 'receipt.check.signatureBad'])}
    ${checkLine('receipt-check-chain', verification.chainValid !== false, ['receipt.check.chainOk', 'receipt.check.chainBad'])}
  </ul>`;
}

/** The verdict section; `state` is { verdict, reason, receipt?, checkedAt }. */
export function verdictTemplate(state) {
  const { verdict, receipt, checkedAt } = state;
  const seller = receipt?.seller?.name || t('brand.name');
  return html`
    <section id="receipt-verdict" class="verdict" data-verdict="${verdict}" data-reason="${state.reason || ''}"
             aria-labelledby="receipt-verdict-heading">
      ${icon(verdict)}
      <div class="verdict__words">
        <h2 id="receipt-verdict-heading" class="verdict__title" tabindex="-1">${t(verdictKey(state))}</h2>
        <p id="receipt-verdict-text" class="verdict__why">${t(whyKey(state), { seller })}</p>
        ${checksTemplate(receipt?.verification)}
        <p class="verdict__when">${t('receipt.checkedAt', { time: checkedTime(checkedAt) })}</p>
      </div>
    </section>`;
}

export const PROBLEMS = {
  error: { heading: 'receipt.error.heading', text: 'receipt.error.text' },
  missing: { heading: 'receipt.missing.heading', text: 'receipt.missing.text' },
};

/** No verdict: the answer did not come (network, server), or the address holds no code. */
export function problemTemplate(kind) {
  return html`
    <section id="receipt-verdict" class="verdict" data-verdict="${kind}" aria-labelledby="receipt-verdict-heading">
      ${icon(kind)}
      <div class="verdict__words">
        <h2 id="receipt-verdict-heading" class="verdict__title" tabindex="-1">${t(PROBLEMS[kind].heading)}</h2>
        <p id="receipt-verdict-text" class="verdict__why">${t(PROBLEMS[kind].text)}</p>
        ${kind === 'error' && html`
          <p><button type="button" id="receipt-retry" class="button button--primary">${t('receipt.error.retry')}</button></p>`}
      </div>
    </section>`;
}
