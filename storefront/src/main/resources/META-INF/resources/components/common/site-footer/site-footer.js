/**
 * <site-footer>: the contentinfo landmark with who we are, where, and our
 * accessibility promise.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { define } from '../../../lib/define.js';

class SiteFooter extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <footer class="site-footer">
        <div class="site-footer__inner">
          <p class="site-footer__name">
            <span data-i18n="brand.name"></span> ·
            <span data-i18n="footer.place"></span>
          </p>
          <p data-i18n="footer.mission"></p>
          <p data-i18n="footer.accessibility"></p>
          <p class="site-footer__copy">
            © ${new Date().getFullYear()} <span data-i18n="brand.name"></span>
          </p>
        </div>
      </footer>`);
    translate(this);
  }
}

export function register() {
  define('site-footer', SiteFooter);
}
