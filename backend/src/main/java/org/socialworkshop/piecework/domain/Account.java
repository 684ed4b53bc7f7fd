package org.socialworkshop.piecework.domain;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A ledger account: a maker's ({@code maker:{id}}, what the workshop owes that maker) or one of the workshop's
 * ({@code workshop:piecework}, {@code workshop:revenue-share}, {@code workshop:top-up}, {@code workshop:adjustments},
 * {@code workshop:payouts}).
 */
public record Account(String name) {

    private static final Pattern NAME = Pattern.compile("maker:[0-9a-f-]{36}|workshop:[a-z-]{1,40}");

    public static final Account PIECEWORK = new Account("workshop:piecework");
    public static final Account REVENUE_SHARE = new Account("workshop:revenue-share");
    public static final Account TOP_UP = new Account("workshop:top-up");
    public static final Account ADJUSTMENTS = new Account("workshop:adjustments");
    public static final Account PAYOUTS = new Account("workshop:payouts");

    public Account {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new PieceworkRuleBroken(PieceworkRuleBroken.Rule.INVALID, "No such account: " + name);
        }
    }

    public static Account maker(UUID maker) {
        return new Account("maker:" + maker);
    }

    /** The maker this account belongs to, or null for the workshop's own accounts. */
    public @Nullable UUID maker() {
        return name.startsWith("maker:") ? UUID.fromString(name.substring("maker:".length())) : null;
    }
}
