-- Issue 13 step 5 (docs/adr/0021): production across makers. A company's order needs, per piece operation of its
-- products, as many pieces as its lines' units (read from the order's frozen lines, not stored); the coordinator splits
-- each operation's pieces across makers: that plan is stored here, replaced as a whole when saved.
CREATE TABLE production_plans (
    order_id     uuid        NOT NULL REFERENCES orders (id),
    operation_id uuid        NOT NULL REFERENCES piece_operations (id),
    maker_id     uuid        NOT NULL REFERENCES makers (id),
    pieces       integer     NOT NULL CHECK (pieces BETWEEN 1 AND 1000000),
    planned_by   text        NOT NULL,
    planned_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (order_id, operation_id, maker_id)
);

-- Each maker's recent checked output of an operation: what the split's suggestion and the forecast read.
CREATE INDEX work_records_checked_output ON work_records (operation_id, work_date) WHERE status = 'CHECKED';
