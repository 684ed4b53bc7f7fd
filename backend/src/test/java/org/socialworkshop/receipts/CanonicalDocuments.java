package org.socialworkshop.receipts;

/** {@link SignedDocuments}'s canonical bytes outside the application, for drivers that sign as a tablet does. */
public final class CanonicalDocuments {

    private CanonicalDocuments() {
    }

    /** Signed documents that can write canonical bytes only (they hold no key). */
    public static SignedDocuments withoutKeys() {
        return new SignedDocuments(null);
    }
}
