/**
 * The refund form's rules, apart from the page: what was typed (a draft) becomes the request
 * body and the amount it gives back, in fen, or the problems that stop it. Amounts are worked
 * out in whole fen only: typed yuan are read as digits (lib/money.js), line amounts are unit
 * price times a whole number of units.
 */
import { displayYuan, parseYuan } from '../../../lib/money.js';
import { refundableMinor, unitsLeft } from '../../../lib/staff-orders.js';

export const SCOPES = ['whole', 'lines', 'amount'];
export const METHODS = ['ORIGINAL', 'CASH', 'BANK_TRANSFER'];
export const REASON_MAX = 500;

/** Lines that still have units to give back. */
export function refundableLines(order) {
  return order.lines.filter((line) => unitsLeft(line) > 0);
}

/** How a line is called in messages: its name, and its variant when it has one. */
export function lineLabel(line) {
  return line.variantName ? `${line.name} (${line.variantName})` : line.name;
}

/** A count typed into a line's box: '' is none; full-width digits count as plain ones. */
function parseCount(text) {
  const value = String(text).replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xFF10 + 0x30)).trim();
  if (value === '') return 0;
  return /^\d+$/.test(value) ? Number(value) : Number.NaN;
}

function checkLines(order, draft, wrong) {
  const chosen = [];
  let amount = 0;
  for (const line of refundableLines(order)) {
    const count = parseCount(draft.lines[line.lineId] ?? '');
    const left = unitsLeft(line);
    if (!Number.isInteger(count) || count > left) {
      wrong(`refund-line-${line.lineId}`, 'adminOrders.refund.lineRange', { name: lineLabel(line), max: left });
    } else if (count > 0) {
      chosen.push({ lineId: line.lineId, quantity: count });
      amount += line.unitPrice.amount * count;
    }
  }
  if (!chosen.length) wrong('refund-lines', 'adminOrders.refund.linesMissing');
  return { chosen, amount };
}

/**
 * Checks `draft` ({ scope, lines: { lineId: text }, amount: text, restock, method, reason })
 * against `order`. Returns { problems, body, amount } with `amount` the fen to give back.
 */
export function checkRefund(order, draft) {
  const problems = [];
  const wrong = (target, key, params = {}) => problems.push({ target, message: { key, params } });
  const left = refundableMinor(order);
  const { currency } = order.total;
  const body = { restock: draft.scope !== 'amount' && Boolean(draft.restock), method: draft.method };
  let amount = left;
  if (draft.scope === 'lines') {
    const lines = checkLines(order, draft, wrong);
    body.lines = lines.chosen;
    amount = lines.amount;
    if (!problems.length && amount > left) wrong('refund-lines', 'adminOrders.refund.tooLargeLines', { left: displayYuan(left) });
  } else if (draft.scope === 'amount') {
    const typed = parseYuan(draft.amount);
    if (typed.problem) wrong('refund-amount', `adminOrders.refund.amountProblem.${typed.problem}`);
    else if (typed.fen > left) wrong('refund-amount', 'adminOrders.refund.tooLarge', { left: displayYuan(left) });
    amount = typed.fen ?? 0;
    body.amount = { amount, currency };
  }
  if (!METHODS.includes(draft.method)) wrong('refund-method', 'adminOrders.refund.methodMissing');
  const reason = String(draft.reason || '').trim();
  if (!reason) wrong('refund-reason', 'adminOrders.refund.reasonMissing');
  body.reason = reason;
  return { problems, body, amount };
}
