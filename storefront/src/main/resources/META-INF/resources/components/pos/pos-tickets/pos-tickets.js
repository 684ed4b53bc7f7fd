/**
 * <pos-tickets>: a kitchen or bar's screen (docs/api/pos.md, step 7). The station is chosen once and remembered on
 * this device (localStorage); its open tickets follow GET /api/pos/tickets/stream (server-sent events carrying the
 * whole list, so a reconnect simply replaces it), oldest first, as large cards: the pickup number, the register, how
 * long it has waited, the lines (name in the page's language, variant, quantity, options, the note said in words),
 * the status, and "Ready" (new tickets) and "Collected", which asks first in the card. While the stream is down the screen says it is reconnecting,
 * in words. New tickets are announced in a polite live region ("New ticket 42: 2 × 担担面").
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, currentLang, t, translate } from '../../../lib/i18n.js';
import { ApiError } from '../../../lib/api.js';
import { announce, messageHtml } from '../../../lib/form-errors.js';
import { readPref, writePref } from '../../../lib/prefs.js';
import { focusOpened } from '../../../lib/pos-display.js';
import { STATIONS, follow, lineText, markCollected, markReady } from '../../../lib/pos-stations.js';
import { define } from '../../../lib/define.js';

const STATION_NAMES = { KITCHEN: 'pos.tickets.station.KITCHEN', BAR: 'pos.tickets.station.BAR' };
const STATUSES = { NEW: 'pos.tickets.status.NEW', READY: 'pos.tickets.status.READY' };
const CONNECTION = {
  connecting: 'pos.tickets.connecting',
  live: 'pos.tickets.live',
  reconnecting: 'pos.tickets.reconnecting',
};
/** The station this device shows, kept in localStorage (lib/prefs.js). */
const PREF = 'posStation';
/** How often the waiting times are written again. */
const TICK_MS = 30_000;

function clock(iso) {
  return new Intl.DateTimeFormat(currentLang(), { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' })
    .format(new Date(iso));
}

function waited(iso) {
  const minutes = Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 60_000));
  return minutes === 0 ? t('pos.tickets.waitingJustNow') : t('pos.tickets.waiting', { count: minutes });
}

/** The pickup number the customer was given; else the order's number, which is on their receipt. */
function ticketNumber(ticket) {
  return ticket.pickupNumber != null ? String(ticket.pickupNumber) : ticket.orderNumber;
}

/** "Pickup 42", or "Order CANTEEN-1-17" without a pickup number. */
function ticketName(ticket) {
  return t(ticket.pickupNumber != null ? 'pos.tickets.pickup' : 'pos.tickets.order', { number: ticketNumber(ticket) });
}

/** The lines in one phrase for the live region: "2 × 担担面 (大份), 1 × 柠檬茶". */
function linesSaid(ticket) {
  const said = ticket.lines.map((line) => {
    const { name, variant } = lineText(line);
    return t('pos.tickets.lineSaid', { quantity: line.quantity, name: variant ? `${name} (${variant})` : name });
  });
  return new Intl.ListFormat(currentLang(), { type: 'unit' }).format(said);
}

function lineTemplate(line) {
  const { name, variant, options } = lineText(line);
  return html`
    <li class="ticket__line">
      <span class="ticket__quantity">${t('pos.tickets.quantity', { quantity: line.quantity })}</span>
      <span class="ticket__what">
        <span class="ticket__name">${name}</span>
        ${variant && html`<span class="ticket__variant">${variant}</span>`}
        ${options.length > 0 && html`<span class="ticket__options">${t('pos.tickets.options', {
          options: new Intl.ListFormat(currentLang(), { type: 'unit' }).format(options) })}</span>`}
        ${line.note && html`<strong class="ticket__note"><span class="ticket__note-label">${t('pos.tickets.note')}</span>
          ${line.note}</strong>`}
      </span>
    </li>`;
}

/** "Collected" asks first, in the card: the ticket leaves every screen, and its order may be handed over with it. */
function confirmTemplate(id, ticket, name) {
  return html`
    <section id="${id}-confirm" class="ticket__confirm stack" aria-labelledby="${id}-confirm-heading">
      <h4 id="${id}-confirm-heading" tabindex="-1">${t('pos.tickets.confirm.heading', { name })}</h4>
      <p id="${id}-confirm-what">${t('pos.tickets.confirm.what')}</p>
      <p class="button-row">
        <button type="button" id="${id}-confirm-yes" class="button button--primary ticket__button" data-action="confirmed"
            data-ticket="${ticket.id}" aria-describedby="${id}-confirm-what">${t('pos.tickets.confirm.yes')}</button>
        <button type="button" id="${id}-confirm-back" class="button button--secondary ticket__button" data-action="back"
            data-ticket="${ticket.id}">${t('pos.tickets.confirm.back')}</button>
      </p>
    </section>`;
}

