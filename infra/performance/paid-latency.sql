-- How long after a payment's acknowledgement its order read PAID and had its sale receipt, for the online orders
-- paid in the last :minutes minutes (default 5). Run after `run.sh checkout` against the app's database, e.g.
--   psql -h localhost -p "$(sed -n 4p "$DATA_DIR/postmaster.pid")" -U postgres -d postgres \
--        -v minutes=2 -f infra/performance/paid-latency.sql
-- The acknowledgement is the moment the payment row became SUCCEEDED (payments.updated_at: the demo payment's
-- completion or the verified webhook); PAID is orders.paid_at; the receipt is receipts.issued_at. Both are set by
-- outbox deliveries, at the start of their transaction, so each figure is at most one short transaction early.
\if :{?minutes} \else \set minutes 5 \endif
WITH paid AS (
    SELECT p.updated_at AS acknowledged, o.paid_at, r.issued_at
    FROM payments p
    JOIN orders o ON o.id = p.order_id
    LEFT JOIN receipts r ON r.order_id = o.id AND r.kind = 'SALE'
    WHERE p.status = 'SUCCEEDED' AND o.channel = 'ONLINE' AND p.updated_at > now() - :minutes * interval '1 minute'),
waited AS (
    SELECT extract(epoch FROM greatest(paid_at, issued_at) - acknowledged) * 1000 AS ms,
           paid_at IS NULL OR issued_at IS NULL AS unfinished
    FROM paid)
SELECT count(*) AS payments,
       count(*) FILTER (WHERE unfinished) AS not_yet_paid_with_receipt,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric) AS p50_ms,
       round(percentile_cont(0.95) WITHIN GROUP (ORDER BY ms)::numeric) AS p95_ms,
       round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric) AS p99_ms,
       round(max(ms)::numeric) AS max_ms
FROM waited;
