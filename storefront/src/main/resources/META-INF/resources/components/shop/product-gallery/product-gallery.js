/**
 * <product-gallery>: a product's photos on its page. `show(images, name)` draws the chosen photo large, and below
 * it, when there are several, one button per photo that makes it the large one (the pressed one is the photo
 * shown). The large photo is a button that opens it zoomed in a modal dialog: the full-size picture in a scrolling
 * view, with buttons (and the + and - keys) from 100 % to 300 %; Esc or Close returns to the page. Each photo's
 * alt text is what the coordinator wrote for it in the page's language, else "<product>, photo n of m".
 */
import { html, render } from '../../../lib/html.js';
import { t } from '../../../lib/i18n.js';
import { srcsetOf } from '../../../lib/images.js';
import { define } from '../../../lib/define.js';

const ZOOMS = [1, 1.5, 2, 3];

class ProductGallery extends HTMLElement {
  show(images, name) {
    this.images = images || [];
    this.name = name;
    this.current = 0;
    this.zoom = 0;
    this.draw();
  }

  altOf(i) {
    const said = this.images[i]?.alt;
    if (said) return said;
    return this.images.length > 1 ? t('product.images.alt', { name: this.name, n: i + 1, count: this.images.length }) : this.name;
  }

  draw() {
    const image = this.images[this.current];
    if (!image) {
      render(this, html`<div class="product__image product__image--none" aria-hidden="true"><span>${t('card.noImage')}</span></div>`);
      return;
    }
    const count = this.images.length;
    render(this, html`
      <button type="button" class="gallery__open" id="product-zoom" aria-haspopup="dialog">
        <img id="product-image" class="product__image" src="${image.full}" srcset="${srcsetOf(image)}"
            sizes="(min-width: 56rem) 34rem, 100vw" width="${image.width}" height="${image.height}"
            alt="${this.altOf(this.current)}" decoding="async">
        <span class="gallery__open-label">${t('product.images.zoom')}</span>
      </button>
      ${count > 1 && html`
        <ul class="product__gallery" id="product-photos" aria-label="${t('product.images.more')}">
          ${this.images.map((photo, i) => html`<li><button type="button" class="gallery__thumb" id="product-photo-${i + 1}"
              aria-pressed="${String(i === this.current)}"><img src="${photo.thumbnail}" width="${photo.width}" height="${photo.height}"
              alt="${t('product.images.show', { n: i + 1, count, alt: this.altOf(i) })}" loading="lazy" decoding="async"></button></li>`)}
        </ul>`}
      <dialog id="product-zoom-dialog" class="gallery__dialog" aria-labelledby="product-zoom-heading">
        <div class="gallery__bar">
          <h2 id="product-zoom-heading" class="gallery__heading">${this.altOf(this.current)}</h2>
          <button type="button" class="button button--secondary" id="product-zoom-out">${t('product.images.zoomOut')}</button>
          <output id="product-zoom-level" class="gallery__level" aria-live="polite"></output>
          <button type="button" class="button button--secondary" id="product-zoom-in">${t('product.images.zoomIn')}</button>
          <button type="button" class="button button--primary" id="product-zoom-close">${t('product.images.close')}</button>
        </div>
        <div class="gallery__view" id="product-zoom-view" tabindex="0" role="group"
             aria-label="${t('product.images.view')}">
          <img id="product-zoom-image" src="${image.full}" width="${image.width}" height="${image.height}"
               alt="${this.altOf(this.current)}" decoding="async">
        </div>
      </dialog>`);
    const dialog = this.querySelector('dialog');
    this.querySelector('#product-zoom').addEventListener('click', () => {
      this.zoom = 0;
      this.applyZoom();
      dialog.showModal();
      this.querySelector('#product-zoom-in').focus();
    });
    this.querySelector('#product-zoom-close').addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => this.querySelector('#product-zoom').focus());
    this.querySelector('#product-zoom-in').addEventListener('click', () => this.setZoom(this.zoom + 1));
    this.querySelector('#product-zoom-out').addEventListener('click', () => this.setZoom(this.zoom - 1));
    dialog.addEventListener('keydown', (event) => {
      if (event.key === '+' || event.key === '=') this.setZoom(this.zoom + 1);
      else if (event.key === '-') this.setZoom(this.zoom - 1);
    });
    this.querySelectorAll('.gallery__thumb').forEach((button, i) => button.addEventListener('click', () => {
      this.current = i;
      this.draw();
      this.querySelector(`#product-photo-${i + 1}`).focus();
    }));
  }

  setZoom(level) {
    this.zoom = Math.max(0, Math.min(ZOOMS.length - 1, level));
    this.applyZoom();
  }

  applyZoom() {
    // Set through the style object: the page's content security policy refuses style attributes in markup.
    this.querySelector('#product-zoom-image').style.inlineSize = `${ZOOMS[this.zoom] * 100}%`;
    this.querySelector('#product-zoom-level').textContent = t('product.images.level', { percent: Math.round(ZOOMS[this.zoom] * 100) });
    this.querySelector('#product-zoom-out').disabled = this.zoom === 0;
    this.querySelector('#product-zoom-in').disabled = this.zoom === ZOOMS.length - 1;
  }
}

export function register() {
  define('product-gallery', ProductGallery);
}
