-- Issue 12, step 9: X and Z reports (docs/adr/0017). A shift's figures as they stood when the report was made, signed
-- like receipts (canonical JSON, Ed25519 with the receipt keys) and kept as signed: an X report at any time during a
-- shift, one Z report when it closes (in the closing's transaction).

CREATE TABLE pos_shift_reports (
    id        uuid PRIMARY KEY,
    shift_id  uuid        NOT NULL REFERENCES pos_shifts (id),
    kind      text        NOT NULL CHECK (kind IN ('X', 'Z')),
    issued_at timestamptz NOT NULL DEFAULT now(),
    content   jsonb       NOT NULL,
    hash      text        NOT NULL,
    key_id    text        NOT NULL REFERENCES receipt_keys (id),
    signature bytea       NOT NULL CHECK (length(signature) = 64)
);
CREATE UNIQUE INDEX pos_shift_reports_one_z ON pos_shift_reports (shift_id) WHERE kind = 'Z';
CREATE INDEX pos_shift_reports_shift ON pos_shift_reports (shift_id, issued_at);
CREATE TRIGGER pos_shift_reports_append_only BEFORE UPDATE OR DELETE ON pos_shift_reports
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER pos_shift_reports_no_truncate BEFORE TRUNCATE ON pos_shift_reports
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
