/**
 * <admin-nav>: the staff area's own navigation (dashboard, products, makers, stock, orders, corporate customers, their
 * quotes, orders and production, POS registers, the counter's choices and prices, the mails to buyers, piece work, the
 * shop's identity, and for administrators only the parked events), marking the page we are on. Links marked
 * `adminOnly` are drawn once the signed-in user (asked once per page, already known to the guard) turns out to be an
 * administrator.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { currentUser, isAdmin } from '../../../lib/session.js';
import { define } from '../../../lib/define.js';

const LINKS = [
  { id: 'admin-nav-home', href: '/admin/index.html', key: 'admin.nav.home' },
  { id: 'admin-nav-products', href: '/admin/products.html', key: 'admin.nav.products', also: ['/admin/product.html'] },
  { id: 'admin-nav-makers', href: '/admin/makers.html', key: 'admin.nav.makers' },
  { id: 'admin-nav-stock', href: '/admin/stock.html', key: 'admin.nav.stock' },
  { id: 'admin-nav-orders', href: '/admin/orders.html', key: 'adminOrders.nav', also: ['/admin/order.html', '/admin/packing-list.html'] },
  { id: 'admin-nav-companies', href: '/admin/companies.html', key: 'corporate.admin.nav' },
  { id: 'admin-nav-quotes', href: '/admin/quotes.html', key: 'corporate.adminQuotes.nav' },
  { id: 'admin-nav-company-orders', href: '/admin/company-orders.html', key: 'corporate.adminOrders.nav' },
  { id: 'admin-nav-production', href: '/admin/production.html', key: 'corporate.production.nav' },
  { id: 'admin-nav-registers', href: '/admin/registers.html', key: 'pos.admin.nav' },
  { id: 'admin-nav-counter', href: '/admin/counter.html', key: 'counter.nav' },
  { id: 'admin-nav-mail', href: '/admin/mail.html', key: 'adminMail.nav' },
  {
    id: 'admin-nav-piecework',
    href: '/admin/piecework.html',
    key: 'piecework.nav.link',
    also: ['/admin/piece-rates.html', '/admin/maker-earnings.html', '/admin/payouts.html', '/admin/employment.html'],
  },
  { id: 'admin-nav-shop', href: '/admin/shop.html', key: 'admin.shop.nav' },
  { id: 'admin-nav-outbox', href: '/admin/outbox.html', key: 'admin.nav.outbox', adminOnly: true },
];

function current(link, path) {
  if (link.href === path || (link.href === '/admin/index.html' && path === '/admin/')) return 'page';
  return link.also?.includes(path) ? 'true' : null;
}

function linkHtml(link, path) {
  const state = current(link, path);
  return html`<a id="${link.id}" href="${link.href}" ${state && html`aria-current="${state}"`} data-i18n="${link.key}"></a>`;
}

class AdminNav extends HTMLElement {
  connectedCallback() {
    const path = window.location.pathname;
    render(this, html`
      <nav class="admin-nav" data-i18n-attr="aria-label:admin.nav.label">
        <ul class="admin-nav__links">
          ${LINKS.filter((link) => !link.adminOnly).map((link) => html`<li>${linkHtml(link, path)}</li>`)}
        </ul>
      </nav>`);
    translate(this);
    // Added, not redrawn: the links already there stay the same elements.
    currentUser().then((user) => {
      if (!isAdmin(user) || !this.isConnected) return;
      const list = this.querySelector('.admin-nav__links');
      for (const link of LINKS.filter((each) => each.adminOnly)) {
        const item = document.createElement('li');
        render(item, linkHtml(link, path));
        translate(item);
        list.append(item);
      }
    }, () => {});
  }
}

export function register() {
  define('admin-nav', AdminNav);
}
