/**
 * <pos-staff-guard>: keeps a counter staff page (the kitchen and bar's station screen) hidden until GET /api/auth/me
 * says someone who works the counter is signed in: an administrator, a coordinator or a cashier. Nobody signed in →
 * the sign-in page, which comes back here afterwards (?next=), as on the staff area's pages. Signed in without one of
 * those roles → a plain "no access" message. The content is the guard's child with class "pos-staff-content".
 * `allowed` is a promise of the user that settles once someone who may use the page is known (after a "try again",
 * too) and never when the page must not be used.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { currentUser, isCashier, managesCatalog } from '../../../lib/session.js';
import { define } from '../../../lib/define.js';

function signInUrl() {
  const here = window.location.pathname + window.location.search + window.location.hash;
  return `/login.html?next=${encodeURIComponent(here)}`;
}

class PosStaffGuard extends HTMLElement {
  connectedCallback() {
    this.content = this.querySelector(':scope > .pos-staff-content');
    this.content.hidden = true;
    this.notice = document.createElement('div');
    this.notice.className = 'pos-staff-guard stack';
    this.prepend(this.notice);
    this.allowed = new Promise((resolve) => {
      this.allow = resolve;
    });
    this.notice.addEventListener('click', (event) => {
      if (event.target.closest('#pos-staff-guard-retry')) this.check();
    });
    this.check();
  }

  async check() {
    this.say(html`<p id="pos-staff-guard-checking" role="status" data-i18n="admin.guard.checking"></p>`);
    let user;
    try {
      user = await currentUser();
    } catch (error) {
      console.warn('Could not check who is signed in.', error);
      this.say(html`
        <div id="pos-staff-guard-failed" class="notice" role="alert">
          <p data-i18n="admin.guard.failed"></p>
          <button type="button" id="pos-staff-guard-retry" class="button button--secondary" data-i18n="admin.guard.retry"></button>
        </div>`);
      return;
    }
    if (user === null) {
      window.location.replace(signInUrl());
      return;
    }
    if (!managesCatalog(user) && !isCashier(user)) {
      this.say(html`
        <section id="pos-staff-no-access" class="notice" tabindex="-1" aria-labelledby="pos-staff-no-access-heading">
          <h2 id="pos-staff-no-access-heading" data-i18n="admin.guard.noAccessHeading"></h2>
          <p data-i18n="pos.staffGuard.noAccess" data-i18n-params="${JSON.stringify({ email: user.email })}"></p>
          <p><a id="pos-staff-no-access-home" href="/" data-i18n="admin.guard.home"></a></p>
        </section>`);
      this.notice.querySelector('#pos-staff-no-access').focus();
      return;
    }
    this.say(html``);
    this.content.hidden = false;
    this.allow(user);
  }

  say(template) {
    render(this.notice, template);
    translate(this.notice);
    this.notice.hidden = !this.notice.firstElementChild;
  }
}

export function register() {
  define('pos-staff-guard', PosStaffGuard);
}