function ticketTemplate(ticket, confirming) {
  const id = `pos-ticket-${ticket.id}`;
  const name = ticketName(ticket);
  return html`
    <li id="${id}" class="ticket" data-status="${ticket.status}">
      <article class="ticket__card" aria-labelledby="${id}-heading">
        <header class="ticket__head">
          <h3 id="${id}-heading" class="ticket__title" tabindex="-1">
            <span class="ticket__label">${t(ticket.pickupNumber != null ? 'pos.tickets.pickupLabel' : 'pos.tickets.orderLabel')}</span>
            <span id="${id}-number" class="ticket__number">${ticketNumber(ticket)}</span></h3>
          <p id="${id}-status" class="ticket__status">${t(STATUSES[ticket.status] ?? 'pos.tickets.status.NEW')}</p>
        </header>
        <p class="ticket__facts">
          <span>${t('pos.tickets.register', { register: ticket.registerId })}</span>
          <span>${t('pos.tickets.at', { time: clock(ticket.createdAt) })}</span>
          <span class="ticket__waited" data-since="${ticket.createdAt}">${waited(ticket.createdAt)}</span>
        </p>
        <ul id="${id}-lines" class="ticket__lines">${ticket.lines.map(lineTemplate)}</ul>
        ${confirming ? confirmTemplate(id, ticket, name) : html`<p class="button-row">
          ${ticket.status === 'NEW' && html`<button type="button" id="${id}-ready" class="button button--primary ticket__button"
              data-action="ready" data-ticket="${ticket.id}">${t('pos.tickets.markReady')}<span class="visually-hidden">
              — ${name}</span></button>`}
          <button type="button" id="${id}-collected" class="button button--secondary ticket__button" data-action="collected"
              data-ticket="${ticket.id}">${t('pos.tickets.markCollected')}<span class="visually-hidden"> — ${name}</span></button>
        </p>`}
      </article>
    </li>`;
}

