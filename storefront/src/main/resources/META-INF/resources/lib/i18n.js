/**
 * Language choice and translation. Pages ship their zh-CN text in the HTML so
 * they read well before scripts run; nodes marked with data-i18n="key" (text)
 * and data-i18n-attr="attr:key; attr2:key2" (attributes) are filled from
 * i18n/<lang>.json. data-i18n-params holds JSON values for {placeholders}.
 */
import { readPref, writePref } from './prefs.js';

export const LANGUAGES = ['zh-CN', 'en'];
export const DEFAULT_LANG = 'zh-CN';
export const LANG_CHANGE = 'i18n-change';

let lang = DEFAULT_LANG;
let messages = {};

function normalise(tag) {
  const lower = String(tag || '').toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return null;
}

/** ?lang wins, then the saved choice, then the browser's languages, then zh-CN. */
export function resolveLang() {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (LANGUAGES.includes(fromUrl)) return fromUrl;
  const saved = readPref('lang');
  if (LANGUAGES.includes(saved)) return saved;
  for (const tag of navigator.languages || [navigator.language]) {
    const match = normalise(tag);
    if (match) return match;
  }
  return DEFAULT_LANG;
}

export function currentLang() {
  return lang;
}

/** Looks up a message; a {one, other} entry is chosen by `params.count` using the language's plural rules. */
export function t(key, params = {}) {
  let message = messages[key];
  if (message === undefined) return key;
  if (typeof message === 'object') {
    message = message[new Intl.PluralRules(lang).select(params.count ?? 0)] ?? message.other;
  }
  return message.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

function paramsOf(el) {
  return el.dataset.i18nParams ? JSON.parse(el.dataset.i18nParams) : {};
}

function marked(root, selector) {
  const nodes = [...root.querySelectorAll(selector)];
  return root instanceof Element && root.matches(selector) ? [root, ...nodes] : nodes;
}

/** Fills every marked node under `root`; untranslated keys keep the text already there. */
export function translate(root = document) {
  for (const el of marked(root, '[data-i18n]')) {
    if (el.dataset.i18n in messages) el.textContent = t(el.dataset.i18n, paramsOf(el));
  }
  for (const el of marked(root, '[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':').map((s) => s.trim());
      if (key in messages) el.setAttribute(attr, t(key, paramsOf(el)));
    }
  }
}

async function load(next) {
  const response = await fetch(new URL(`../i18n/${next}.json`, import.meta.url));
  if (!response.ok) throw new Error(`Cannot load translations for ${next}: ${response.status}`);
  messages = await response.json();
  lang = next;
  translate(document);
  // Set lang only once the text matches it, so screen readers never read Chinese with an English voice.
  document.documentElement.lang = lang;
}

export function initI18n() {
  const chosen = resolveLang();
  // A ?lang link is an explicit choice; remember it so plain links keep the language.
  if (new URLSearchParams(window.location.search).has('lang')) writePref('lang', chosen);
  return load(chosen);
}

/** Switches language in place: saves it, mirrors it in ?lang, retranslates, and tells components. */
export async function setLang(next) {
  if (!LANGUAGES.includes(next)) throw new RangeError(`Unsupported language ${next}`);
  writePref('lang', next);
  const url = new URL(window.location.href);
  url.searchParams.set('lang', next);
  window.history.replaceState(window.history.state, '', url);
  await load(next);
  document.dispatchEvent(new CustomEvent(LANG_CHANGE, { detail: { lang: next } }));
}
