/**
 * <admin-guard>: keeps a staff page's content hidden until GET /api/auth/me says an
 * administrator or coordinator is signed in. Nobody signed in → the sign-in page, which
 * comes back here afterwards (?next=). Signed in without the role → a plain "no access"
 * message. The content is the guard's child with class "admin-content". `allowed` is a
 * promise of the user that settles once someone who may use the page is known (after a
 * "try again", too) and never when the page must not be used.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { currentUser, managesCatalog } from '../../../lib/session.js';
import { define } from '../../../lib/define.js';

function signInUrl() {
  const here = window.location.pathname + window.location.search + window.location.hash;
  return `/login.html?next=${encodeURIComponent(here)}`;
}

class AdminGuard extends HTMLElement {
  connectedCallback() {
    this.content = this.querySelector(':scope > .admin-content');
    this.content.hidden = true;
    this.notice = document.createElement('div');
    this.notice.className = 'admin-guard stack';
    this.prepend(this.notice);
    this.allowed = new Promise((resolve) => {
      this.allow = resolve;
    });
    this.notice.addEventListener('click', (event) => {
      if (event.target.closest('#admin-guard-retry')) this.check();
    });
    this.check();
  }

  async check() {
    this.say(html`<p id="admin-guard-checking" role="status" data-i18n="admin.guard.checking"></p>`);
    let user;
    try {
      user = await currentUser();
    } catch (error) {
      console.warn('Could not check who is signed in.', error);
      this.say(html`
        <div id="admin-guard-failed" class="notice" role="alert">
          <p data-i18n="admin.guard.failed"></p>
          <button type="button" id="admin-guard-retry" class="button button--secondary" data-i18n="admin.guard.retry"></button>
        </div>`);
      return;
    }
    if (user === null) {
      window.location.replace(signInUrl());
      return;
    }
    if (!managesCatalog(user)) {
      this.say(html`
        <section id="admin-no-access" class="notice" tabindex="-1" aria-labelledby="admin-no-access-heading">
          <h2 id="admin-no-access-heading" data-i18n="admin.guard.noAccessHeading"></h2>
          <p data-i18n="admin.guard.noAccess" data-i18n-params="${JSON.stringify({ email: user.email })}"></p>
          <p><a id="admin-no-access-home" href="/" data-i18n="admin.guard.home"></a></p>
        </section>`);
      this.notice.querySelector('#admin-no-access').focus();
      return;
    }
    this.say(html``);
    this.content.hidden = false;
    this.allow(user);
    this.dispatchEvent(new CustomEvent('admin-ready', { bubbles: true, detail: { user } }));
  }

  say(template) {
    render(this.notice, template);
    translate(this.notice);
    this.notice.hidden = !this.notice.firstElementChild;
  }
}

export function register() {
  define('admin-guard', AdminGuard);
}
