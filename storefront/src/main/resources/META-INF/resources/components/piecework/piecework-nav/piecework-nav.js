/**
 * <piecework-nav>: the piece-work screens among themselves (work to check, piece rates, a maker's earnings,
 * payouts, employment), marking the one we are on.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { define } from '../../../lib/define.js';

export const LINKS = [
  { id: 'piecework-nav-work', href: '/admin/piecework.html', key: 'piecework.nav.work' },
  { id: 'piecework-nav-rates', href: '/admin/piece-rates.html', key: 'piecework.nav.rates' },
  { id: 'piecework-nav-earnings', href: '/admin/maker-earnings.html', key: 'piecework.nav.earnings' },
  { id: 'piecework-nav-payouts', href: '/admin/payouts.html', key: 'piecework.nav.payouts' },
  { id: 'piecework-nav-employment', href: '/admin/employment.html', key: 'piecework.nav.employment' },
];

class PieceworkNav extends HTMLElement {
  connectedCallback() {
    const path = window.location.pathname;
    render(this, html`
      <nav class="piecework-nav" data-i18n-attr="aria-label:piecework.nav.label">
        <ul class="admin-nav__links piecework-nav__links">
          ${LINKS.map((link) => html`<li><a id="${link.id}" href="${link.href}"
            ${link.href === path && html`aria-current="page"`} data-i18n="${link.key}"></a></li>`)}
        </ul>
      </nav>`);
    translate(this);
  }
}

export function register() {
  define('piecework-nav', PieceworkNav);
}
