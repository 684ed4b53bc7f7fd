/**
 * The POS screens' display modes for staff (docs/adr/0018-pos-staff-display-modes.md): the text size (the POS
 * default, "larger", "largest") and switch access (more room between targets, a thicker focus frame, dialogs that
 * open on their first control). Loaded in <head> of every POS page, as lib/theme.js is, so the device's saved modes
 * land on <html> (data-text-size, data-switch-access) before the body is shown; styles/pos-display.css draws them.
 * Saved per device in lib/prefs.js; high contrast stays lib/theme.js's, shared with the rest of the site.
 */
import { readPref, writePref } from './prefs.js';

export const DISPLAY_CHANGE = 'pos-display-change';
export const TEXT_SIZES = ['standard', 'larger', 'largest'];
const SIZE_PREF = 'posTextSize';
const SWITCH_PREF = 'posSwitchAccess';

export function textSize() {
  const saved = readPref(SIZE_PREF);
  return TEXT_SIZES.includes(saved) ? saved : 'standard';
}

export function switchAccess() {
  return readPref(SWITCH_PREF) === 'on';
}

function apply() {
  const root = document.documentElement;
  const size = textSize();
  if (size === 'standard') delete root.dataset.textSize;
  else root.dataset.textSize = size;
  if (switchAccess()) root.dataset.switchAccess = 'on';
  else delete root.dataset.switchAccess;
  document.dispatchEvent(new CustomEvent(DISPLAY_CHANGE, { detail: { textSize: size, switchAccess: switchAccess() } }));
}

/** Saves and applies a text size of TEXT_SIZES. */
export function setTextSize(size) {
  if (!TEXT_SIZES.includes(size)) throw new RangeError(`Unknown text size ${size}`);
  writePref(SIZE_PREF, size);
  apply();
}

export function setSwitchAccess(on) {
  writePref(SWITCH_PREF, on ? 'on' : 'off');
  apply();
}

/**
 * Where focus goes when a confirmation or panel opens: its heading, which a screen reader reads with what follows;
 * in switch access its first control, so that the next switch press acts instead of scanning to it.
 */
export function focusOpened(heading, firstControl) {
  (switchAccess() && firstControl ? firstControl : heading).focus();
}

apply();
