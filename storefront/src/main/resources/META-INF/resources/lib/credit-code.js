/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015), checked on the page as the server checks it
 * (backend corporate/CreditCode.java): 18 characters of the digits and the capitals without I, O, S, V and Z; the 3rd to
 * 8th (the administrative division) digits; the 18th the check character of the first 17, weighted 3^i mod 31. A
 * mistyped or swapped character is caught before the form is sent; the server stays the judge.
 */

export const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export const LENGTH = 18;

/**
 * The code as typed, made plain: spaces (a Chinese input method's too) dropped, full-width letters and digits made
 * half-width, capitals. Lower case and spaces are forgiven, as the server forgives them.
 */
export function normalise(typed) {
  return String(typed ?? '')
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xFEE0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

/** The check character that completes 17 characters of the alphabet. */
export function checkCharacter(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
  const check = 31 - (sum % 31);
  return ALPHABET.charAt(check === 31 ? 0 : check);
}

/**
 * What is wrong with a code (already {@link normalise}d), or null when it is a valid one:
 * - 'length': not 18 characters;
 * - 'character': a character outside the alphabet (I, O, S, V, Z, punctuation), named in `at` (from 1) and `character`;
 * - 'division': a letter among the 3rd to 8th characters, which are digits;
 * - 'check': the last character is not the check character of the others (a typo somewhere).
 */
export function problemOf(code) {
  if (code.length !== LENGTH) return { problem: 'length', length: code.length };
  for (let i = 0; i < LENGTH; i += 1) {
    const at = ALPHABET.indexOf(code.charAt(i));
    if (at < 0) return { problem: 'character', at: i + 1, character: code.charAt(i) };
    if (i >= 2 && i < 8 && at > 9) return { problem: 'division', at: i + 1, character: code.charAt(i) };
  }
  return code.charAt(17) === checkCharacter(code.slice(0, 17)) ? null : { problem: 'check' };
}

/** Whether `code` (as the server receives it) is a valid unified social credit code. */
export function isValid(code) {
  return problemOf(code) === null;
}
