/**
 * <image-list id-prefix="product-image" [single]>: photos for a product (in order; the
 * first is the main one) or, with `single`, the one photo of a maker. A file chosen in
 * #<prefix>-upload goes to POST /api/admin/images as it is, with its own type; thumbnails
 * show with alt text, and each photo has buttons to move it earlier or later and to remove
 * it. `imageIds` holds the ids; `altName` names what the photos show. `busy` is true while
 * uploading. Emits `images-change` (bubbles) with { imageIds }.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { api, ApiError, ensureCsrfToken } from '../../../lib/api.js';
import { announce, setDescribedBy, showMessage } from '../../../lib/form-errors.js';
import { define } from '../../../lib/define.js';

const TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_BYTES = 8 * 1024 * 1024;

function uploadProblem(error, name) {
  if (error instanceof ApiError && error.status === 413) return { key: 'admin.images.tooBig', params: { name } };
  if (error instanceof ApiError && error.status === 400) return { key: 'admin.images.notImage', params: { name } };
  if (error instanceof ApiError && error.status === 401) return { key: 'admin.errors.signedOut' };
  return { key: 'admin.images.failed', params: { name } };
}

class ImageList extends HTMLElement {
  connectedCallback() {
    this.idPrefix = this.getAttribute('id-prefix') || 'image';
    this.single = this.hasAttribute('single');
    this.ids = this.ids || [];
    this.alts = this.alts || new Map();
    this.altName = this.altName || '';
    this.busy = false;
    render(this, html`
      <div class="field">
        <label for="${this.idPrefix}-upload" data-i18n="${this.single ? 'admin.images.labelSingle' : 'admin.images.label'}"></label>
        <p id="${this.idPrefix}-upload-hint" class="field__hint"
           data-i18n="${this.single ? 'admin.images.hintSingle' : 'admin.images.hint'}"></p>
        <input id="${this.idPrefix}-upload" type="file" accept="${TYPES.join(',')}" ${!this.single && html`multiple`}
               aria-describedby="${this.idPrefix}-upload-hint">
        <p id="${this.idPrefix}-upload-error" class="field__error" hidden></p>
      </div>
      <p id="${this.idPrefix}-status" class="status-message" role="status"></p>
      <div id="${this.idPrefix}-list-holder"></div>`);
    translate(this);
    this.input = this.querySelector('input[type="file"]');
    this.status = this.querySelector(`#${this.idPrefix}-status`);
    this.holder = this.querySelector(`#${this.idPrefix}-list-holder`);
    this.input.addEventListener('change', () => this.upload([...this.input.files]));
    this.holder.addEventListener('click', (event) => this.act(event));
    this.holder.addEventListener('input', (event) => {
      const field = event.target.closest('input[data-alt]');
      if (!field) return;
      const id = field.closest('[data-image-id]').dataset.imageId;
      this.alts.set(id, { ...this.alts.get(id), [field.dataset.alt]: field.value });
    });
    this.draw();
  }

  get imageIds() {
    return [...this.ids];
  }

  /** Shows these photos as saved: earlier messages about uploads and moves no longer apply. */
  set imageIds(ids) {
    this.ids = [...(ids || [])];
    if (!this.holder) return;
    this.showError(null);
    this.status.textContent = '';
    this.draw();
  }

  /** What each photo shows, as the API takes it: [{ imageId, altZh, altEn }] for the photos with something said. */
  get imageAlts() {
    return this.ids.map((imageId) => ({ imageId, altZh: (this.alts.get(imageId)?.altZh || '').trim(),
      altEn: (this.alts.get(imageId)?.altEn || '').trim() }))
      .filter((alt) => alt.altZh || alt.altEn);
  }

  /** Shows these alt texts (set before `imageIds`, which draws). */
  set imageAlts(alts) {
    this.alts = new Map((alts || []).map((alt) => [alt.imageId, { altZh: alt.altZh || '', altEn: alt.altEn || '' }]));
  }

  /** Updates the alt text of the thumbnails in place (it follows the name being typed). */
  set altName(name) {
    this.altText = name;
    for (const img of this.querySelectorAll('img[data-n]')) {
      img.dataset.i18nParams = JSON.stringify({ n: Number(img.dataset.n), name });
      img.dataset.i18nAttr = `alt:${name ? 'admin.images.alt' : 'admin.images.altUnnamed'}`;
      translate(img);
    }
  }

  get altName() {
    return this.altText;
  }

  draw() {
    const count = this.ids.length;
    const altKey = this.altText ? 'admin.images.alt' : 'admin.images.altUnnamed';
    render(this.holder, count === 0
      ? html`<p id="${this.idPrefix}-none" class="field__hint" data-i18n="admin.images.none"></p>`
      : html`
        <ol id="${this.idPrefix}-list" class="image-list">
          ${this.ids.map((id, i) => {
            const p = JSON.stringify({ n: i + 1, name: this.altText });
            return html`
              <li class="image-list__item" id="${this.idPrefix}-${i}" data-image-id="${id}">
                <img src="/api/images/${encodeURIComponent(id)}/thumbnail" data-n="${i + 1}"
                     data-i18n-attr="alt:${altKey}" data-i18n-params="${p}" alt="">
                ${!this.single && html`<p class="image-list__place" data-i18n="${i === 0 ? 'admin.images.main' : 'admin.images.place'}"
                                          data-i18n-params="${p}"></p>
                  <div class="field image-list__alt">
                    <label for="${this.idPrefix}-${i}-alt-zh" data-i18n="admin.images.altZh" data-i18n-params="${p}"></label>
                    <input id="${this.idPrefix}-${i}-alt-zh" data-alt="altZh" maxlength="200" lang="zh-CN"
                           value="${this.alts.get(id)?.altZh || ''}">
                  </div>
                  <div class="field image-list__alt">
                    <label for="${this.idPrefix}-${i}-alt-en" data-i18n="admin.images.altEn" data-i18n-params="${p}"></label>
                    <input id="${this.idPrefix}-${i}-alt-en" data-alt="altEn" maxlength="200" lang="en"
                           value="${this.alts.get(id)?.altEn || ''}">
                  </div>`}
                <div class="image-list__actions">
                  ${!this.single && i > 0 && html`
                    <button type="button" id="${this.idPrefix}-${i}-earlier" class="button button--secondary" data-move="-1" data-index="${i}"
                            data-i18n="admin.images.earlier" data-i18n-params="${p}"></button>`}
                  ${!this.single && i < count - 1 && html`
                    <button type="button" id="${this.idPrefix}-${i}-later" class="button button--secondary" data-move="1" data-index="${i}"
                            data-i18n="admin.images.later" data-i18n-params="${p}"></button>`}
                  <button type="button" id="${this.idPrefix}-${i}-remove" class="button button--secondary" data-remove data-index="${i}"
                          data-i18n="${this.single ? 'admin.images.removeSingle' : 'admin.images.remove'}" data-i18n-params="${p}"></button>
                </div>
              </li>`;
          })}
        </ol>`);
    translate(this.holder);
  }

  changed(message, focusId) {
    this.draw();
    (document.getElementById(focusId) || this.input).focus();
    if (message) announce(this.status, message);
    this.dispatchEvent(new CustomEvent('images-change', { bubbles: true, detail: { imageIds: this.imageIds } }));
  }

  act(event) {
    const button = event.target.closest('button[data-index]');
    if (!button) return;
    const i = Number(button.dataset.index);
    if (button.hasAttribute('data-remove')) {
      this.ids.splice(i, 1);
      const next = this.ids.length > i ? i : i - 1;
      this.changed({ key: 'admin.images.removed', params: { n: i + 1 } }, next >= 0 ? `${this.idPrefix}-${next}-remove` : null);
      return;
    }
    const to = i + Number(button.dataset.move);
    [this.ids[i], this.ids[to]] = [this.ids[to], this.ids[i]];
    this.draw();
    // Stay on the same kind of button on the photo that moved; at either end only the other kind is left.
    const direction = button.dataset.move === '-1' ? 'earlier' : 'later';
    const opposite = direction === 'earlier' ? 'later' : 'earlier';
    (document.getElementById(`${this.idPrefix}-${to}-${direction}`)
      || document.getElementById(`${this.idPrefix}-${to}-${opposite}`))?.focus();
    announce(this.status, { key: 'admin.images.moved', params: { from: i + 1, to: to + 1 } });
    this.dispatchEvent(new CustomEvent('images-change', { bubbles: true, detail: { imageIds: this.imageIds } }));
  }

  /** Shows every problem with the files just chosen (an array), or clears the message (null). */
  showError(problems) {
    const note = this.querySelector(`#${this.idPrefix}-upload-error`);
    if (problems) {
      showMessage(note, problems);
      note.hidden = false;
      this.input.setAttribute('aria-invalid', 'true');
      announce(this.status, problems);
    } else {
      note.hidden = true;
      this.input.removeAttribute('aria-invalid');
    }
    setDescribedBy(this.input, note.id, Boolean(problems));
  }

  async upload(files) {
    if (!files.length) return;
    this.showError(null);
    this.busy = true;
    const problems = [];
    for (const file of this.single ? files.slice(0, 1) : files) {
      const name = file.name;
      if (!TYPES.includes(file.type)) problems.push({ key: 'admin.images.wrongType', params: { name } });
      else if (file.size > MAX_BYTES) problems.push({ key: 'admin.images.tooBig', params: { name } });
      else await this.send(file, problems);
    }
    this.busy = false;
    this.input.value = '';
    if (problems.length) this.showError(problems);
  }

  async send(file, problems) {
    announce(this.status, { key: 'admin.images.uploading', params: { name: file.name } });
    try {
      await ensureCsrfToken();
      const image = await api.post('/api/admin/images', file);
      if (this.single) this.ids = [image.id];
      else if (!this.ids.includes(image.id)) this.ids.push(image.id);
      this.draw();
      announce(this.status, { key: 'admin.images.added', params: { name: file.name, count: this.ids.length } });
      this.dispatchEvent(new CustomEvent('images-change', { bubbles: true, detail: { imageIds: this.imageIds } }));
    } catch (error) {
      console.warn('Upload failed.', error);
      problems.push(uploadProblem(error, file.name));
    }
  }
}

export function register() {
  define('image-list', ImageList);
}
