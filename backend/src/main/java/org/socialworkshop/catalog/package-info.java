/**
 * What every door sells: products and their variants, categories, channels, tax-inclusive prices, and the
 * makers credited for them. Stock levels come in through the {@link org.socialworkshop.catalog.StockLevels} port,
 * which the inventory module implements.
 */
@NullMarked
@ApplicationModule(displayName = "Catalog", allowedDependencies = {"platform :: *", "shared", "media", "makers"})
package org.socialworkshop.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
