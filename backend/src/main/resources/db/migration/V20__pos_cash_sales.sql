-- Issue 12, step 4: cash sales at the counter, each stored with the receipt its tablet numbered, chained and signed
-- (docs/adr/0017-pos-registers-devices-and-steps.md).

-- A paired tablet's public key is a receipt key: published with the others, so its receipts verify like any other,
-- and kept after the tablet is revoked (retired then), so what it signed keeps verifying. The server holds no private
-- half of it, and it signs the receipts of one register only.
ALTER TABLE receipt_keys ALTER COLUMN private_key DROP NOT NULL;
ALTER TABLE receipt_keys ADD COLUMN register text REFERENCES receipt_registers (id);
ALTER TABLE receipt_keys ADD CONSTRAINT receipt_keys_server_or_device CHECK ((private_key IS NULL) = (register IS NOT NULL));
DROP INDEX receipt_keys_one_active;
CREATE UNIQUE INDEX receipt_keys_one_active ON receipt_keys ((true)) WHERE retired_at IS NULL AND register IS NULL;
CREATE UNIQUE INDEX receipt_keys_one_device_per_register ON receipt_keys (register) WHERE retired_at IS NULL AND register IS NOT NULL;

INSERT INTO receipt_keys (id, public_key, register, created_at, retired_at)
    SELECT 'device-' || id, public_key, register_id, paired_at, revoked_at FROM pos_devices;
ALTER TABLE pos_devices ADD COLUMN key_id text REFERENCES receipt_keys (id);
UPDATE pos_devices SET key_id = 'device-' || id;
ALTER TABLE pos_devices ALTER COLUMN key_id SET NOT NULL;
ALTER TABLE pos_devices DROP COLUMN public_key;

-- How an order was paid at the counter (cash with what was given and the change); online orders keep their
-- payments in the payments module.
ALTER TABLE orders ADD COLUMN tenders jsonb;

-- A sale made at a register, known by the id its tablet gave it: the key that makes sending it again harmless.
CREATE TABLE pos_sales (
    client_id   uuid PRIMARY KEY,
    order_id    uuid        NOT NULL UNIQUE REFERENCES orders (id),
    register_id text        NOT NULL REFERENCES pos_registers (id),
    shift_id    uuid        NOT NULL REFERENCES pos_shifts (id),
    device_id   uuid        NOT NULL REFERENCES pos_devices (id),
    cashier     text        NOT NULL,
    total_minor bigint      NOT NULL CHECK (total_minor > 0),
    cash_kept   bigint      NOT NULL CHECK (cash_kept >= 0),
    change_given bigint     NOT NULL CHECK (change_given >= 0),
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pos_sales_shift ON pos_sales (shift_id);
