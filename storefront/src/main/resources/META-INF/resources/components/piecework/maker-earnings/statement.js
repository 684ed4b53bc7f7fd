/**
 * Markup of a maker's month statement for coordinators: the signed PDF copy once the month is over, the balances
 * and totals, then every ledger line with its reason, and a "Correct" button on each line that can be reversed.
 */
import { html } from '../../../lib/html.js';
import { currentLang } from '../../../lib/i18n.js';
import { amountHtml, currentMonth, dayHtml, lineWords, monthText } from '../../../lib/piecework.js';
import { codeHtml, statementPdfUrl } from '../../../lib/staff-piecework.js';

function total(id, key, value) {
  return html`<div class="facts__row"><dt data-i18n="${key}"></dt><dd id="${id}">${value}</dd></div>`;
}

function lineRow(line) {
  const what = lineWords(line) || line.description || '';
  return html`
    <tr id="earnings-line-${line.entryId}" data-reason="${line.reason}">
      <td>${dayHtml(line.day, { year: true })}</td>
      <td>${codeHtml('reason', line.reason)}</td>
      <th scope="row">${what}${line.operation && line.description && html`<span class="data-table__sub">${line.description}</span>`}</th>
      <td class="data-table__number">${Number.isInteger(line.pieces) ? line.pieces : ''}</td>
      <td class="data-table__number">${line.rate ? amountHtml(line.rate) : ''}</td>
      <td class="data-table__number">${amountHtml(line.amount, { id: `earnings-amount-${line.entryId}` })}</td>
      <td>${line.reason !== 'REVERSAL' && html`
        <button type="button" id="earnings-correct-${line.entryId}" class="button button--secondary" data-correct="${line.entryId}">
          <span data-i18n="piecework.earnings.correct"></span><span class="visually-hidden">: ${line.day} ${what}</span></button>`}</td>
    </tr>`;
}

export function statementHtml(statement, balance) {
  const params = JSON.stringify({ maker: (currentLang() === 'en' && statement.maker.nameLatin) || statement.maker.name, month: monthText(statement.month) });
  return html`
    <section class="stack" aria-labelledby="earnings-heading">
      <h2 id="earnings-heading" tabindex="-1" data-i18n="piecework.earnings.heading" data-i18n-params="${params}"></h2>
      ${statement.month < currentMonth() && html`
        <p><a id="earnings-pdf" href="${statementPdfUrl(statement.maker.id, statement.month)}" data-i18n="piecework.earnings.pdf"></a></p>`}
      <dl class="facts facts--totals">
        ${total('earnings-opening', 'piecework.earnings.opening', amountHtml(statement.openingBalance))}
        ${total('earnings-earned', 'piecework.earnings.earned', amountHtml(statement.earned))}
        ${total('earnings-pieces', 'piecework.earnings.pieces', String(statement.pieces))}
        ${total('earnings-paid', 'piecework.earnings.paidOut', amountHtml(statement.paidOut))}
        ${total('earnings-closing', 'piecework.earnings.closing', amountHtml(statement.closingBalance))}
        ${total('earnings-balance', 'piecework.earnings.balanceNow', amountHtml(balance))}
      </dl>
      ${statement.lines.length ? html`
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="earnings-caption">
          <table id="earnings-table" class="data-table">
            <caption id="earnings-caption" data-i18n="piecework.earnings.caption" data-i18n-params="${params}"></caption>
            <thead><tr>
              <th scope="col" data-i18n="piecework.col.day"></th>
              <th scope="col" data-i18n="piecework.col.reason"></th>
              <th scope="col" data-i18n="piecework.col.what"></th>
              <th scope="col" class="data-table__number" data-i18n="piecework.col.pieces"></th>
              <th scope="col" class="data-table__number" data-i18n="piecework.col.rate"></th>
              <th scope="col" class="data-table__number" data-i18n="piecework.col.amount"></th>
              <th scope="col" data-i18n="piecework.col.action"></th>
            </tr></thead>
            <tbody>${statement.lines.map((line) => lineRow(line))}</tbody>
          </table>
        </div>` : html`<p id="earnings-empty" data-i18n="piecework.earnings.empty"></p>`}
    </section>`;
}
