/**
 * Start-up shared by the staff pages about one order (the order, its packing list): ?id= goes
 * to the page's element as order-id before it is defined, and the heading and window title name
 * the order once it has been read.
 */
import { translate } from './i18n.js';

function name(element, key, params) {
  element.dataset.i18n = key;
  element.dataset.i18nParams = JSON.stringify(params);
  translate(element);
}

/** `keys` are { heading?, title }: messages with a {number} placeholder; without `heading` the heading stays. */
export function nameOrderPage(elementName, keys) {
  const id = new URLSearchParams(window.location.search).get('id');
  if (id) document.querySelector(elementName).setAttribute('order-id', id);
  document.addEventListener('order-loaded', ({ detail: { order } }) => {
    const params = { number: order.orderNumber };
    if (keys.heading) name(document.getElementById('page-heading'), keys.heading, params);
    name(document.querySelector('title'), keys.title, params);
  });
}
