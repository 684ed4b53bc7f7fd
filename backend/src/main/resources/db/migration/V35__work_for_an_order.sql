-- Issue 13 step 5: work done for an order (a company's order made to order) names it, so production can count its
-- progress and the order's impact report can sum the earnings it paid from the ledger.
ALTER TABLE work_records ADD COLUMN order_id uuid REFERENCES orders (id);
CREATE INDEX work_records_order ON work_records (order_id, operation_id) WHERE order_id IS NOT NULL;
