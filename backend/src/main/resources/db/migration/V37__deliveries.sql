-- Issue 13, step 6 (docs/adr/0022): a company's order is delivered in parts. Each delivery goes to one of the company's
-- delivery locations, carries some pieces of the order's lines of goods (never more than ordered in all), and has a
-- delivery note numbered DN-2026-0001 without gaps within a year (a counter row per year, taken in the delivery's
-- transaction: a delivery rolled back gives its number back).

CREATE TABLE delivery_note_numbers (
    year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 9999),
    last integer NOT NULL CHECK (last > 0)
);

CREATE TABLE deliveries (
    id           uuid PRIMARY KEY,
    number       text        NOT NULL UNIQUE CHECK (number ~ '^DN-[0-9]{4}-[0-9]{4,}$'),
    order_id     uuid        NOT NULL REFERENCES orders (id),
    -- the order's first, second, ... delivery: taken under the lock of the order's quote, so it has no gaps either
    sequence     integer     NOT NULL CHECK (sequence > 0),
    company_id   uuid        NOT NULL REFERENCES companies (id),
    location_id  uuid        NOT NULL REFERENCES company_locations (id),
    delivered_on date        NOT NULL,
    carrier      text        CHECK (length(carrier) BETWEEN 1 AND 60),
    tracking     text        CHECK (length(tracking) BETWEEN 1 AND 100),
    note         text        CHECK (length(note) BETWEEN 1 AND 500),
    received_by  text        CHECK (length(received_by) BETWEEN 1 AND 100),
    received_at  timestamptz,
    recorded_by  text        NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    CHECK ((received_by IS NULL) = (received_at IS NULL)),
    UNIQUE (order_id, sequence)
);

CREATE TABLE delivery_lines (
    delivery_id   uuid    NOT NULL REFERENCES deliveries (id),
    order_line_id uuid    NOT NULL REFERENCES order_lines (id),
    pieces        integer NOT NULL CHECK (pieces > 0),
    PRIMARY KEY (delivery_id, order_line_id)
);
CREATE INDEX delivery_lines_order_line ON delivery_lines (order_line_id);
