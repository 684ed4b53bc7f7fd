-- Issue 13 step 7: impact reports. Work for an order may say how long it took (optional: hours are reported as
-- recorded, and for how many of the records); the ledger is searched by an entry's source to sum what an order's work
-- paid; and every report signed is kept as it was signed, so its check gives the same figures after more work.
ALTER TABLE work_records ADD COLUMN minutes integer CHECK (minutes BETWEEN 1 AND 1440);

CREATE INDEX ledger_entries_source ON ledger_entries (source);

CREATE TABLE impact_reports (
    id           uuid PRIMARY KEY,
    company_id   uuid        NOT NULL REFERENCES companies (id),
    order_id     uuid        REFERENCES orders (id),
    year         integer     CHECK (year BETWEEN 2000 AND 2100),
    figures_hash text        NOT NULL,
    content      jsonb       NOT NULL,
    hash         text        NOT NULL,
    key_id       text        NOT NULL REFERENCES receipt_keys (id),
    signature    bytea       NOT NULL CHECK (length(signature) = 64),
    issued_by    text        NOT NULL,
    issued_at    timestamptz NOT NULL DEFAULT now(),
    CHECK ((order_id IS NULL) <> (year IS NULL))
);
-- The same figures are signed once: asking again gives the report already issued.
CREATE UNIQUE INDEX impact_reports_order_figures ON impact_reports (order_id, figures_hash) WHERE order_id IS NOT NULL;
CREATE UNIQUE INDEX impact_reports_year_figures ON impact_reports (company_id, year, figures_hash) WHERE year IS NOT NULL;
CREATE TRIGGER impact_reports_append_only BEFORE UPDATE OR DELETE ON impact_reports
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER impact_reports_no_truncate BEFORE TRUNCATE ON impact_reports
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
