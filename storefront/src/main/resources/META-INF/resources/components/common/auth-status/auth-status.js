/**
 * <auth-status>: the signed-in indicator. Shows the staff sign-in link until
 * GET /api/auth/me says who is signed in; then the user's email and a sign-out
 * button, for administrators and coordinators a link to the staff area, for makers a link
 * to their own work and earnings, and for a company's buyers a link to their company.
 * Emits `auth-change` (bubbles) with { user } once it knows, and `auth-sign-out` (bubbles, cancelable) before signing
 * out: a page whose work would be stranded without the session (the counter tablet's unsent sales) cancels it and
 * says why. Someone signing in or out without the page being loaded again (a cashier's PIN at the counter tablet, or
 * signing out there: lib/session.js's SESSION_CHANGE) is shown at once, the header asking again who it is.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { api, ensureCsrfToken } from '../../../lib/api.js';
import { SESSION_CHANGE, currentUser, isCorporateBuyer, isMaker, managesCatalog } from '../../../lib/session.js';
import { define } from '../../../lib/define.js';

const LOGIN_PATH = '/login.html';
const ADMIN_PATH = '/admin/index.html';
const MAKER_PATH = '/maker/';
const CORPORATE_PATH = '/corporate/';

class AuthStatus extends HTMLElement {
  connectedCallback() {
    this.showSignIn();
    this.addEventListener('click', this);
    this.onSessionChange = () => this.refresh();
    document.addEventListener(SESSION_CHANGE, this.onSessionChange);
    this.refresh();
  }

  disconnectedCallback() {
    this.removeEventListener('click', this);
    document.removeEventListener(SESSION_CHANGE, this.onSessionChange);
  }

  async refresh() {
    // Only the latest question is answered: a sign-in or out meanwhile makes an earlier answer stale.
    const asked = (this.asked ?? 0) + 1;
    this.asked = asked;
    let user = null;
    let known = true;
    try {
      user = await currentUser();
    } catch (error) {
      // Nobody signed in is null, not an error; any failure leaves what is shown (at first, the sign-in link).
      console.warn('Could not check who is signed in.', error);
      known = false;
    }
    if (asked !== this.asked) return;
    if (user?.email) this.showUser(user);
    else if (known && this.querySelector('#signed-in-user')) this.showSignIn();
    this.dispatchEvent(new CustomEvent('auth-change', { bubbles: true, detail: { user } }));
  }

  showSignIn() {
    const here = window.location.pathname === LOGIN_PATH;
    render(this, html`
      <a id="sign-in-link" class="auth-status__link" href="${LOGIN_PATH}"
         ${here && html`aria-current="page"`} data-i18n="nav.signIn"></a>`);
    translate(this);
  }

  showUser(user) {
    const here = window.location.pathname === ADMIN_PATH;
    render(this, html`
      ${managesCatalog(user) && html`
        <a id="nav-admin" class="auth-status__link" href="${ADMIN_PATH}"
           ${here && html`aria-current="page"`} data-i18n="nav.admin"></a>`}
      ${isMaker(user) && html`
        <a id="nav-maker" class="auth-status__link" href="${MAKER_PATH}"
           ${window.location.pathname === MAKER_PATH && html`aria-current="page"`} data-i18n="maker.nav.link"></a>`}
      ${isCorporateBuyer(user) && html`
        <a id="nav-corporate" class="auth-status__link" href="${CORPORATE_PATH}"
           ${window.location.pathname === CORPORATE_PATH && html`aria-current="page"`} data-i18n="corporate.nav.link"></a>`}
      <span class="auth-status__user">
        <span data-i18n="auth.signedInAs"></span>
        <strong id="signed-in-user" class="auth-status__email">${user.email}</strong>
      </span>
      <button type="button" id="sign-out" class="button button--secondary" data-i18n="auth.signOut"></button>
      <span id="sign-out-error" class="auth-status__error" role="status"></span>`);
    translate(this);
  }

  async handleEvent(event) {
    if (!event.target.closest('#sign-out')) return;
    if (!this.dispatchEvent(new CustomEvent('auth-sign-out', { bubbles: true, cancelable: true }))) return;
    try {
      await ensureCsrfToken();
      await api.post('/api/auth/logout');
      window.location.reload();
    } catch (error) {
      console.warn('Sign-out failed.', error);
      const message = this.querySelector('#sign-out-error');
      message.dataset.i18n = 'auth.signOutFailed';
      translate(message);
    }
  }
}

export function register() {
  define('auth-status', AuthStatus);
}
