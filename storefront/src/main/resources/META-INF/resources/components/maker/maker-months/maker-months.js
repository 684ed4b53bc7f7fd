/**
 * <maker-months>: the months before this one (GET /api/maker/months), newest first, each a link to its
 * statement, with what was earned and how many pieces.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { months, statementUrl } from '../../../lib/maker.js';
import { amountHtml, currentMonth, monthText } from '../../../lib/piecework.js';
import { define } from '../../../lib/define.js';

function monthItem(entry) {
  return html`
    <li class="maker-months__item" id="maker-months-${entry.month}">
      <a class="maker-link" href="${statementUrl(entry.month)}" data-i18n="maker.months.link"
         data-i18n-params="${JSON.stringify({ month: monthText(entry.month) })}"></a>
      <span class="maker-months__facts">
        <span data-i18n="maker.months.earned"></span> ${amountHtml(entry.earned)}
        <span class="maker-months__sep" aria-hidden="true">·</span>
        <span data-i18n="maker.line.pieces" data-i18n-params="${JSON.stringify({ count: entry.pieces })}"></span>
      </span>
    </li>`;
}

class MakerMonths extends HTMLElement {
  connectedCallback() {
    this.addEventListener('click', (event) => {
      if (event.target.closest('#maker-months-retry')) this.load();
    });
    this.onLangChange = () => this.draw();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.load();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  async load() {
    this.list = null;
    this.failed = false;
    this.draw();
    try {
      const now = currentMonth();
      this.list = (await months()).filter((entry) => entry.month !== now);
    } catch (error) {
      console.warn('Could not load earlier months.', error);
      this.failed = true;
    }
    this.draw();
  }

  draw() {
    render(this, html`
      <section id="maker-months" class="maker-panel" aria-labelledby="maker-months-heading">
        <h2 id="maker-months-heading" data-i18n="maker.months.heading"></h2>
        ${this.body()}
      </section>`);
    translate(this);
  }

  body() {
    if (this.failed) {
      return html`<div class="notice" role="alert"><p data-i18n="maker.months.failed"></p>
        <button type="button" id="maker-months-retry" class="button button--primary" data-i18n="maker.retry"></button></div>`;
    }
    if (!this.list) return html`<p role="status" data-i18n="maker.loading"></p>`;
    if (!this.list.length) return html`<p id="maker-months-empty" data-i18n="maker.months.empty"></p>`;
    return html`<ul id="maker-months-list" class="maker-months plain-list">${this.list.map(monthItem)}</ul>`;
  }
}

export function register() {
  define('maker-months', MakerMonths);
}
