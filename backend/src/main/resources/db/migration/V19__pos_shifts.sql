-- Issue 12, step 3: shifts and the cash drawer (docs/adr/0017). A register has at most one open shift; the cash paid
-- in and out during it is a journal (append-only). Closing records what was counted against what was expected.

CREATE TABLE pos_shifts (
    id            uuid PRIMARY KEY,
    register_id   text        NOT NULL REFERENCES pos_registers (id),
    opened_at     timestamptz NOT NULL DEFAULT now(),
    opened_by     text        NOT NULL,
    opening_float bigint      NOT NULL CHECK (opening_float >= 0),
    closed_at     timestamptz,
    closed_by     text,
    expected_cash bigint,
    counted_cash  bigint CHECK (counted_cash >= 0),
    CHECK ((closed_at IS NULL) = (closed_by IS NULL)),
    CHECK ((closed_at IS NULL) = (expected_cash IS NULL)),
    CHECK ((closed_at IS NULL) = (counted_cash IS NULL))
);
CREATE UNIQUE INDEX pos_shifts_one_open ON pos_shifts (register_id) WHERE closed_at IS NULL;

CREATE TABLE pos_cash_movements (
    id          uuid PRIMARY KEY,
    shift_id    uuid        NOT NULL REFERENCES pos_shifts (id),
    kind        text        NOT NULL CHECK (kind IN ('PAID_IN', 'PAID_OUT')),
    amount      bigint      NOT NULL CHECK (amount > 0),
    reason      text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    recorded_by text        NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pos_cash_movements_shift ON pos_cash_movements (shift_id, recorded_at);
CREATE TRIGGER pos_cash_movements_append_only BEFORE UPDATE OR DELETE ON pos_cash_movements
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER pos_cash_movements_no_truncate BEFORE TRUNCATE ON pos_cash_movements
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
