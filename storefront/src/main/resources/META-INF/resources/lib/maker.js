/**
 * The makers' portal: start-up behind <maker-guard>, the maker's own API (docs/api/piecework.md, "Makers'
 * own" and "Statements"), which only ever shows the signed-in maker, and one statement line as the portal
 * writes it: day, what, pieces × rate = amount.
 */
import { html } from './html.js';
import { currentLang } from './i18n.js';
import { api, ensureCsrfToken } from './api.js';
import { start } from './app.js';
import { amountHtml, dayHtml, lineWords, operationWithProduct } from './piecework.js';
import { register as registerGuard } from '../components/maker/maker-guard/maker-guard.js';

export const HOME = '/maker/';

let me = null;

/** The signed-in maker: { makerId, name, balance }; asked once per page. Rejects with ApiError. */
export function makerMe() {
  if (me === null) {
    me = api.get('/api/maker/me').catch((error) => {
      me = null;
      throw error;
    });
  }
  return me;
}

/** Shared shell, then the guard, and only then the page's own elements, which may use the maker's API. */
export async function startMaker(...pageRegisters) {
  await start(registerGuard);
  const allowed = await document.querySelector('maker-guard').allowed;
  for (const register of pageRegisters) register();
  return allowed;
}

export function monthStatement(month) {
  return api.get(`/api/maker/months/${encodeURIComponent(month)}`);
}

/** [{ month, earned, paidOut, pieces, closingBalance }], newest first. */
export function months() {
  return api.get('/api/maker/months');
}

let operationList = null;

export function operations() {
  if (operationList === null) {
    operationList = api.get('/api/maker/operations').catch((error) => {
      operationList = null;
      throw error;
    });
  }
  return operationList;
}

export async function reportWork(body) {
  await ensureCsrfToken();
  return api.post('/api/maker/work', body);
}

export function statementUrl(month) {
  return `/maker/month.html?month=${encodeURIComponent(month)}`;
}

/** The statement's PDF, in the page's language. */
export function statementPdfUrl(month) {
  return `/api/maker/months/${encodeURIComponent(month)}/statement.pdf?lang=${encodeURIComponent(currentLang())}`;
}

/** A maker's name in the page's script: { name, nameLatin } as /api/maker/me and statements give it. */
export function nameOf(maker) {
  return (currentLang() === 'en' && maker.nameLatin) || maker.name;
}

/** True when the server offers the month's statement as PDF (a HEAD request succeeds). */
export async function hasStatementPdf(month) {
  try {
    const response = await fetch(statementPdfUrl(month), { method: 'HEAD', credentials: 'same-origin' });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * A statement line's "what" in plain words in the page's language (whatZh / whatEn: the work with its product, how a
 * payout was paid); for lines without them, the reason in words.
 */
function whatHtml(line) {
  const what = lineWords(line);
  return what ? html`<span class="maker-line__what">${what}</span>`
    : html`<span class="maker-line__what" data-i18n="maker.reason.${line.reason}">${line.reason}</span>`;
}

/** "12 件 × ¥1.50 = ¥18.00", with the signs said in words. */
function sumHtml(line) {
  const pieces = Number.isInteger(line.pieces) && line.rate;
  return html`<span class="maker-line__sum">${pieces && html`<span data-i18n="maker.line.pieces"
      data-i18n-params="${JSON.stringify({ count: line.pieces })}"></span>
    <span aria-hidden="true">×</span><span class="visually-hidden" data-i18n="maker.line.times"></span>
    ${amountHtml(line.rate)}
    <span aria-hidden="true">=</span><span class="visually-hidden" data-i18n="maker.line.makes"></span>
    `}${amountHtml(line.amount, { className: 'maker-line__amount' })}</span>`;
}

/** One line of a month, as a list item; `id` names it for tests and links. */
export function lineHtml(line, id) {
  return html`
    <li class="maker-line" id="${id}" data-reason="${line.reason}">
      <span class="maker-line__day">${dayHtml(line.day)}</span>
      ${whatHtml(line)}
      ${sumHtml(line)}
    </li>`;
}

/** The name of the operation a maker may report work for. */
export function operationLabel(operation) {
  return operationWithProduct(operation);
}
