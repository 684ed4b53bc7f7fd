/**
 * <statement-check>: the public page of one maker's monthly earnings statement, /s/{code} (what the QR code on its
 * PDF holds). Asks GET /api/statements/{code} and says first, in words, whether the statement is genuine,
 * announcing that in the live region `#statement-live`; then shows the statement, a button to print it on A4,
 * and how the check works.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, t } from '../../../lib/i18n.js';
import { ApiError } from '../../../lib/api.js';
import { announce } from '../../../lib/form-errors.js';
import { codeFromAddress, fetchStatement } from '../../../lib/statements.js';
import { define } from '../../../lib/define.js';
import { judge, problemTemplate, PROBLEMS, verdictKey, verdictTemplate } from './verdict.js';
import { paperTemplate, statementTitle } from './paper.js';
import { howTemplate, toolsTemplate } from './about.js';

/** Answers that mean there is no such statement (a malformed code too), as opposed to "could not ask". */
const NO_SUCH_STATEMENT = new Set([400, 404, 410]);

class StatementCheck extends HTMLElement {
  connectedCallback() {
    this.code = codeFromAddress();
    this.live = document.getElementById('statement-live');
    this.addEventListener('click', (event) => this.click(event));
    this.onLangChange = () => this.draw();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.check();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  async check() {
    this.state = await this.ask();
    this.draw();
    const heading = this.state.problem ? PROBLEMS[this.state.problem].heading : verdictKey(this.state);
    announce(this.live, { key: heading });
  }

  async ask() {
    if (!this.code) return { problem: 'missing' };
    const checkedAt = new Date().toISOString();
    try {
      const answer = await fetchStatement(this.code);
      const verdict = answer?.statement && judge(answer);
      return verdict ? { ...verdict, answer, checkedAt } : { problem: 'error' };
    } catch (error) {
      if (error instanceof ApiError && NO_SUCH_STATEMENT.has(error.status)) {
        return { verdict: 'NOT_GENUINE', reason: 'notFound', checkedAt };
      }
      console.warn('The statement could not be checked.', error);
      return { problem: 'error' };
    }
  }

  draw() {
    const { state } = this;
    if (!state) return;
    const focused = document.activeElement?.id;
    const statement = state.answer?.statement;
    if (statement) document.title = t('statement.pageTitle', { name: statementTitle(statement), site: t('brand.name') });
    render(this, html`
      <div class="statement-sheet">
        ${state.problem ? problemTemplate(state.problem) : verdictTemplate(state)}
        ${statement && paperTemplate(statement, state.answer.url)}
      </div>
      ${statement && toolsTemplate()}
      ${!state.problem && howTemplate(state.answer?.signed)}`);
    if (focused) document.getElementById(focused)?.focus();
  }

  async click(event) {
    if (event.target.closest('#statement-print')) {
      window.print();
      return;
    }
    if (event.target.closest('#statement-retry')) {
      render(this, html`<p class="shop-message">${t('statement.checking')}</p>`);
      await this.check();
      this.querySelector('#statement-verdict-heading')?.focus();
    }
  }
}

export function register() {
  define('statement-check', StatementCheck);
}
