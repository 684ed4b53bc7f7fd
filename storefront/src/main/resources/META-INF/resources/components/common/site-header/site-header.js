/**
 * <site-header>: banner with brand, main navigation (with the cart outside the staff area), language
 * switch, high-contrast toggle and the signed-in indicator. The tools come before
 * the navigation in the source because that is where they appear on screen. Text comes from
 * data-i18n keys so a language change updates it without re-rendering
 * (re-rendering would throw away keyboard focus).
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { define } from '../../../lib/define.js';
import { register as registerLangSwitch } from '../lang-switch/lang-switch.js';
import { register as registerThemeToggle } from '../theme-toggle/theme-toggle.js';
import { register as registerAuthStatus } from '../auth-status/auth-status.js';
import { register as registerCartLink } from '../cart-link/cart-link.js';

function isHome(path) {
  return path === '/' || path === '/index.html';
}

function isShopHome(path) {
  return path === '/shop/' || path === '/shop/index.html';
}

/** Buyers' pages show their cart; the staff area, the counter's screens and the makers' portal do not. */
function isStaffArea(path) {
  return path.startsWith('/admin/') || path.startsWith('/maker/') || path.startsWith('/pos/');
}

class SiteHeader extends HTMLElement {
  connectedCallback() {
    const here = window.location.pathname;
    render(this, html`
      <header class="site-header">
        <div class="site-header__inner">
          <a class="site-header__brand" href="/" id="brand-link">
            <span class="site-header__name" data-i18n="brand.name"></span>
            <span class="site-header__tagline" data-i18n="brand.tagline"></span>
          </a>
          <div class="site-header__tools">
            <lang-switch></lang-switch>
            <theme-toggle></theme-toggle>
          </div>
          <nav class="site-header__nav" data-i18n-attr="aria-label:nav.label">
            <ul class="site-header__links">
              <li><a id="nav-home" href="/" ${isHome(here) && html`aria-current="page"`}
                     data-i18n="nav.home"></a></li>
              <li><a id="nav-shop" href="/shop/" ${isShopHome(here) && html`aria-current="page"`}
                     data-i18n="nav.shop"></a></li>
              ${!isStaffArea(here) && html`<li><cart-link></cart-link></li>`}
              <li><auth-status></auth-status></li>
            </ul>
          </nav>
        </div>
      </header>`);
    translate(this);
  }
}

export function register() {
  registerLangSwitch();
  registerThemeToggle();
  registerAuthStatus();
  registerCartLink();
  define('site-header', SiteHeader);
}
