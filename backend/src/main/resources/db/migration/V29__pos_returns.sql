-- Issue 12, step 9: returns at the counter (docs/adr/0017). A return is a refund of the order (order_refunds) made at a
-- register during its shift, with the refund receipt its tablet numbered, chained and signed, all in one transaction;
-- known by the id its tablet gave it, the key that makes sending it again harmless. The cash it paid out leaves the
-- shift's drawer.

CREATE TABLE pos_returns (
    client_id    uuid PRIMARY KEY,
    refund_id    uuid        NOT NULL UNIQUE REFERENCES order_refunds (id),
    order_id     uuid        NOT NULL REFERENCES orders (id),
    register_id  text        NOT NULL REFERENCES pos_registers (id),
    shift_id     uuid        NOT NULL REFERENCES pos_shifts (id),
    device_id    uuid        NOT NULL REFERENCES pos_devices (id),
    cashier      text        NOT NULL,
    tender       text        NOT NULL CHECK (tender IN ('CASH')),
    amount_minor bigint      NOT NULL CHECK (amount_minor > 0),
    cash_paid    bigint      NOT NULL CHECK (cash_paid >= 0 AND cash_paid <= amount_minor),
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pos_returns_shift ON pos_returns (shift_id);
CREATE INDEX pos_returns_order ON pos_returns (order_id);
