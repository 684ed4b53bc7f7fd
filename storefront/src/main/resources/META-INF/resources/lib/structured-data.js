/**
 * schema.org Product data for a product page (https://schema.org/Product), so search engines can show the
 * name, picture, price and whether it can be bought. One Offer per variant; made-to-order counts as in stock.
 */
import { toDecimalString } from './money.js';
import { SOLD_OUT, availabilityState } from './product-text.js';
import { absoluteUrl } from './images.js';

const IN_STOCK = 'https://schema.org/InStock';
const OUT_OF_STOCK = 'https://schema.org/OutOfStock';

function offer(variant, url) {
  return {
    '@type': 'Offer',
    sku: variant.sku,
    name: variant.name,
    price: toDecimalString(variant.price),
    priceCurrency: variant.price.currency,
    availability: availabilityState(variant.available) === SOLD_OUT ? OUT_OF_STOCK : IN_STOCK,
    url,
  };
}

/** `siteName` is the workshop's name in the page's language; `url` the product page's address. */
export function productStructuredData(product, { siteName, url }) {
  const pageUrl = absoluteUrl(url);
  const workshop = { '@type': 'Organization', name: siteName, url: absoluteUrl('/') };
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.name,
    description: product.description,
    image: (product.images || []).map((image) => absoluteUrl(image.full)),
    category: product.categoryName,
    brand: { '@type': 'Brand', name: siteName },
    manufacturer: workshop,
    url: pageUrl,
    offers: product.variants.map((variant) => offer(variant, pageUrl)),
  };
  if (product.variants.length === 1) data.sku = product.variants[0].sku;
  if (data.image.length === 0) delete data.image;
  if (!data.description) delete data.description;
  return data;
}
