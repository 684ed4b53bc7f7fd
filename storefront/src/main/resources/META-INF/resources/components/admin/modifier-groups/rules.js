/**
 * The modifier group form's checks before saving, the body it sends (PUT /api/admin/modifier-groups/{code}) and where
 * the server's field names ("minChoices", "options[1].priceDelta") show on the form. The same limits as
 * docs/api/catalog.md; the code and name checks serve the price list form too.
 */
import { parseYuanChange } from '../../../lib/money.js';

/** Codes of groups and lists: a capital letter, then capital letters, digits and _, 2 to 40 in all. */
export const CODE = /^[A-Z][A-Z0-9_]{1,39}$/;
export const NAME_MAX = 40;
const CHOICES_MAX = 20;
const OPTIONS_MAX = 30;
const CHANGE_MAX = 1_000_000;

const FIELDS = {
  code: 'modifier-group-code',
  nameZh: 'modifier-group-name-zh',
  nameEn: 'modifier-group-name-en',
  minChoices: 'modifier-group-min',
  maxChoices: 'modifier-group-max',
  options: 'modifier-group-options',
};
const OPTION_FIELDS = { nameZh: 'name-zh', nameEn: 'name-en', priceDelta: 'price', active: 'active' };

/** A code as typed, in capitals: people type "size" and mean SIZE. */
export function codeOf(text) {
  return String(text).trim().toUpperCase();
}

/** A whole number typed in digits (full-width ones too), or null. */
export function wholeNumber(text) {
  const digits = String(text).trim()
    .replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xFF10 + 0x30));
  return /^\d{1,3}$/.test(digits) ? Number(digits) : null;
}

/**
 * Problems with a code and two names, for a form whose field ids are `ids.code`, `ids.nameZh` and `ids.nameEn`.
 * A new code that is `taken` would replace what is there, so it is refused here: the list's Change button is the way.
 */
export function checkCodeAndNames(draft, ids, { creating, taken }) {
  const problems = [];
  if (creating && !CODE.test(draft.code)) problems.push({ target: ids.code, message: { key: 'counter.code.invalid' } });
  else if (creating && taken.has(draft.code)) problems.push({ target: ids.code, message: { key: 'counter.code.taken', params: { code: draft.code } } });
  for (const [field, lang] of [['nameZh', 'Zh'], ['nameEn', 'En']]) {
    const value = draft[field].trim();
    if (!value) problems.push({ target: ids[field], message: { key: `counter.name${lang}.missing` } });
    else if (value.length > NAME_MAX) problems.push({ target: ids[field], message: { key: 'counter.name.tooLong', params: { max: NAME_MAX } } });
  }
  return problems;
}

/** The element id for a server field name, or null when the form has no such field. */
export function groupField(name) {
  const option = /^options\[(\d+)\](?:\.(\w+))?/.exec(name);
  if (option) {
    const part = OPTION_FIELDS[option[2]];
    return part ? `modifier-option-${option[1]}-${part}` : `modifier-option-${option[1]}`;
  }
  return FIELDS[name.replace(/[[.].*$/, '')] ?? null;
}

function checkOptions(options, unless) {
  unless(options.length > 0, FIELDS.options, 'counter.options.missing');
  unless(options.length <= OPTIONS_MAX, FIELDS.options, 'counter.options.tooMany', { max: OPTIONS_MAX });
  options.forEach((option, i) => {
    const n = i + 1;
    for (const [field, part, lang] of [['nameZh', 'name-zh', 'Zh'], ['nameEn', 'name-en', 'En']]) {
      const value = option[field].trim();
      unless(value, `modifier-option-${i}-${part}`, `counter.option.name${lang}.missing`, { n });
      unless(value.length <= NAME_MAX, `modifier-option-${i}-${part}`, 'counter.option.name.tooLong', { n, max: NAME_MAX });
    }
    const change = parseYuanChange(option.price, CHANGE_MAX);
    unless(!change.problem, `modifier-option-${i}-price`, `counter.option.price.${change.problem}`, { n });
  });
}

/** Problems with the draft as [{ target, message: { key, params } }], in the order the fields appear. */
export function checkGroup(draft, context) {
  const problems = checkCodeAndNames(draft, FIELDS, context);
  const unless = (ok, target, key, params = {}) => {
    if (!ok) problems.push({ target, message: { key, params } });
  };
  const least = wholeNumber(draft.minChoices);
  const most = wholeNumber(draft.maxChoices);
  const active = draft.options.filter((option) => option.active).length;
  unless(least !== null && least <= CHOICES_MAX, FIELDS.minChoices, 'counter.group.min.invalid', { max: CHOICES_MAX });
  unless(most !== null && most >= 1 && most <= CHOICES_MAX, FIELDS.maxChoices, 'counter.group.max.invalid', { max: CHOICES_MAX });
  if (least !== null && most !== null && least > most) unless(false, FIELDS.minChoices, 'counter.group.min.moreThanMax');
  else if (least !== null && least > active) unless(false, FIELDS.minChoices, 'counter.group.min.moreThanActive', { min: least, count: active });
  checkOptions(draft.options, unless);
  return problems;
}

/** The JSON body for PUT; call only once checkGroup found nothing. Options left out are made inactive. */
export function groupBody(draft) {
  return {
    nameZh: draft.nameZh.trim(),
    nameEn: draft.nameEn.trim(),
    minChoices: wholeNumber(draft.minChoices),
    maxChoices: wholeNumber(draft.maxChoices),
    options: draft.options.map((option) => ({
      ...(option.id ? { id: option.id } : {}),
      nameZh: option.nameZh.trim(),
      nameEn: option.nameEn.trim(),
      priceDelta: parseYuanChange(option.price, CHANGE_MAX).fen,
      active: option.active,
    })),
  };
}
