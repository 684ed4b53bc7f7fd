/**
 * <maker-summary>: the portal's first words to a maker: a greeting with their name and what the workshop owes
 * them now (GET /api/maker/me), the amount large, and said with its currency.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { makerMe, nameOf } from '../../../lib/maker.js';
import { amountHtml, relocalise } from '../../../lib/piecework.js';
import { define } from '../../../lib/define.js';

class MakerSummary extends HTMLElement {
  async connectedCallback() {
    this.onLangChange = () => {
      const greeting = this.querySelector('#maker-greeting');
      if (greeting && this.me) greeting.dataset.i18nParams = JSON.stringify({ name: nameOf(this.me) });
      relocalise(this);
    };
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    const me = await makerMe();
    this.me = me;
    const owed = me.balance.amount > 0;
    render(this, html`
      <section id="maker-summary" class="maker-panel maker-summary" aria-labelledby="maker-greeting">
        <h2 id="maker-greeting" data-i18n="maker.home.greeting" data-i18n-params="${JSON.stringify({ name: nameOf(me) })}"></h2>
        <p class="maker-big">
          <span data-i18n="${owed ? 'maker.home.owes' : 'maker.home.owesNothing'}"></span>
          ${owed && amountHtml(me.balance, { id: 'maker-balance', className: 'maker-big__amount' })}
        </p>
        <p class="maker-hint" data-i18n="${owed ? 'maker.home.owesHint' : 'maker.home.owesNothingHint'}"></p>
      </section>`);
    translate(this);
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }
}

export function register() {
  define('maker-summary', MakerSummary);
}
