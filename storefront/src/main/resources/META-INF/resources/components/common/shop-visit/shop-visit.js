/**
 * <shop-visit>: where the shop is and when it is open, from the shop's identity (lib/shop.js): the address, the
 * pickup point and how to find it, the opening hours per weekday, coming closed dates and how to reach us.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, t, translate } from '../../../lib/i18n.js';
import { define } from '../../../lib/define.js';
import { closuresText, inLang, shopIdentity, weekLines } from '../../../lib/shop.js';

class ShopVisit extends HTMLElement {
  connectedCallback() {
    this.onLangChange = () => this.draw();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    shopIdentity().then((shop) => {
      this.shop = shop;
      this.draw();
    }, (error) => console.warn('The shop\'s details could not be read.', error));
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  draw() {
    const shop = this.shop;
    if (!shop) return;
    const closures = closuresText(shop);
    render(this, html`
      <section class="section shop-visit" aria-labelledby="visit-heading">
        <h2 id="visit-heading" data-i18n="shop.visit.heading"></h2>
        <p id="visit-name" class="shop-visit__name">${inLang(shop, 'name')}</p>
        <p id="visit-address">${inLang(shop, 'address')}</p>
        <p id="visit-pickup">${t('shop.visit.pickup', { point: inLang(shop, 'pickupPoint') })} ${inLang(shop, 'directions')}</p>
        <h3 id="visit-hours-heading" data-i18n="shop.visit.hours"></h3>
        <dl id="visit-hours" class="shop-visit__hours" aria-labelledby="visit-hours-heading">
          ${weekLines(shop).map((line) => html`
            <div><dt>${line.days}</dt><dd>${line.hours ?? t('shop.hours.closedWord')}</dd></div>`)}
        </dl>
        ${closures && html`<p id="visit-closures">${closures}</p>`}
        <p id="visit-contact">${t('shop.visit.contact', { phone: shop.phone, email: shop.email })}</p>
      </section>`);
    translate(this);
  }
}

export function register() {
  define('shop-visit', ShopVisit);
}
