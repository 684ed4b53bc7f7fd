-- Issue 6: piece-work earnings. The ledger is double-entry and append-only.

-- Which sign-in belongs to which maker (a MAKER account sees only its own maker's earnings).
CREATE TABLE maker_accounts (
    email    text PRIMARY KEY CHECK (email = lower(email)),
    maker_id uuid NOT NULL UNIQUE REFERENCES makers (id)
);

CREATE TABLE piece_operations (
    id         uuid PRIMARY KEY,
    product_id uuid        NOT NULL REFERENCES products (id),
    variant_id uuid        REFERENCES product_variants (id),
    name_zh    text        NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 60),
    name_en    text        NOT NULL CHECK (length(name_en) BETWEEN 1 AND 60),
    active     boolean     NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX piece_operations_product ON piece_operations (product_id);

-- Rates are versioned by the day from which they apply; a rate once set for a day is kept.
CREATE TABLE piece_rates (
    operation_id uuid        NOT NULL REFERENCES piece_operations (id),
    valid_from   date        NOT NULL,
    rate_fen     bigint      NOT NULL CHECK (rate_fen BETWEEN 0 AND 1000000),
    set_by       text        NOT NULL,
    set_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (operation_id, valid_from)
);

CREATE TABLE work_records (
    id               uuid PRIMARY KEY,
    maker_id         uuid        NOT NULL REFERENCES makers (id),
    operation_id     uuid        NOT NULL REFERENCES piece_operations (id),
    work_date        date        NOT NULL,
    pieces           integer     NOT NULL CHECK (pieces BETWEEN 1 AND 100000),
    status           text        NOT NULL CHECK (status IN ('REPORTED', 'RECORDED', 'CHECKED', 'DECLINED')),
    accepted         integer     CHECK (accepted >= 0),
    rejected         integer     CHECK (rejected >= 0),
    reason           text        CHECK (length(reason) <= 500),
    note             text        CHECK (length(note) <= 500),
    rate_fen         bigint,
    amount_fen       bigint,
    received_to      text        REFERENCES stock_locations (code),
    reported_by      text        NOT NULL,
    reported_at      timestamptz NOT NULL DEFAULT now(),
    checked_by       text,
    checked_at       timestamptz,
    CHECK (status <> 'CHECKED' OR (accepted + rejected = pieces AND rate_fen IS NOT NULL AND amount_fen IS NOT NULL))
);
CREATE INDEX work_records_maker_day ON work_records (maker_id, work_date);
CREATE INDEX work_records_waiting ON work_records (status, reported_at) WHERE status IN ('REPORTED', 'RECORDED');

CREATE TABLE ledger_entries (
    id              uuid PRIMARY KEY,
    reason          text        NOT NULL CHECK (reason IN ('WORK', 'SALE_SHARE', 'REFUND_SHARE', 'PAYOUT', 'ADJUSTMENT',
                                                           'TOP_UP', 'REVERSAL')),
    source          text        NOT NULL,
    day             date        NOT NULL,
    idempotency_key text        NOT NULL UNIQUE,
    memo            text        NOT NULL DEFAULT '' CHECK (length(memo) <= 500),
    actor           text        NOT NULL,
    reverses        uuid UNIQUE REFERENCES ledger_entries (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((reason = 'REVERSAL') = (reverses IS NOT NULL))
);

CREATE TABLE ledger_postings (
    entry_id uuid   NOT NULL REFERENCES ledger_entries (id),
    account  text   NOT NULL CHECK (account ~ '^(maker:[0-9a-f-]{36}|workshop:[a-z-]{1,40})$'),
    maker_id uuid   GENERATED ALWAYS AS (CASE WHEN account LIKE 'maker:%' THEN substr(account, 7)::uuid END) STORED,
    amount   bigint NOT NULL CHECK (amount <> 0),
    PRIMARY KEY (entry_id, account)
);
CREATE INDEX ledger_postings_maker ON ledger_postings (maker_id) WHERE maker_id IS NOT NULL;

-- Every entry balances to zero, checked when its transaction commits.
CREATE FUNCTION ledger_entry_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    total numeric;
    lines integer;
BEGIN
    SELECT coalesce(sum(amount), 0), count(*) INTO total, lines FROM ledger_postings WHERE entry_id = NEW.id;
    IF total <> 0 OR lines < 2 THEN
        RAISE EXCEPTION 'ledger entry % does not balance: % postings adding up to %', NEW.id, lines, total
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER ledger_entries_balance AFTER INSERT ON ledger_entries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_balances();

CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_postings_append_only BEFORE UPDATE OR DELETE ON ledger_postings
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_postings_no_truncate BEFORE TRUNCATE ON ledger_postings
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

CREATE TABLE payout_batches (
    id         uuid PRIMARY KEY,
    method     text        NOT NULL,
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE payouts (
    id         uuid PRIMARY KEY,
    maker_id   uuid        NOT NULL REFERENCES makers (id),
    amount_fen bigint      NOT NULL CHECK (amount_fen > 0),
    method     text        NOT NULL CHECK (method IN ('BANK_TRANSFER', 'CASH', 'MOBILE_WALLET')),
    reference  text        CHECK (length(reference) <= 100),
    batch_id   uuid        REFERENCES payout_batches (id),
    entry_id   uuid        NOT NULL UNIQUE REFERENCES ledger_entries (id),
    paid_on    date        NOT NULL,
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payouts_batch ON payouts (batch_id);

-- Consignment products pay their maker a share of the net (tax-excluded) sale price.
CREATE TABLE consignments (
    product_id uuid          PRIMARY KEY REFERENCES products (id),
    maker_id   uuid          NOT NULL REFERENCES makers (id),
    share      numeric(4, 3) NOT NULL CHECK (share > 0 AND share <= 1)
);

-- For makers employed by the hour: minutes worked per month, for the minimum-wage top-up.
CREATE TABLE work_hours (
    maker_id uuid    NOT NULL REFERENCES makers (id),
    month    date    NOT NULL CHECK (extract(day FROM month) = 1),
    minutes  integer NOT NULL CHECK (minutes BETWEEN 0 AND 44640),
    PRIMARY KEY (maker_id, month)
);
