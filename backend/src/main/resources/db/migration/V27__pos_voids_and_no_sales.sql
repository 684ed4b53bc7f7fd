-- Issue 12, item 2: the shift reports count lines taken off a sale before it was paid (voided) and the drawer opened
-- without a sale ("no sale"), each with who did it: what a counter's loss prevention reads. Both are known by the id the
-- tablet gave them, so sending one again records it once.

CREATE TABLE pos_voided_lines (
    id           uuid PRIMARY KEY,
    register_id  text        NOT NULL REFERENCES pos_registers (id),
    shift_id     uuid        NOT NULL REFERENCES pos_shifts (id),
    cashier      text        NOT NULL,
    variant_id   uuid        NOT NULL,
    name_zh      text        NOT NULL,
    name_en      text        NOT NULL,
    quantity     integer     NOT NULL CHECK (quantity > 0),
    amount_minor bigint      NOT NULL CHECK (amount_minor >= 0),
    voided_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pos_voided_lines_shift ON pos_voided_lines (shift_id);

CREATE TABLE pos_drawer_openings (
    id          uuid PRIMARY KEY,
    register_id text        NOT NULL REFERENCES pos_registers (id),
    shift_id    uuid        NOT NULL REFERENCES pos_shifts (id),
    cashier     text        NOT NULL,
    reason      text        NOT NULL,
    opened_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pos_drawer_openings_shift ON pos_drawer_openings (shift_id);
