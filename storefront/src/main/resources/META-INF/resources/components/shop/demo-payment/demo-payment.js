/**
 * <demo-payment>: the stand-in for a payment provider when the shop runs without Stripe, for the session in
 * ?session=. The page around it says loudly, in its title, banner and heading, that this is a demonstration and
 * no real money moves; this element shows the order number and amount (GET /api/payments/demo/{session}) and
 * two buttons, "pay" and "fail", each of which ends the demo payment and goes back to the order page. A
 * session that is no longer open says what became of it and links back to the order. A company's demo invoice says it
 * is one: a failed attempt leaves it open, as a real invoice stays owed.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, t } from '../../../lib/i18n.js';
import { ApiError } from '../../../lib/api.js';
import { formatMoney } from '../../../lib/money.js';
import { fetchDemoPayment, finishDemoPayment, safeRedirect } from '../../../lib/orders.js';
import { announce, showMessage } from '../../../lib/form-errors.js';
import { define } from '../../../lib/define.js';

const OPEN = 'OPEN';

class DemoPayment extends HTMLElement {
  connectedCallback() {
    this.sessionId = (new URLSearchParams(window.location.search).get('session') || '').trim();
    this.addEventListener('click', (event) => this.choose(event));
    this.onLangChange = () => this.load();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.load();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  async load() {
    if (!this.sessionId) {
      this.showMissing();
      return;
    }
    try {
      this.show(await fetchDemoPayment(this.sessionId));
    } catch (error) {
      console.warn('The demo payment could not be loaded.', error);
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) this.showMissing();
      else render(this, html`<p id="demo-error" class="shop-message shop-message--error" role="alert">${t('demoPayment.loadError')}</p>`);
    }
  }

  show(session) {
    this.session = session;
    const open = session.status === OPEN;
    render(this, html`
      ${session.invoice ? html`<p id="demo-invoice" class="notice">${t('demoPayment.invoice')}</p>` : ''}
      <dl class="demo-payment__facts">
        <div><dt>${t('demoPayment.orderNumber')}</dt><dd id="demo-order-number">${session.orderNumber}</dd></div>
        <div><dt>${t('demoPayment.amount')}</dt><dd id="demo-amount" class="demo-payment__amount">${formatMoney(session.amount)}</dd></div>
      </dl>
      ${open
        ? html`
          <p class="demo-payment__explain">${t(session.invoice ? 'demoPayment.explainInvoice' : 'demoPayment.explain')}</p>
          <div class="button-row demo-payment__buttons">
            <button type="button" id="demo-pay" class="button button--primary" data-outcome="complete">${t('demoPayment.pay')}</button>
            <button type="button" id="demo-fail" class="button button--secondary" data-outcome="fail">${t('demoPayment.fail')}</button>
          </div>`
        : html`
          <p id="demo-closed" class="notice">${t(`demoPayment.closed.${session.status}`)}</p>
          ${this.orderLink(session.returnUrl)}`}
      <p id="demo-status" class="status-message" role="status"></p>
      <p id="demo-problem" class="demo-payment__problem" role="alert"></p>`);
  }

  orderLink(returnUrl) {
    const href = safeRedirect(returnUrl);
    return href && html`<p><a id="demo-back" class="shop-more" href="${href}">${t('demoPayment.back')}</a></p>`;
  }

  showMissing() {
    render(this, html`
      <div id="demo-missing" class="shop-message">
        <p>${t('demoPayment.missing')}</p>
        <a href="/shop/cart.html">${t('demoPayment.toCart')}</a>
      </div>`);
  }

  async choose(event) {
    const button = event.target.closest('[data-outcome]');
    if (!button || this.busy) return;
    this.busy = true;
    const buttons = [...this.querySelectorAll('[data-outcome]')];
    buttons.forEach((each) => each.setAttribute('aria-disabled', 'true'));
    const statusLine = this.querySelector('#demo-status');
    const problem = this.querySelector('#demo-problem');
    problem.textContent = '';
    announce(statusLine, { key: button.dataset.outcome === 'complete' ? 'demoPayment.paying' : 'demoPayment.failing' });
    try {
      const { returnUrl } = await finishDemoPayment(this.sessionId, button.dataset.outcome);
      window.location.assign(safeRedirect(returnUrl) || '/shop/');
    } catch (error) {
      console.warn('The demo payment could not be finished.', error);
      this.busy = false;
      buttons.forEach((each) => each.removeAttribute('aria-disabled'));
      statusLine.textContent = '';
      if (error instanceof ApiError && error.status === 409) {
        await this.load();
        return;
      }
      showMessage(problem, { key: 'demoPayment.failed' });
    }
  }
}

export function register() {
  define('demo-payment', DemoPayment);
}
