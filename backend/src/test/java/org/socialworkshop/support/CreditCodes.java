package org.socialworkshop.support;

import java.util.concurrent.ThreadLocalRandom;

import org.socialworkshop.corporate.CreditCode;

/** Unified social credit codes for tests: valid (the check character completes them), random, so unique to a run. */
public final class CreditCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private CreditCodes() {
    }

    /** A valid code of a company in Chengdu's Jinjiang district. */
    public static String random() {
        StringBuilder first17 = new StringBuilder("91510104MA");
        while (first17.length() < 17) {
            first17.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        for (char check : ALPHABET.toCharArray()) {
            if (CreditCode.valid(first17.toString() + check)) {
                return first17.toString() + check;
            }
        }
        throw new AssertionError("No check character completes " + first17);
    }
}
