/**
 * <maker-statement month="2026-10">: one month's statement for the signed-in maker (GET
 * /api/maker/months/{month}): what the workshop owed at the start, every line earned, every payout, and
 * what it owed at the end. Made to be printed on A4 for a benefit office; "Print" opens the print dialog,
 * and a PDF link appears only when the server offers the PDF. Emits `statement-loaded` (bubbles) with
 * { statement }.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { HOME, hasStatementPdf, lineHtml, monthStatement, nameOf, statementPdfUrl } from '../../../lib/maker.js';
import { amountHtml, isMonth, monthText, yuan } from '../../../lib/piecework.js';
import { define } from '../../../lib/define.js';

/** A payout as the maker reads it: money paid to them, a positive amount. */
function paidLine(line) {
  return { ...line, amount: yuan(Math.abs(line.amount.amount)), pieces: null, rate: null };
}

function balanceRow(id, key, money) {
  return html`<div class="facts__row"><dt data-i18n="${key}"></dt><dd>${amountHtml(money, { id })}</dd></div>`;
}

class MakerStatement extends HTMLElement {
  connectedCallback() {
    this.month = this.getAttribute('month') || '';
    this.addEventListener('click', (event) => {
      if (event.target.closest('#statement-print')) window.print();
      if (event.target.closest('#statement-retry')) this.load();
    });
    this.onLangChange = () => this.draw();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.load();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  async load() {
    this.failed = null;
    this.statement = null;
    if (!isMonth(this.month)) {
      this.failed = 'maker.statement.noMonth';
      this.draw();
      return;
    }
    this.draw();
    try {
      this.statement = await monthStatement(this.month);
    } catch (error) {
      console.warn('Could not load the statement.', error);
      this.failed = error.status === 404 ? 'maker.statement.notFound' : 'maker.statement.failed';
      this.draw();
      return;
    }
    this.draw();
    this.dispatchEvent(new CustomEvent('statement-loaded', { bubbles: true, detail: { statement: this.statement } }));
    this.pdf = await hasStatementPdf(this.month);
    if (this.pdf) this.draw();
  }

  draw() {
    render(this, this.failed ? this.failure() : this.statement ? this.sheet(this.statement)
      : html`<p role="status" data-i18n="maker.loading"></p>`);
    translate(this);
  }

  failure() {
    return html`
      <div id="statement-failed" class="notice" role="alert">
        <p data-i18n="${this.failed}"></p>
        ${this.failed === 'maker.statement.failed'
          && html`<button type="button" id="statement-retry" class="button button--primary" data-i18n="maker.retry"></button>`}
        <p><a class="maker-link" href="${HOME}" data-i18n="maker.statement.back"></a></p>
      </div>`;
  }

  sheet(statement) {
    const earned = statement.lines.filter((line) => line.reason !== 'PAYOUT');
    const paid = statement.lines.filter((line) => line.reason === 'PAYOUT').map(paidLine);
    return html`
      <p class="button-row statement__tools">
        <button type="button" id="statement-print" class="button button--primary maker-button" data-i18n="maker.statement.print"></button>
        ${this.pdf && html`<a id="statement-pdf" class="button button--secondary maker-button" href="${statementPdfUrl(this.month)}"
                               data-i18n="maker.statement.pdf"></a>`}
        <a id="statement-back" class="button button--secondary maker-button" href="${HOME}" data-i18n="maker.statement.back"></a>
      </p>
      <dl class="facts statement__facts">
        <div class="facts__row"><dt data-i18n="maker.statement.maker"></dt><dd id="statement-maker">${nameOf(statement.maker)}</dd></div>
        <div class="facts__row"><dt data-i18n="maker.statement.month"></dt><dd>${monthText(statement.month)}</dd></div>
        ${balanceRow('statement-opening', 'maker.statement.opening', statement.openingBalance)}
      </dl>
      <section class="statement__part" aria-labelledby="statement-earned-heading">
        <h2 id="statement-earned-heading" data-i18n="maker.statement.earnedHeading"></h2>
        ${earned.length ? html`<ol id="statement-earned-lines" class="maker-lines">
            ${earned.map((line, i) => lineHtml(line, `statement-line-${i + 1}`))}</ol>`
          : html`<p data-i18n="maker.statement.noEarnings"></p>`}
        <p class="maker-total"><span data-i18n="maker.statement.earnedTotal"
           data-i18n-params="${JSON.stringify({ count: statement.pieces })}"></span>
          ${amountHtml(statement.earned, { id: 'statement-earned' })}</p>
      </section>
      <section class="statement__part" aria-labelledby="statement-paid-heading">
        <h2 id="statement-paid-heading" data-i18n="maker.statement.paidHeading"></h2>
        ${paid.length ? html`<ol id="statement-paid-lines" class="maker-lines">
            ${paid.map((line, i) => lineHtml(line, `statement-payout-${i + 1}`))}</ol>`
          : html`<p data-i18n="maker.statement.noPayouts"></p>`}
        <p class="maker-total"><span data-i18n="maker.statement.paidTotal"></span>
          ${amountHtml(yuan(Math.abs(statement.paidOut.amount)), { id: 'statement-paid' })}</p>
      </section>
      <dl class="facts statement__facts statement__closing">
        ${balanceRow('statement-closing', 'maker.statement.closing', statement.closingBalance)}
      </dl>
      <p class="maker-hint" data-i18n="maker.statement.explain"></p>`;
  }
}

export function register() {
  define('maker-statement', MakerStatement);
}
