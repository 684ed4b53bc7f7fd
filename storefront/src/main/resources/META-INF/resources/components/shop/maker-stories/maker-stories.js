/**
 * <maker-stories>: who made a product, from the `makers` property (the product's makers). Makers who agreed to
 * be shown get their display name, story and photo. Makers without that consent arrive as {anonymous: true} and
 * become one line, "made by a workshop maker", however many there are: nothing else about them, not even how
 * many, is shown. A product with no makers recorded says the same line.
 */
import { html, render } from '../../../lib/html.js';
import { t } from '../../../lib/i18n.js';
import { srcsetOf } from '../../../lib/images.js';
import { define } from '../../../lib/define.js';

function isPublic(maker) {
  return maker.anonymous !== true && typeof maker.displayName === 'string' && maker.displayName.trim() !== '';
}

function photo(maker) {
  if (!maker.photo) return null;
  return html`<img class="maker-story__photo" src="${maker.photo.card}" srcset="${srcsetOf(maker.photo)}"
      sizes="10rem" width="${maker.photo.width}" height="${maker.photo.height}"
      alt="${t('product.makers.photoAlt', { name: maker.displayName })}" loading="lazy" decoding="async">`;
}

function story(maker) {
  return html`
    <li class="maker-story">
      <h3 class="maker-story__name">${maker.displayName}</h3>
      ${photo(maker)}
      ${maker.story && html`<p class="maker-story__text">${maker.story}</p>`}
    </li>`;
}

class MakerStories extends HTMLElement {
  set makers(value) {
    this.list = value;
    if (this.isConnected) this.update();
  }

  get makers() {
    return this.list || [];
  }

  connectedCallback() {
    if (this.list) this.update();
  }

  update() {
    const named = this.makers.filter(isPublic);
    const unnamed = named.length === 0 || named.length < this.makers.length;
    render(this, html`
      <section class="maker-stories" id="maker-stories-section" aria-labelledby="makers-heading">
        <h2 id="makers-heading">${t('product.makers.heading')}</h2>
        ${named.length > 0 && html`<ul class="maker-stories__list" id="maker-stories-list">${named.map(story)}</ul>`}
        ${unnamed && html`<p class="maker-stories__anonymous" id="maker-anonymous">${t('product.makers.anonymous')}</p>`}
      </section>`);
  }
}

export function register() {
  define('maker-stories', MakerStories);
}
