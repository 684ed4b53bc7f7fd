/**
 * What the kitchen and bar's screen (/pos/tickets.html) and the customers' "ready" screen (/pos/ready.html) share
 * (docs/api/pos.md, step 7): following a list the server sends whole as server-sent events, the tickets' and
 * pickups' calls, and reading an order number from what was typed, pasted or scanned at the counter.
 */
import { api, ensureCsrfToken } from './api.js';
import { currentLang } from './i18n.js';

/** Where tickets are made, in the order the screen offers them. */
export const STATIONS = ['KITCHEN', 'BAR'];

/** How long to wait before asking again when the browser gave up on a stream (it retries a mere drop by itself). */
const RETRY_MS = 5000;

/**
 * Follows the server-sent events named `event` at `path`: `onList(list)` gets each whole list, `onState(state)` each
 * change of the connection, 'live' once a list arrived and 'reconnecting' when it dropped. EventSource reconnects by
 * itself after a drop; when it gives up (an answer that is not a stream, such as a 401 after the session ended or a
 * 503), the stream is asked for again after a pause. Returns a function that stops following.
 */
export function follow(path, event, { onList, onState }) {
  let source = null;
  let timer = null;
  let stopped = false;
  let state = null;
  const say = (next) => {
    if (next !== state) onState(next);
    state = next;
  };
  const open = () => {
    source = new EventSource(path);
    source.addEventListener(event, (message) => {
      say('live');
      onList(JSON.parse(message.data));
    });
    source.addEventListener('error', () => {
      if (stopped) return;
      say('reconnecting');
      if (source.readyState === EventSource.CLOSED) timer = window.setTimeout(open, RETRY_MS);
    });
  };
  open();
  return () => {
    stopped = true;
    window.clearTimeout(timer);
    source?.close();
  };
}

async function post(path) {
  await ensureCsrfToken();
  return api.post(path, {});
}

export function markReady(ticketId) {
  return post(`/api/pos/tickets/${encodeURIComponent(ticketId)}/ready`);
}

export function markCollected(ticketId) {
  return post(`/api/pos/tickets/${encodeURIComponent(ticketId)}/collected`);
}

/** Online orders paid and to be picked up today or at any time; with `number`, that order only. */
export function pickups(number = null) {
  return api.get(`/api/pos/pickups${number ? `?number=${encodeURIComponent(number)}` : ''}`);
}

export function handOver(orderId) {
  return post(`/api/pos/pickups/${encodeURIComponent(orderId)}/handed-over`);
}

/** A ticket line's name, variant and options in the page's language, where the ticket has them. */
export function lineText(line) {
  const english = currentLang() === 'en';
  const pick = (zh, en) => (english && en ? en : zh);
  const options = english && line.optionsEn?.length ? line.optionsEn : line.options ?? [];
  return { name: pick(line.name, line.nameEn), variant: pick(line.variant, line.variantEn), options };
}

const ORDER_NUMBER = /^[A-Z0-9][A-Z0-9-]{0,39}$/;
const ONLINE_NUMBER = /\b[A-Z]{2,}-\d{4}-\d{6,}\b/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What the counter was given to find an online order: `{ number }` (as the buyer shows it, in any case, spaces
 * and full-width characters allowed), `{ orderId }` (its page's address, /shop/order.html?id=…, as the order page's
 * QR code holds it), or null when it is neither. An address with a `number` parameter or an order number in it
 * gives that number.
 */
export function orderWanted(text) {
  const typed = String(text).normalize('NFKC').trim();
  if (/^https?:\/\//i.test(typed) || typed.startsWith('/')) {
    let url;
    try {
      url = new URL(typed, window.location.origin);
    } catch {
      return null;
    }
    const number = url.searchParams.get('number')?.trim().toUpperCase();
    if (number && ORDER_NUMBER.test(number)) return { number };
    const id = url.searchParams.get('id')?.trim();
    if (id && UUID.test(id)) return { orderId: id.toLowerCase() };
    const inPath = decodeURIComponent(url.pathname).toUpperCase().match(ONLINE_NUMBER);
    return inPath ? { number: inPath[0] } : null;
  }
  const number = typed.replace(/[\s\u2010-\u2015\u2212]/g, (ch) => (/\s/.test(ch) ? '' : '-')).toUpperCase();
  return ORDER_NUMBER.test(number) ? { number } : null;
}
