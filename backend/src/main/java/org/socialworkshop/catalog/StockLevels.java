package org.socialworkshop.catalog;

import java.util.Collection;
import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * The catalog's view of stock: how many units of each variant a channel can sell now. Implemented by the
 * inventory module (which depends on the catalog, not the other way round).
 */
public interface StockLevels {

    /** Units available per variant for the channel; variants without stock records are absent (none available). */
    Mono<Map<VariantId, Long>> available(Collection<VariantId> variants, Channel channel);
}
