-- Issue 13, step 4, first part (docs/adr/0020): a company pays on net terms (its days to pay after accepting a quote),
-- staff record a bank transfer that arrived for an order (a payment like any other, so the order is paid and its receipt
-- issued on the CORPORATE register by the usual events), and the number of the 发票 issued for an order.

ALTER TABLE payments DROP CONSTRAINT payments_method_check;
ALTER TABLE payments ADD CONSTRAINT payments_method_check CHECK (method IN ('CHECKOUT', 'CARD', 'WECHAT_PAY', 'ALIPAY', 'BANK_TRANSFER'));

ALTER TABLE companies ADD COLUMN payment_days integer NOT NULL DEFAULT 30 CHECK (payment_days BETWEEN 0 AND 180);

CREATE TABLE corporate_fapiao (
    order_id     uuid PRIMARY KEY REFERENCES orders (id),
    number       text        NOT NULL CHECK (number ~ '^[0-9]{8,20}$'),
    kind         text        NOT NULL CHECK (kind IN ('NORMAL', 'SPECIAL')),
    issued_on    date        NOT NULL,
    recorded_by  text        NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
