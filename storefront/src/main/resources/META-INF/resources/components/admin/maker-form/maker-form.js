/**
 * <maker-form>: a maker's name for staff, public name (and in Latin letters: pinyin unless written), story in both languages and photo.
 * `maker` set to a maker edits it; set to null starts a new one. Saves with POST (with an
 * Idempotency-Key per new-maker form) or PUT and emits `maker-saved` (bubbles) with
 * { maker, created }. Nothing about health or disability is asked for or kept.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { api, ensureCsrfToken } from '../../../lib/api.js';
import { FormErrors, announce, problemsFrom } from '../../../lib/form-errors.js';
import { uuid } from '../../../lib/uuid.js';
import { define } from '../../../lib/define.js';
import { register as registerImageList } from '../image-list/image-list.js';

const NAME_MAX = 100;
const STORY_MAX = 2000;
const FIELDS = {
  name: 'maker-name',
  displayName: 'maker-display-name',
  displayNameLatin: 'maker-display-name-latin',
  storyZh: 'maker-story-zh',
  storyEn: 'maker-story-en',
  photoImageId: 'maker-photo-upload',
};

function makerField(name) {
  return FIELDS[name.replace(/[[.].*$/, '')] ?? null;
}

function field(id, key, { hint, multiline = false, lang, optional = false } = {}) {
  return html`
    <div class="field">
      <label for="${id}"><span data-i18n="${key}"></span>${optional && html`<span class="field__optional" data-i18n="admin.optional"></span>`}</label>
      ${hint && html`<p id="${id}-hint" class="field__hint" data-i18n="${hint}"></p>`}
      ${multiline
        ? html`<textarea id="${id}" rows="5" maxlength="${STORY_MAX}" ${lang && html`lang="${lang}"`}
                         aria-describedby="maker-story-hint"></textarea>`
        : html`<input id="${id}" type="text" maxlength="${NAME_MAX}" autocomplete="off" ${!optional && html`required`} ${lang && html`lang="${lang}"`}
                      ${hint && html`aria-describedby="${id}-hint"`}>`}
      <p id="${id}-error" class="field__error" hidden></p>
    </div>`;
}

class MakerForm extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <div id="maker-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
      <form id="maker-form" class="admin-form" novalidate>
        <p class="field__hint" data-i18n="admin.form.allRequired"></p>
        ${field('maker-name', 'admin.maker.name', { hint: 'admin.maker.nameHint' })}
        ${field('maker-display-name', 'admin.maker.displayName', { hint: 'admin.maker.displayNameHint' })}
        ${field('maker-display-name-latin', 'admin.maker.displayNameLatin', { hint: 'admin.maker.displayNameLatinHint', optional: true, lang: 'en' })}
        <p id="maker-story-hint" class="field__hint" data-i18n="admin.maker.storyHint"></p>
        ${field('maker-story-zh', 'admin.maker.storyZh', { multiline: true, lang: 'zh-CN', optional: true })}
        ${field('maker-story-en', 'admin.maker.storyEn', { multiline: true, lang: 'en', optional: true })}
        <image-list id-prefix="maker-photo" single></image-list>
        <div class="button-row">
          <button type="submit" id="maker-save" class="button button--primary" data-i18n="admin.maker.create"></button>
        </div>
        <p id="maker-status" class="status-message" role="status"></p>
      </form>`);
    translate(this);
    this.form = this.querySelector('form');
    this.photo = this.querySelector('image-list');
    this.statusLine = this.querySelector('#maker-status');
    this.errors = new FormErrors(this.form, this.querySelector('#maker-errors'));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
    this.querySelector('#maker-display-name').addEventListener('input', (event) => {
      this.photo.altName = event.target.value.trim();
    });
    this.maker = this.pending ?? null;
  }

  set maker(maker) {
    if (!this.form) {
      this.pending = maker;
      return;
    }
    this.current = maker;
    this.idempotencyKey = uuid();
    this.errors.clear();
    this.statusLine.textContent = '';
    const set = (id, value) => { this.querySelector(`#${id}`).value = value ?? ''; };
    set('maker-name', maker?.name);
    set('maker-display-name', maker?.displayName);
    set('maker-display-name-latin', maker?.displayNameLatin);
    set('maker-story-zh', maker?.storyZh);
    set('maker-story-en', maker?.storyEn);
    this.photo.imageIds = maker?.photoImageId ? [maker.photoImageId] : [];
    this.photo.altName = maker?.displayName || '';
    const save = this.querySelector('#maker-save');
    save.dataset.i18n = maker ? 'admin.maker.save' : 'admin.maker.create';
    translate(save);
  }

  get maker() {
    return this.current;
  }

  draft() {
    const value = (id) => this.querySelector(`#${id}`).value.trim();
    return {
      name: value('maker-name'),
      displayName: value('maker-display-name'),
      displayNameLatin: value('maker-display-name-latin') || null,
      storyZh: value('maker-story-zh'),
      storyEn: value('maker-story-en'),
      photoImageId: this.photo.imageIds[0] ?? null,
    };
  }

  check(draft) {
    const problems = [];
    if (!draft.name) problems.push({ target: FIELDS.name, message: { key: 'admin.maker.name.missing' } });
    if (!draft.displayName) problems.push({ target: FIELDS.displayName, message: { key: 'admin.maker.displayName.missing' } });
    return problems;
  }

  async save() {
    if (this.busy) return;
    if (this.photo.busy) {
      this.errors.show([{ target: FIELDS.photoImageId, message: { key: 'admin.images.stillUploading' } }]);
      return;
    }
    const draft = this.draft();
    const problems = this.check(draft);
    if (problems.length) {
      this.errors.show(problems);
      return;
    }
    this.errors.clear();
    const created = !this.current;
    this.busy = true;
    announce(this.statusLine, { key: 'admin.maker.saving' });
    try {
      await ensureCsrfToken();
      const maker = created
        ? await api.post('/api/admin/makers', draft, { headers: { 'Idempotency-Key': this.idempotencyKey } })
        : await api.put(`/api/admin/makers/${encodeURIComponent(this.current.id)}`, draft);
      this.maker = maker;
      announce(this.statusLine, { key: created ? 'admin.maker.created' : 'admin.maker.saved', params: { name: maker.name } });
      this.dispatchEvent(new CustomEvent('maker-saved', { bubbles: true, detail: { maker, created } }));
    } catch (error) {
      console.warn('Saving the maker failed.', error);
      this.statusLine.textContent = '';
      this.errors.show(problemsFrom(error, makerField));
    } finally {
      this.busy = false;
    }
  }
}

export function register() {
  registerImageList();
  define('maker-form', MakerForm);
}
