/**
 * <login-form>: enhances the staff sign-in form that login.html ships as
 * plain HTML. Adds messages in the page's language, the password-visibility
 * toggle and the JSON sign-in call. Emits `login-success` (bubbles) with
 * { user } just before leaving the page.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { api, ensureCsrfToken } from '../../../lib/api.js';
import { safeNextPath } from '../../../lib/redirect.js';
import { homeOf } from '../../../lib/session.js';
import { define } from '../../../lib/define.js';

function problemKey(input) {
  if (input.validity.valueMissing) return `login.${input.id}.missing`;
  if (input.validity.typeMismatch) return `login.${input.id}.invalid`;
  return null;
}

function serverMessage(error) {
  if (error.status === 401) return { key: 'login.error.credentials', params: {} };
  if (error.status === 429) {
    const seconds = error.retryAfterSeconds;
    return seconds === null
      ? { key: 'login.error.tooManyLater', params: {} }
      : { key: 'login.error.tooMany', params: { seconds, count: seconds } };
  }
  return { key: 'login.error.generic', params: {} };
}

/**
 * The page named in ?next= (same-origin paths only: never an open redirect); without one, the place of the user's role
 * (homeOf): the staff dashboard, the makers' portal, the buyers' portal, the POS, or the shop.
 */
function landingPath(user) {
  if (new URLSearchParams(window.location.search).has('next')) {
    return safeNextPath(window.location.search, window.location.origin, homeOf(user));
  }
  return homeOf(user);
}

function setDescribedBy(input, id, on) {
  const ids = new Set((input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
  if (on) ids.add(id);
  else ids.delete(id);
  if (ids.size) input.setAttribute('aria-describedby', [...ids].join(' '));
  else input.removeAttribute('aria-describedby');
}

class LoginForm extends HTMLElement {
  connectedCallback() {
    this.form = this.querySelector('form');
    this.summary = this.querySelector('#login-error');
    this.inputs = [this.querySelector('#email'), this.querySelector('#password')];
    this.password = this.querySelector('#password');
    this.toggle = this.querySelector('#password-toggle');
    this.submitButton = this.querySelector('#login-submit');
    // Our own messages replace the browser's bubbles: they are in the page language and stay on screen.
    this.form.noValidate = true;
    this.toggle.hidden = false;
    this.form.addEventListener('submit', (event) => this.submit(event));
    this.form.addEventListener('input', (event) => this.recheck(event.target));
    this.toggle.addEventListener('click', () => this.togglePassword());
    this.summary.addEventListener('click', (event) => this.focusField(event));
  }

  async submit(event) {
    event.preventDefault();
    if (this.busy) return;
    const invalid = this.inputs.map((input) => ({ input, key: problemKey(input) }));
    invalid.forEach(({ input, key }) => this.setFieldError(input, key));
    const problems = invalid.filter(({ key }) => key);
    if (problems.length) return this.showSummary(html`
      <h2 class="error-summary__title" data-i18n="login.error.summaryTitle"></h2>
      <ul class="error-summary__list">
        ${problems.map(({ input, key }) => html`<li><a href="#${input.id}" data-i18n="${key}"></a></li>`)}
      </ul>`);
    this.summary.hidden = true;
    this.showPassword(false); // password managers only offer to save a field of type password
    this.setBusy(true);
    try {
      await ensureCsrfToken();
      const user = await api.post('/api/auth/login', { email: this.inputs[0].value, password: this.password.value });
      this.dispatchEvent(new CustomEvent('login-success', { bubbles: true, detail: { user } }));
      window.location.assign(landingPath(user));
    } catch (error) {
      this.setBusy(false);
      const { key, params } = serverMessage(error);
      if (error.status === 401) this.password.value = '';
      this.showSummary(html`<p data-i18n="${key}" data-i18n-params="${JSON.stringify(params)}"></p>`);
    }
  }

  setFieldError(input, key) {
    const message = this.querySelector(`#${input.id}-error`);
    message.hidden = !key;
    message.dataset.i18n = key || '';
    message.textContent = '';
    if (key) {
      translate(message);
      input.setAttribute('aria-invalid', 'true');
    } else {
      input.removeAttribute('aria-invalid');
    }
    setDescribedBy(input, message.id, Boolean(key));
  }

  /** Clears a field's message as soon as it is fixed; new problems wait for the next submit. */
  recheck(input) {
    if (input.getAttribute('aria-invalid') === 'true' && !problemKey(input)) this.setFieldError(input, null);
  }

  showSummary(content) {
    render(this.summary, content);
    translate(this.summary);
    this.summary.hidden = false;
    this.summary.focus();
  }

  focusField(event) {
    const link = event.target.closest('a[href^="#"]');
    if (!link) return;
    event.preventDefault();
    this.querySelector(link.getAttribute('href')).focus();
  }

  showPassword(show) {
    this.password.type = show ? 'text' : 'password';
    this.toggle.setAttribute('aria-pressed', String(show));
  }

  togglePassword() {
    this.showPassword(this.password.type === 'password');
  }

  setBusy(busy) {
    this.busy = busy;
    this.submitButton.setAttribute('aria-disabled', String(busy));
    this.submitButton.dataset.i18n = busy ? 'login.submitting' : 'login.submit';
    translate(this.submitButton);
  }
}

export function register() {
  define('login-form', LoginForm);
}
