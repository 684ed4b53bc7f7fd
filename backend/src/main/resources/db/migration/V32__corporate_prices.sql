-- Issue 13, step 2 (docs/adr/0020): what companies pay. A product sold on the CORPORATE channel may have terms (a
-- minimum quantity, a multiple, a lead time) and its variants volume tiers (from this many units, this unit price,
-- below the catalog's price at one unit); customisations (logo card, engraving, packaging, message card) are priced
-- per unit with a set-up charge per line; a company may have its own negotiated unit prices, which replace the tiers.

CREATE TABLE corporate_terms (
    product_id    uuid PRIMARY KEY REFERENCES products (id),
    min_quantity  integer     NOT NULL CHECK (min_quantity BETWEEN 1 AND 100000),
    multiple_of   integer     NOT NULL CHECK (multiple_of BETWEEN 1 AND 10000),
    lead_days     integer     NOT NULL CHECK (lead_days BETWEEN 0 AND 365),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    updated_by    text        NOT NULL
);

CREATE TABLE corporate_price_tiers (
    variant_id       uuid   NOT NULL REFERENCES product_variants (id),
    from_quantity    integer NOT NULL CHECK (from_quantity BETWEEN 2 AND 100000),
    unit_price_minor bigint NOT NULL CHECK (unit_price_minor > 0),
    PRIMARY KEY (variant_id, from_quantity)
);

CREATE TABLE corporate_customisations (
    code              text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,31}$'),
    name_zh           text        NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 60),
    name_en           text        NOT NULL CHECK (length(name_en) BETWEEN 1 AND 60),
    unit_price_minor  bigint      NOT NULL CHECK (unit_price_minor >= 0),
    setup_price_minor bigint      NOT NULL CHECK (setup_price_minor >= 0),
    active            boolean     NOT NULL DEFAULT true,
    position          integer     NOT NULL DEFAULT 0,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE company_prices (
    company_id       uuid        NOT NULL REFERENCES companies (id),
    variant_id       uuid        NOT NULL REFERENCES product_variants (id),
    unit_price_minor bigint      NOT NULL CHECK (unit_price_minor > 0),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    updated_by       text        NOT NULL,
    PRIMARY KEY (company_id, variant_id)
);
