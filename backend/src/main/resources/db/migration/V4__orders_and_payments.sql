-- Issue 4: carts, orders of every channel, payments and provider events.

ALTER TABLE stock_movements DROP CONSTRAINT stock_movements_kind_check;
ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_kind_check CHECK (kind IN ('RECEIVED', 'SOLD', 'RESERVED',
    'RELEASED', 'ADJUSTED', 'RETURNED', 'TRANSFERRED_IN', 'TRANSFERRED_OUT'));

-- A buyer's cart. Its id is the buyer's secret (kept in the browser). Once checked out it is read-only.
CREATE TABLE carts (
    id         uuid PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    order_id   uuid UNIQUE
);
CREATE INDEX carts_abandoned ON carts (updated_at) WHERE order_id IS NULL;

CREATE TABLE cart_items (
    cart_id    uuid        NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    variant_id uuid        NOT NULL REFERENCES product_variants (id),
    quantity   integer     NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    added_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cart_id, variant_id)
);

-- One row per year; incremented under its row lock inside the transaction that creates the order, so numbers
-- are unique and, because a rolled-back order rolls its increment back too, without gaps.
CREATE TABLE order_numbers (
    year integer PRIMARY KEY,
    last bigint  NOT NULL CHECK (last > 0)
);

CREATE TABLE orders (
    id                uuid PRIMARY KEY,
    number            text        NOT NULL UNIQUE,
    channel           text        NOT NULL CHECK (channel IN ('ONLINE', 'POS', 'CORPORATE')),
    status            text        NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'FULFILLED', 'CANCELLED',
                                                             'REFUNDED', 'PARTIALLY_REFUNDED')),
    currency          char(3)     NOT NULL,
    total_minor       bigint      NOT NULL CHECK (total_minor > 0),
    refunded_minor    bigint      NOT NULL DEFAULT 0 CHECK (refunded_minor BETWEEN 0 AND total_minor),
    email             text        CHECK (length(email) <= 254),
    phone             text        CHECK (length(phone) <= 32),
    name              text        CHECK (length(name) <= 100),
    note              text        CHECK (length(note) <= 1000),
    fulfilment_type   text        NOT NULL CHECK (fulfilment_type IN ('PICKUP', 'DELIVERY')),
    pickup_slot       timestamptz,
    delivery          jsonb,
    fulfilment_stage  text        CHECK (fulfilment_stage IN ('READY_FOR_PICKUP', 'SHIPPED')),
    tracking_note     text        CHECK (length(tracking_note) <= 500),
    access_token_hash bytea       NOT NULL,
    cart_id           uuid        UNIQUE REFERENCES carts (id),
    pay_by            timestamptz NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    paid_at           timestamptz,
    closed_at         timestamptz,
    search_text       text GENERATED ALWAYS AS (lower(number || ' ' || coalesce(email, '') || ' ' || coalesce(name, '')
                                                      || ' ' || coalesce(phone, ''))) STORED
);
CREATE INDEX orders_created ON orders (created_at DESC, id);
CREATE INDEX orders_status_created ON orders (status, created_at DESC);
CREATE INDEX orders_unpaid_due ON orders (pay_by) WHERE status = 'PENDING_PAYMENT';
CREATE INDEX orders_search_trgm ON orders USING gin (search_text gin_trgm_ops);

-- Lines frozen at checkout: names, price and tax rate as they were then.
CREATE TABLE order_lines (
    id                uuid PRIMARY KEY,
    order_id          uuid          NOT NULL REFERENCES orders (id),
    position          integer       NOT NULL,
    kind              text          NOT NULL CHECK (kind IN ('ITEM', 'DELIVERY')),
    variant_id        uuid          REFERENCES product_variants (id),
    product_id        uuid          REFERENCES products (id),
    sku               text          NOT NULL,
    name_zh           text          NOT NULL,
    name_en           text          NOT NULL,
    variant_zh        text          NOT NULL DEFAULT '',
    variant_en        text          NOT NULL DEFAULT '',
    quantity          integer       NOT NULL CHECK (quantity > 0),
    unit_price_minor  bigint        NOT NULL CHECK (unit_price_minor > 0),
    tax_rate          numeric(5, 4) NOT NULL CHECK (tax_rate >= 0 AND tax_rate < 1),
    refunded_quantity integer       NOT NULL DEFAULT 0 CHECK (refunded_quantity BETWEEN 0 AND quantity),
    reservation_id    uuid,
    location          text          REFERENCES stock_locations (code),
    UNIQUE (order_id, position)
);

CREATE TABLE order_refunds (
    id                 uuid PRIMARY KEY,
    order_id           uuid        NOT NULL REFERENCES orders (id),
    amount_minor       bigint      NOT NULL CHECK (amount_minor > 0),
    method             text        NOT NULL CHECK (method IN ('ORIGINAL', 'CASH', 'BANK_TRANSFER', 'AT_PROVIDER')),
    status             text        NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    lines              jsonb       NOT NULL DEFAULT '{}',
    restock            boolean     NOT NULL,
    reason             text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    actor              text        NOT NULL,
    source_key         text        UNIQUE,
    created_at         timestamptz NOT NULL DEFAULT now(),
    settled_at         timestamptz
);
CREATE INDEX order_refunds_order ON order_refunds (order_id, created_at);

-- Payments: one row per attempt to pay an order at a provider. No foreign key to orders: payments knows
-- nothing of ordering and reports through events.
CREATE TABLE payments (
    id           uuid PRIMARY KEY,
    order_id     uuid        NOT NULL,
    attempt      integer     NOT NULL,
    provider     text        NOT NULL,
    session_id   text        NOT NULL UNIQUE,
    redirect_url text        NOT NULL,
    amount_minor bigint      NOT NULL CHECK (amount_minor > 0),
    currency     char(3)     NOT NULL,
    status       text        NOT NULL CHECK (status IN ('OPEN', 'SUCCEEDED', 'FAILED', 'EXPIRED')),
    reference    text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (order_id, attempt)
);
CREATE INDEX payments_reference ON payments (reference);

CREATE TABLE payment_refunds (
    id                 uuid PRIMARY KEY,
    payment_id         uuid        NOT NULL REFERENCES payments (id),
    amount_minor       bigint      NOT NULL CHECK (amount_minor > 0),
    status             text        NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    external           boolean     NOT NULL,
    provider_refund_id text,
    idempotency_key    text        NOT NULL UNIQUE,
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_refunds_payment ON payment_refunds (payment_id);

-- Every verified provider event, once per id: duplicates are answered 200 and ignored.
CREATE TABLE provider_events (
    id          text PRIMARY KEY,
    provider    text        NOT NULL,
    type        text        NOT NULL,
    event       jsonb       NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);

-- The demo provider's own sessions (what Stripe keeps on its side for Stripe payments).
CREATE TABLE demo_sessions (
    id           text PRIMARY KEY,
    payment_id   uuid        NOT NULL,
    order_number text        NOT NULL,
    amount_minor bigint      NOT NULL,
    currency     char(3)     NOT NULL,
    status       text        NOT NULL CHECK (status IN ('OPEN', 'SUCCEEDED', 'FAILED', 'EXPIRED')),
    reference    text        NOT NULL,
    return_url   text        NOT NULL,
    expires_at   timestamptz NOT NULL,
    refunded_minor bigint    NOT NULL DEFAULT 0
);
CREATE INDEX audit_log_subject ON audit_log (subject, occurred_at);
