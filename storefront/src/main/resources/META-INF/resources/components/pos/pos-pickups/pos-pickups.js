/**
 * <pos-pickups>: the online orders to be picked up at the counter today (GET /api/pos/pickups; docs/api/pos.md,
 * step 7): number, name, time, items and whether they are ready. A search finds one order by its number, typed,
 * pasted or scanned (its order page's QR code holds the page's address, which is read too: lib/pos-stations.js).
 * "Handed over" asks first, since it cannot be undone, then fulfils the order
 * (POST /api/pos/pickups/{orderId}/handed-over).
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, currentLang, t, translate } from '../../../lib/i18n.js';
import { FormErrors, announce, problemsFrom } from '../../../lib/form-errors.js';
import { handOver, orderWanted, pickups } from '../../../lib/pos-stations.js';
import { focusOpened } from '../../../lib/pos-display.js';
import { define } from '../../../lib/define.js';

function slotText(slot) {
  if (!slot) return t('pos.pickups.anyTime');
  return new Intl.DateTimeFormat(currentLang(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' })
    .format(new Date(slot));
}

function pickupTemplate(pickup) {
  const id = `pos-pickup-${pickup.orderId}`;
  return html`
    <li id="${id}" class="pickup" data-ready="${pickup.ready ? 'true' : 'false'}">
      <article class="pickup__card" aria-labelledby="${id}-heading">
        <h3 id="${id}-heading" class="pickup__number" tabindex="-1">${pickup.number}</h3>
        <dl class="facts">
          <div class="facts__row"><dt>${t('pos.pickups.name')}</dt><dd id="${id}-name">${pickup.name || t('pos.pickups.noName')}</dd></div>
          <div class="facts__row"><dt>${t('pos.pickups.time')}</dt><dd>${slotText(pickup.slot)}</dd></div>
          <div class="facts__row"><dt>${t('pos.pickups.items')}</dt><dd><ul id="${id}-items" class="pickup__items">
            ${pickup.items.map((item) => html`<li>${item}</li>`)}</ul></dd></div>
          <div class="facts__row"><dt>${t('pos.pickups.ready')}</dt><dd><span id="${id}-ready"
            class="badge ${pickup.ready ? 'badge--on' : 'badge--off'}">${t(pickup.ready ? 'pos.pickups.readyYes' : 'pos.pickups.readyNo')}</span></dd></div>
        </dl>
        <p><button type="button" id="${id}-hand" class="button button--primary ticket__button" data-order="${pickup.orderId}"
            >${t('pos.pickups.handOver')}<span class="visually-hidden"> — ${pickup.number}</span></button></p>
      </article>
    </li>`;
}

class PosPickups extends HTMLElement {
  connectedCallback() {
    this.list = null;
    this.wanted = null;
    this.confirming = null;
    render(this, html`
      <section class="stack" aria-labelledby="pos-pickups-heading">
        <h2 id="pos-pickups-heading" tabindex="-1" data-i18n="pos.pickups.heading"></h2>
        <p id="pos-pickups-status" class="status-message" role="status"></p>
        <div id="pos-pickups-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
        <form id="pos-pickups-search" class="stack" role="search" novalidate>
          <div class="field">
            <label for="pos-pickups-number" data-i18n="pos.pickups.search"></label>
            <p id="pos-pickups-number-hint" class="field__hint" data-i18n="pos.pickups.searchHint"></p>
            <input id="pos-pickups-number" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false"
                   maxlength="300" aria-describedby="pos-pickups-number-hint">
            <p id="pos-pickups-number-error" class="field__error" hidden></p>
          </div>
          <p class="button-row">
            <button type="submit" id="pos-pickups-find" class="button button--primary" data-i18n="pos.pickups.find"></button>
            <button type="button" id="pos-pickups-all" class="button button--secondary" data-i18n="pos.pickups.all"></button>
          </p>
        </form>
        <section id="pos-pickups-confirm" class="notice stack" aria-labelledby="pos-pickups-confirm-heading" hidden>
          <h3 id="pos-pickups-confirm-heading" tabindex="-1"></h3>
          <p id="pos-pickups-confirm-what"></p>
          <div class="button-row">
            <button type="button" id="pos-pickups-confirm-yes" class="button button--primary" data-i18n="pos.pickups.confirm.yes"
                    aria-describedby="pos-pickups-confirm-what"></button>
            <button type="button" id="pos-pickups-confirm-back" class="button button--secondary" data-i18n="pos.pickups.confirm.back"></button>
          </div>
        </section>
        <div id="pos-pickups-place"></div>
      </section>`);
    translate(this);
    this.statusLine = this.querySelector('#pos-pickups-status');
    this.form = this.querySelector('#pos-pickups-search');
    this.errors = new FormErrors(this.form, this.querySelector('#pos-pickups-errors'));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.search();
    });
    this.querySelector('#pos-pickups-all').addEventListener('click', () => {
      this.querySelector('#pos-pickups-number').value = '';
      this.errors.clear();
      this.load(null);
    });
    this.querySelector('#pos-pickups-place').addEventListener('click', (event) => {
      const button = event.target.closest('button[data-order]');
      if (button) this.askToHandOver(button.dataset.order);
    });
    this.querySelector('#pos-pickups-confirm-yes').addEventListener('click', () => this.handOver());
    this.querySelector('#pos-pickups-confirm-back').addEventListener('click', () => this.closeConfirm(true));
    this.querySelector('#pos-pickups-confirm').addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      this.closeConfirm(true);
    });
    this.onLangChange = () => this.draw();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.load(null);
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  search() {
    const wanted = orderWanted(this.querySelector('#pos-pickups-number').value);
    if (!wanted) {
      this.errors.show([{ target: 'pos-pickups-number', message: { key: 'pos.pickups.numberInvalid' } }]);
      return;
    }
    this.errors.clear();
    // The last search's words go at once, so what is said next is this search's.
    this.statusLine.textContent = '';
    this.load(wanted, true);
  }

  /** Loads today's pickups, or the one `wanted` ({ number } or { orderId }); `say` announces what was found. */
  async load(wanted, say = false) {
    this.wanted = wanted;
    this.closeConfirm(false);
    try {
      const found = await pickups(wanted?.number ?? null);
      this.list = wanted?.orderId ? found.filter((pickup) => pickup.orderId === wanted.orderId) : found;
    } catch (error) {
      console.warn('Could not load the pickups.', error);
      this.list = null;
      this.errors.show(problemsFrom(error));
      return;
    }
    this.draw();
    if (say) announce(this.statusLine, { key: 'pos.pickups.found', params: { count: this.list.length } });
  }

  draw() {
    if (this.list === null) return;
    const focused = this.contains(document.activeElement) ? document.activeElement.id : null;
    const place = this.querySelector('#pos-pickups-place');
    render(place, this.list.length === 0
      ? html`<p id="pos-pickups-empty" class="station-empty">${t(this.wanted ? 'pos.pickups.noneFound' : 'pos.pickups.none')}</p>`
      : html`<ul id="pos-pickups-list" class="pickups" aria-labelledby="pos-pickups-heading">${this.list.map(pickupTemplate)}</ul>`);
    if (focused && !this.contains(document.activeElement)) document.getElementById(focused)?.focus();
    if (this.confirming) this.describe(this.confirming);
  }

  askToHandOver(orderId) {
    const pickup = this.list?.find((one) => one.orderId === orderId);
    if (!pickup) return;
    this.confirming = pickup;
    this.describe(pickup);
    this.querySelector('#pos-pickups-confirm').hidden = false;
    focusOpened(this.querySelector('#pos-pickups-confirm-heading'), this.querySelector('#pos-pickups-confirm-yes'));
  }

  describe(pickup) {
    this.querySelector('#pos-pickups-confirm-heading').textContent = t('pos.pickups.confirm.heading', { number: pickup.number });
    this.querySelector('#pos-pickups-confirm-what').textContent = t('pos.pickups.confirm.what', {
      name: pickup.name || t('pos.pickups.noName'),
      items: new Intl.ListFormat(currentLang(), { type: 'unit' }).format(pickup.items),
    });
  }

  closeConfirm(focusBack) {
    const pickup = this.confirming;
    this.confirming = null;
    this.querySelector('#pos-pickups-confirm').hidden = true;
    if (focusBack && pickup) document.getElementById(`pos-pickup-${pickup.orderId}-hand`)?.focus();
  }

  async handOver() {
    const pickup = this.confirming;
    if (!pickup || this.busy) return;
    this.busy = true;
    announce(this.statusLine, { key: 'pos.admin.saving' });
    try {
      await handOver(pickup.orderId);
      this.closeConfirm(false);
      this.list = this.list.filter((one) => one.orderId !== pickup.orderId);
      this.draw();
      announce(this.statusLine, { key: 'pos.pickups.handedOver', params: { number: pickup.number } });
      this.querySelector('#pos-pickups-heading').focus();
    } catch (error) {
      console.warn('The pickup could not be handed over.', error);
      this.statusLine.textContent = '';
      this.errors.show(problemsFrom(error));
    } finally {
      this.busy = false;
    }
  }
}

export function register() {
  define('pos-pickups', PosPickups);
}
