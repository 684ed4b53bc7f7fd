/**
 * The check of one work record, apart from the page: its markup and its rules. Every piece is accepted or
 * rejected, rejected pieces need a reason, and accepted ones may be received into stock at once.
 */
import { html } from '../../../lib/html.js';
import { REASON_MAX, checker, field, numberInput } from '../../../lib/staff-piecework.js';

/** The check's fields, ids starting with `prefix`; `pieces` fills in "all accepted". */
export function checkFieldsHtml(prefix, places, pieces = '') {
  return html`
    ${field(`${prefix}-accepted`, 'piecework.check.accepted', numberInput(`${prefix}-accepted`, { value: pieces }))}
    ${field(`${prefix}-rejected`, 'piecework.check.rejected', numberInput(`${prefix}-rejected`, { value: '0' }))}
    ${field(`${prefix}-reason`, 'piecework.check.reason',
      html`<textarea id="${prefix}-reason" rows="3" maxlength="${REASON_MAX}" aria-describedby="${prefix}-reason-hint"></textarea>`,
      { hint: 'piecework.check.reasonHint' })}
    ${field(`${prefix}-receive`, 'piecework.check.receive', html`
      <select id="${prefix}-receive" aria-describedby="${prefix}-receive-hint">
        <option value="" data-i18n="piecework.check.receiveNone"></option>
        ${places.map((place) => html`<option value="${place.code}">${place.name}</option>`)}
      </select>`, { hint: 'piecework.check.receiveHint' })}`;
}

/** The check as the API takes it, from the fields under `root`; problems go into `problems`. */
export function readCheck(root, prefix, pieces, problems) {
  const check = checker(problems);
  const value = (name) => root.querySelector(`#${prefix}-${name}`).value;
  const accepted = check.count(`${prefix}-accepted`, value('accepted'));
  const rejected = check.count(`${prefix}-rejected`, value('rejected'));
  if (Number.isInteger(accepted) && Number.isInteger(rejected) && Number.isInteger(pieces) && accepted + rejected !== pieces) {
    check.wrong(`${prefix}-accepted`, 'piecework.check.sum', { count: pieces });
  }
  const reason = value('reason').trim();
  if (rejected > 0 && !reason) check.wrong(`${prefix}-reason`, 'piecework.check.reasonMissing');
  const body = { accepted, rejected };
  if (reason) body.reason = reason;
  if (value('receive')) body.receiveTo = value('receive');
  return body;
}

/** Server field names ("accepted", "check.reason") to the ids of the fields under `prefix`. */
export function checkFieldFor(prefix, name) {
  const last = name.split('.').pop();
  return { accepted: `${prefix}-accepted`, rejected: `${prefix}-rejected`, reason: `${prefix}-reason`, receiveTo: `${prefix}-receive` }[last] ?? null;
}
