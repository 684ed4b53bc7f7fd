/**
 * <pos-ready-board>: the customers' "ready" screen (docs/api/pos.md, step 7), public, on a screen above the counter.
 * It follows GET /api/pos/ready/stream (server-sent events carrying the whole list) and shows the pickup numbers
 * ready to collect, newest first, very large; a number ready at two stations is shown once. Numbers that became
 * ready since the last list are marked "new" in words and announced in a polite live region. Nothing about who
 * ordered is known here. While the stream is down the screen says it is reconnecting.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, currentLang, t } from '../../../lib/i18n.js';
import { announce } from '../../../lib/form-errors.js';
import { follow } from '../../../lib/pos-stations.js';
import { define } from '../../../lib/define.js';

/** How many numbers fit the screen; the oldest beyond them wait on the stations' screens. */
const SHOWN = 30;

/** The numbers ready, newest first, each once. */
function numbersOf(list) {
  return [...new Set(list.map((ready) => ready.number))].slice(0, SHOWN);
}

class PosReadyBoard extends HTMLElement {
  connectedCallback() {
    this.numbers = null;
    this.fresh = new Set();
    this.connection = 'connecting';
    render(this, html`
      <p id="pos-ready-connection" class="ready-connection" role="status"></p>
      <p id="pos-ready-live" class="visually-hidden" role="status"></p>
      <div id="pos-ready-place"></div>`);
    this.live = this.querySelector('#pos-ready-live');
    this.onLangChange = () => this.draw();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.stop = follow('/api/pos/ready/stream', 'ready', {
      onList: (list) => this.received(list),
      onState: (state) => {
        this.connection = state;
        this.draw();
      },
    });
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
    this.stop();
  }

  received(list) {
    const numbers = numbersOf(list);
    const before = this.numbers;
    this.fresh = before ? new Set(numbers.filter((number) => !before.includes(number))) : new Set();
    this.numbers = numbers;
    this.draw();
    if (this.fresh.size > 0) {
      announce(this.live, { key: 'pos.ready.announce', params: {
        numbers: new Intl.ListFormat(currentLang(), { type: 'unit' }).format([...this.fresh]), count: this.fresh.size } });
    }
  }

  draw() {
    const line = this.querySelector('#pos-ready-connection');
    line.dataset.state = this.connection;
    const words = this.connection === 'reconnecting' ? t('pos.ready.reconnecting') : '';
    if (line.textContent !== words) line.textContent = words;
    if (this.numbers === null) return;
    render(this.querySelector('#pos-ready-place'), this.numbers.length === 0
      ? html`<p id="pos-ready-empty" class="ready-empty">${t('pos.ready.empty')}</p>`
      : html`<ol id="pos-ready-numbers" class="ready-numbers" aria-label="${t('pos.ready.listLabel')}">
          ${this.numbers.map((number) => html`<li class="ready-number" data-number="${number}"
              data-fresh="${this.fresh.has(number) ? 'true' : 'false'}">${number}${this.fresh.has(number)
                && html`<span class="ready-number__new">${t('pos.ready.new')}</span>`}</li>`)}
        </ol>`);
  }
}

export function register() {
  define('pos-ready-board', PosReadyBoard);
}
