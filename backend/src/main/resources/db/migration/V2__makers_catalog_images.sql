-- Makers, the catalog and product images.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Images: each distinct upload stored once (by content hash), with its renditions.
CREATE TABLE images (
    id           uuid PRIMARY KEY,
    sha256       text        NOT NULL UNIQUE,
    content_type text        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    width        integer     NOT NULL CHECK (width > 0),
    height       integer     NOT NULL CHECK (height > 0),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE image_renditions (
    image_id     uuid    NOT NULL REFERENCES images (id),
    size         text    NOT NULL CHECK (size IN ('thumbnail', 'card', 'full')),
    content_type text    NOT NULL,
    width        integer NOT NULL,
    height       integer NOT NULL,
    bytes        bytea   NOT NULL,
    PRIMARY KEY (image_id, size)
);

-- Makers: who makes the goods. No health or disability data, by design.
CREATE TABLE makers (
    id             uuid PRIMARY KEY,
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    display_name   text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    story_zh       text        NOT NULL DEFAULT '' CHECK (length(story_zh) <= 2000),
    story_en       text        NOT NULL DEFAULT '' CHECK (length(story_en) <= 2000),
    photo_image_id uuid REFERENCES images (id),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX makers_name_trgm ON makers USING gin ((name || ' ' || display_name) gin_trgm_ops);

-- Consent to show a maker's name, story and photo publicly: a history; the newest row is in force.
CREATE TABLE maker_consents (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    maker_id    uuid        NOT NULL REFERENCES makers (id),
    granted     boolean     NOT NULL,
    note        text CHECK (length(note) <= 500),
    recorded_by text        NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX maker_consents_latest ON maker_consents (maker_id, id DESC);
CREATE TRIGGER maker_consents_append_only BEFORE UPDATE OR DELETE ON maker_consents
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TABLE categories (
    code     text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name_zh  text    NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 60),
    name_en  text    NOT NULL CHECK (length(name_en) BETWEEN 1 AND 60),
    position integer NOT NULL DEFAULT 100
);
INSERT INTO categories (code, name_zh, name_en, position) VALUES
    ('HANDCRAFT', '手工艺品', 'Handcrafts', 10),
    ('CANTEEN_MEAL', '社区食堂', 'Canteen meals', 20),
    ('CAFE_DRINK', '咖啡饮品', 'Café drinks', 30),
    ('TEA', '茶叶茶具', 'Tea', 40),
    ('GIFT_BOX', '礼盒', 'Gift boxes', 50);

-- Tax categories: prices are tax-inclusive; the rate says how much of a price is VAT.
CREATE TABLE tax_categories (
    code      text PRIMARY KEY,
    rate      numeric(5, 4) NOT NULL CHECK (rate >= 0 AND rate < 1),
    name_zh   text NOT NULL,
    name_en   text NOT NULL
);
INSERT INTO tax_categories (code, rate, name_zh, name_en) VALUES
    ('GOODS', 0.13, '货物（增值税13%）', 'Goods (13% VAT)'),
    ('CATERING', 0.06, '餐饮服务（增值税6%）', 'Catering (6% VAT)');

CREATE TABLE products (
    id             uuid PRIMARY KEY,
    category       text        NOT NULL REFERENCES categories (code),
    name_zh        text        NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 120),
    name_en        text        NOT NULL CHECK (length(name_en) BETWEEN 1 AND 120),
    description_zh text        NOT NULL DEFAULT '' CHECK (length(description_zh) <= 4000),
    description_en text        NOT NULL DEFAULT '' CHECK (length(description_en) <= 4000),
    tax_category   text        NOT NULL REFERENCES tax_categories (code),
    channels       text[]      NOT NULL CHECK (cardinality(channels) > 0
                                   AND channels <@ ARRAY['ONLINE', 'POS', 'CORPORATE']),
    stock_tracked  boolean     NOT NULL,
    status         text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'ARCHIVED')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    search_text    text GENERATED ALWAYS AS (lower(name_zh || ' ' || name_en || ' ' || description_zh || ' ' || description_en)) STORED
);
CREATE INDEX products_search_trgm ON products USING gin (search_text gin_trgm_ops);
CREATE INDEX products_category ON products (category, status);

CREATE TABLE product_variants (
    id          uuid PRIMARY KEY,
    product_id  uuid        NOT NULL REFERENCES products (id),
    sku         text        NOT NULL CHECK (sku ~ '^[A-Za-z0-9._-]{1,64}$'),
    name_zh     text        NOT NULL DEFAULT '' CHECK (length(name_zh) <= 60),
    name_en     text        NOT NULL DEFAULT '' CHECK (length(name_en) <= 60),
    price_minor bigint      NOT NULL CHECK (price_minor BETWEEN 1 AND 10000000),
    currency    char(3)     NOT NULL DEFAULT 'CNY' CHECK (currency = 'CNY'),
    position    integer     NOT NULL DEFAULT 0,
    status      text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'ARCHIVED'))
);
CREATE UNIQUE INDEX product_variants_sku ON product_variants (lower(sku));
CREATE INDEX product_variants_product ON product_variants (product_id, position);

CREATE TABLE product_makers (
    product_id uuid NOT NULL REFERENCES products (id),
    maker_id   uuid NOT NULL REFERENCES makers (id),
    PRIMARY KEY (product_id, maker_id)
);
CREATE INDEX product_makers_maker ON product_makers (maker_id);

CREATE TABLE product_images (
    product_id uuid    NOT NULL REFERENCES products (id),
    image_id   uuid    NOT NULL REFERENCES images (id),
    position   integer NOT NULL,
    PRIMARY KEY (product_id, image_id)
);
