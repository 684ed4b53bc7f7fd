/**
 * <impact-check>: the public page of one issued impact report, /i/{code} (what the QR code on its PDF holds). Asks
 * GET /api/impact-reports/{code} and says first, in words, whether the report is genuine (announced in
 * `#impact-check-live`); then the figures as they were signed: the company, the order or the year, the makers (named
 * only with their consent), pieces, hours recorded, earnings paid, by operation and by order; how the figures are made
 * and how the check works. A code the workshop never issued, or a report whose signature fails, is not genuine.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, t } from '../../../lib/i18n.js';
import { ApiError } from '../../../lib/api.js';
import { announce } from '../../../lib/form-errors.js';
import { KEYS_ADDRESS, checkedTime, problemTemplate, technicalTemplate, verdictTemplate } from '../../../lib/signed-check.js';
import { codeFromAddress, fetchImpactCheck, figuresHtml, methodHtml, operationsHtml, ordersHtml } from '../../../lib/impact.js';
import { define } from '../../../lib/define.js';

const NO_SUCH_REPORT = new Set([400, 404, 410]);
const VERDICTS = { GENUINE: 'corporate.impactCheck.verdict.GENUINE', NOT_GENUINE: 'corporate.impactCheck.verdict.NOT_GENUINE' };
const WHY = {
  GENUINE: 'corporate.impactCheck.why.GENUINE',
  notFound: 'corporate.impactCheck.why.notFound',
  signature: 'corporate.impactCheck.why.signature',
};
const PROBLEMS = {
  error: { heading: 'corporate.impactCheck.error.heading', text: 'corporate.impactCheck.error.text' },
  missing: { heading: 'corporate.impactCheck.missing.heading', text: 'corporate.impactCheck.missing.text' },
};

function judge(answer) {
  const check = answer.verification || {};
  return check.signatureValid === true && check.status === 'GENUINE' ? { verdict: 'GENUINE', reason: null }
    : { verdict: 'NOT_GENUINE', reason: 'signature' };
}

function verdictHtml(state) {
  return verdictTemplate({
    id: 'impact-check',
    verdict: state.verdict,
    reason: state.reason,
    heading: t(VERDICTS[state.verdict]),
    text: t(WHY[state.reason || state.verdict], { workshop: t('brand.name') }),
    details: null,
    when: t('corporate.impactCheck.checkedAt', { time: checkedTime(state.checkedAt) }),
  });
}

function reportHtml(report, signed) {
  const subject = report.kind === 'YEAR'
    ? t('corporate.impact.subject.year', { year: report.year, company: report.company.name })
    : t('corporate.impact.subject.order', { number: report.order.number, po: report.order.poNumber, company: report.company.name });
  return html`
    <section class="impact-sheet" aria-labelledby="impact-check-report-heading">
      <h2 id="impact-check-report-heading">${t('corporate.impactCheck.report')}</h2>
      <p id="impact-check-subject">${subject}</p>
      <p id="impact-check-issued">${t('corporate.impactCheck.issued', {
        time: checkedTime(signed?.issuedAt || `${report.issuedOn}T00:00:00Z`), credit: report.company.creditCode })}</p>
      ${figuresHtml(report, 'impact-check')}
      <h3 id="impact-check-operations-heading">${t('corporate.impact.operations')}</h3>
      ${operationsHtml(report, 'impact-check')}
      ${report.kind === 'YEAR' && report.orderLines.length > 0 && html`
        <h3 id="impact-check-orders-heading">${t('corporate.impact.byOrder')}</h3>
        ${ordersHtml(report, 'impact-check')}`}
      ${methodHtml('impact-check')}
    </section>`;
}

function howHtml(signed) {
  return html`
    <section class="check-how" aria-labelledby="impact-check-how-heading">
      <h2 id="impact-check-how-heading">${t('corporate.impactCheck.how.heading')}</h2>
      <p>${t('corporate.impactCheck.how.signature')}</p>
      <p>${t('corporate.impactCheck.how.frozen')}</p>
      <p><a id="impact-check-keys" href="${KEYS_ADDRESS}">${t('statement.how.experts')}</a></p>
      ${signed && technicalTemplate('impact-check', t('statement.how.technical'), [
        [t('statement.tech.keyId'), signed.keyId],
        [t('statement.tech.algorithm'), signed.algorithm],
        [t('corporate.impactCheck.tech.hash'), signed.hash],
        [t('statement.tech.signature'), signed.signature],
      ])}
    </section>`;
}

class ImpactCheck extends HTMLElement {
  connectedCallback() {
    this.code = codeFromAddress();
    this.live = document.getElementById('impact-check-live');
    this.addEventListener('click', (event) => this.click(event));
    this.onLangChange = () => this.draw();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.check();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  async check() {
    this.state = await this.ask();
    this.draw();
    announce(this.live, { key: this.state.problem ? PROBLEMS[this.state.problem].heading : VERDICTS[this.state.verdict] });
  }

  async ask() {
    if (!this.code) return { problem: 'missing' };
    const checkedAt = new Date().toISOString();
    try {
      const answer = await fetchImpactCheck(this.code);
      return answer?.report ? { ...judge(answer), answer, checkedAt } : { problem: 'error' };
    } catch (error) {
      if (error instanceof ApiError && NO_SUCH_REPORT.has(error.status)) return { verdict: 'NOT_GENUINE', reason: 'notFound', checkedAt };
      console.warn('The impact report could not be checked.', error);
      return { problem: 'error' };
    }
  }

  draw() {
    const { state } = this;
    if (!state) return;
    const focused = document.activeElement?.id;
    const report = state.answer?.report;
    render(this, html`
      ${state.problem ? problemTemplate({
        id: 'impact-check', kind: state.problem, heading: t(PROBLEMS[state.problem].heading), text: t(PROBLEMS[state.problem].text),
        retry: t('corporate.impactCheck.error.retry'),
      }) : verdictHtml(state)}
      ${report && reportHtml(report, state.answer.signed)}
      ${!state.problem && howHtml(state.answer?.signed)}`);
    if (focused) document.getElementById(focused)?.focus();
  }

  async click(event) {
    if (event.target.closest('#impact-check-retry')) {
      render(this, html`<p class="shop-message">${t('corporate.impactCheck.checking')}</p>`);
      await this.check();
      this.querySelector('#impact-check-verdict-heading')?.focus();
    }
  }
}

export function register() {
  define('impact-check', ImpactCheck);
}
