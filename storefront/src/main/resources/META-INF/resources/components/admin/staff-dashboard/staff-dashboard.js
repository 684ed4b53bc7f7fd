/**
 * <staff-dashboard>: today's figures for coordinators (GET /api/admin/dashboard), each a link to the list where the
 * work is done, filtered where that list can be: pickups due today, orders to ship, low stock, work waiting for a
 * check, company orders waiting for delivery, events parked in the outbox, and this month's payouts. Days and months are
 * the shop's. Parked events lead to /admin/outbox.html for administrators only, whose API it is; coordinators see the
 * number without a link and are told that an administrator sends them again (docs/adr/0029).
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, currentLang, translate } from '../../../lib/i18n.js';
import { api } from '../../../lib/api.js';
import { formatMoney } from '../../../lib/money.js';
import { failedHtml } from '../../../lib/paged-list.js';
import { currentUser, isAdmin } from '../../../lib/session.js';
import { define } from '../../../lib/define.js';

/** The figures in the order shown, each with the list it leads to. */
const FIGURES = [
  { id: 'pickupsDue', href: '/admin/orders.html?status=PAID' },
  { id: 'ordersToShip', href: '/admin/orders.html?status=PAID' },
  { id: 'lowStock', href: '/admin/stock.html' },
  { id: 'workToCheck', href: '/admin/piecework.html' },
  { id: 'deliveriesWaiting', href: '/admin/company-orders.html' },
  { id: 'parkedDeliveries', href: '/admin/outbox.html', adminOnly: true, hint: 'admin.dashboard.parkedDeliveriesHint' },
  { id: 'paidOut', href: '/admin/payouts.html' },
];

/** "2026-12-07" as the page's language writes a day; the date is the shop's, so it is not moved to the browser's zone. */
function dayText(day, lang) {
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, date)));
}

function valueText(figures, id, lang) {
  return id === 'paidOut' ? formatMoney(figures.paidOut, lang) : new Intl.NumberFormat(lang).format(figures[id]);
}

class StaffDashboard extends HTMLElement {
  connectedCallback() {
    this.onLangChange = () => this.figures && this.show(this.figures);
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.addEventListener('click', (event) => {
      if (event.target.closest('#dashboard-retry')) this.load();
    });
    this.load();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  async load() {
    render(this, html`<p id="dashboard-loading" role="status" data-i18n="admin.dashboard.loading"></p>`);
    translate(this);
    try {
      this.figures = await api.get('/api/admin/dashboard');
      this.admin = isAdmin(await currentUser());
    } catch (error) {
      console.warn('The dashboard could not be loaded.', error);
      render(this, failedHtml('admin.dashboard.loadFailed', { retryId: 'dashboard-retry' }));
      translate(this);
      return;
    }
    this.show(this.figures);
  }

  show(figures) {
    const lang = currentLang();
    render(this, html`
      <section class="staff-dashboard stack" aria-labelledby="dashboard-heading">
        <h2 id="dashboard-heading" data-i18n="admin.dashboard.today"></h2>
        <p id="dashboard-day" data-i18n="admin.dashboard.day"
           data-i18n-params="${JSON.stringify({ day: dayText(figures.day, lang), zone: figures.timeZone })}"></p>
        <ul class="staff-dashboard__figures">
          ${FIGURES.map(({ id, href, adminOnly, hint }) => {
            const inner = html`
              <span id="dashboard-${id}-value" class="staff-dashboard__value">${valueText(figures, id, lang)}</span>
              <span class="staff-dashboard__label" data-i18n="admin.dashboard.${id}"
                    data-i18n-params="${JSON.stringify({ count: figures.payouts })}"></span>`;
            return html`
              <li>${adminOnly && !this.admin
                ? html`<div id="dashboard-${id}" class="staff-dashboard__figure staff-dashboard__figure--plain">${inner}
                    <span id="dashboard-${id}-hint" class="field__hint" data-i18n="${hint}"></span></div>`
                : html`<a id="dashboard-${id}" class="staff-dashboard__figure" href="${href}">${inner}</a>`}
              </li>`;
          })}
        </ul>
      </section>`);
    translate(this);
  }
}

export function register() {
  define('staff-dashboard', StaffDashboard);
}
