-- Stock levels change with every hold and sale; they now notify a channel of their own, stock_changed, so that caches
-- of what does not show stock (variant names, prices, tax: platform.cache, catalog.Catalog#variants) outlive sales.
-- The public catalog's caches listen to both channels.
DROP TRIGGER stock_levels_notify_catalog ON stock_levels;
CREATE TRIGGER stock_levels_notify_stock AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON stock_levels
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change('stock_changed');
