/**
 * The product form's checks before saving, the request body it sends, and where the
 * server's field names ("nameZh", "variants[0].sku") show on the form. The same limits
 * as docs/api/catalog.md, so most mistakes are caught before a round trip.
 */
import { parseYuan } from '../../../lib/money.js';

const SKU = /^[A-Za-z0-9._-]{1,64}$/;
const NAME_MAX = 120;
const DESCRIPTION_MAX = 4000;

const FIELDS = {
  nameZh: 'product-name-zh',
  nameEn: 'product-name-en',
  descriptionZh: 'product-description-zh',
  descriptionEn: 'product-description-en',
  category: 'product-category',
  taxCategory: 'product-tax',
  channels: 'product-channels',
  stockTracked: 'product-stock-tracked',
  makerIds: 'product-makers',
  imageIds: 'product-image-upload',
  imageAlts: 'product-image-upload',
  variants: 'product-variants',
  modifierGroups: 'product-modifier-groups',
};

const VARIANT_FIELDS = { sku: 'sku', nameZh: 'name-zh', nameEn: 'name-en', price: 'price' };

/** The element id for a server field name, or null when the form has no such field. */
export function productField(name) {
  const variant = /^variants\[(\d+)\](?:\.(\w+))?/.exec(name);
  if (variant) {
    const part = VARIANT_FIELDS[variant[2]];
    return part ? `variant-${variant[1]}-${part}` : `variant-${variant[1]}`;
  }
  return FIELDS[name.replace(/[[.].*$/, '')] ?? null;
}

/** Problems with the draft as [{ target, message: { key, params } }], in the order the fields appear. */
export function checkProduct(draft) {
  const problems = [];
  const unless = (ok, target, key, params = {}) => {
    if (!ok) problems.push({ target, message: { key, params } });
  };
  for (const [field, lang] of [['nameZh', 'Zh'], ['nameEn', 'En']]) {
    const value = draft[field].trim();
    unless(value, FIELDS[field], `admin.product.name${lang}.missing`);
    unless(value.length <= NAME_MAX, FIELDS[field], 'admin.product.name.tooLong', { max: NAME_MAX });
  }
  for (const field of ['descriptionZh', 'descriptionEn']) {
    unless(draft[field].length <= DESCRIPTION_MAX, FIELDS[field], 'admin.product.description.tooLong', { max: DESCRIPTION_MAX });
  }
  unless(draft.category, FIELDS.category, 'admin.product.category.missing');
  unless(draft.taxCategory, FIELDS.taxCategory, 'admin.product.tax.missing');
  unless(draft.channels.length, FIELDS.channels, 'admin.product.channels.missing');
  unless(draft.variants.length, FIELDS.variants, 'admin.product.variants.missing');
  const seen = new Map();
  draft.variants.forEach((variant, i) => {
    const n = i + 1;
    const sku = variant.sku.trim();
    const target = `variant-${i}-sku`;
    if (!sku) unless(false, target, 'admin.variant.sku.missing', { n });
    else if (!SKU.test(sku)) unless(false, target, 'admin.variant.sku.format', { n });
    else if (seen.has(sku)) unless(false, target, 'admin.variant.sku.duplicate', { n, other: seen.get(sku) });
    else seen.set(sku, n);
    unless(variant.nameZh.trim().length <= NAME_MAX, `variant-${i}-name-zh`, 'admin.variant.name.tooLong', { n, max: NAME_MAX });
    unless(variant.nameEn.trim().length <= NAME_MAX, `variant-${i}-name-en`, 'admin.variant.name.tooLong', { n, max: NAME_MAX });
    const price = parseYuan(variant.price);
    if (price.problem) unless(false, `variant-${i}-price`, `admin.variant.price.${price.problem}`, { n });
  });
  return problems;
}

/** The JSON body for POST or PUT; call only once checkProduct found nothing. */
export function productBody(draft, status) {
  return {
    category: draft.category,
    nameZh: draft.nameZh.trim(),
    nameEn: draft.nameEn.trim(),
    descriptionZh: draft.descriptionZh.trim(),
    descriptionEn: draft.descriptionEn.trim(),
    taxCategory: draft.taxCategory,
    channels: draft.channels,
    stockTracked: draft.stockTracked,
    status,
    makerIds: draft.makerIds,
    imageIds: draft.imageIds,
    imageAlts: draft.imageAlts,
    modifierGroups: draft.modifierGroups,
    variants: draft.variants.map((variant) => ({
      ...(variant.id ? { id: variant.id } : {}),
      sku: variant.sku.trim(),
      nameZh: variant.nameZh.trim(),
      nameEn: variant.nameEn.trim(),
      price: { amount: parseYuan(variant.price).fen, currency: 'CNY' },
      status: 'ACTIVE',
    })),
  };
}
