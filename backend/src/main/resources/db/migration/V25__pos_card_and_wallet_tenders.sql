-- Issue 12, step 8: card and wallet tenders at the counter (docs/adr/0017-pos-registers-devices-and-steps.md).

-- A payment taken at the counter is a payment like any other (its provider's id, amount, status, refunds), made by a
-- card on the register's reader or by a wallet's QR code the buyer scans, instead of a hosted page. For a wallet,
-- redirect_url holds what the QR code carries (empty for a card). Until the provider has answered, session_id is
-- 'pending:' and the payment's id. Why an attempt failed is kept as the provider said it (card_declined,
-- terminal_reader_timeout, canceled).
ALTER TABLE payments ADD COLUMN method text NOT NULL DEFAULT 'CHECKOUT'
    CHECK (method IN ('CHECKOUT', 'CARD', 'WECHAT_PAY', 'ALIPAY'));
ALTER TABLE payments ADD COLUMN card_reader text;
ALTER TABLE payments ADD COLUMN failure_code text;
ALTER TABLE payments ADD COLUMN failure_message text;

-- The Stripe Terminal reader paired with a register (tmr_…), set by coordinators; none in demo mode.
ALTER TABLE pos_registers ADD COLUMN card_reader text;

-- Which sale at which register a counter payment is for: every payment of one sale pays one order, whose id is given
-- when the sale's first payment starts (the order itself is stored with the sale).
CREATE TABLE pos_payments (
    payment_id  uuid PRIMARY KEY REFERENCES payments (id),
    client_id   uuid        NOT NULL,
    order_id    uuid        NOT NULL,
    register_id text        NOT NULL REFERENCES pos_registers (id),
    shift_id    uuid        NOT NULL REFERENCES pos_shifts (id),
    method      text        NOT NULL CHECK (method IN ('CARD', 'WECHAT_PAY', 'ALIPAY')),
    amount_minor bigint     NOT NULL CHECK (amount_minor > 0),
    started_by  text        NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT now(),
    -- set in the sale's transaction when the payment became one of its tenders
    sold        boolean     NOT NULL DEFAULT false,
    -- set when the sale was abandoned after the buyer paid, before the payment is refunded; never both
    voided      boolean     NOT NULL DEFAULT false CHECK (NOT (sold AND voided))
);
CREATE INDEX pos_payments_sale ON pos_payments (client_id);
CREATE INDEX pos_payments_shift ON pos_payments (shift_id);
