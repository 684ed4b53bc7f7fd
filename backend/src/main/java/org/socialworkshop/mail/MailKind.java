package org.socialworkshop.mail;

/** What a mail is about; its templates are {@code mail/<key>.*} in {@code mail/messages*.properties}. */
enum MailKind {
    ORDER_CONFIRMED("order-confirmed"),
    PAYMENT_FAILED("payment-failed"),
    READY_FOR_PICKUP("ready-for-pickup"),
    SHIPPED("shipped"),
    REFUNDED("refunded"),
    FIND_ORDERS("find-orders");

    private final String key;

    MailKind(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }
}
