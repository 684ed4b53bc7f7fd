-- Seed for the "piecework" load scenario (infra/performance, PieceworkSimulation): 200 makers and a year of
-- daily checked piece work, booked to the ledger exactly as the app books a checked work record:
--
--   makers            200, named 压测手作人-001 … 压测手作人-200 (no consent row: never shown publicly)
--   products          1, "压测计件产品", ARCHIVED (not in the shop, the POS or the catalog scenario), 1 variant
--   piece_operations  5 of that product, each with a rate from 400 days ago and a raise from 120 days ago
--   work_records      one per maker per working day (Monday to Friday) of the last 365 days, before today:
--                     about 200 × 261 = 52,200, all CHECKED, paid at the rate in force on the day
--   ledger_entries    one WORK entry per work record (source work-record:{id}, key work:{id}, day = work date)
--   ledger_postings   two per entry: +amount to maker:{id}, -amount to workshop:piecework (balanced)
--
-- Idempotent: when the makers already exist the whole script does nothing. Every id is derived from a name
-- (md5(...)::uuid), so a second database seeded on the same day gets the same ids. One transaction: the
-- deferred balance trigger checks every entry at COMMIT.
--
-- Run by PieceworkSimulation.before() through JDBC, or by hand against the app's database:
--   psql -h localhost -p "$(sed -n 4p data/postgres/postmaster.pid)" -U postgres -d postgres -f infra/performance/piecework-seed.sql

BEGIN;

-- Whether to seed at all: only when none of the load-test makers exist yet.
CREATE TEMP TABLE piecework_seed ON COMMIT DROP AS
SELECT NOT EXISTS (SELECT 1 FROM makers WHERE name LIKE '压测手作人-%') AS go,
       current_date - 365 AS first_day,
       current_date - 1 AS last_day;

INSERT INTO makers (id, name, display_name, story_zh, story_en)
SELECT md5('piecework-bench:maker:' || n)::uuid,
       '压测手作人-' || lpad(n::text, 3, '0'),
       '压测手作人-' || lpad(n::text, 3, '0'),
       '压测数据，不公开。', 'Load-test data, not public.'
FROM generate_series(1, 200) AS n
WHERE (SELECT go FROM piecework_seed);

INSERT INTO products (id, category, name_zh, name_en, description_zh, description_en, tax_category, channels, stock_tracked, status)
SELECT md5('piecework-bench:product')::uuid, 'HANDCRAFT', '压测计件产品', 'Load-test piece-work product',
       '压测数据，不上架。', 'Load-test data, never sold.', 'GOODS', ARRAY['POS'], false, 'ARCHIVED'
WHERE (SELECT go FROM piecework_seed)
ON CONFLICT (id) DO NOTHING;

INSERT INTO product_variants (id, product_id, sku, name_zh, name_en, price_minor, position, status)
SELECT md5('piecework-bench:variant')::uuid, md5('piecework-bench:product')::uuid, 'BENCH-PIECEWORK', '标准', 'Standard', 10000, 0,
       'ARCHIVED'
WHERE (SELECT go FROM piecework_seed)
ON CONFLICT (id) DO NOTHING;

INSERT INTO piece_operations (id, product_id, name_zh, name_en)
SELECT md5('piecework-bench:operation:' || k)::uuid, md5('piecework-bench:product')::uuid,
       '压测工序-' || k, 'Load-test operation ' || k
FROM generate_series(1, 5) AS k
WHERE (SELECT go FROM piecework_seed)
ON CONFLICT (id) DO NOTHING;

-- Operation k pays 100 + 20k fen a piece, and 10 fen more from 120 days ago.
INSERT INTO piece_rates (operation_id, valid_from, rate_fen, set_by)
SELECT md5('piecework-bench:operation:' || k)::uuid, r.valid_from, 100 + 20 * k + r.raise, 'seed'
FROM generate_series(1, 5) AS k
     CROSS JOIN (VALUES (current_date - 400, 0), (current_date - 120, 10)) AS r (valid_from, raise)
WHERE (SELECT go FROM piecework_seed)
ON CONFLICT (operation_id, valid_from) DO NOTHING;

-- One record per maker per working day. Pieces 10..49 and rejects 0..2 vary by a hash of maker and day; every
-- field a check sets is set as the app sets it (accepted + rejected = pieces, amount = accepted × rate of the day).
INSERT INTO work_records (id, maker_id, operation_id, work_date, pieces, status, accepted, rejected, reason, rate_fen, amount_fen,
                          reported_by, reported_at, checked_by, checked_at)
SELECT w.id, w.maker_id, w.operation_id, w.day, w.pieces, 'CHECKED', w.pieces - w.rejected, w.rejected,
       CASE WHEN w.rejected > 0 THEN '边缘不齐 uneven edge' END,
       rate.rate_fen, (w.pieces - w.rejected) * rate.rate_fen,
       'seed', w.day + time '09:00', 'seed', w.day + time '17:00'
FROM (SELECT md5('piecework-bench:work:' || n || ':' || d::date)::uuid AS id,
             md5('piecework-bench:maker:' || n)::uuid AS maker_id,
             md5('piecework-bench:operation:' || (1 + (n + extract(doy FROM d)::int) % 5))::uuid AS operation_id,
             d::date AS day,
             10 + abs(hashtext(n || ':' || d::date)) % 40 AS pieces,
             abs(hashtext(d::date || ':' || n)) % 3 AS rejected
      FROM piecework_seed s
           CROSS JOIN generate_series(1, 200) AS n
           CROSS JOIN generate_series(s.first_day, s.last_day, interval '1 day') AS d
      WHERE s.go AND extract(isodow FROM d) < 6) AS w
     CROSS JOIN LATERAL (SELECT r.rate_fen FROM piece_rates r
                         WHERE r.operation_id = w.operation_id AND r.valid_from <= w.day
                         ORDER BY r.valid_from DESC LIMIT 1) AS rate;

-- The WORK entry of each seeded record, as WorkRecords books it (memo "{operation} × {accepted}").
INSERT INTO ledger_entries (id, reason, source, day, idempotency_key, memo, actor, created_at)
SELECT md5('piecework-bench:entry:' || w.id)::uuid, 'WORK', 'work-record:' || w.id, w.work_date, 'work:' || w.id,
       o.name_zh || ' × ' || w.accepted, 'seed', w.checked_at
FROM work_records w JOIN piece_operations o ON o.id = w.operation_id
WHERE (SELECT go FROM piecework_seed) AND o.product_id = md5('piecework-bench:product')::uuid AND w.reported_by = 'seed';

INSERT INTO ledger_postings (entry_id, account, amount)
SELECT md5('piecework-bench:entry:' || w.id)::uuid, posting.account, posting.amount
FROM work_records w JOIN piece_operations o ON o.id = w.operation_id
     CROSS JOIN LATERAL (VALUES ('maker:' || w.maker_id, w.amount_fen),
                                ('workshop:piecework', -w.amount_fen)) AS posting (account, amount)
WHERE (SELECT go FROM piecework_seed) AND o.product_id = md5('piecework-bench:product')::uuid AND w.reported_by = 'seed';

COMMIT;

-- Fresh statistics for the planner after a bulk load (outside the transaction; cheap when nothing changed).
ANALYZE makers, piece_operations, piece_rates, work_records, ledger_entries, ledger_postings;
