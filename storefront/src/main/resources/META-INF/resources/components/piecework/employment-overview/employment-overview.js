/**
 * <employment-overview>: employment in one month (?month=, GET /api/admin/piecework/overview): how many makers
 * earned, how much was earned and paid out, the median, how earnings were spread (a bar chart and the same
 * numbers as a table) and the makers in stable work, who earned in each of the last three months.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { amountHtml, currentMonth, isMonth, monthText } from '../../../lib/piecework.js';
import { earningsHref, monthOptions, overview } from '../../../lib/staff-piecework.js';
import { define } from '../../../lib/define.js';
import { chartHtml, sizeBars, tableHtml } from './chart.js';

function fact(id, key, value) {
  return html`<div class="facts__row"><dt data-i18n="${key}"></dt><dd id="${id}">${value}</dd></div>`;
}

class EmploymentOverview extends HTMLElement {
  connectedCallback() {
    const month = new URLSearchParams(window.location.search).get('month');
    this.month = isMonth(month) ? month : currentMonth();
    this.addEventListener('click', (event) => {
      if (event.target.closest('#employment-retry')) this.load();
    });
    this.onLangChange = () => this.draw();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.load();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  async load() {
    this.failed = false;
    this.data = null;
    this.draw();
    try {
      this.data = await overview(this.month);
    } catch (error) {
      console.warn('Could not load the overview.', error);
      this.failed = true;
    }
    this.draw();
  }

  draw() {
    render(this, html`
      <form id="employment-pick" class="filters" method="get" action="/admin/employment.html" aria-labelledby="employment-pick-heading">
        <h2 id="employment-pick-heading" class="filters__heading" data-i18n="piecework.overview.pickHeading"></h2>
        <div class="field">
          <label for="employment-month" data-i18n="piecework.earnings.month"></label>
          <select id="employment-month" name="month">${monthOptions(this.month)}</select>
        </div>
        <button type="submit" id="employment-show" class="button button--primary" data-i18n="piecework.earnings.show"></button>
      </form>
      ${this.body()}`);
    translate(this);
    sizeBars(this);
  }

  body() {
    if (this.failed) {
      return html`<div class="notice" role="alert"><p data-i18n="piecework.overview.loadFailed"></p>
        <button type="button" id="employment-retry" class="button button--secondary" data-i18n="admin.retry"></button></div>`;
    }
    if (!this.data) return html`<p role="status" data-i18n="piecework.loading"></p>`;
    const d = this.data;
    const params = JSON.stringify({ month: monthText(d.month) });
    return html`
      <section class="stack" aria-labelledby="employment-heading">
        <h2 id="employment-heading" data-i18n="piecework.overview.heading" data-i18n-params="${params}"></h2>
        <dl class="facts facts--totals">
          ${fact('employment-makers', 'piecework.overview.makersWhoEarned', String(d.makersWhoEarned))}
          ${fact('employment-earned', 'piecework.overview.totalEarned', amountHtml(d.totalEarned))}
          ${fact('employment-paid', 'piecework.overview.totalPaidOut', amountHtml(d.totalPaidOut))}
          ${fact('employment-median', 'piecework.overview.median', d.median ? amountHtml(d.median) : '—')}
        </dl>
      </section>
      <section class="stack" aria-labelledby="employment-spread-heading">
        <h2 id="employment-spread-heading" data-i18n="piecework.overview.spreadHeading"></h2>
        ${d.distribution.length ? html`${chartHtml(d.distribution)}${tableHtml(d.distribution)}`
          : html`<p id="employment-spread-empty" data-i18n="piecework.overview.nobody"></p>`}
      </section>
      <section class="stack" aria-labelledby="employment-stable-heading">
        <h2 id="employment-stable-heading" data-i18n="piecework.overview.stableHeading"></h2>
        <p class="field__hint" data-i18n="piecework.overview.stableIntro"></p>
        ${d.stable.length ? html`
          <p id="employment-stable-count" data-i18n="piecework.overview.stableCount"
             data-i18n-params="${JSON.stringify({ count: d.stable.length })}"></p>
          <ul id="employment-stable" class="stable-list">${d.stable.map((m) => html`
            <li><a id="employment-stable-${m.makerId}" href="${earningsHref(m.makerId, d.month)}">${m.name}</a></li>`)}</ul>`
          : html`<p id="employment-stable-empty" data-i18n="piecework.overview.stableNone"></p>`}
      </section>`;
  }
}

export function register() {
  define('employment-overview', EmploymentOverview);
}
