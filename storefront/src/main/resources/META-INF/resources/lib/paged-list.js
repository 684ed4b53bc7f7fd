/**
 * What the list components share: running a list's load (a newer load overtakes an older one, a retry button
 * loads again, pager buttons load their page and keep focus), and the parts every list draws the same way:
 * the failure notice, the empty line, the pager and the live status line. Each list keeps its own ids, texts
 * and rows; the ids and keys are passed in, so what people see and hear does not change.
 */
import { html, render } from './html.js';
import { translate } from './i18n.js';

/** Pages needed for `total` rows at `size` a page; never fewer than one. */
export function pageCount(total, size) {
  return Math.max(1, Math.ceil(total / size));
}

/** The page (from 0) that ?page= in the address asks for; 0 when it is missing or not a whole number above 0. */
export function pageInAddress(params = new URLSearchParams(window.location.search)) {
  const page = Number.parseInt(params.get('page') || '0', 10);
  return Number.isInteger(page) && page > 0 ? page : 0;
}

/** This address with ?page= set to `page`, the filters kept. */
export function pageHref(page) {
  const params = new URLSearchParams(window.location.search);
  params.set('page', String(page));
  return `?${params}`;
}

/**
 * The notice that the list could not be loaded (an alert); with `retryId`, a button to load it again,
 * `primary` for the makers' portal, where it is the one thing to do.
 */
export function failedHtml(key, { retryId, retryKey = 'admin.retry', primary = false } = {}) {
  if (!retryId) return html`<p class="notice" role="alert" data-i18n="${key}"></p>`;
  return html`<div class="notice" role="alert"><p data-i18n="${key}"></p>
    <button type="button" id="${retryId}" class="button button--${primary ? 'primary' : 'secondary'}" data-i18n="${retryKey}"></button></div>`;
}

/** Draws {@link failedHtml} into `target`, in the page's language: what a list's `failed` does. */
export function showFailed(target, key, retryId) {
  render(target, failedHtml(key, { retryId }));
  translate(target);
}

/** The line shown instead of an empty table. */
export function emptyHtml(id, key, params) {
  return html`<p id="${id}" data-i18n="${key}" ${params && html`data-i18n-params="${JSON.stringify(params)}"`}></p>`;
}

/**
 * Previous, "page N of M" and next, only when there is more than one page. With `href` (page → address) the
 * moves are links, so the address holds the page; without, they are buttons carrying data-page, which a
 * {@link ListLoad} with `pageButtons` follows. The moves say "previous" and "next" unless their keys are given.
 */
export function pagerHtml({
  page, pages, href, previousId, nextId, previousKey = 'admin.pager.previous', nextKey = 'admin.pager.next',
}) {
  if (pages <= 1) return html``;
  const move = (to, id, key) => (href
    ? html`<a id="${id}" class="button button--secondary" href="${href(to)}" data-i18n="${key}"></a>`
    : html`<button type="button" id="${id}" class="button button--secondary" data-page="${to}" data-i18n="${key}"></button>`);
  return html`
    <nav class="pager" data-i18n-attr="aria-label:admin.pager.label">
      ${page > 0 && move(page - 1, previousId, previousKey)}
      <span class="pager__where" data-i18n="admin.pager.where" data-i18n-params="${JSON.stringify({ page: page + 1, pages })}"></span>
      ${page + 1 < pages && move(page + 1, nextId, nextKey)}
    </nav>`;
}

/**
 * Puts a translated message into a status line (role="status"), kept right when the language changes;
 * `null` empties it.
 */
export function showStatus(region, key, params = {}) {
  if (key === null) {
    region.textContent = '';
    return;
  }
  region.dataset.i18n = key;
  region.dataset.i18nParams = JSON.stringify(params);
  translate(region);
}

/**
 * Runs the loads of one list inside `host`:
 * - `fetch(...args)` asks the server; `loaded(result, ...args)` draws what came back, `failed()` the failure
 *   (the error goes to the console as "Could not load <what>.");
 * - `loading(...args)`, when given, shows that a load has started;
 * - a click on #`retryId` runs the last load again;
 * - with `pageButtons`, a click on a pager button loads its page (`run(page)`) and, once drawn, focus stays on
 *   the button pressed, or goes to its partner when that one is gone (the first or last page).
 * Only the newest load draws anything; `cancel()` drops the one under way.
 */
export class ListLoad {
  constructor(host, { what, fetch, loaded, failed, loading = () => {}, retryId = null, pageButtons = false }) {
    Object.assign(this, { host, what, fetch, loaded, failed, loading });
    this.runs = 0;
    this.last = [];
    host.addEventListener('click', (event) => {
      if (retryId && event.target.closest(`#${retryId}`)) this.run(...this.last);
      const button = pageButtons && event.target.closest('button[data-page]');
      if (button) this.run(Number(button.dataset.page)).then((drawn) => drawn && this.keepFocus(button.id));
    });
  }

  /** Loads and draws; resolves true when this load was drawn, false when it failed or a newer one overtook it. */
  async run(...args) {
    const run = ++this.runs;
    this.last = args;
    this.loading(...args);
    let result;
    try {
      result = await this.fetch(...args);
    } catch (error) {
      if (run !== this.runs) return false;
      console.warn(`Could not load ${this.what}.`, error);
      this.failed(error);
      return false;
    }
    if (run !== this.runs) return false;
    this.loaded(result, ...args);
    return true;
  }

  cancel() {
    this.runs += 1;
  }

  keepFocus(id) {
    (document.getElementById(id) || this.host.querySelector('button[data-page]'))?.focus();
  }
}
