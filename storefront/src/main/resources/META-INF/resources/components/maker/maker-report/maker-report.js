/**
 * <maker-report>: "report my work": what was made (one choice per operation the maker may report, from
 * GET /api/maker/operations), the day (today unless changed, at most two months back) and how many pieces, sent as POST
 * /api/maker/work. Problems are said next to their field and in a summary that takes focus; success
 * replaces the form with a plain confirmation that the coordinator will check the work, and a button to
 * report more. Nothing here runs out of time.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { ApiError } from '../../../lib/api.js';
import { FormErrors, detailMessage, fieldMessage } from '../../../lib/form-errors.js';
import { parseCount } from '../../../lib/quantity.js';
import { operationLabel, operations, reportWork } from '../../../lib/maker.js';
import { dayText, isDay, today } from '../../../lib/piecework.js';
import { define } from '../../../lib/define.js';

const FIELDS = { operationId: 'maker-report-operation', workDate: 'maker-report-date', pieces: 'maker-report-pieces' };
/** The API takes a maker's own report of up to 10,000 pieces, done in the last 62 days. */
const MAX_PIECES = 10000;
const DAYS_BACK = 62;

/** The earliest day a maker may report work for, as the API counts it. */
function earliestDay() {
  const [year, month, day] = today().split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day - DAYS_BACK)).toISOString().slice(0, 10);
}

function choice(operation, i) {
  const id = `maker-report-operation-${i + 1}`;
  return html`
    <li><label class="choice maker-choice" for="${id}">
      <input type="radio" id="${id}" name="operationId" value="${operation.id}">
      <span class="choice__text">${operationLabel(operation)}</span></label></li>`;
}

function field(id, key, control, hintKey) {
  return html`
    <div class="field">
      <label for="${id}" data-i18n="${key}"></label>
      ${hintKey && html`<p id="${id}-hint" class="field__hint" data-i18n="${hintKey}"></p>`}
      ${control}
      <p id="${id}-error" class="field__error" hidden></p>
    </div>`;
}

/** Problems for the summary from a refused report. */
function serverProblems(error) {
  if (!(error instanceof ApiError)) return [{ target: null, message: { key: 'maker.errors.network' } }];
  if (error.status === 401) return [{ target: null, message: { key: 'maker.errors.signedOut' } }];
  const fields = Array.isArray(error.problem.errors) ? error.problem.errors : [];
  if (fields.length) {
    return fields.map((refused) => ({
      target: FIELDS[refused.field] ?? null,
      message: fieldMessage(refused, 'maker.errors.invalid'),
    }));
  }
  if (error.status >= 500 || !error.problem.detail) return [{ target: null, message: { key: 'maker.errors.server' } }];
  return [{ target: null, message: detailMessage(error.problem.detail, 'maker.errors.invalid') }];
}

