-- Issue 12, step 6: selling fast at the counter (docs/adr/0017): modifiers with their choices and price deltas, price
-- lists for canteen diners, line discounts by cashiers allowed to give them, notes to the kitchen or bar, pickup numbers.

-- Modifiers: a group of choices (size, sweetness, add-ons) with how many may or must be chosen, offered on products.
CREATE TABLE modifier_groups (
    code        text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name_zh     text    NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 40),
    name_en     text    NOT NULL CHECK (length(name_en) BETWEEN 1 AND 40),
    min_choices integer NOT NULL CHECK (min_choices >= 0),
    max_choices integer NOT NULL CHECK (max_choices >= 1),
    CHECK (min_choices <= max_choices)
);

CREATE TABLE modifier_options (
    id          uuid PRIMARY KEY,
    group_code  text    NOT NULL REFERENCES modifier_groups (code),
    name_zh     text    NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 40),
    name_en     text    NOT NULL CHECK (length(name_en) BETWEEN 1 AND 40),
    price_delta bigint  NOT NULL DEFAULT 0 CHECK (price_delta BETWEEN -1000000 AND 1000000),
    position    integer NOT NULL DEFAULT 0,
    active      boolean NOT NULL DEFAULT true
);
CREATE INDEX modifier_options_group ON modifier_options (group_code, position);

CREATE TABLE product_modifier_groups (
    product_id uuid    NOT NULL REFERENCES products (id),
    group_code text    NOT NULL REFERENCES modifier_groups (code),
    position   integer NOT NULL DEFAULT 0,
    PRIMARY KEY (product_id, group_code)
);

-- Price lists: other prices for some variants, chosen by the cashier for a sale (e.g. subsidised meals for elderly or
-- disabled diners). Nothing about the diner is kept.
CREATE TABLE price_lists (
    code     text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name_zh  text    NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 40),
    name_en  text    NOT NULL CHECK (length(name_en) BETWEEN 1 AND 40),
    position integer NOT NULL DEFAULT 0,
    active   boolean NOT NULL DEFAULT true
);

CREATE TABLE price_list_prices (
    price_list  text   NOT NULL REFERENCES price_lists (code),
    variant_id  uuid   NOT NULL REFERENCES product_variants (id),
    price_minor bigint NOT NULL CHECK (price_minor BETWEEN 1 AND 10000000),
    PRIMARY KEY (price_list, variant_id)
);

-- Who may give a discount at the counter, and up to how much of a line (percent); set by coordinators.
ALTER TABLE staff_pins ADD COLUMN discount_up_to integer NOT NULL DEFAULT 0 CHECK (discount_up_to BETWEEN 0 AND 100);

-- What an order line was sold with: chosen modifiers (names and deltas as sold), a discount and its reason, a note
-- for the kitchen or bar.
ALTER TABLE order_lines ADD COLUMN options jsonb;
ALTER TABLE order_lines ADD COLUMN discount_minor bigint NOT NULL DEFAULT 0 CHECK (discount_minor >= 0);
ALTER TABLE order_lines ADD COLUMN discount_reason text CHECK (length(discount_reason) <= 100);
ALTER TABLE order_lines ADD COLUMN note text CHECK (length(note) <= 140);

ALTER TABLE pos_sales ADD COLUMN price_list text REFERENCES price_lists (code);
ALTER TABLE pos_sales ADD COLUMN pickup_number integer CHECK (pickup_number BETWEEN 1 AND 9999);
