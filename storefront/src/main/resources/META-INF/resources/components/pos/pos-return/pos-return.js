/**
 * <pos-return>: a return at the counter against the original receipt (docs/api/pos.md, "Returns at the counter"), for
 * the cashier signed in at a paired tablet while the register's shift is open (`shift` sets what GET /api/pos/shift
 * said). The receipt is found by what the USB scanner types from its QR code (its address), by the camera
 * (<pos-camera-scan>), or by its code or number typed; then each of its lines with what may still be returned, a
 * − / + for the units given back and, for goods counted in stock, whether they go back to stock; how the money goes
 * back; the amount to pay back, each change said aloud with its currency. A return cannot be undone, so it is reviewed
 * first (what goes back, the amount, in cash); then the tablet signs the refund receipt on its register's series and
 * sends it (lib/pos-returns.js): returns need the network, and wait for sales still to be sent. Then the refund receipt
 * (<pos-return-receipt>) and a new return. Emits `pos-return-completed` (bubbles, `detail: { signed, returned }`) after
 * each return, for the drawer to be read again.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, currentLang, t, translate } from '../../../lib/i18n.js';
import { ApiError, isUnreachable } from '../../../lib/api.js';
import { FormErrors, announce, problemsFrom, showMessage } from '../../../lib/form-errors.js';
import { formatMoney, spokenMoney } from '../../../lib/money.js';
import { DeviceKeyMissing, currentDevice } from '../../../lib/pos-device.js';
import { SalesWaiting, SeriesUnknown } from '../../../lib/pos-queue.js';
import { ReturnNeedsNetwork, giveBack, lookUp, prepareReturn } from '../../../lib/pos-returns.js';
import { refundTenders, refundedFen } from '../../../lib/pos-receipt.js';
import { tenderLabel, tenderName } from '../../../lib/tenders.js';
import { loadCatalog } from '../../../lib/pos-sales.js';
import { formatWhen } from '../../../lib/staff-catalog.js';
import { define } from '../../../lib/define.js';
import { register as registerReceipt } from '../pos-return-receipt/pos-return-receipt.js';
import { register as registerCameraScan } from '../pos-camera-scan/pos-camera-scan.js';

function params(values) {
  return JSON.stringify(values);
}

function problemType(error) {
  return error instanceof ApiError ? error.problem.type ?? '' : '';
}

/** The currency's name in the page's language ("Chinese yuan", "人民币"), said with every amount to pay back. */
function currencyName(currency) {
  try {
    return new Intl.DisplayNames([currentLang()], { type: 'currency' }).of(currency);
  } catch {
    return currency;
  }
}

/** A line's name in the page's language, with its variant's. */
function lineName(line) {
  const english = currentLang() === 'en';
  const name = english ? line.nameEn || line.name : line.name;
  const variant = english ? line.variantEn || line.variant : line.variant;
  return variant ? `${name} · ${variant}` : name;
}

