/**
 * <maker-guard>: keeps the makers' portal hidden until GET /api/auth/me says a maker is signed in and
 * GET /api/maker/me finds their maker profile. Nobody signed in → a friendly link to the sign-in page,
 * which comes back here afterwards; no page is left without being asked. Signed in as someone else, or
 * as a maker account not yet linked to a maker → a plain word of what to do. The content is the guard's
 * child with class "maker-content". `allowed` is a promise of { user, me } that settles once the maker is
 * known (after a "try again", too) and never when the page must not be used.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { currentUser, isMaker } from '../../../lib/session.js';
import { makerMe } from '../../../lib/maker.js';
import { define } from '../../../lib/define.js';

function signInUrl() {
  const here = window.location.pathname + window.location.search + window.location.hash;
  return `/login.html?next=${encodeURIComponent(here)}`;
}

function notice(id, headingKey, textKey, link, params = {}) {
  return html`
    <section id="${id}" class="notice maker-notice" tabindex="-1" aria-labelledby="${id}-heading">
      <h2 id="${id}-heading" data-i18n="${headingKey}"></h2>
      <p data-i18n="${textKey}" data-i18n-params="${JSON.stringify(params)}"></p>
      <p><a id="${id}-link" class="button button--primary" href="${link.href}" data-i18n="${link.key}"></a></p>
    </section>`;
}

class MakerGuard extends HTMLElement {
  connectedCallback() {
    this.content = this.querySelector(':scope > .maker-content');
    this.content.hidden = true;
    this.notice = document.createElement('div');
    this.notice.className = 'maker-guard stack';
    this.prepend(this.notice);
    this.allowed = new Promise((resolve) => {
      this.allow = resolve;
    });
    this.notice.addEventListener('click', (event) => {
      if (event.target.closest('#maker-guard-retry')) this.check();
    });
    this.check();
  }

  async check() {
    this.say(html`<p id="maker-guard-checking" role="status" data-i18n="maker.guard.checking"></p>`);
    let user;
    let me;
    try {
      user = await currentUser();
      if (user && isMaker(user)) me = await makerMe();
    } catch (error) {
      if (error.status === 403 || error.status === 404) {
        this.refuse(notice('maker-not-linked', 'maker.guard.notLinkedHeading', 'maker.guard.notLinked',
          { href: '/', key: 'maker.guard.home' }));
        return;
      }
      console.warn('Could not check who is signed in.', error);
      this.say(html`
        <div id="maker-guard-failed" class="notice" role="alert">
          <p data-i18n="maker.guard.failed"></p>
          <button type="button" id="maker-guard-retry" class="button button--primary" data-i18n="maker.guard.retry"></button>
        </div>`);
      return;
    }
    if (user === null) {
      this.refuse(notice('maker-sign-in', 'maker.guard.signInHeading', 'maker.guard.signIn',
        { href: signInUrl(), key: 'maker.guard.signInLink' }));
      return;
    }
    if (!isMaker(user)) {
      this.refuse(notice('maker-no-access', 'maker.guard.noAccessHeading', 'maker.guard.noAccess',
        { href: '/', key: 'maker.guard.home' }, { email: user.email }));
      return;
    }
    this.say(html``);
    this.content.hidden = false;
    this.allow({ user, me });
    this.dispatchEvent(new CustomEvent('maker-ready', { bubbles: true, detail: { user, me } }));
  }

  refuse(template) {
    this.say(template);
    this.notice.querySelector('section').focus();
  }

  say(template) {
    render(this.notice, template);
    translate(this.notice);
    this.notice.hidden = !this.notice.firstElementChild;
  }
}

export function register() {
  define('maker-guard', MakerGuard);
}
