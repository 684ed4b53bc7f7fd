-- Issue 13, impact reports: the work record a WORK entry books, as a uuid beside its source ("work-record:{id}"), indexed,
-- so an order's or a year's work finds its entries by equality on a uuid rather than by building each record's source
-- text (a year's impact report joins some 50,000 of them; JFR and EXPLAIN showed that join and its text keys first).
ALTER TABLE ledger_entries
    ADD COLUMN work_record_id uuid GENERATED ALWAYS AS
        (CASE WHEN source ~ '^work-record:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN CAST(substr(source, 13) AS uuid) END) STORED;
CREATE INDEX ledger_entries_work_record ON ledger_entries (work_record_id) WHERE work_record_id IS NOT NULL;
