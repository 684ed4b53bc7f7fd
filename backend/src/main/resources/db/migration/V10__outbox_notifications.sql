-- Outbox workers sleep until told: every statement that adds deliveries, and every parked delivery an admin sends
-- round again, sends NOTIFY outbox, delivered at commit to every instance (platform.database.ChangeFeed).
-- Statement-level on INSERT: one notification per statement, and PostgreSQL folds repeats within a transaction.
-- Row-level with WHEN on UPDATE, so that marking deliveries done or recording a failure (status stays PENDING,
-- the backoff's own poll finds it) wakes nobody.
CREATE TRIGGER outbox_notify_added AFTER INSERT ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change('outbox');

CREATE TRIGGER outbox_notify_pending_again AFTER UPDATE OF status ON outbox
    FOR EACH ROW WHEN (NEW.status = 'PENDING' AND OLD.status <> 'PENDING') EXECUTE FUNCTION notify_change('outbox');
