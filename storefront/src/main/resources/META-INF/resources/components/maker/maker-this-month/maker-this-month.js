/**
 * <maker-this-month>: this month's work and earnings (GET /api/maker/months/{this month}): how many pieces,
 * every line (day, what, pieces × rate = amount) as a plain list, and the total, then a link to the month's
 * whole statement. Money paid out is not earnings and stays on the statement.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { lineHtml, monthStatement, statementUrl } from '../../../lib/maker.js';
import { amountHtml, currentMonth, monthText } from '../../../lib/piecework.js';
import { define } from '../../../lib/define.js';

class MakerThisMonth extends HTMLElement {
  connectedCallback() {
    this.month = currentMonth();
    this.addEventListener('click', (event) => {
      if (event.target.closest('#maker-month-retry')) this.load();
    });
    this.onLangChange = () => this.draw();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.load();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  async load() {
    this.statement = null;
    this.failed = false;
    this.draw();
    try {
      this.statement = await monthStatement(this.month);
    } catch (error) {
      console.warn('Could not load this month.', error);
      this.failed = true;
    }
    this.draw();
  }

  draw() {
    render(this, html`
      <section id="maker-this-month" class="maker-panel" aria-labelledby="maker-month-heading">
        <h2 id="maker-month-heading" data-i18n="maker.thisMonth.heading"
            data-i18n-params="${JSON.stringify({ month: monthText(this.month) })}"></h2>
        ${this.body()}
      </section>`);
    translate(this);
  }

  body() {
    if (this.failed) {
      return html`<div class="notice" role="alert"><p data-i18n="maker.thisMonth.failed"></p>
        <button type="button" id="maker-month-retry" class="button button--primary" data-i18n="maker.retry"></button></div>`;
    }
    if (!this.statement) return html`<p role="status" data-i18n="maker.loading"></p>`;
    const { pieces, earned, lines } = this.statement;
    const earnings = lines.filter((line) => line.reason !== 'PAYOUT');
    if (!earnings.length) {
      return html`<p id="maker-month-empty" data-i18n="maker.thisMonth.empty"></p>`;
    }
    return html`
      <p class="maker-big"><span id="maker-month-pieces" data-i18n="maker.thisMonth.pieces"
         data-i18n-params="${JSON.stringify({ count: pieces })}"></span></p>
      <h3 id="maker-month-lines-heading" data-i18n="maker.thisMonth.linesHeading"></h3>
      <ol id="maker-month-lines" class="maker-lines" aria-labelledby="maker-month-lines-heading">
        ${earnings.map((line, i) => lineHtml(line, `maker-month-line-${i + 1}`))}
      </ol>
      <p class="maker-total">
        <span data-i18n="maker.thisMonth.total"></span>
        ${amountHtml(earned, { id: 'maker-month-earned', className: 'maker-big__amount' })}
      </p>
      <p><a id="maker-month-statement" class="maker-link" href="${statementUrl(this.month)}"
            data-i18n="maker.thisMonth.statement"></a></p>`;
  }
}

export function register() {
  define('maker-this-month', MakerThisMonth);
}
