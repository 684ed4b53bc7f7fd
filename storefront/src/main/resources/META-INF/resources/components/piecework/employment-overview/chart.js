/**
 * The distribution of a month's earnings as a bar chart: one bar per band of earnings, its length the number
 * of makers in the band, with band and count written beside it so nothing rests on the bar's length or
 * colour alone. The chart is one image to assistive technology, named by a summary in words; the same
 * numbers follow in a real table. Bar lengths are set through the CSSOM (the CSP allows no style attributes).
 */
import { html } from '../../../lib/html.js';
import { t } from '../../../lib/i18n.js';
import { formatMoney } from '../../../lib/money.js';
import { amountHtml, spokenMoney } from '../../../lib/piecework.js';

/** "¥0.00 – ¥499.99" or "¥2,000.00 and more", for eyes; `spoken` gives the words for ears. */
export function bandText(band, spoken = false) {
  const money = spoken ? spokenMoney : formatMoney;
  return band.to
    ? t('piecework.overview.band', { from: money(band.from), to: money(band.to) })
    : t('piecework.overview.bandOpen', { from: money(band.from) });
}

function bandHtml(band) {
  return band.to
    ? html`${amountHtml(band.from)} – ${amountHtml(band.to)}`
    : html`<span data-i18n="piecework.overview.bandOpenShort"></span> ${amountHtml(band.from)}`;
}

export function chartSummary(distribution) {
  const parts = distribution.map((band) => t('piecework.overview.chartPart', { band: bandText(band, true), count: band.makers }));
  return t('piecework.overview.chartSummary', { parts: parts.join('; ') });
}

export function chartHtml(distribution) {
  return html`
    <figure class="bar-chart" aria-labelledby="employment-chart-caption">
      <figcaption id="employment-chart-caption" data-i18n="piecework.overview.chartCaption"></figcaption>
      <div id="employment-chart" class="bar-chart__bars" role="img" aria-label="${chartSummary(distribution)}">
        ${distribution.map((band, i) => html`
          <div class="bar-chart__row">
            <span class="bar-chart__label">${band.to ? `${formatMoney(band.from)} – ${formatMoney(band.to)}` : bandText(band)}</span>
            <span class="bar-chart__track"><span class="bar-chart__bar" data-bar="${i}" data-makers="${band.makers}"></span></span>
            <span class="bar-chart__count">${band.makers}</span>
          </div>`)}
      </div>
    </figure>`;
}

/** Sets each bar's length in proportion to the largest band. */
export function sizeBars(root) {
  const bars = [...root.querySelectorAll('.bar-chart__bar')];
  const most = Math.max(1, ...bars.map((bar) => Number(bar.dataset.makers)));
  for (const bar of bars) bar.style.inlineSize = `${(Number(bar.dataset.makers) / most) * 100}%`;
}

export function tableHtml(distribution) {
  return html`
    <div class="table-scroll" role="region" tabindex="0" aria-labelledby="employment-table-caption">
      <table id="employment-table" class="data-table">
        <caption id="employment-table-caption" data-i18n="piecework.overview.tableCaption"></caption>
        <thead><tr>
          <th scope="col" data-i18n="piecework.overview.col.band"></th>
          <th scope="col" class="data-table__number" data-i18n="piecework.overview.col.makers"></th>
        </tr></thead>
        <tbody>${distribution.map((band, i) => html`
          <tr id="employment-band-${i}"><th scope="row">${bandHtml(band)}</th>
            <td class="data-table__number">${band.makers}</td></tr>`)}</tbody>
      </table>
    </div>`;
}
