/**
 * <mail-list>: every e-mail written to buyers, newest first, for admins: to whom, about what, whether it was kept (no
 * mail server: the demo), waits to be sent (with its failed attempts) or was sent, and its text as the buyer reads it.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { api } from '../../../lib/api.js';
import { currentUser, isAdmin } from '../../../lib/session.js';
import { relocalise, whenHtml } from '../../../lib/staff-orders.js';
import { ListLoad, emptyHtml, pageCount, pageHref, pageInAddress, pagerHtml, showFailed, showStatus } from '../../../lib/paged-list.js';
import { define } from '../../../lib/define.js';

const PAGE_SIZE = 20;

function stateHtml(mail) {
  return html`<span id="mail-status-${mail.id}" class="mail-list__status mail-list__status--${mail.status.toLowerCase()}"
                    data-i18n="adminMail.status.${mail.status}"></span>
    ${mail.failedAttempts > 0 && html`<span class="data-table__sub" data-i18n="adminMail.failedAttempts"
      data-i18n-params="${JSON.stringify({ count: mail.failedAttempts })}"></span>`}
    ${mail.lastError && html`<span class="data-table__sub">${mail.lastError}</span>`}`;
}

function mailHtml(mail) {
  return html`
    <article id="mail-${mail.id}" class="mail-list__mail stack" aria-labelledby="mail-subject-${mail.id}">
      <h2 id="mail-subject-${mail.id}" class="mail-list__subject">${mail.subject}</h2>
      <dl class="mail-list__facts">
        <div><dt data-i18n="adminMail.to"></dt><dd>${mail.recipient}</dd></div>
        <div><dt data-i18n="adminMail.about"></dt><dd><span data-i18n="adminMail.kind.${mail.kind}"></span>
          ${mail.orderNumber && html` · ${mail.orderNumber}`}</dd></div>
        <div><dt data-i18n="adminMail.language"></dt><dd data-i18n="adminMail.lang.${mail.language}"></dd></div>
        <div><dt data-i18n="adminMail.written"></dt><dd>${whenHtml(mail.createdAt)}</dd></div>
        <div><dt data-i18n="adminMail.state"></dt><dd>${stateHtml(mail)}${mail.sentAt && html` · ${whenHtml(mail.sentAt)}`}</dd></div>
        ${mail.attachment && html`<div><dt data-i18n="adminMail.attachment"></dt>
          <dd><a href="/api/receipts/${mail.attachment}/receipt.pdf?paper=a4&amp;lang=${mail.language}" data-i18n="adminMail.receiptPdf"></a></dd></div>`}
      </dl>
      <details>
        <summary data-i18n="adminMail.read"></summary>
        <pre id="mail-text-${mail.id}" class="mail-list__text" lang="${mail.language}">${mail.text}</pre>
      </details>
    </article>`;
}

class MailList extends HTMLElement {
  connectedCallback() {
    this.page = pageInAddress();
    render(this, html`
      <p id="mail-list-intro" data-i18n="adminMail.intro"></p>
      <p id="mail-list-status" class="status-message" role="status"></p>
      <div id="mail-list-results" class="stack"></div>`);
    translate(this);
    this.status = this.querySelector('#mail-list-status');
    this.results = this.querySelector('#mail-list-results');
    this.list = new ListLoad(this, {
      what: 'mails',
      retryId: 'mail-list-retry',
      loading: () => showStatus(this.status, 'adminMail.loading'),
      fetch: () => api.get(`/api/admin/mail?page=${this.page}&size=${PAGE_SIZE}`),
      failed: () => {
        showStatus(this.status, null);
        showFailed(this.results, 'adminMail.loadFailed', 'mail-list-retry');
      },
      loaded: (result) => {
        showStatus(this.status, 'adminMail.found', { count: result.total });
        this.draw(result);
      },
    });
    this.onLangChange = () => relocalise(this);
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.start();
  }

  /** A coordinator may open the staff area but not the mails: told so, without asking the server to refuse. */
  async start() {
    if (isAdmin(await currentUser().catch(() => null))) {
      this.list.run();
    } else {
      render(this.results, html`<p id="mail-list-admins-only" class="notice" role="alert" data-i18n="adminMail.adminsOnly"></p>`);
      translate(this.results);
    }
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  draw({ items, total, page, size }) {
    if (!items.length) {
      render(this.results, emptyHtml('mail-list-empty', 'adminMail.empty'));
    } else {
      const pages = pageCount(total, size || PAGE_SIZE);
      render(this.results, html`${items.map(mailHtml)}
        ${pagerHtml({ page, pages, href: pageHref, previousId: 'mail-prev', nextId: 'mail-next' })}`);
    }
    translate(this.results);
  }
}

export function register() {
  define('mail-list', MailList);
}
