-- Issue 13, step 4, second part (docs/adr/0020): a company pays its order in instalments (a deposit when it accepts,
-- the balance on its net terms; or the full amount on net terms), each by a bank transfer staff record or by an
-- invoice the provider sends (Stripe Invoices with collection_method=send_invoice; a labelled demo invoice without a
-- Stripe key). Every payment gets a receipt on the CORPORATE register: a payment receipt while the order is not paid in
-- full, the sale receipt (naming the earlier payments' receipts) for the payment that completes it.

ALTER TABLE companies ADD COLUMN deposit_percent integer NOT NULL DEFAULT 0 CHECK (deposit_percent BETWEEN 0 AND 90);

-- What a company owes for an order, and when: fixed when the quote is accepted. Payments are applied in due order.
CREATE TABLE corporate_instalments (
    order_id   uuid    NOT NULL REFERENCES orders (id),
    seq        integer NOT NULL CHECK (seq BETWEEN 1 AND 2),
    kind       text    NOT NULL CHECK (kind IN ('DEPOSIT', 'BALANCE', 'FULL')),
    amount_fen bigint  NOT NULL CHECK (amount_fen > 0),
    due_on     date    NOT NULL,
    PRIMARY KEY (order_id, seq)
);

-- Orders accepted before instalments existed owe their total on their terms.
INSERT INTO corporate_instalments (order_id, seq, kind, amount_fen, due_on)
SELECT q.order_id, 1, 'FULL', o.total_minor,
       ((q.accepted_at AT TIME ZONE 'Asia/Shanghai')::date + c.payment_days)
FROM quotes q JOIN orders o ON o.id = q.order_id JOIN companies c ON c.id = q.company_id
WHERE q.order_id IS NOT NULL;

-- An invoice sent for an instalment: a payment of the payments module (method INVOICE) whose session is the
-- provider's invoice; the provider's later news about it (paid, a failed attempt, overdue) is kept here for people.
CREATE TABLE corporate_invoices (
    payment_id   uuid PRIMARY KEY REFERENCES payments (id),
    order_id     uuid        NOT NULL,
    seq          integer     NOT NULL,
    sent_by      text        NOT NULL,
    sent_at      timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (order_id, seq) REFERENCES corporate_instalments (order_id, seq)
);
CREATE INDEX corporate_invoices_order ON corporate_invoices (order_id);

ALTER TABLE payments DROP CONSTRAINT payments_method_check;
ALTER TABLE payments ADD CONSTRAINT payments_method_check
    CHECK (method IN ('CHECKOUT', 'CARD', 'WECHAT_PAY', 'ALIPAY', 'BANK_TRANSFER', 'INVOICE'));
ALTER TABLE payments ADD COLUMN overdue_since timestamptz;

ALTER TABLE receipts DROP CONSTRAINT receipts_kind_check;
ALTER TABLE receipts ADD CONSTRAINT receipts_kind_check CHECK (kind IN ('SALE', 'REFUND', 'PAYMENT'));
