/**
 * What the staff pages' guards share (<admin-guard>, <pos-staff-guard>): the page's content, the guard's child with
 * the guard's content class, stays hidden until GET /api/auth/me says someone who may use the page is signed in.
 * Nobody signed in → the sign-in page, which comes back here afterwards (?next=). Signed in without the role → a plain
 * "no access" message. `allowed` is a promise of the user that settles once someone who may use the page is known
 * (after a "try again", too) and never when the page must not be used. A guard says who may use its pages in
 * `settings`: `prefix` (of its elements' ids and its class), `content` (the guarded child's class), `mayUse(user)`,
 * `noAccessKey` (what it says to others) and `readyEvent` (sent when the page may be used, or null).
 */
import { html, render } from './html.js';
import { translate } from './i18n.js';
import { currentUser } from './session.js';

function signInUrl() {
  const here = window.location.pathname + window.location.search + window.location.hash;
  return `/login.html?next=${encodeURIComponent(here)}`;
}

export class StaffGuard extends HTMLElement {
  connectedCallback() {
    const { prefix, content } = this.settings;
    this.content = this.querySelector(`:scope > .${content}`);
    this.content.hidden = true;
    this.notice = document.createElement('div');
    this.notice.className = `${prefix}-guard stack`;
    this.prepend(this.notice);
    this.allowed = new Promise((resolve) => {
      this.allow = resolve;
    });
    this.notice.addEventListener('click', (event) => {
      if (event.target.closest(`#${prefix}-guard-retry`)) this.check();
    });
    this.check();
  }

  async check() {
    const { prefix, mayUse, noAccessKey, readyEvent } = this.settings;
    this.say(html`<p id="${prefix}-guard-checking" role="status" data-i18n="admin.guard.checking"></p>`);
    let user;
    try {
      user = await currentUser();
    } catch (error) {
      console.warn('Could not check who is signed in.', error);
      this.say(html`
        <div id="${prefix}-guard-failed" class="notice" role="alert">
          <p data-i18n="admin.guard.failed"></p>
          <button type="button" id="${prefix}-guard-retry" class="button button--secondary" data-i18n="admin.guard.retry"></button>
        </div>`);
      return;
    }
    if (user === null) {
      window.location.replace(signInUrl());
      return;
    }
    if (!mayUse(user)) {
      this.say(html`
        <section id="${prefix}-no-access" class="notice" tabindex="-1" aria-labelledby="${prefix}-no-access-heading">
          <h2 id="${prefix}-no-access-heading" data-i18n="admin.guard.noAccessHeading"></h2>
          <p data-i18n="${noAccessKey}" data-i18n-params="${JSON.stringify({ email: user.email })}"></p>
          <p><a id="${prefix}-no-access-home" href="/" data-i18n="admin.guard.home"></a></p>
        </section>`);
      this.notice.querySelector(`#${prefix}-no-access`).focus();
      return;
    }
    this.say(html``);
    this.content.hidden = false;
    this.allow(user);
    if (readyEvent) this.dispatchEvent(new CustomEvent(readyEvent, { bubbles: true, detail: { user } }));
  }

  say(template) {
    render(this.notice, template);
    translate(this.notice);
    this.notice.hidden = !this.notice.firstElementChild;
  }
}
