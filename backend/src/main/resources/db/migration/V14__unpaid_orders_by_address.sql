-- Checkout limits the orders waiting for payment per network address (workshop.ordering.limits.unpaid-orders-per-address).
-- The address is kept only while its order waits for payment: it is cleared when the order is paid or cancelled.
ALTER TABLE orders ADD COLUMN placed_from inet;
CREATE INDEX orders_unpaid_by_address ON orders (placed_from) WHERE status = 'PENDING_PAYMENT';
