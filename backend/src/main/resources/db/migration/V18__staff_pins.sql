-- Issue 12, step 2: cashiers sign in on a paired POS tablet with a short PIN (docs/adr/0017). Only a bcrypt hash is kept.
CREATE TABLE staff_pins (
    user_id  uuid PRIMARY KEY REFERENCES users (id),
    pin_hash text        NOT NULL,
    set_at   timestamptz NOT NULL DEFAULT now(),
    set_by   text        NOT NULL
);
