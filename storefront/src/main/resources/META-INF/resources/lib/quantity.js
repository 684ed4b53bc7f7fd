/**
 * Whole numbers as people type them: full-width digits and the several minus signs a
 * Chinese keyboard or a word processor produces count as their plain forms.
 */
const LIMIT = 100000;

function plain(text) {
  return String(text)
    .replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xFF10 + 0x30))
    .replace(/[\u2212\uFF0D\uFE63\u2012\u2013]/g, '-')
    .replace(/\uFF0B/g, '+')
    .replace(/\s+/g, '');
}

/** A count of 1..100000: { value } or { problem: 'missing' | 'format' | 'range' }. */
export function parseQuantity(text) {
  return parseCount(text, 1);
}

/** A count of `min`..`max` (pieces accepted may be 0): { value } or { problem: 'missing' | 'format' | 'range' }. */
export function parseCount(text, min = 0, max = LIMIT) {
  const value = plain(text);
  if (value === '') return { problem: 'missing' };
  if (!/^\+?\d+$/.test(value)) return { problem: 'format' };
  const n = Number(value);
  return n >= min && n <= max ? { value: n } : { problem: 'range' };
}

/** A change of -100000..100000 other than 0: { value } or { problem: 'missing' | 'format' | 'zero' | 'range' }. */
export function parseDelta(text) {
  const value = plain(text);
  if (value === '') return { problem: 'missing' };
  if (!/^[-+]?\d+$/.test(value)) return { problem: 'format' };
  const n = Number(value);
  if (n === 0) return { problem: 'zero' };
  return Math.abs(n) <= LIMIT ? { value: n } : { problem: 'range' };
}
