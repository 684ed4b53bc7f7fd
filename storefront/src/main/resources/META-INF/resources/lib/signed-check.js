/**
 * What the public check pages of signed documents share (receipts at /r/{code}, earnings statements at
 * /s/{code}): the code in the page's own address, and the verdict said first, in words, with an icon whose shape
 * differs for each answer (never colour alone). Callers pass text already translated, and an `id` prefix
 * ("receipt", "statement") for the elements' ids: `{id}-verdict`, `{id}-verdict-heading`, `{id}-verdict-text`,
 * `{id}-retry`.
 */
import { html } from './html.js';
import { currentLang, t } from './i18n.js';

/** Where the workshop publishes the keys its signatures are checked with. */
export const KEYS_ADDRESS = '/.well-known/receipt-keys';

/** The workshop's time zone: its documents are issued in it, and every time on a check page is told in it. */
export const SHOP_ZONE = 'Asia/Shanghai';

/** The code in this page's own address (`{prefix}{code}`, prefix like '/r/'), or '' when there is none. */
export function codeIn(prefix, pathname = window.location.pathname) {
  if (!pathname.startsWith(prefix)) return '';
  const segment = pathname.slice(prefix.length);
  if (segment === '' || segment === 'index.html' || segment.includes('/')) return '';
  try {
    return decodeURIComponent(segment).trim();
  } catch {
    return segment;
  }
}

/** `zone` when the browser knows it, else the workshop's: a document naming a zone we cannot show keeps ours. */
function knownZone(zone) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return SHOP_ZONE;
  }
}

/** The name of `zone` at `when` in the page's language ("China Standard Time", "中国标准时间"), or its id. */
export function zoneName(zone, when) {
  const parts = new Intl.DateTimeFormat(currentLang(), { timeZone: zone, timeZoneName: 'long' }).formatToParts(when);
  return parts.find((part) => part.type === 'timeZoneName')?.value || zone;
}

/**
 * A time on a check page (when the check was made, when the document was issued), in the workshop's time zone or the
 * document's own `zone`, never the reader's, and said with the zone's name: "Mar 5, 2026, 3:01 PM (China Standard Time)".
 */
export function checkedTime(iso, zone = SHOP_ZONE) {
  const shown = knownZone(zone || SHOP_ZONE);
  const when = new Date(iso);
  const time = new Intl.DateTimeFormat(currentLang(), { dateStyle: 'medium', timeStyle: 'short', timeZone: shown }).format(when);
  return t('signedCheck.zonedTime', { time, zone: zoneName(shown, when) });
}

const ICONS = {
  GENUINE: html`<circle cx="24" cy="24" r="20"/><path d="M14 24.5l7 7 13-14"/>`,
  REFUNDED: html`<circle cx="24" cy="24" r="20"/><path d="M19 14l-7 7 7 7"/><path d="M12 21h15a7 7 0 0 1 0 14h-6"/>`,
  VOIDED: html`<circle cx="24" cy="24" r="20"/><path d="M10 38L38 10"/>`,
  NOT_GENUINE: html`<path d="M16 4h16l12 12v16L32 44H16L4 32V16z"/><path d="M17 17l14 14M31 17L17 31"/>`,
};
ICONS.PARTIALLY_REFUNDED = ICONS.REFUNDED;
ICONS.error = html`<circle cx="24" cy="24" r="20"/><path d="M18 18a6 6 0 1 1 8 5.5c-1.5.8-2 1.8-2 4"/><path d="M24 33v2"/>`;
ICONS.missing = ICONS.error;

function icon(verdict) {
  return html`<svg class="verdict__icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">${ICONS[verdict]}</svg>`;
}

/**
 * The verdict section: `verdict` is GENUINE, NOT_GENUINE (or a receipt's REFUNDED, VOIDED…); `heading` and `text`
 * say it; `details` (markup) and `when` (the time of the check, in words) follow when given.
 */
export function verdictTemplate({ id, verdict, reason, heading, text, details, when }) {
  return html`
    <section id="${id}-verdict" class="verdict" data-verdict="${verdict}" data-reason="${reason || ''}"
             aria-labelledby="${id}-verdict-heading">
      ${icon(verdict)}
      <div class="verdict__words">
        <h2 id="${id}-verdict-heading" class="verdict__title" tabindex="-1">${heading}</h2>
        <p id="${id}-verdict-text" class="verdict__why">${text}</p>
        ${details}
        ${when && html`<p class="verdict__when">${when}</p>`}
      </div>
    </section>`;
}

/**
 * No verdict: `kind` is 'error' (the answer did not come; `retry` labels the button to ask again) or 'missing'
 * (the address holds no code).
 */
export function problemTemplate({ id, kind, heading, text, retry }) {
  return html`
    <section id="${id}-verdict" class="verdict" data-verdict="${kind}" aria-labelledby="${id}-verdict-heading">
      ${icon(kind)}
      <div class="verdict__words">
        <h2 id="${id}-verdict-heading" class="verdict__title" tabindex="-1">${heading}</h2>
        <p id="${id}-verdict-text" class="verdict__why">${text}</p>
        ${kind === 'error' && retry && html`
          <p><button type="button" id="${id}-retry" class="button button--primary">${retry}</button></p>`}
      </div>
    </section>`;
}

/** The signature's details for experts, folded away: `rows` are [label, value] pairs; empty values are left out. */
export function technicalTemplate(id, summary, rows) {
  const row = ([label, value]) => value && html`<div><dt>${label}</dt><dd><code>${value}</code></dd></div>`;
  return html`
    <details class="check-how__details">
      <summary>${summary}</summary>
      <dl id="${id}-technical">${rows.map(row)}</dl>
    </details>`;
}
