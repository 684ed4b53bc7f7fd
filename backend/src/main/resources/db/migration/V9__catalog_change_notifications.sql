-- Instances keep the public catalog's answers in memory (platform.cache). Every statement that changes what those
-- answers show sends NOTIFY catalog_changed, delivered at commit to every instance, which then forgets them.
-- Statement-level triggers: one notification per statement, and PostgreSQL folds repeats within a transaction.

CREATE FUNCTION notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_ARGV[0], TG_TABLE_NAME);
    RETURN NULL;
END
$$;

DO $$
DECLARE
    shown text;
BEGIN
    FOREACH shown IN ARRAY ARRAY['products', 'product_variants', 'product_makers', 'product_images', 'categories',
            'makers', 'maker_consents', 'images', 'image_renditions', 'stock_locations', 'stock_levels'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION notify_change(''catalog_changed'')',
                       shown || '_notify_catalog', shown);
    END LOOP;
END
$$;
