-- Issue 12, item 7: a return at the counter paid back to the tender the sale was paid with (ADR 0019). The money goes
-- back through the payment provider before the refund receipt is stored, so such a return is first recorded as
-- REFUNDING (its refund pending, counted against what is left of the order) and becomes DONE with its receipt; the
-- provider part names the payment it went back to, the rest is cash from the drawer.

ALTER TABLE pos_returns DROP CONSTRAINT pos_returns_tender_check;
ALTER TABLE pos_returns ADD CONSTRAINT pos_returns_tender_check CHECK (tender IN ('CASH', 'ORIGINAL'));
-- V29's check of cash_paid (a column constraint over two columns, so named by PostgreSQL, not by us)
DO $$
DECLARE checked text;
BEGIN
    FOR checked IN SELECT conname FROM pg_constraint WHERE conrelid = 'pos_returns'::regclass AND contype = 'c'
                       AND pg_get_constraintdef(oid) LIKE '%cash_paid%' LOOP
        EXECUTE format('ALTER TABLE pos_returns DROP CONSTRAINT %I', checked);
    END LOOP;
END $$;
ALTER TABLE pos_returns
    ADD COLUMN status          text   NOT NULL DEFAULT 'DONE' CHECK (status IN ('REFUNDING', 'DONE')),
    ADD COLUMN payment_id      uuid   REFERENCES payments (id),
    ADD COLUMN provider_amount bigint NOT NULL DEFAULT 0 CHECK (provider_amount >= 0),
    -- what the return asked for (original, lines, tender), to know the same return sent again while it is REFUNDING
    ADD COLUMN request_hash    text,
    ADD CONSTRAINT pos_returns_parts CHECK (cash_paid >= 0 AND cash_paid + provider_amount = amount_minor
                                            AND (provider_amount = 0) = (payment_id IS NULL));
CREATE INDEX pos_returns_refunding ON pos_returns (shift_id) WHERE status = 'REFUNDING';
