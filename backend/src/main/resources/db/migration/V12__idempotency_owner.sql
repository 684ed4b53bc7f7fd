-- The instance running a claimed request (platform.database.ChangeFeed#instance). While that instance runs, its
-- feed connection holds the advisory lock pg_advisory_lock(22277, owner); a claim whose owner holds no such lock
-- was left by an instance that stopped or crashed, and the next retry takes it over at once.
ALTER TABLE idempotency_keys ADD COLUMN owner integer;
