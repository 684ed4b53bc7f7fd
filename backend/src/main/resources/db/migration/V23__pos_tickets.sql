-- Issue 12, step 7: kitchen and bar tickets (docs/adr/0017). A category's goods are made at a station (canteen meals in
-- the kitchen, café drinks at the bar); a counter sale of such goods sends each station a ticket of its lines, which
-- the station marks ready (its pickup number then shows on the customers' "ready" screen) and collected.

ALTER TABLE categories ADD COLUMN station text CHECK (station IN ('KITCHEN', 'BAR'));
UPDATE categories SET station = 'KITCHEN' WHERE code = 'CANTEEN_MEAL';
UPDATE categories SET station = 'BAR' WHERE code = 'CAFE_DRINK';

CREATE TABLE pos_tickets (
    id            uuid PRIMARY KEY,
    station       text        NOT NULL CHECK (station IN ('KITCHEN', 'BAR')),
    order_id      uuid        NOT NULL REFERENCES orders (id),
    order_number  text        NOT NULL,
    register_id   text        NOT NULL REFERENCES pos_registers (id),
    pickup_number integer,
    lines         jsonb       NOT NULL,
    status        text        NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW', 'READY', 'COLLECTED')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    ready_at      timestamptz,
    collected_at  timestamptz,
    UNIQUE (order_id, station)
);
CREATE INDEX pos_tickets_open ON pos_tickets (station, created_at) WHERE status <> 'COLLECTED';

CREATE TRIGGER pos_tickets_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON pos_tickets
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change('pos_tickets_changed');
