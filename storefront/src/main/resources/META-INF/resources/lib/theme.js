/**
 * High-contrast theme. Loaded in <head> so the saved choice lands on <html>
 * before the body is shown. An explicit choice ("high-contrast" or "standard")
 * is saved; without one the system's prefers-contrast setting decides.
 */
import { readPref, writePref } from './prefs.js';

export const THEME_CHANGE = 'theme-change';
const HIGH = 'high-contrast';
const STANDARD = 'standard';
const systemPrefersMore = window.matchMedia('(prefers-contrast: more)');

export function isHighContrast() {
  return document.documentElement.dataset.theme === HIGH;
}

function apply() {
  const saved = readPref('theme');
  const high = saved === HIGH || (saved !== STANDARD && systemPrefersMore.matches);
  document.documentElement.dataset.theme = high ? HIGH : STANDARD;
  document.dispatchEvent(new CustomEvent(THEME_CHANGE, { detail: { highContrast: high } }));
}

export function setHighContrast(on) {
  writePref('theme', on ? HIGH : STANDARD);
  apply();
}

systemPrefersMore.addEventListener('change', apply);
apply();
