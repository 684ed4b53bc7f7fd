/**
 * <pos-queue-status>: what the counter tablet has not sent yet (lib/pos-queue.js), above everything else on its page.
 * A banner in words, not only in colour, in a status region: "Offline — 3 sales waiting to be sent", "Sending 3
 * sales…", "3 sales waiting to be sent", or, offline with none waiting, that sales are kept on the tablet; nothing
 * once all is sent and the server is there (then, for screen readers only, that all was sent). A sale the server
 * refused stops the queue: an alert names it and says the server's reason, and what to do (sign in again with the
 * PIN, or ask a coordinator); the sales stay on the tablet.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { messageHtml } from '../../../lib/form-errors.js';
import { QUEUE_CHANGE, queueState } from '../../../lib/pos-queue.js';
import { define } from '../../../lib/define.js';

/** What the banner says for `state`, or null when it has nothing to say. */
function bannerMessage({ waiting, sending, offline }) {
  const count = { count: waiting };
  if (offline) return { key: waiting > 0 ? 'pos.queue.offlineWaiting' : 'pos.queue.offline', params: count };
  if (waiting === 0) return null;
  return { key: sending ? 'pos.queue.sending' : 'pos.queue.waiting', params: count };
}

function refusalMessage(refusal, waiting) {
  if (refusal.status === 401 && (refusal.type ?? '').endsWith('/not-signed-in-here')) {
    return { key: 'pos.queue.signIn', params: { count: waiting } };
  }
  return { key: 'pos.queue.refused', params: { number: refusal.orderNumber, count: waiting,
    reason: refusal.detail || refusal.title || String(refusal.status) } };
}

class PosQueueStatus extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <div id="pos-queue-live" role="status"></div>
      <div id="pos-queue-alert" role="alert"></div>`);
    this.onChange = (event) => this.draw(event.detail);
    this.onLangChange = () => this.draw(queueState());
    document.addEventListener(QUEUE_CHANGE, this.onChange);
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.draw(queueState());
  }

  disconnectedCallback() {
    document.removeEventListener(QUEUE_CHANGE, this.onChange);
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  /** Redraws a region only when what it says changed, so that a screen reader hears each news once. */
  draw(state) {
    const message = bannerMessage(state);
    const allSent = !message && this.shown?.waiting > 0 && state.waiting === 0;
    this.say('#pos-queue-live', message
      ? html`<p id="pos-queue-banner" class="pos-queue-banner${state.offline ? ' pos-queue-banner--offline' : ''}">
          ${messageHtml(message)}</p>`
      : html`${allSent && html`<p class="visually-hidden" data-i18n="pos.queue.allSent"></p>`}`);
    this.say('#pos-queue-alert', state.refusal
      ? html`<p id="pos-queue-refusal" class="pos-queue-refusal">${messageHtml(refusalMessage(state.refusal, state.waiting))}</p>`
      : html``);
    translate(this);
    this.shown = state;
  }

  say(selector, template) {
    this.said ??= new Map();
    if (this.said.get(selector) === String(template)) return;
    render(this.querySelector(selector), template);
    this.said.set(selector, String(template));
  }
}

export function register() {
  define('pos-queue-status', PosQueueStatus);
}