class MakerReport extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <section id="maker-report" class="maker-panel" aria-labelledby="maker-report-heading">
        <h2 id="maker-report-heading" data-i18n="maker.report.heading"></h2>
        <div id="maker-report-body"><p role="status" data-i18n="maker.loading"></p></div>
      </section>`);
    translate(this);
    this.body = this.querySelector('#maker-report-body');
    this.addEventListener('click', (event) => {
      if (event.target.closest('#maker-report-again')) this.drawForm(true);
      if (event.target.closest('#maker-report-retry')) this.load();
    });
    this.load();
  }

  async load() {
    try {
      this.operations = await operations();
    } catch (error) {
      console.warn('Could not load the kinds of work.', error);
      render(this.body, html`<div class="notice" role="alert"><p data-i18n="maker.report.loadFailed"></p>
        <button type="button" id="maker-report-retry" class="button button--primary" data-i18n="maker.retry"></button></div>`);
      translate(this.body);
      return;
    }
    this.drawForm(false);
  }

  drawForm(focus) {
    if (!this.operations.length) {
      render(this.body, html`<p id="maker-report-none" data-i18n="maker.report.none"></p>`);
      translate(this.body);
      return;
    }
    render(this.body, html`
      <p class="maker-hint" data-i18n="maker.report.intro"></p>
      <form id="maker-report-form" class="maker-form" novalidate>
        <div id="maker-report-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
        <fieldset id="maker-report-operation" class="group">
          <legend class="group__legend" data-i18n="maker.report.operation"></legend>
          <p id="maker-report-operation-error" class="field__error" hidden></p>
          <ul class="choices">${this.operations.map(choice)}</ul>
        </fieldset>
        ${field('maker-report-date', 'maker.report.date',
          html`<input id="maker-report-date" type="date" value="${today()}" min="${earliestDay()}" max="${today()}" required
                      aria-describedby="maker-report-date-hint">`, 'maker.report.dateHint')}
        ${field('maker-report-pieces', 'maker.report.pieces',
          html`<input id="maker-report-pieces" type="text" inputmode="numeric" autocomplete="off" required
                      class="input--short" aria-describedby="maker-report-pieces-hint">`, 'maker.report.piecesHint')}
        <button type="submit" id="maker-report-submit" class="button button--primary maker-button"
                data-i18n="maker.report.submit"></button>
      </form>`);
    translate(this.body);
    this.form = this.querySelector('#maker-report-form');
    this.errors = new FormErrors(this.form, this.querySelector('#maker-report-errors'),
      { titleKey: 'maker.errors.title', labelKey: 'maker.errors.fieldLabel' });
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    if (this.operations.length === 1) this.querySelector('#maker-report-operation-1').checked = true;
    if (focus) this.querySelector('#maker-report-operation input, #maker-report-pieces').focus();
  }

  /** The request body, or the problems that stop it. */
  check() {
    const problems = [];
    const wrong = (target, key, params = {}) => problems.push({ target, message: { key, params } });
    const chosen = this.form.querySelector('input[name="operationId"]:checked');
    if (!chosen) wrong(FIELDS.operationId, 'maker.report.operationMissing');
    const workDate = this.querySelector('#maker-report-date').value;
    if (!isDay(workDate)) wrong(FIELDS.workDate, 'maker.report.dateMissing');
    else if (workDate > today()) wrong(FIELDS.workDate, 'maker.report.dateFuture');
    else if (workDate < earliestDay()) wrong(FIELDS.workDate, 'maker.report.dateTooOld');
    const pieces = parseCount(this.querySelector('#maker-report-pieces').value, 1, MAX_PIECES);
    if (pieces.problem) wrong(FIELDS.pieces, `maker.report.piecesProblem.${pieces.problem}`);
    return { problems, body: { operationId: chosen?.value, workDate, pieces: pieces.value } };
  }

  async submit() {
    if (this.busy) return;
    const { problems, body } = this.check();
    if (problems.length) {
      this.errors.show(problems);
      return;
    }
    this.errors.clear();
    this.setBusy(true);
    try {
      await reportWork(body);
    } catch (error) {
      console.warn('Reporting work failed.', error);
      this.setBusy(false);
      this.errors.show(serverProblems(error));
      return;
    }
    this.busy = false;
    this.drawDone(body);
  }

  setBusy(busy) {
    this.busy = busy;
    const button = this.querySelector('#maker-report-submit');
    button.setAttribute('aria-disabled', String(busy));
    button.dataset.i18n = busy ? 'maker.report.sending' : 'maker.report.submit';
    translate(button);
  }

  drawDone(body) {
    const operation = this.operations.find((o) => o.id === body.operationId);
    const params = { day: dayText(body.workDate), what: operationLabel(operation), count: body.pieces };
    render(this.body, html`
      <div id="maker-report-done" class="maker-done" tabindex="-1" aria-labelledby="maker-report-done-heading">
        <h3 id="maker-report-done-heading" data-i18n="maker.report.doneHeading"></h3>
        <p id="maker-report-done-what" data-i18n="maker.report.doneWhat" data-i18n-params="${JSON.stringify(params)}"></p>
        <p id="maker-report-done-wait" class="maker-big" data-i18n="maker.report.doneWait"></p>
        <p data-i18n="maker.report.doneLater"></p>
        <button type="button" id="maker-report-again" class="button button--secondary maker-button"
                data-i18n="maker.report.again"></button>
      </div>`);
    translate(this.body);
    this.querySelector('#maker-report-done').focus();
  }
}

export function register() {
  define('maker-report', MakerReport);
}
