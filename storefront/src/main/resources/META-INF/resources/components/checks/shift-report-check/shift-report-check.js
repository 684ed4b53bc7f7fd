/**
 * <shift-report-check>: the page of one X or Z report, /pos/report.html?code=… (what its QR code holds; anyone
 * holding the code may read it, as with receipts). Asks GET /api/pos/reports/{code} and says first, in words,
 * whether the report is genuine (announced in the live region `#report-live`); an unknown or forged code is not a
 * genuine report. Then the report like its paper, printing on an 80 mm roll or A4 (lib/paper-size.js, as the
 * receipt page does), and how the check works.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, t } from '../../../lib/i18n.js';
import { ApiError } from '../../../lib/api.js';
import { announce } from '../../../lib/form-errors.js';
import { choosePaper, fitRollToReceipt } from '../../../lib/paper-size.js';
import { KEYS_ADDRESS, checkedTime, problemTemplate as sharedProblem, technicalTemplate, verdictTemplate as sharedVerdict }
  from '../../../lib/signed-check.js';
import { codeFromAddress, fetchReport, reportPage } from '../../../lib/shift-reports.js';
import { define } from '../../../lib/define.js';
import { paperTemplate, reportTitle } from './paper.js';

/** Answers that mean there is no such report (a malformed code too), as opposed to "could not ask". */
const NO_SUCH_REPORT = new Set([400, 404, 410]);

const VERDICTS = { GENUINE: 'report.verdict.GENUINE', NOT_GENUINE: 'report.verdict.NOT_GENUINE' };
const REASONS = { notFound: 'report.why.notFound', signature: 'report.why.signature' };
const PROBLEMS = {
  error: { heading: 'report.error.heading', text: 'report.error.text' },
  missing: { heading: 'report.missing.heading', text: 'report.missing.text' },
};

function verdictTemplate({ verdict, reason, checkedAt }) {
  return sharedVerdict({
    id: 'report',
    verdict,
    reason,
    heading: t(VERDICTS[verdict]),
    text: t(reason ? REASONS[reason] : 'report.why.GENUINE'),
    when: t('report.checkedAt', { time: checkedTime(checkedAt) }),
  });
}

function toolsTemplate() {
  return html`
    <section class="check-tools" aria-labelledby="report-tools-heading">
      <h2 id="report-tools-heading">${t('report.tools.heading')}</h2>
      <p class="button-row">
        <button type="button" id="report-print-roll" class="button button--primary" data-paper="roll">${t('receipt.print.roll')}</button>
        <button type="button" id="report-print-a4" class="button button--secondary" data-paper="a4">${t('receipt.print.a4')}</button>
      </p>
    </section>`;
}

function howTemplate(signed) {
  return html`
    <section class="check-how" aria-labelledby="report-how-heading">
      <h2 id="report-how-heading">${t('report.how.heading')}</h2>
      <p>${t('report.how.signature')}</p>
      <p><a id="report-keys" href="${KEYS_ADDRESS}">${t('receipt.how.experts')}</a></p>
      ${signed && technicalTemplate('report', t('receipt.how.technical'), [
        [t('receipt.tech.keyId'), signed.keyId],
        [t('receipt.tech.algorithm'), signed.algorithm],
        [t('report.tech.hash'), signed.hash],
        [t('receipt.tech.signature'), signed.signature],
      ])}
    </section>`;
}

class ShiftReportCheck extends HTMLElement {
  connectedCallback() {
    this.code = codeFromAddress();
    this.live = document.getElementById('report-live');
    this.addEventListener('click', (event) => this.click(event));
    this.onLangChange = () => this.draw();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.beforePrint = () => fitRollToReceipt(this.querySelector('.report-sheet'));
    window.addEventListener('beforeprint', this.beforePrint);
    choosePaper(new URLSearchParams(window.location.search).get('paper') === '80mm' ? 'roll' : 'a4');
    this.check();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
    window.removeEventListener('beforeprint', this.beforePrint);
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
      const checked = await fetchReport(this.code);
      return checked.valid === true ? { verdict: 'GENUINE', reason: null, checked, checkedAt }
        : { verdict: 'NOT_GENUINE', reason: 'signature', checked, checkedAt };
    } catch (error) {
      if (error instanceof ApiError && NO_SUCH_REPORT.has(error.status)) return { verdict: 'NOT_GENUINE', reason: 'notFound', checkedAt };
      console.warn('The report could not be checked.', error);
      return { problem: 'error' };
    }
  }

  draw() {
    const { state } = this;
    if (!state) return;
    const focused = document.activeElement?.id;
    const report = state.checked?.report;
    if (report) document.title = t('report.pageTitle', { name: reportTitle(report), site: t('brand.name') });
    const address = window.location.origin + reportPage(this.code);
    render(this, html`
      <div class="report-sheet">
        ${state.problem ? sharedProblem({ id: 'report', kind: state.problem, heading: t(PROBLEMS[state.problem].heading),
          text: t(PROBLEMS[state.problem].text), retry: t('receipt.error.retry') }) : verdictTemplate(state)}
        ${report && paperTemplate(report, address)}
      </div>
      ${report && toolsTemplate()}
      ${!state.problem && howTemplate(state.checked?.signed)}`);
    if (focused) document.getElementById(focused)?.focus();
  }

  async click(event) {
    const print = event.target.closest('button[data-paper]');
    if (print) {
      choosePaper(print.dataset.paper);
      window.print();
      return;
    }
    if (event.target.closest('#report-retry')) {
      render(this, html`<p class="shop-message">${t('report.checking')}</p>`);
      await this.check();
      this.querySelector('#report-verdict-heading')?.focus();
    }
  }
}

export function register() {
  define('shift-report-check', ShiftReportCheck);
}
