/**
 * What a line of a counter sale costs, as the server prices it (docs/api/pos.md, step 6; pos.CounterPricing): the
 * price list's price for the variant where the cashier chose a list that has one, else the variant's own; plus the
 * prices of the options chosen from the product's modifier groups, which must fit each group's least and most
 * choices and are listed in the catalog's order (group by group, option by option); less a discount the cashier may
 * give, up to their percent of the line (rounded down). Pure functions over GET /api/pos/catalog: no clock, no network.
 */

/** The price list `code` of the catalog ({ code, nameZh, nameEn, prices }), or null for the regular prices. */
export function priceListOf(catalog, code) {
  return (code && (catalog.priceLists ?? []).find((list) => list.code === code)) || null;
}

/** The variant's price before options: the list's where it has one, else its own (Money). */
export function basePrice(variant, list) {
  return list?.prices?.[variant.id] ?? variant.price;
}

/** The product's options among `ids`, in the catalog's order; ids of other products' options are left out. */
export function optionsInOrder(product, ids) {
  const chosen = new Set(ids);
  return (product.modifierGroups ?? []).flatMap((group) => group.options.filter((option) => chosen.has(option.id)));
}

/** Each of the product's groups with how many of `ids` it holds, and how many more it needs: [{ group, count, missing }]. */
export function groupCounts(product, ids) {
  const chosen = new Set(ids);
  return (product.modifierGroups ?? []).map((group) => {
    const count = group.options.filter((option) => chosen.has(option.id)).length;
    return { group, count, missing: Math.max(0, group.minChoices - count) };
  });
}

/** Whether `ids` fit the product's groups: each between its least and most, none twice, none of another product. */
export function optionsFit(product, ids) {
  return new Set(ids).size === ids.length && optionsInOrder(product, ids).length === ids.length
    && groupCounts(product, ids).every(({ group, count }) => count >= group.minChoices && count <= group.maxChoices);
}

/** The unit price in fen of `variant` of a product with the `options` chosen (option objects), on `list` (or null). */
export function unitFen(variant, options, list) {
  return basePrice(variant, list).amount + options.reduce((sum, option) => sum + option.price.amount, 0);
}

/** The most a cashier allowed `upTo` percent may take off a line of `quantity` at `unit` fen: rounded down, as the server. */
export function discountLimitFen(unit, quantity, upTo) {
  return Math.floor((unit * quantity * upTo) / 100);
}

/**
 * A line as lib/pos-receipt.js and lib/pos-sales.js take it: `item` the catalog's { product, variant }, `line` the
 * sale's { quantity, options: option ids, discount: { fen, reason } | null, note }, on `list` (or null). Gives
 * { product, variant, quantity, price: the Money before options, options: in catalog order, discount: { amount: Money,
 * reason } | null, note: text or null }.
 */
export function soldLine({ product, variant }, { quantity, options = [], discount = null, note = null }, list) {
  const price = basePrice(variant, list);
  return {
    product,
    variant,
    quantity,
    price,
    options: optionsInOrder(product, options),
    discount: discount && discount.fen > 0
      ? { amount: { amount: discount.fen, currency: price.currency }, reason: discount.reason.trim() }
      : null,
    note: note?.trim() || null,
  };
}
