-- Issue 6: monthly earnings statements, signed like receipts, issued once per maker and month, never changed.
CREATE TABLE issued_statements (
    id        uuid PRIMARY KEY,
    maker_id  uuid        NOT NULL REFERENCES makers (id),
    month     date        NOT NULL CHECK (extract(day FROM month) = 1),
    issued_at timestamptz NOT NULL DEFAULT now(),
    content   jsonb       NOT NULL,
    hash      text        NOT NULL,
    key_id    text        NOT NULL REFERENCES receipt_keys (id),
    signature bytea       NOT NULL CHECK (length(signature) = 64),
    UNIQUE (maker_id, month)
);
CREATE TRIGGER issued_statements_append_only BEFORE UPDATE OR DELETE ON issued_statements
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER issued_statements_no_truncate BEFORE TRUNCATE ON issued_statements
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
