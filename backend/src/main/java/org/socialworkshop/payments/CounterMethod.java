package org.socialworkshop.payments;

/** How a buyer pays at the counter other than in cash: a card on the register's reader, or a wallet's QR code. */
public enum CounterMethod {
    CARD,
    WECHAT_PAY,
    ALIPAY
}
