/**
 * <outbox-parked>: the outbox's parked events (GET /api/admin/outbox?status=PARKED, admins only), newest first: what
 * happened in plain words (the event type itself when it has no words yet), when it was first published, how many
 * attempts were made and the last error. "Try again" sends one round again (POST /api/admin/outbox/{id}/retry), says
 * so in the status line and takes its row away; one that someone else already sent again is taken away too.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, t, translate } from '../../../lib/i18n.js';
import { api, ensureCsrfToken } from '../../../lib/api.js';
import { ListLoad, showFailed, showStatus } from '../../../lib/paged-list.js';
import { formatWhen } from '../../../lib/staff-catalog.js';
import { define } from '../../../lib/define.js';

/** Event types with words of their own (outbox.event.<type>); any other is shown as it is. */
const KNOWN = new Set(['OrderPaid', 'OrderPaymentReceived', 'OrderRefunded', 'PaymentCaptured', 'PaymentFailed',
  'PaymentRefundedExternally', 'ProviderEventReceived', 'StockRunningLow']);
const SIZE = 100;

/** The event's plain words as a key, or null when it has none. */
function eventKey(entry) {
  return KNOWN.has(entry.eventType) ? `outbox.event.${entry.eventType}` : null;
}

/** The event in the page's language, for a sentence. */
function eventWords(entry) {
  const key = eventKey(entry);
  return key ? t(key) : entry.eventType;
}

function eventHtml(entry) {
  const key = eventKey(entry);
  return key ? html`<span data-i18n="${key}"></span>` : html`<code>${entry.eventType}</code>`;
}

class OutboxParked extends HTMLElement {
  connectedCallback() {
    if (this.list) return;
    render(this, html`
      <div class="stack">
        <p id="outbox-status" class="status-message" role="status"></p>
        <div id="outbox-list"><p id="outbox-loading" data-i18n="outbox.loading"></p></div>
      </div>`);
    translate(this);
    this.list = this.querySelector('#outbox-list');
    this.statusLine = this.querySelector('#outbox-status');
    this.entries = [];
    this.total = 0;
    this.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-retry]');
      if (button) this.retry(Number(button.dataset.retry));
    });
    this.onLangChange = () => {
      if (this.loaded) this.draw();
      if (this.said) showStatus(this.statusLine, this.said.key, { event: eventWords(this.said.entry) });
    };
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.loader = new ListLoad(this, {
      what: 'parked outbox events',
      retryId: 'outbox-reload',
      fetch: () => api.get(`/api/admin/outbox?status=PARKED&size=${SIZE}`),
      failed: () => showFailed(this.list, 'outbox.loadFailed', 'outbox-reload'),
      loaded: (page) => {
        this.entries = page.items;
        this.total = page.total ?? page.items.length;
        this.loaded = true;
        this.draw();
      },
    });
    this.loader.run();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  draw() {
    const entries = this.entries;
    render(this.list, entries.length === 0
      ? html`<p id="outbox-empty" tabindex="-1" data-i18n="outbox.empty"></p>`
      : html`
        ${this.total > entries.length && html`<p id="outbox-more" data-i18n="outbox.more"
            data-i18n-params="${JSON.stringify({ shown: entries.length, total: this.total })}"></p>`}
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="outbox-table-caption">
          <table id="outbox-table" class="data-table">
            <caption id="outbox-table-caption" data-i18n="outbox.caption"
                     data-i18n-params="${JSON.stringify({ count: this.total })}"></caption>
            <thead>
              <tr>
                <th scope="col" data-i18n="outbox.col.event"></th>
                <th scope="col" data-i18n="outbox.col.published"></th>
                <th scope="col" data-i18n="outbox.col.attempts"></th>
                <th scope="col" data-i18n="outbox.col.error"></th>
                <th scope="col" data-i18n="outbox.col.action"></th>
              </tr>
            </thead>
            <tbody>
              ${entries.map((entry) => html`
                <tr id="outbox-row-${entry.id}">
                  <th scope="row" id="outbox-event-${entry.id}">${eventHtml(entry)}</th>
                  <td><time datetime="${entry.createdAt}">${formatWhen(entry.createdAt)}</time></td>
                  <td id="outbox-attempts-${entry.id}">${entry.attempts}</td>
                  <td id="outbox-error-${entry.id}" class="outbox-parked__error">${entry.lastError
                    ? html`<code>${entry.lastError}</code>` : html`<span data-i18n="outbox.noError"></span>`}</td>
                  <td>
                    <button type="button" id="outbox-retry-${entry.id}" class="button button--secondary" data-retry="${entry.id}">
                      <span data-i18n="outbox.retry"></span><span class="visually-hidden">: ${eventHtml(entry)}</span>
                    </button>
                  </td>
                </tr>`)}
            </tbody>
          </table>
        </div>`);
    translate(this.list);
  }

  async retry(id) {
    const entry = this.entries.find((each) => each.id === id);
    if (!entry || this.busy) return;
    this.busy = true;
    let outcome;
    try {
      await ensureCsrfToken();
      await api.post(`/api/admin/outbox/${encodeURIComponent(id)}/retry`);
      outcome = 'outbox.retried';
    } catch (error) {
      if (error.status === 404) outcome = 'outbox.gone';
      else {
        console.warn('Sending the parked event again failed.', error);
        outcome = 'outbox.retryFailed';
      }
    } finally {
      this.busy = false;
    }
    if (outcome !== 'outbox.retryFailed') {
      const at = this.entries.indexOf(entry);
      this.entries = this.entries.filter((each) => each !== entry);
      this.total = Math.max(0, this.total - 1);
      this.draw();
      // Focus stays where the row was: on the next row's button, the one before, or the line saying nothing is parked.
      const next = this.entries[Math.min(at, this.entries.length - 1)];
      (next ? this.querySelector(`#outbox-retry-${next.id}`) : this.querySelector('#outbox-empty'))?.focus();
    }
    this.say(outcome, entry);
  }

  /** Says what became of the event, anew so that it is heard again when the same words come twice. */
  say(key, entry) {
    this.said = { key, entry };
    showStatus(this.statusLine, null);
    window.clearTimeout(this.sayTimer);
    this.sayTimer = window.setTimeout(() => showStatus(this.statusLine, key, { event: eventWords(entry) }), 50);
  }
}

export function register() {
  define('outbox-parked', OutboxParked);
}
