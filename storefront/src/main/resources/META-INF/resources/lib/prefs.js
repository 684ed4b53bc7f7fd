/**
 * Saved user preferences. Storage can be unavailable (private modes, locked-down
 * kiosks on the counter tablet); the site must then still work, just without memory.
 */

const PREFIX = 'sw.';

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function readPref(name) {
  try {
    return storage()?.getItem(PREFIX + name) ?? null;
  } catch {
    return null;
  }
}

export function writePref(name, value) {
  try {
    storage()?.setItem(PREFIX + name, value);
    return true;
  } catch {
    return false;
  }
}