class PosTickets extends HTMLElement {
  connectedCallback() {
    const saved = readPref(PREF);
    this.station = STATIONS.includes(saved) ? saved : null;
    this.tickets = [];
    this.known = null;
    this.connection = 'connecting';
    this.busy = new Set();
    render(this, html`
      <section class="stack" aria-labelledby="pos-tickets-heading">
        <h2 id="pos-tickets-heading" tabindex="-1"></h2>
        <fieldset id="pos-tickets-station" class="pos-choices">
          <legend id="pos-tickets-station-legend"></legend>
          <div class="pos-choices__list">
            ${STATIONS.map((station) => html`
              <label class="pos-choice"><input type="radio" name="pos-station" id="pos-station-${station}" value="${station}">
                <span id="pos-station-${station}-name"></span></label>`)}
          </div>
        </fieldset>
        <p id="pos-tickets-connection" class="station-connection" role="status"></p>
        <p id="pos-tickets-live" class="visually-hidden" role="status"></p>
        <div id="pos-tickets-error" role="alert"></div>
        <div id="pos-tickets-place"></div>
      </section>`);
    for (const input of this.querySelectorAll('input[name="pos-station"]')) {
      input.checked = input.value === this.station;
      input.addEventListener('change', () => this.choose(input.value));
    }
    this.live = this.querySelector('#pos-tickets-live');
    this.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-action]');
      if (!button) return;
      const { ticket, action } = button.dataset;
      if (action === 'collected') this.askCollected(ticket);
      else if (action === 'back') this.closeConfirm(true);
      else this.act(ticket, action === 'confirmed' ? 'collected' : action);
    });
    this.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !event.target.closest('.ticket__confirm')) return;
      event.preventDefault();
      this.closeConfirm(true);
    });
    this.onLangChange = () => this.draw();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.ticker = window.setInterval(() => this.tick(), TICK_MS);
    this.start();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
    window.clearInterval(this.ticker);
    this.stop?.();
  }

  choose(station) {
    this.station = station;
    writePref(PREF, station);
    this.start();
  }

  /** Follows the chosen station's tickets, from an empty screen: the stream's first list fills it. */
  start() {
    this.stop?.();
    this.stop = null;
    this.tickets = [];
    this.known = null;
    this.connection = 'connecting';
    if (this.station) {
      this.stop = follow(`/api/pos/tickets/stream?station=${this.station}`, 'tickets', {
        onList: (list) => this.received(list),
        onState: (state) => {
          this.connection = state;
          this.drawConnection();
        },
      });
    }
    this.draw();
  }

  received(list) {
    const fresh = this.known ? list.filter((ticket) => !this.known.has(ticket.id)) : [];
    this.known = new Set(list.map((ticket) => ticket.id));
    this.tickets = list;
    if (!this.known.has(this.confirming)) this.confirming = null;
    this.draw();
    if (fresh.length > 0) {
      announce(this.live, { text: fresh.map((ticket) => t('pos.tickets.new', {
        number: ticketNumber(ticket), lines: linesSaid(ticket) })).join(' ') });
    }
  }

  draw() {
    const focused = this.contains(document.activeElement) ? document.activeElement.id : null;
    const heading = this.querySelector('#pos-tickets-heading');
    heading.textContent = this.station ? t('pos.tickets.headingAt', { station: t(STATION_NAMES[this.station]) })
      : t('pos.tickets.heading');
    this.querySelector('#pos-tickets-station-legend').textContent = t('pos.tickets.chooseStation');
    for (const station of STATIONS) this.querySelector(`#pos-station-${station}-name`).textContent = t(STATION_NAMES[station]);
    this.drawConnection();
    render(this.querySelector('#pos-tickets-place'), !this.station
      ? html`<p id="pos-tickets-choose" class="notice">${t('pos.tickets.chooseFirst')}</p>`
      : this.known === null ? html``
        : this.tickets.length === 0 ? html`<p id="pos-tickets-empty" class="station-empty">${t('pos.tickets.empty')}</p>`
          : html`<ol id="pos-tickets-list" class="tickets" aria-label="${t('pos.tickets.listLabel', {
            count: this.tickets.length })}">${this.tickets.map((ticket) => ticketTemplate(ticket, ticket.id === this.confirming))}</ol>`);
    if (focused && !this.contains(document.activeElement)) document.getElementById(focused)?.focus();
  }

  drawConnection() {
    const line = this.querySelector('#pos-tickets-connection');
    const words = this.station ? t(CONNECTION[this.connection]) : '';
    line.dataset.state = this.station ? this.connection : '';
    if (line.textContent !== words) line.textContent = words;
  }

  tick() {
    for (const since of this.querySelectorAll('[data-since]')) since.textContent = waited(since.dataset.since);
  }

  askCollected(id) {
    this.confirming = id;
    this.draw();
    focusOpened(document.getElementById(`pos-ticket-${id}-confirm-heading`), document.getElementById(`pos-ticket-${id}-confirm-yes`));
  }

  closeConfirm(focusBack) {
    const id = this.confirming;
    this.confirming = null;
    this.draw();
    if (focusBack && id) document.getElementById(`pos-ticket-${id}-collected`)?.focus();
  }

  async act(id, action) {
    const ticket = this.tickets.find((one) => one.id === id);
    if (!ticket || this.busy.has(id)) return;
    if (action === 'collected') this.confirming = null;
    this.busy.add(id);
    const error = this.querySelector('#pos-tickets-error');
    render(error, html``);
    try {
      const changed = await (action === 'ready' ? markReady(id) : markCollected(id));
      const index = this.tickets.findIndex((one) => one.id === id);
      if (action === 'collected') this.tickets = this.tickets.filter((one) => one.id !== id);
      else if (index >= 0) this.tickets = this.tickets.map((one) => (one.id === id ? changed : one));
      this.draw();
      // Focus stays where the hands are: on the same ticket, or the one that moved up into the collected one's place.
      const after = this.tickets[Math.min(index, this.tickets.length - 1)];
      const next = action === 'ready' ? `pos-ticket-${id}-collected` : after ? `pos-ticket-${after.id}-heading` : 'pos-tickets-heading';
      document.getElementById(next)?.focus();
      announce(this.live, { text: t(action === 'ready' ? 'pos.tickets.readyDone' : 'pos.tickets.collectedDone',
        { name: ticketName(ticket) }) });
    } catch (failure) {
      console.warn(`The ticket could not be marked ${action}.`, failure);
      const status = failure instanceof ApiError ? failure.status : 0;
      render(error, html`<p id="pos-tickets-failed" class="notice">${messageHtml({ key: status === 401 ? 'pos.tickets.signedOut'
        : status === 404 ? 'pos.tickets.gone' : 'pos.tickets.failed' })}</p>`);
      translate(error);
    } finally {
      this.busy.delete(id);
    }
  }
}

export function register() {
  define('pos-tickets', PosTickets);
}
