-- The brakes on unpaid orders (per e-mail, per network address) count unpaid orders still inside their payment
-- window. With only (lower(email)) or (placed_from) indexed, a planner working from stale statistics (a table that
-- grew fast, as in a sales rush) chose the pay_by index instead and read every unpaid order on each checkout.
-- With pay_by in the same index both conditions are index conditions, so no plan reads more than its buyer's rows.
DROP INDEX orders_unpaid_by_email;
DROP INDEX orders_unpaid_by_address;
CREATE INDEX orders_unpaid_by_email ON orders (lower(email), pay_by) WHERE status = 'PENDING_PAYMENT';
CREATE INDEX orders_unpaid_by_address ON orders (placed_from, pay_by) WHERE status = 'PENDING_PAYMENT';
