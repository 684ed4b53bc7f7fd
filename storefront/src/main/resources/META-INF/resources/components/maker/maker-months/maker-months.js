/**
 * <maker-months>: the months before this one (GET /api/maker/months), newest first, each a link to its
 * statement, with what was earned and how many pieces.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { months, statementUrl } from '../../../lib/maker.js';
import { amountHtml, currentMonth, monthText } from '../../../lib/piecework.js';
import { ListLoad, emptyHtml, failedHtml } from '../../../lib/paged-list.js';
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
    const load = new ListLoad(this, {
      what: 'earlier months',
      retryId: 'maker-months-retry',
      loading: () => this.show({ list: null, failed: false }),
      fetch: months,
      failed: () => this.show({ failed: true }),
      loaded: (all) => {
        const now = currentMonth();
        this.show({ list: all.filter((entry) => entry.month !== now) });
      },
    });
    this.onLangChange = () => this.draw();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    load.run();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  show(state) {
    Object.assign(this, state);
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
      return failedHtml('maker.months.failed', { retryId: 'maker-months-retry', retryKey: 'maker.retry', primary: true });
    }
    if (!this.list) return html`<p role="status" data-i18n="maker.loading"></p>`;
    if (!this.list.length) return emptyHtml('maker-months-empty', 'maker.months.empty');
    return html`<ul id="maker-months-list" class="maker-months plain-list">${this.list.map(monthItem)}</ul>`;
  }
}

export function register() {
  define('maker-months', MakerMonths);
}
