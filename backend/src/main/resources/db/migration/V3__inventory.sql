-- Stock: locations, levels per variant and location, an append-only movement journal, reservations.

CREATE TABLE stock_locations (
    code     text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name_zh  text    NOT NULL,
    name_en  text    NOT NULL,
    channels text[]  NOT NULL CHECK (channels <@ ARRAY['ONLINE', 'POS', 'CORPORATE']),
    position integer NOT NULL DEFAULT 100
);
INSERT INTO stock_locations (code, name_zh, name_en, channels, position) VALUES
    ('WORKSHOP_SHOP', '工坊门店', 'Workshop shop', ARRAY['POS'], 10),
    ('ONLINE_STORE_ROOM', '网店库房', 'Online store room', ARRAY['ONLINE', 'CORPORATE'], 20);

-- The current level; always equal to the sums of the journal (see stock_movements), kept for fast reads and
-- for the atomic conditional updates that stop overselling.
CREATE TABLE stock_levels (
    variant_id          uuid    NOT NULL REFERENCES product_variants (id),
    location            text    NOT NULL REFERENCES stock_locations (code),
    on_hand             bigint  NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    reserved            bigint  NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    low_stock_threshold integer NOT NULL DEFAULT 3 CHECK (low_stock_threshold >= 0),
    PRIMARY KEY (variant_id, location),
    CHECK (reserved <= on_hand)
);

CREATE TABLE stock_movements (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    variant_id      uuid        NOT NULL REFERENCES product_variants (id),
    location        text        NOT NULL REFERENCES stock_locations (code),
    kind            text        NOT NULL CHECK (kind IN ('RECEIVED', 'SOLD', 'RESERVED', 'RELEASED', 'ADJUSTED',
                                                         'TRANSFERRED_IN', 'TRANSFERRED_OUT')),
    on_hand_delta   bigint      NOT NULL,
    reserved_delta  bigint      NOT NULL,
    reason          text CHECK (length(reason) <= 500),
    reference       text,
    actor           text        NOT NULL,
    idempotency_key text UNIQUE,
    at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stock_movements_variant ON stock_movements (variant_id, location, id);
CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE ON stock_movements
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER stock_movements_no_truncate BEFORE TRUNCATE ON stock_movements
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

CREATE TABLE stock_reservations (
    id         uuid PRIMARY KEY,
    variant_id uuid        NOT NULL REFERENCES product_variants (id),
    location   text        NOT NULL REFERENCES stock_locations (code),
    quantity   bigint      NOT NULL CHECK (quantity > 0),
    reference  text        NOT NULL,
    status     text        NOT NULL DEFAULT 'HELD' CHECK (status IN ('HELD', 'CONFIRMED', 'RELEASED', 'EXPIRED')),
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stock_reservations_expiring ON stock_reservations (expires_at) WHERE status = 'HELD';
CREATE INDEX stock_reservations_reference ON stock_reservations (reference);

-- Low-stock alerts for coordinators, written by the outbox handler of StockRunningLow.
CREATE TABLE stock_alerts (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    variant_id uuid        NOT NULL REFERENCES product_variants (id),
    location   text        NOT NULL REFERENCES stock_locations (code),
    available  bigint      NOT NULL,
    threshold  integer     NOT NULL,
    raised_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stock_alerts_raised_at ON stock_alerts (raised_at DESC);
