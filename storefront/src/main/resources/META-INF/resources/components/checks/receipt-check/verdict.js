/**
 * What the receipt page says first: whether the receipt is genuine, drawn as every check page draws it
 * (lib/signed-check.js). A receipt the API does not know, or whose signature or chain check failed, is not
 * genuine; an answer we could not get is no verdict at all, only "try again".
 */
import { html } from '../../../lib/html.js';
import { t } from '../../../lib/i18n.js';
import { checkedTime, problemTemplate as sharedProblem, verdictTemplate as sharedVerdict } from '../../../lib/signed-check.js';

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
  const { verdict, reason, receipt, checkedAt } = state;
  const seller = receipt?.seller?.name || t('brand.name');
  return sharedVerdict({
    id: 'receipt',
    verdict,
    reason,
    heading: t(verdictKey(state)),
    text: t(whyKey(state), { seller }),
    details: checksTemplate(receipt?.verification),
    when: t('receipt.checkedAt', { time: checkedTime(checkedAt, receipt?.timeZone) }),
  });
}

export const PROBLEMS = {
  error: { heading: 'receipt.error.heading', text: 'receipt.error.text' },
  missing: { heading: 'receipt.missing.heading', text: 'receipt.missing.text' },
};

/** No verdict: the answer did not come (network, server), or the address holds no code. */
export function problemTemplate(kind) {
  return sharedProblem({
    id: 'receipt', kind, heading: t(PROBLEMS[kind].heading), text: t(PROBLEMS[kind].text), retry: t('receipt.error.retry'),
  });
}
