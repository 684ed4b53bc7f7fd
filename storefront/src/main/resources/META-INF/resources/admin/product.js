/**
 * The product page: ?id= edits that product, no id creates one. The heading and the
 * window title follow the product the form shows, also right after it was created.
 */
import { startAdmin } from '../lib/admin.js';
import { translate } from '../lib/i18n.js';
import { register as registerProductForm } from '../components/admin/product-form/product-form.js';

const heading = document.getElementById('page-heading');
const windowTitle = document.querySelector('title');

function name(element, key, params = {}) {
  element.dataset.i18n = key;
  element.dataset.i18nParams = JSON.stringify(params);
  translate(element);
}

const id = new URLSearchParams(window.location.search).get('id');
if (id) {
  document.querySelector('product-form').setAttribute('product-id', id);
  name(heading, 'admin.product.headingEditPlain');
  name(windowTitle, 'admin.product.titleEditPlain');
}

document.addEventListener('product-loaded', ({ detail: { product } }) => {
  const params = { nameZh: product.nameZh, nameEn: product.nameEn };
  name(heading, 'admin.product.headingEdit', params);
  name(windowTitle, 'admin.product.titleEdit', params);
});

startAdmin(registerProductForm);
