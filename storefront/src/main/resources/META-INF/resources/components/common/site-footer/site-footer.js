/**
 * <site-footer>: the contentinfo landmark with who we are, where, when we are open and how to reach us (the shop's
 * identity, lib/shop.js), and our accessibility promise.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, t, translate } from '../../../lib/i18n.js';
import { define } from '../../../lib/define.js';
import { closuresText, hoursText, inLang, shopIdentity } from '../../../lib/shop.js';

class SiteFooter extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <footer class="site-footer">
        <div class="site-footer__inner">
          <p class="site-footer__name">
            <span id="footer-shop-name" data-i18n="brand.name"></span> ·
            <span id="footer-shop-address" data-i18n="footer.place"></span>
          </p>
          <p id="footer-shop-hours" hidden></p>
          <p id="footer-shop-contact" hidden></p>
          <p data-i18n="footer.mission"></p>
          <p data-i18n="footer.accessibility"></p>
          <p class="site-footer__copy">
            © ${new Date().getFullYear()} <span id="footer-shop-copy" data-i18n="brand.name"></span>
          </p>
        </div>
      </footer>`);
    translate(this);
    this.onLangChange = () => this.fill();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    shopIdentity().then((shop) => {
      this.shop = shop;
      this.fill();
    }, (error) => console.warn('The shop\'s details could not be read; the footer keeps its general words.', error));
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  fill() {
    const shop = this.shop;
    if (!shop) return;
    const set = (id, text) => {
      const node = this.querySelector(`#${id}`);
      node.removeAttribute('data-i18n');
      node.textContent = text;
      node.hidden = !text;
    };
    set('footer-shop-name', inLang(shop, 'name'));
    set('footer-shop-copy', inLang(shop, 'name'));
    set('footer-shop-address', inLang(shop, 'address'));
    set('footer-shop-hours', [t('shop.hours.line', { hours: hoursText(shop) }), closuresText(shop)].filter(Boolean).join(' '));
    set('footer-shop-contact', `${shop.phone} · ${shop.email}`);
  }
}

export function register() {
  define('site-footer', SiteFooter);
}
