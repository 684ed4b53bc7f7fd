/**
 * <piecework-queue>: the work waiting for a check: records the makers reported themselves (REPORTED) and
 * those a coordinator recorded without checking (RECORDED). "Check" opens the check form for one record
 * below the list (POST …/work/{id}/check); a maker's report that was not right can be declined with a
 * reason (POST …/work/{id}/decline). Reloads when `work-recorded` is heard on the document.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, currentLang, translate } from '../../../lib/i18n.js';
import { formatMoney } from '../../../lib/money.js';
import { FormErrors, announce, problemsFrom } from '../../../lib/form-errors.js';
import { locations } from '../../../lib/staff-catalog.js';
import { dayHtml, operationWithProduct, relocalise } from '../../../lib/piecework.js';
import { REASON_MAX, checker, codeHtml, field, makerNameOf, send, workRecords } from '../../../lib/staff-piecework.js';
import { ListLoad, emptyHtml, failedHtml } from '../../../lib/paged-list.js';
import { define } from '../../../lib/define.js';
import { checkFieldFor, checkFieldsHtml, readCheck } from './check-form.js';

const WAITING = ['REPORTED', 'RECORDED'];

function whatOf(record) {
  const name = currentLang() === 'en' && record.operationNameEn ? record.operationNameEn : record.operationName;
  return operationWithProduct(record, name);
}

function rowHtml(record) {
  return html`
    <tr id="work-row-${record.id}" data-status="${record.status}">
      <th scope="row">${makerNameOf(record)}</th>
      <td>${whatOf(record)}</td>
      <td>${dayHtml(record.workDate, { year: true })}</td>
      <td class="data-table__number">${record.pieces}</td>
      <td>${codeHtml('status', record.status, html`class="badge badge--${record.status.toLowerCase()}"`)}</td>
      <td>${record.reportedBy || ''}</td>
      <td><button type="button" id="work-check-${record.id}" class="button button--secondary" data-check="${record.id}">
        <span data-i18n="piecework.queue.check"></span><span class="visually-hidden">: ${makerNameOf(record)}, ${whatOf(record)}</span>
      </button></td>
    </tr>`;
}

class PieceworkQueue extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <section class="stack" aria-labelledby="work-queue-heading">
        <h2 id="work-queue-heading" tabindex="-1" data-i18n="piecework.queue.heading"></h2>
        <p class="field__hint" data-i18n="piecework.queue.intro"></p>
        <p id="work-queue-status" class="status-message" role="status"></p>
        <div id="work-queue-list"><p role="status" data-i18n="piecework.loading"></p></div>
        <section id="work-check" class="admin-panel" aria-labelledby="work-check-heading" hidden></section>
      </section>`);
    translate(this);
    this.status = this.querySelector('#work-queue-status');
    this.panel = this.querySelector('#work-check');
    this.addEventListener('click', (event) => this.clicked(event));
    this.queue = new ListLoad(this, {
      what: 'the work waiting for a check',
      retryId: 'work-queue-retry',
      fetch: () => Promise.all([
        Promise.all(WAITING.map((status) => workRecords({ status }))),
        this.places ? this.places : locations(),
      ]),
      failed: () => this.drawList(failedHtml('piecework.queue.loadFailed', { retryId: 'work-queue-retry' })),
      loaded: ([pages, places]) => this.loaded(pages, places),
    });
    this.onLangChange = () => relocalise(this);
    this.onRecorded = () => this.load();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    document.addEventListener('work-recorded', this.onRecorded);
    this.load();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
    document.removeEventListener('work-recorded', this.onRecorded);
  }

  clicked(event) {
    const open = event.target.closest('[data-check]');
    if (open) this.open(open.dataset.check);
    if (event.target.closest('#work-check-cancel')) this.close(this.chosen?.id);
  }

  /** Loads the waiting work again; resolves once it is drawn (or could not be). */
  load() {
    return this.queue.run();
  }

  loaded(pages, places) {
    this.places = places;
    this.records = pages.flatMap((page) => page.items)
      .sort((a, b) => a.workDate.localeCompare(b.workDate) || makerNameOf(a).localeCompare(makerNameOf(b)));
    this.drawList(this.records.length ? html`
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="work-queue-caption">
        <table id="work-queue-table" class="data-table">
          <caption id="work-queue-caption" data-i18n="piecework.queue.caption"
                   data-i18n-params="${JSON.stringify({ count: this.records.length })}"></caption>
          <thead><tr>
            <th scope="col" data-i18n="piecework.col.maker"></th>
            <th scope="col" data-i18n="piecework.col.work"></th>
            <th scope="col" data-i18n="piecework.col.day"></th>
            <th scope="col" class="data-table__number" data-i18n="piecework.col.pieces"></th>
            <th scope="col" data-i18n="piecework.col.status"></th>
            <th scope="col" data-i18n="piecework.col.reportedBy"></th>
            <th scope="col" data-i18n="piecework.col.action"></th>
          </tr></thead>
          <tbody>${this.records.map(rowHtml)}</tbody>
        </table>
      </div>` : emptyHtml('work-queue-empty', 'piecework.queue.empty'));
    if (this.chosen && !this.records.some((r) => r.id === this.chosen.id)) this.close();
  }

  drawList(template) {
    const list = this.querySelector('#work-queue-list');
    render(list, template);
    translate(list);
  }

  open(id) {
    const record = this.records.find((r) => r.id === id);
    if (!record) return;
    this.chosen = record;
    const params = JSON.stringify({ maker: makerNameOf(record), what: whatOf(record) });
    render(this.panel, html`
      <h3 id="work-check-heading" tabindex="-1" data-i18n="piecework.check.heading" data-i18n-params="${params}"></h3>
      <p id="work-check-facts"><span data-i18n="piecework.check.facts"
         data-i18n-params="${JSON.stringify({ count: record.pieces })}"></span> ${dayHtml(record.workDate, { year: true })}</p>
      <form id="work-check-form" class="admin-form" novalidate>
        <div id="work-check-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
        ${checkFieldsHtml('work-check', this.places, String(record.pieces))}
        <p class="button-row">
          <button type="submit" id="work-check-submit" class="button button--primary" data-i18n="piecework.check.submit"></button>
          <button type="button" id="work-check-cancel" class="button button--secondary" data-i18n="piecework.check.cancel"></button>
        </p>
      </form>
      ${record.status === 'REPORTED' && html`
        <form id="work-decline-form" class="admin-form work-decline" novalidate aria-labelledby="work-decline-heading">
          <h4 id="work-decline-heading" data-i18n="piecework.decline.heading"></h4>
          <div id="work-decline-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
          ${field('work-decline-reason', 'piecework.decline.reason',
            html`<textarea id="work-decline-reason" rows="3" maxlength="${REASON_MAX}" aria-describedby="work-decline-reason-hint"></textarea>`,
            { hint: 'piecework.decline.reasonHint' })}
          <button type="submit" id="work-decline-submit" class="button button--secondary" data-i18n="piecework.decline.submit"></button>
        </form>`}`);
    translate(this.panel);
    this.panel.hidden = false;
    for (const kind of ['check', 'decline']) {
      const form = this.panel.querySelector(`#work-${kind}-form`);
      if (!form) continue;
      const errors = new FormErrors(form, form.querySelector('.error-summary'));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        this.submit(kind, record, form, errors);
      });
    }
    this.panel.querySelector('#work-check-heading').focus();
  }

  /** Hides the form; focus goes back to the record's button, or to the list's heading when it has gone. */
  close(id) {
    this.chosen = null;
    this.panel.hidden = true;
    render(this.panel, html``);
    (id && this.querySelector(`#work-check-${CSS.escape(id)}`) || this.querySelector('#work-queue-heading')).focus();
  }

  async submit(kind, record, form, errors) {
    if (this.busy) return;
    const problems = [];
    const body = kind === 'check'
      ? readCheck(this.panel, 'work-check', record.pieces, problems)
      : { reason: checker(problems).reason('work-decline-reason', form.querySelector('#work-decline-reason').value) };
    if (problems.length) {
      errors.show(problems);
      return;
    }
    errors.clear();
    this.busy = true;
    try {
      const done = await send(`/work/${encodeURIComponent(record.id)}/${kind}`, body);
      announce(this.status, kind === 'check'
        ? { key: 'piecework.check.done', params: { maker: makerNameOf(record), count: done.accepted ?? body.accepted,
          amount: done.amount ? formatMoney(done.amount) : '—' } }
        : { key: 'piecework.decline.done', params: { maker: makerNameOf(record), what: whatOf(record) } });
      this.chosen = null;
      this.panel.hidden = true;
      render(this.panel, html``);
      await this.load();
      this.querySelector('#work-queue-heading').focus();
      this.dispatchEvent(new CustomEvent('work-checked', { bubbles: true, detail: { record: done } }));
    } catch (error) {
      console.warn(`The ${kind} was not saved.`, error);
      errors.show(problemsFrom(error, (name) => (kind === 'check' ? checkFieldFor('work-check', name) : 'work-decline-reason')));
    } finally {
      this.busy = false;
    }
  }
}

export function register() {
  define('piecework-queue', PieceworkQueue);
}