class PosReturn extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <section class="pos-return stack" aria-labelledby="pos-return-heading">
        <h2 id="pos-return-heading" tabindex="-1" data-i18n="pos.return.heading"></h2>
        <p id="pos-return-status" class="status-message" role="status"></p>
        <p id="pos-return-no-shift" class="notice" data-i18n="pos.return.noShift" hidden></p>
        <div id="pos-return-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
        <div id="pos-return-now" class="stack" hidden>
          <form id="pos-return-find" class="stack" novalidate>
            <div class="field">
              <label for="pos-return-code" data-i18n="pos.return.code"></label>
              <p id="pos-return-code-hint" class="field__hint" data-i18n="pos.return.codeHint"></p>
              <input id="pos-return-code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false"
                     enterkeyhint="search" aria-describedby="pos-return-code-hint">
              <p id="pos-return-code-error" class="field__error" hidden></p>
            </div>
            <div class="button-row">
              <button type="submit" id="pos-return-find-submit" class="button button--primary" data-i18n="pos.return.find"></button>
              <pos-camera-scan prefix="pos-return-camera" hint="pos.return.scanUnavailable" heading="pos.return.scanHeading"></pos-camera-scan>
            </div>
          </form>
          <section id="pos-return-original" class="stack" aria-labelledby="pos-return-original-heading" hidden>
            <h3 id="pos-return-original-heading" tabindex="-1"></h3>
            <dl id="pos-return-facts" class="facts"></dl>
            <p id="pos-return-nothing-left" class="notice" data-i18n="pos.return.nothingLeft" hidden></p>
            <ul id="pos-return-lines" class="pos-lines plain-list"></ul>
            <fieldset id="pos-return-tender" class="pos-choices">
              <legend data-i18n="pos.return.tender.legend"></legend>
              <div id="pos-return-tenders" class="pos-choices__list"></div>
              <p id="pos-return-tender-hint" class="field__hint"></p>
            </fieldset>
            <p class="pos-sale__total"><span data-i18n="pos.return.total"></span> <strong id="pos-return-total"></strong></p>
            <p><button type="button" id="pos-return-review" class="button button--primary pos-sale__complete"
                       data-i18n="pos.return.review"></button></p>
          </section>
          <section id="pos-return-confirm" class="pos-return__confirm stack" aria-labelledby="pos-return-confirm-heading" hidden>
            <h3 id="pos-return-confirm-heading" tabindex="-1" data-i18n="pos.return.confirm.heading"></h3>
            <p id="pos-return-confirm-what"></p>
            <ul id="pos-return-confirm-lines"></ul>
            <p data-i18n="pos.return.confirm.final"></p>
            <div class="button-row">
              <button type="button" id="pos-return-give" class="button button--primary"></button>
              <button type="button" id="pos-return-back" class="button button--secondary" data-i18n="pos.return.confirm.back"></button>
            </div>
          </section>
        </div>
        <pos-return-receipt hidden></pos-return-receipt>
      </section>`);
    translate(this);
    this.statusLine = this.querySelector('#pos-return-status');
    this.code = this.querySelector('#pos-return-code');
    this.receipt = this.querySelector('pos-return-receipt');
    this.errors = new FormErrors(this, this.querySelector('#pos-return-errors'));
    this.querySelector('#pos-return-find').addEventListener('submit', (event) => {
      event.preventDefault();
      this.find(this.code.value);
    });
    this.addEventListener('pos-code-scanned', (event) => {
      this.code.value = event.detail.code;
      this.find(event.detail.code);
    });
    this.addEventListener('click', (event) => this.clicked(event));
    this.addEventListener('change', (event) => this.changed(event));
    this.addEventListener('pos-return-new', () => this.newReturn());
    this.onLangChange = () => this.redraw();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    if (this.waiting !== undefined) this.shift = this.waiting;
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  /** The register's open shift, or null: the cash paid back comes out of its drawer. */
  set shift(shift) {
    if (!this.code) {
      this.waiting = shift;
      return;
    }
    const open = Boolean(shift);
    this.querySelector('#pos-return-no-shift').hidden = open;
    this.querySelector('#pos-return-now').hidden = !open || !this.receipt.hidden;
    if (!open) this.receipt.hidden = true;
  }

  /** Focus where the next receipt is scanned or typed (the shell calls this when the return screen is chosen). */
  focusCode() {
    if (!this.receipt.hidden) this.querySelector('#pos-return-receipt-heading').focus();
    else if (!this.querySelector('#pos-return-now').hidden) this.code.focus();
    else this.querySelector('#pos-return-heading').focus();
  }

  /**
   * Where the tablet signs: its register and the seller every receipt names (kept for the next return); the refund
   * receipt's panel learns the register's printer with it.
   */
  async counter() {
    if (!this.counterKnown) {
      const [device, catalog] = await Promise.all([currentDevice(), loadCatalog()]);
      this.counterKnown = { register: device.register.id, seller: catalog.seller };
      this.receipt.printer = device.register.printer ?? null;
    }
    return this.counterKnown;
  }

  async find(text) {
    if (this.busy) return;
    if (!text.trim()) {
      this.errors.show([{ target: 'pos-return-code', message: { key: 'pos.return.codeMissing' } }]);
      return;
    }
    this.errors.clear();
    this.busy = true;
    showMessage(this.statusLine, { key: 'pos.return.finding' });
    try {
      this.show(await lookUp(text));
      this.statusLine.textContent = '';
      announce(this.statusLine, { key: 'pos.return.found', params: { number: this.found.number } });
      this.querySelector('#pos-return-original-heading').focus();
    } catch (error) {
      console.warn('The sale was not found.', error);
      this.statusLine.textContent = '';
      this.errors.show(this.lookupProblems(error));
    } finally {
      this.busy = false;
    }
  }

  lookupProblems(error) {
    const type = problemType(error);
    if (error instanceof ReturnNeedsNetwork || !(error instanceof ApiError)) return [{ target: null, message: { key: 'pos.return.needsNetwork' } }];
    if (error.status === 404) return [{ target: 'pos-return-code', message: { key: 'pos.return.notFound' } }];
    if (error.status === 400) return [{ target: 'pos-return-code', message: { key: 'pos.return.codeInvalid' } }];
    if (type.endsWith('/not-a-sale-receipt')) return [{ target: 'pos-return-code', message: { key: 'pos.return.notASale' } }];
    if (error.status === 401) return [{ target: null, message: { key: 'pos.shift.signedOut' } }];
    return problemsFrom(error);
  }

  /** The original as found: every line with nothing chosen yet, its goods back to stock unless the cashier says not. */
  show(found) {
    this.found = found;
    this.chosen = new Map(found.lines.map((line) => [line.lineId, { quantity: 0, restock: line.restockable }]));
    this.tender = 'CASH';
    this.prepared = null;
    this.querySelector('#pos-return-confirm').hidden = true;
    this.querySelector('#pos-return-original').hidden = false;
    this.redraw();
  }

  redraw() {
    if (!this.found) return;
    const found = this.found;
    const heading = this.querySelector('#pos-return-original-heading');
    heading.textContent = t('pos.return.originalHeading', { number: found.number });
    render(this.querySelector('#pos-return-facts'), html`
      <div class="facts__row"><dt data-i18n="pos.return.fact.order"></dt><dd id="pos-return-order">${found.orderNumber}</dd></div>
      <div class="facts__row"><dt data-i18n="pos.return.fact.when"></dt>
        <dd><time datetime="${found.issuedAt}">${formatWhen(found.issuedAt)}</time></dd></div>
      <div class="facts__row"><dt data-i18n="pos.return.fact.total"></dt><dd id="pos-return-paid">${formatMoney(found.total)}</dd></div>
      <div class="facts__row"><dt data-i18n="pos.return.fact.refunded"></dt>
        <dd id="pos-return-refunded">${formatMoney(found.refunded)}</dd></div>`);
    translate(this.querySelector('#pos-return-facts'));
    const nothingLeft = found.lines.every((line) => line.returnable === 0);
    this.querySelector('#pos-return-nothing-left').hidden = !nothingLeft;
    this.drawLines();
    this.drawTenders();
    const confirming = !this.querySelector('#pos-return-confirm').hidden;
    this.querySelector('#pos-return-review').hidden = nothingLeft || confirming;
    this.querySelector('#pos-return-tender').hidden = nothingLeft;
    if (confirming) this.drawConfirm();
  }

  drawLines() {
    // While the return is reviewed (and given), it stays exactly as reviewed.
    const locked = !this.querySelector('#pos-return-confirm').hidden;
    render(this.querySelector('#pos-return-lines'), html`${this.found.lines.map((line) => {
      const id = line.lineId;
      const chosen = this.chosen.get(id);
      const naming = params({ name: lineName(line) });
      return html`
        <li class="pos-line pos-return-line" id="pos-return-line-${id}">
          <span class="pos-line__name">${lineName(line)}</span>
          <span class="pos-line__unit">${t('pos.return.line.sold', { quantity: line.quantity, price: formatMoney(line.unitPrice) })}
            · ${line.returnable > 0 ? t('pos.return.line.left', { count: line.returnable }) : t('pos.return.line.none')}</span>
          <span class="pos-line__quantity" role="group" data-i18n-attr="aria-label:pos.return.line.units" data-i18n-params="${naming}">
            <button type="button" class="button button--secondary pos-line__step" id="pos-return-fewer-${id}" data-fewer="${id}"
                    data-i18n-attr="aria-label:pos.return.line.fewer" data-i18n-params="${naming}"
                    ${(locked || chosen.quantity <= 0) && html`aria-disabled="true"`}>−</button>
            <span class="pos-line__count" id="pos-return-count-${id}">×${chosen.quantity}</span>
            <button type="button" class="button button--secondary pos-line__step" id="pos-return-more-${id}" data-more="${id}"
                    data-i18n-attr="aria-label:pos.return.line.more" data-i18n-params="${naming}"
                    ${(locked || chosen.quantity >= line.returnable) && html`aria-disabled="true"`}>+</button>
          </span>
          <span class="pos-line__amount" id="pos-return-amount-${id}">${formatMoney(this.refundOf(line))}</span>
          <div class="pos-line__extras">
            ${(line.options ?? []).length > 0 && html`<p class="pos-line__options">${line.options
              .map((option) => (currentLang() === 'en' && option.nameEn) || option.name).join(' · ')}</p>`}
            ${line.discount && html`<p class="pos-line__discount">${t('receipt.lines.discount', {
              amount: formatMoney(line.discount.amount), reason: line.discount.reason })}</p>`}
            ${line.restockable && line.returnable > 0 && html`<label class="pos-choice pos-return__restock">
              <input type="checkbox" id="pos-return-restock-${id}" data-restock="${id}" ${chosen.restock && html`checked`}
                     ${locked && html`disabled`} data-i18n-attr="aria-label:pos.return.line.restockNamed" data-i18n-params="${naming}">
              <span data-i18n="pos.return.line.restock"></span></label>`}
          </div>
        </li>`;
    })}`);
    translate(this.querySelector('#pos-return-lines'));
    this.querySelector('#pos-return-total').textContent = formatMoney(this.total());
  }

  drawTenders() {
    const { paidWith, original, backTo } = this.found.tenders;
    const cashOnly = paidWith.every((type) => type === 'CASH');
    const names = paidWith.map(tenderName).join(' + ');
    // While the return is reviewed (and given), it stays exactly as reviewed.
    const locked = !this.querySelector('#pos-return-confirm').hidden;
    render(this.querySelector('#pos-return-tenders'), html`
      <label class="pos-choice"><input type="radio" name="pos-return-tender" id="pos-return-tender-cash" value="CASH"
             ${this.tender === 'CASH' && html`checked`} ${locked && html`disabled`}> <span data-i18n="pos.return.tender.cash"></span></label>
      <label class="pos-choice"><input type="radio" name="pos-return-tender" id="pos-return-tender-original" value="ORIGINAL"
             aria-describedby="pos-return-tender-hint" ${this.tender === 'ORIGINAL' && html`checked`}
             ${(locked || !original) && html`disabled`}> <span>${t('pos.return.tender.original', { tenders: names })}</span></label>`);
    translate(this.querySelector('#pos-return-tenders'));
    const hint = this.querySelector('#pos-return-tender-hint');
    if (!original) showMessage(hint, { key: 'pos.return.tender.originalSpent' });
    else if (cashOnly) showMessage(hint, { key: 'pos.return.tender.originalCash' });
    else showMessage(hint, { key: 'pos.return.tender.originalTo', params: { tender: tenderLabel(backTo), left: formatMoney(backTo.amount) } });
  }

  /** How the money goes back, as the refund receipt will say: [{ type, provider, amount, … }]. */
  tendersNow() {
    return refundTenders(this.total(), this.tender === 'ORIGINAL' ? this.found.tenders.backTo : null);
  }

  /** What the units chosen of `line` give back. */
  refundOf(line) {
    const units = this.chosen.get(line.lineId).quantity;
    return { amount: units > 0 ? refundedFen(line, units) : 0, currency: line.amount.currency };
  }

  total() {
    const currency = this.found.lines[0]?.amount.currency ?? 'CNY';
    return { amount: this.found.lines.reduce((sum, line) => sum + this.refundOf(line).amount, 0), currency };
  }

  clicked(event) {
    const button = event.target.closest('button');
    if (!button || button.closest('pos-return-receipt, dialog, pos-camera-scan') || button.type === 'submit') return;
    if (button.getAttribute('aria-disabled') === 'true') return;
    if (button.dataset.more) this.step(button.dataset.more, 1);
    else if (button.dataset.fewer) this.step(button.dataset.fewer, -1);
    else if (button.id === 'pos-return-review') this.review();
    else if (button.id === 'pos-return-back') this.back();
    else if (button.id === 'pos-return-give') this.give();
  }

  changed(event) {
    const input = event.target;
    if (input.dataset.restock) {
      const line = this.lineOf(input.dataset.restock);
      this.chosen.get(line.lineId).restock = input.checked;
      announce(this.statusLine, { key: input.checked ? 'pos.return.restockOn' : 'pos.return.restockOff', params: { name: lineName(line) } });
    } else if (input.name === 'pos-return-tender') {
      this.tender = input.value;
    }
  }

  lineOf(id) {
    return this.found.lines.find((line) => line.lineId === id);
  }

  step(id, by) {
    if (this.busy) return;
    const line = this.lineOf(id);
    const chosen = this.chosen.get(id);
    const quantity = chosen.quantity + by;
    if (quantity < 0 || quantity > line.returnable) return;
    chosen.quantity = quantity;
    this.errors.clear();
    this.drawLines();
    this.querySelector(`#pos-return-${by > 0 ? 'more' : 'fewer'}-${CSS.escape(id)}`)?.focus();
    const total = this.total();
    announce(this.statusLine, { key: 'pos.return.quantityNow', params: { name: lineName(line), quantity, total: spokenMoney(total) } });
  }

  chosenLines() {
    return this.found.lines.filter((line) => this.chosen.get(line.lineId).quantity > 0);
  }

  /** A return cannot be undone: it is said in full, and given only when the cashier confirms. */
  review() {
    if (this.chosenLines().length === 0) {
      this.errors.show([{ target: null, message: { key: 'pos.return.noneChosen' } }]);
      return;
    }
    this.errors.clear();
    this.querySelector('#pos-return-confirm').hidden = false;
    this.drawLines();
    this.drawTenders();
    this.drawConfirm();
    this.querySelector('#pos-return-review').hidden = true;
    this.querySelector('#pos-return-confirm-heading').focus();
  }

  drawConfirm() {
    const total = this.total();
    const say = { total: formatMoney(total), currency: currencyName(total.currency), number: this.found.number };
    const what = this.querySelector('#pos-return-confirm-what');
    const parts = this.tendersNow();
    what.textContent = parts.length === 1 && parts[0].type === 'CASH' ? t('pos.return.confirm.what', say)
      : t('pos.return.confirm.whatTo', { ...say, parts: parts.map((part) => t(part.type === 'CASH' ? 'pos.return.confirm.partCash'
        : 'pos.return.confirm.partTo', { amount: formatMoney(part.amount), tender: tenderLabel(part) })).join(t('pos.return.confirm.and')) });
    render(this.querySelector('#pos-return-confirm-lines'), html`${this.chosenLines().map((line) => {
      const chosen = this.chosen.get(line.lineId);
      const restocked = chosen.restock && line.restockable;
      return html`<li>${t(restocked ? 'pos.return.confirm.lineRestock' : 'pos.return.confirm.line',
        { quantity: chosen.quantity, name: lineName(line), amount: formatMoney(this.refundOf(line)) })}</li>`;
    })}`);
    this.querySelector('#pos-return-give').textContent = t('pos.return.confirm.give', say);
  }

  back() {
    this.querySelector('#pos-return-confirm').hidden = true;
    this.querySelector('#pos-return-review').hidden = false;
    this.prepared = null;
    this.drawLines();
    this.drawTenders();
    this.querySelector('#pos-return-review').focus();
  }

  async give() {
    if (this.busy) return;
    this.errors.clear();
    this.busy = true;
    showMessage(this.statusLine, { key: 'pos.return.giving' });
    // Prepared once: given again after no answer, it is the same return, made at most once.
    this.prepared ??= prepareReturn(this.found, this.chosenLines().map((line) => ({ lineId: line.lineId,
      quantity: this.chosen.get(line.lineId).quantity, restock: Boolean(this.chosen.get(line.lineId).restock && line.restockable) })),
    this.tender);
    try {
      const done = await giveBack(this.prepared, await this.counter());
      this.completed(done);
    } catch (error) {
      console.warn('The return was not made.', error);
      this.statusLine.textContent = '';
      await this.refused(error);
    } finally {
      this.busy = false;
    }
  }

  completed({ signed, returned }) {
    this.prepared = null;
    this.found = null;
    this.code.value = '';
    this.querySelector('#pos-return-now').hidden = true;
    this.receipt.show({ signed, returned });
    const number = `${signed.register}-${signed.number}`;
    const backTo = signed.content.tenders.find((tender) => tender.type !== 'CASH');
    if (!backTo) announce(this.statusLine, { key: 'pos.return.done', params: { number, total: spokenMoney(returned.cashPaidOut) } });
    else {
      announce(this.statusLine, { key: returned.cashPaidOut.amount > 0 ? 'pos.return.doneToAndCash' : 'pos.return.doneTo',
        params: { number, amount: spokenMoney(returned.toOriginal), tender: tenderLabel(backTo), total: spokenMoney(returned.cashPaidOut) } });
    }
    this.dispatchEvent(new CustomEvent('pos-return-completed', { bubbles: true, detail: { signed, returned } }));
  }

  /** Refused, or no answer: the cashier gives nothing back yet, and is told what to do. */
  async refused(error) {
    const type = problemType(error);
    const unanswered = isUnreachable(error) || (error instanceof ApiError && error.status >= 500);
    if (!unanswered) this.prepared = null;
    if (type.endsWith('/return-beyond-what-is-left') || type.endsWith('/receipt-differs') || type.endsWith('/not-on-the-receipt')
        || type.endsWith('/original-tender-spent')) {
      // What is left (or the sale) changed since it was found: shown again as it is now, for the cashier to check.
      const code = this.found.code;
      try {
        this.show(await lookUp(code));
      } catch (lookupError) {
        console.warn('The sale could not be found again.', lookupError);
      }
      this.errors.show([{ target: null, message: { key: type.endsWith('/return-beyond-what-is-left') ? 'pos.return.beyond' : 'pos.return.changed' } }]);
      return;
    }
    this.errors.show(this.giveProblems(error, type, unanswered));
  }

  giveProblems(error, type, unanswered) {
    const say = (key, values = {}) => [{ target: null, message: { key, params: values } }];
    if (error instanceof ReturnNeedsNetwork) return say('pos.return.needsNetwork');
    if (unanswered) return say('pos.return.noAnswer');
    if (error instanceof SalesWaiting) return say('pos.return.salesWaiting', { count: error.count });
    if (error instanceof SeriesUnknown) return say('pos.sale.seriesUnknown');
    if (error instanceof DeviceKeyMissing) return say('pos.sale.keyMissing');
    if (!(error instanceof ApiError)) return say('pos.return.needsNetwork');
    if (type.endsWith('/original-tender-refused')) return say('pos.return.tender.refused');
    if (type.endsWith('/more-than-the-drawer-holds')) return say('pos.return.drawerShort');
    if (type.endsWith('/no-open-shift')) return say('pos.return.shiftClosed');
    if (type.endsWith('/receipt-out-of-sequence')) return say('pos.return.outOfSequence');
    if (type.endsWith('/receipt-signature-invalid')) return say('pos.sale.signatureInvalid');
    if (type.endsWith('/return-conflict')) return say('pos.return.conflict');
    if (type.endsWith('/device-not-paired')) return say('pos.signIn.notPaired');
    if (error.status === 401) return say('pos.shift.signedOut');
    return problemsFrom(error);
  }

  /** A new return: the receipt panel gives way to an empty search, where the next receipt is scanned. */
  newReturn() {
    this.errors.clear();
    this.receipt.hidden = true;
    this.found = null;
    this.querySelector('#pos-return-original').hidden = true;
    this.querySelector('#pos-return-confirm').hidden = true;
    this.querySelector('#pos-return-review').hidden = false;
    this.querySelector('#pos-return-now').hidden = false;
    this.code.value = '';
    this.code.focus();
  }
}

export function register() {
  registerReceipt();
  registerCameraScan();
  define('pos-return', PosReturn);
}
