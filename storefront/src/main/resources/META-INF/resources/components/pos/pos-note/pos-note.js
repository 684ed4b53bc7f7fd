/**
 * <pos-note>: a note on one line of the sale for the kitchen or bar ("less ice", "no coriander"; docs/api/pos.md,
 * step 6), up to 140 characters, kept on the order line and printed on the station's ticket, not on the receipt. A
 * modal dialog named by the line, with what is left to type. `open({ key, name, note, returnTo, fallback })` shows
 * it; Save emits `pos-note-chosen` (bubbles, `detail: { key, note }`), Remove the same with `note` null; Esc or
 * Cancel change nothing.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, t, translate } from '../../../lib/i18n.js';
import { openDialog } from '../../../lib/pos-dialog.js';
import { define } from '../../../lib/define.js';

const MAX_NOTE = 140;

class PosNote extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <dialog id="pos-note" class="pos-dialog" aria-labelledby="pos-note-heading">
        <form id="pos-note-form" class="stack" novalidate>
          <h3 id="pos-note-heading" class="pos-dialog__heading"></h3>
          <div class="field">
            <label for="pos-note-text" data-i18n="pos.note.label"></label>
            <p id="pos-note-hint" class="field__hint"></p>
            <textarea id="pos-note-text" rows="3" maxlength="${MAX_NOTE}" aria-describedby="pos-note-hint"></textarea>
          </div>
          <div class="button-row">
            <button type="submit" id="pos-note-save" class="button button--primary pos-dialog__main" data-i18n="pos.note.save"></button>
            <button type="button" id="pos-note-remove" class="button button--secondary" data-i18n="pos.note.remove" hidden></button>
            <button type="button" id="pos-note-cancel" class="button button--secondary" data-i18n="pos.dialog.cancel"></button>
          </div>
        </form>
      </dialog>`);
    translate(this);
    this.dialog = this.querySelector('dialog');
    this.text = this.querySelector('#pos-note-text');
    this.querySelector('form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.chose(this.text.value.trim() || null);
    });
    this.text.addEventListener('input', () => this.countLeft());
    this.querySelector('#pos-note-remove').addEventListener('click', () => this.chose(null));
    this.querySelector('#pos-note-cancel').addEventListener('click', () => this.dialog.close());
    this.onLangChange = () => this.drawLine();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  open({ key, name, note, returnTo, fallback }) {
    this.line = { key, name };
    this.text.value = note ?? '';
    this.querySelector('#pos-note-remove').hidden = !note;
    this.drawLine();
    openDialog(this.dialog, { first: this.text, returnTo, fallback });
  }

  drawLine() {
    if (!this.line) return;
    this.querySelector('#pos-note-heading').textContent = t('pos.note.heading', { name: this.line.name });
    this.countLeft();
  }

  countLeft() {
    this.querySelector('#pos-note-hint').textContent = t('pos.note.hint', { count: MAX_NOTE - this.text.value.length });
  }

  chose(note) {
    this.dialog.close();
    this.dispatchEvent(new CustomEvent('pos-note-chosen', { bubbles: true, detail: { key: this.line.key, note } }));
  }
}

export function register() {
  define('pos-note', PosNote);
}
