-- Issue 12, step 5: a tablet that sold offline showed the prices of the catalog it had loaded. Its receipts are in
-- the buyers' hands before the server sees them, so the server accepts a price the item really had shortly before the
-- sale (docs/adr/0017): every price a variant has had, from when, kept by the database whatever changes it.

CREATE TABLE variant_prices (
    variant_id  uuid        NOT NULL REFERENCES product_variants (id),
    valid_from  timestamptz NOT NULL DEFAULT clock_timestamp(),
    price_minor bigint      NOT NULL,
    PRIMARY KEY (variant_id, valid_from)
);

CREATE FUNCTION record_variant_price() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.price_minor IS DISTINCT FROM OLD.price_minor THEN
        INSERT INTO variant_prices (variant_id, price_minor) VALUES (NEW.id, NEW.price_minor)
        ON CONFLICT (variant_id, valid_from) DO UPDATE SET price_minor = excluded.price_minor;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER product_variants_price_history AFTER INSERT OR UPDATE OF price_minor ON product_variants
    FOR EACH ROW EXECUTE FUNCTION record_variant_price();

-- Before now nothing was kept: the price a variant has now is taken as the one it always had.
INSERT INTO variant_prices (variant_id, valid_from, price_minor) SELECT id, '-infinity', price_minor FROM product_variants;
