/**
 * The earnings statement as it was signed, laid out like its PDF: the maker and the month, the opening balance,
 * every entry of the month (day, kind in words, what it was for, pieces × rate, amount), what was earned and
 * paid out, and the closing balance. Statements signed with plain words in both languages (whatZh / whatEn) and the
 * maker's Latin-script name are read in the page's language; older ones keep what they hold in Chinese (the maker's
 * name, operations, memos), marked as Chinese for screen readers.
 */
import { html } from '../../../lib/html.js';
import { currentLang, t } from '../../../lib/i18n.js';
import { formatMoney } from '../../../lib/money.js';
import { dayName, monthName } from '../../../lib/statements.js';

/** Why money moved, as the ledger names it, in words. */
const REASONS = {
  WORK: 'statement.reason.WORK',
  SALE_SHARE: 'statement.reason.SALE_SHARE',
  REFUND_SHARE: 'statement.reason.REFUND_SHARE',
  PAYOUT: 'statement.reason.PAYOUT',
  ADJUSTMENT: 'statement.reason.ADJUSTMENT',
  TOP_UP: 'statement.reason.TOP_UP',
  REVERSAL: 'statement.reason.REVERSAL',
};

/** "Earnings statement, October 2026": the page's title and the statement's heading. */
export function statementTitle(statement) {
  return t('statement.name', { month: monthName(statement.month) });
}

function fact(key, value, id, lang) {
  return html`<div class="paper__fact"><dt>${t(key)}</dt><dd id="${id}" ${lang && html`lang="${lang}"`}>${value}</dd></div>`;
}

/** The line's plain words in the page's language, or (signed before those existed) its Chinese operation or memo. */
function whatOf(line) {
  const words = currentLang() === 'en' ? line.whatEn : line.whatZh;
  return words ? { text: words, lang: currentLang() } : { text: line.operation || line.description, lang: 'zh-CN' };
}

function lineTemplate(line) {
  const what = whatOf(line);
  const each = line.pieces != null && line.rate;
  return html`
    <li class="paper__line">
      <span class="paper__what">
        <span class="paper__name"><time datetime="${line.day}">${dayName(line.day)}</time>
          · ${t(REASONS[line.reason] || 'statement.reasonUnknown')}</span>
        ${what.text && html`<span class="paper__sub" lang="${what.lang}">${what.text}</span>`}
        ${each && html`<span class="paper__sub">${t('statement.lines.each', { count: line.pieces, rate: formatMoney(line.rate) })}</span>`}
      </span>
      <span class="paper__amount">${formatMoney(line.amount)}</span>
    </li>`;
}

function linesTemplate(lines) {
  return lines.length === 0
    ? html`<p id="statement-lines">${t('statement.lines.none')}</p>`
    : html`<ul id="statement-lines" class="paper__lines">${lines.map(lineTemplate)}</ul>`;
}

/** The statement; `url` is its check address, as printed under the QR code. */
export function paperTemplate(statement, url) {
  const maker = statement.maker || {};
  return html`
    <article id="statement-paper" class="paper" aria-labelledby="statement-paper-heading">
      <header class="paper__head">
        <h2 id="statement-paper-heading" class="paper__title">${statementTitle(statement)}</h2>
        <p class="paper__name">${t('brand.name')}</p>
      </header>
      <dl class="paper__facts">
        ${currentLang() === 'en' && maker.nameLatin ? fact('statement.fact.maker', maker.nameLatin, 'statement-maker', 'en')
          : fact('statement.fact.maker', maker.name, 'statement-maker', 'zh-CN')}
        ${fact('statement.fact.month', html`<time datetime="${statement.month}">${monthName(statement.month)}</time>`, 'statement-month')}
        ${fact('statement.fact.pieces', statement.pieces ?? 0, 'statement-pieces')}
      </dl>
      <dl class="paper__facts">
        ${fact('statement.opening', formatMoney(statement.openingBalance), 'statement-opening')}
      </dl>
      <section class="paper__part" aria-labelledby="statement-lines-heading">
        <h3 id="statement-lines-heading">${t('statement.lines.heading')}</h3>
        ${linesTemplate(statement.lines || [])}
      </section>
      <dl class="paper__facts">
        ${fact('statement.earned', formatMoney(statement.earned), 'statement-earned')}
        ${fact('statement.paidOut', formatMoney(statement.paidOut), 'statement-paid-out')}
      </dl>
      <p class="paper__row paper__total">
        <span>${t('statement.closing')}</span>
        <span id="statement-closing" class="paper__amount">${formatMoney(statement.closingBalance)}</span>
      </p>
      ${url && html`<footer class="paper__foot"><p class="paper__sub paper__url">${t('statement.url', { url })}</p></footer>`}
    </article>`;
}
