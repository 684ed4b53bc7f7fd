/**
 * What the statement page says first: whether the earnings statement is genuine, drawn as every check page draws
 * it (lib/signed-check.js). A statement the API does not know, or whose signature check failed, is not genuine;
 * an answer we could not get is no verdict at all, only "try again".
 */
import { html } from '../../../lib/html.js';
import { t } from '../../../lib/i18n.js';
import { checkedTime, problemTemplate as sharedProblem, verdictTemplate as sharedVerdict } from '../../../lib/signed-check.js';

/** What the page says, by verdict or by why a statement is not genuine. */
const HEADINGS = { GENUINE: 'statement.verdict.GENUINE', NOT_GENUINE: 'statement.verdict.NOT_GENUINE' };
const TEXTS = {
  GENUINE: 'statement.why.GENUINE',
  notFound: 'statement.why.notFound',
  signature: 'statement.why.signature',
  status: 'statement.why.status',
};

/** { verdict, reason } for a statement the API returned; null for a status this page does not know. */
export function judge(answer) {
  const check = answer.verification || {};
  if (check.signatureValid === false) return { verdict: 'NOT_GENUINE', reason: 'signature' };
  if (check.status === 'NOT_GENUINE') return { verdict: 'NOT_GENUINE', reason: 'status' };
  return check.status === 'GENUINE' ? { verdict: 'GENUINE', reason: null } : null;
}

export function verdictKey({ verdict }) {
  return HEADINGS[verdict];
}

function checkTemplate(verification) {
  if (!verification) return null;
  const ok = verification.signatureValid !== false;
  return html`<ul class="verdict__checks">
    <li id="statement-check-signature" class="verdict__check" data-ok="${ok ? 'true' : 'false'}">${
      t(ok ? 'statement.check.signatureOk' : 'statement.check.signatureBad')}</li>
  </ul>`;
}

/** The verdict section; `state` is { verdict, reason, answer?, checkedAt }. */
export function verdictTemplate(state) {
  const { verdict, reason, answer, checkedAt } = state;
  return sharedVerdict({
    id: 'statement',
    verdict,
    reason,
    heading: t(verdictKey(state)),
    text: t(TEXTS[reason || verdict], { workshop: t('brand.name') }),
    details: checkTemplate(answer?.verification),
    when: t('statement.checkedAt', { time: checkedTime(checkedAt) }),
  });
}

export const PROBLEMS = {
  error: { heading: 'statement.error.heading', text: 'statement.error.text' },
  missing: { heading: 'statement.missing.heading', text: 'statement.missing.text' },
};

/** No verdict: the answer did not come (network, server), or the address holds no code. */
export function problemTemplate(kind) {
  return sharedProblem({
    id: 'statement', kind, heading: t(PROBLEMS[kind].heading), text: t(PROBLEMS[kind].text), retry: t('statement.error.retry'),
  });
}
