-- Issue 5: receipts. Registers number their receipts without gaps; the receipt journal is append-only.

CREATE TABLE receipt_registers (
    id          text PRIMARY KEY CHECK (id ~ '^[A-Z0-9-]{1,24}$'),
    name_zh     text        NOT NULL,
    name_en     text        NOT NULL,
    last_number bigint      NOT NULL DEFAULT 0 CHECK (last_number >= 0),
    last_hash   text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
-- The first receipt of a register links to the SHA-256 of the register's id (after the Austrian RKSV).
INSERT INTO receipt_registers (id, name_zh, name_en, last_hash) VALUES
    ('ONLINE', '网店', 'Online shop', encode(sha256(convert_to('ONLINE', 'UTF8')), 'hex')),
    ('CORPORATE', '企业订单', 'Corporate desk', encode(sha256(convert_to('CORPORATE', 'UTF8')), 'hex'));

-- Signing keys. The private key is encrypted (AES-256-GCM under a key derived from the configured secret).
CREATE TABLE receipt_keys (
    id          text PRIMARY KEY,
    public_key  bytea       NOT NULL CHECK (length(public_key) = 32),
    private_key bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    retired_at  timestamptz
);
CREATE UNIQUE INDEX receipt_keys_one_active ON receipt_keys ((true)) WHERE retired_at IS NULL;

CREATE TABLE receipts (
    id            uuid PRIMARY KEY,
    register      text        NOT NULL REFERENCES receipt_registers (id),
    number        bigint      NOT NULL CHECK (number > 0),
    kind          text        NOT NULL CHECK (kind IN ('SALE', 'REFUND')),
    issued_at     timestamptz NOT NULL,
    order_id      uuid        NOT NULL,
    order_number  text        NOT NULL,
    refund_of     text,
    source_key    text        NOT NULL UNIQUE,
    total_minor   bigint      NOT NULL CHECK (total_minor > 0),
    currency      char(3)     NOT NULL,
    content       jsonb       NOT NULL,
    previous_hash text        NOT NULL,
    hash          text        NOT NULL,
    key_id        text        NOT NULL REFERENCES receipt_keys (id),
    signature     bytea       NOT NULL CHECK (length(signature) = 64),
    UNIQUE (register, number)
);
CREATE INDEX receipts_order ON receipts (order_id, register, number);
CREATE INDEX receipts_refund_of ON receipts (refund_of) WHERE refund_of IS NOT NULL;
CREATE TRIGGER receipts_append_only BEFORE UPDATE OR DELETE ON receipts
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER receipts_no_truncate BEFORE TRUNCATE ON receipts
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
