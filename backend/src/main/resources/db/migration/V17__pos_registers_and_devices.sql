-- Issue 12, step 1: POS registers and the tablets paired to them (docs/adr/0017-pos-registers-devices-and-steps.md).
-- A POS register is a receipt register (its own gapless series and chain) with a kind; its names live there.

CREATE TABLE pos_registers (
    id         text PRIMARY KEY REFERENCES receipt_registers (id),
    kind       text        NOT NULL CHECK (kind IN ('CANTEEN', 'CAFE', 'TEA_ROOM', 'SHOP_COUNTER')),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- At most one live pairing code per register; asking again replaces it, pairing uses it up.
CREATE TABLE pos_pairing_codes (
    register_id text PRIMARY KEY REFERENCES pos_registers (id),
    code_hash   text        NOT NULL UNIQUE,
    expires_at  timestamptz NOT NULL,
    created_by  text        NOT NULL
);

-- A paired tablet: its credential (only the SHA-256 is kept) and the public half of the Ed25519 key it signs its
-- register's receipts with. One active tablet per register: each series has one signer.
CREATE TABLE pos_devices (
    id              uuid PRIMARY KEY,
    register_id     text        NOT NULL REFERENCES pos_registers (id),
    label           text        NOT NULL CHECK (length(label) BETWEEN 1 AND 60),
    credential_hash text        NOT NULL UNIQUE,
    public_key      bytea       NOT NULL CHECK (length(public_key) = 32),
    paired_at       timestamptz NOT NULL DEFAULT now(),
    paired_by       text        NOT NULL,
    revoked_at      timestamptz,
    revoked_by      text,
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE UNIQUE INDEX pos_devices_one_active ON pos_devices (register_id) WHERE revoked_at IS NULL;
