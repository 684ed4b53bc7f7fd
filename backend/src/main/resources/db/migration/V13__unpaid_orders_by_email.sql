-- Checkout counts a buyer's orders still waiting for payment (workshop.ordering.limits.unpaid-orders-per-buyer).
CREATE INDEX orders_unpaid_by_email ON orders (lower(email)) WHERE status = 'PENDING_PAYMENT';
