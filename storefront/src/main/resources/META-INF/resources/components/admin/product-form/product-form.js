/**
 * <product-form product-id="…">: creates a product (no product-id) or edits one. Loads the
 * categories, makers and the counter's modifier groups to choose from, checks the form before
 * sending, shows the server's field errors at their fields, and saves with POST (once per form,
 * by its Idempotency-Key) or PUT. Archiving saves the form with status ARCHIVED. Emits
 * `product-loaded` (bubbles) with { product } whenever the form shows a product as saved,
 * including right after creating one.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { api, ensureCsrfToken } from '../../../lib/api.js';
import { categories, localName, makers, modifierGroups } from '../../../lib/staff-catalog.js';
import { FormErrors, announce, problemsFrom } from '../../../lib/form-errors.js';
import { uuid } from '../../../lib/uuid.js';
import { define } from '../../../lib/define.js';
import { register as registerVariantList } from '../variant-list/variant-list.js';
import { register as registerImageList } from '../image-list/image-list.js';
import { productFormHtml } from './template.js';
import { CounterChoices } from './counter-choices.js';
import { checkProduct, productBody, productField } from './rules.js';

class ProductForm extends HTMLElement {
  connectedCallback() {
    this.productId = this.getAttribute('product-id') || null;
    // One key per new-product form: a double click or a retry after a lost answer creates one product.
    this.idempotencyKey = uuid();
    this.load();
  }

  async load() {
    this.showLoading('admin.product.loading');
    let choices;
    let product = null;
    try {
      choices = await Promise.all([categories(), makers(), modifierGroups()]);
      if (this.productId) product = await api.get(`/api/admin/products/${encodeURIComponent(this.productId)}`);
    } catch (error) {
      console.warn('Could not load the product form.', error);
      this.showLoadFailed(error.status === 404 ? 'admin.product.notFound' : 'admin.product.loadFailed');
      return;
    }
    const [categoryList, makerList, groups] = choices;
    if (product && !categoryList.some((c) => c.code === product.category)) {
      categoryList.push({ code: product.category, name: product.category });
    }
    this.makerIdsShown = new Set(makerList.map((m) => m.id));
    this.counterChoices = new CounterChoices(groups);
    render(this, productFormHtml({ categories: categoryList, makers: makerList, groups, isNew: !product }));
    translate(this);
    this.wire();
    if (product) {
      this.fill(product);
    } else {
      this.querySelector('#product-stock-tracked').checked = true;
      this.counterChoices.show([]);
    }
  }

  showLoading(key) {
    render(this, html`<p id="product-loading" class="status-message" role="status" data-i18n="${key}"></p>`);
    translate(this);
  }

  showLoadFailed(key) {
    render(this, html`
      <div id="product-load-failed" class="notice" role="alert">
        <p data-i18n="${key}"></p>
        <p><a href="/admin/products.html" data-i18n="admin.product.back"></a></p>
      </div>`);
    translate(this);
  }

  wire() {
    this.form = this.querySelector('#product-form');
    this.variants = this.querySelector('variant-list');
    this.images = this.querySelector('image-list');
    this.statusLine = this.querySelector('#product-status');
    this.errors = new FormErrors(this.form, this.querySelector('#product-errors'));
    this.counterChoices.wire(this.form);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save(this.product?.status || 'ACTIVE');
    });
    this.querySelector('#product-archive').addEventListener('click', () => {
      this.save(this.product?.status === 'ARCHIVED' ? 'ACTIVE' : 'ARCHIVED');
    });
    // Photo alt text names the product, in the language being read.
    const nameInputs = ['#product-name-zh', '#product-name-en'].map((s) => this.querySelector(s));
    const rename = () => {
      this.images.altName = localName({ nameZh: nameInputs[0].value.trim(), nameEn: nameInputs[1].value.trim() });
    };
    nameInputs.forEach((input) => input.addEventListener('input', rename));
    document.addEventListener(LANG_CHANGE, () => {
      rename();
      this.renameCategories();
      this.counterChoices.rename();
    });
  }

  /** Category names come from the server in one language; ask again after the page switches. */
  async renameCategories() {
    try {
      const names = new Map((await categories()).map((c) => [c.code, c.name]));
      for (const option of this.querySelectorAll('#product-category option[value]:not([value=""])')) {
        if (names.has(option.value)) option.textContent = names.get(option.value);
      }
    } catch (error) {
      console.warn('Could not rename the categories.', error);
    }
  }

  value(selector) {
    return this.querySelector(selector).value;
  }

  checked(name) {
    return [...this.form.querySelectorAll(`input[name="${name}"]:checked`)].map((input) => input.value);
  }

  /** What the form says now, as typed; rules.js checks it and turns it into a body. */
  draft() {
    return {
      nameZh: this.value('#product-name-zh'),
      nameEn: this.value('#product-name-en'),
      descriptionZh: this.value('#product-description-zh'),
      descriptionEn: this.value('#product-description-en'),
      category: this.value('#product-category'),
      taxCategory: this.checked('taxCategory')[0] || '',
      channels: this.checked('channels'),
      stockTracked: this.querySelector('#product-stock-tracked').checked,
      // Makers no longer in the list (none should be) stay linked rather than silently dropped.
      makerIds: [...this.checked('makerIds'), ...this.hiddenMakerIds()],
      imageIds: this.images.imageIds,
      imageAlts: this.images.imageAlts,
      variants: this.variants.value,
      modifierGroups: this.counterChoices.value,
    };
  }

  hiddenMakerIds() {
    return (this.product?.makerIds || []).filter((id) => !this.makerIdsShown.has(id));
  }

  fill(product) {
    this.product = product;
    this.productId = product.id;
    const set = (selector, value) => { this.querySelector(selector).value = value ?? ''; };
    set('#product-name-zh', product.nameZh);
    set('#product-name-en', product.nameEn);
    set('#product-description-zh', product.descriptionZh);
    set('#product-description-en', product.descriptionEn);
    set('#product-category', product.category);
    for (const input of this.form.querySelectorAll('input[name="taxCategory"]')) input.checked = input.value === product.taxCategory;
    for (const input of this.form.querySelectorAll('input[name="channels"]')) input.checked = product.channels.includes(input.value);
    for (const input of this.form.querySelectorAll('input[name="makerIds"]')) input.checked = product.makerIds.includes(input.value);
    this.querySelector('#product-stock-tracked').checked = Boolean(product.stockTracked);
    this.counterChoices.show(product.modifierGroups || []);
    this.variants.variants = product.variants;
    this.images.imageAlts = product.imageAlts;
    this.images.imageIds = product.imageIds;
    this.images.altName = localName(product);
    this.showState();
    this.dispatchEvent(new CustomEvent('product-loaded', { bubbles: true, detail: { product } }));
  }

  showState() {
    const archived = this.product.status === 'ARCHIVED';
    const state = this.querySelector('#product-state');
    state.hidden = false;
    state.dataset.i18n = archived ? 'admin.product.stateArchived' : 'admin.product.stateActive';
    const save = this.querySelector('#product-save');
    save.dataset.i18n = 'admin.product.save';
    const archive = this.querySelector('#product-archive');
    archive.hidden = false;
    archive.dataset.i18n = archived ? 'admin.product.unarchive' : 'admin.product.archive';
    translate(state);
    translate(save);
    translate(archive);
  }

  async save(status) {
    if (this.busy) return;
    if (this.images.busy) {
      this.errors.show([{ target: 'product-image-upload', message: { key: 'admin.images.stillUploading' } }]);
      return;
    }
    const draft = this.draft();
    const problems = checkProduct(draft);
    if (problems.length) {
      this.errors.show(problems);
      return;
    }
    this.errors.clear();
    const creating = !this.productId;
    const archiving = !creating && status !== this.product.status;
    this.setBusy(true);
    announce(this.statusLine, { key: 'admin.product.saving' });
    try {
      await ensureCsrfToken();
      const body = productBody(draft, status);
      const saved = creating
        ? await api.post('/api/admin/products', body, { headers: { 'Idempotency-Key': this.idempotencyKey } })
        : await api.put(`/api/admin/products/${encodeURIComponent(this.productId)}`, body);
      if (creating) this.showEditAddress(saved.id);
      this.fill(saved);
      announce(this.statusLine, { key: this.savedKey(creating, archiving, status), params: { name: localName(saved) } });
    } catch (error) {
      console.warn('Saving the product failed.', error);
      this.statusLine.textContent = '';
      this.errors.show(problemsFrom(error, productField));
    } finally {
      this.setBusy(false);
    }
  }

  savedKey(creating, archiving, status) {
    if (creating) return 'admin.product.created';
    if (archiving) return status === 'ARCHIVED' ? 'admin.product.archived' : 'admin.product.unarchived';
    return 'admin.product.saved';
  }

  /** A new product's page becomes its edit page without a reload, so focus and the message stay. */
  showEditAddress(id) {
    const url = new URL(window.location.href);
    url.searchParams.set('id', id);
    window.history.replaceState(window.history.state, '', url);
    this.setAttribute('product-id', id);
  }

  setBusy(busy) {
    this.busy = busy;
    for (const button of this.querySelectorAll('#product-save, #product-archive')) {
      button.setAttribute('aria-disabled', String(busy));
    }
  }
}

export function register() {
  registerVariantList();
  registerImageList();
  define('product-form', ProductForm);
}
