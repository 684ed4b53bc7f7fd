-- Issue 13, step 3 (docs/adr/0020): quotes. A buyer asks for one (lines, the date wanted, where to deliver); a
-- coordinator prices it and sends it as a version valid until a date; the buyer accepts the latest version with a
-- purchase-order number, which makes an order of the one order model (channel CORPORATE), or asks for changes, which
-- a new version answers. Versions are never changed once sent. An order line may now be a CHARGE: a customisation, a
-- set-up or a line the coordinator wrote, which names no product.

ALTER TABLE order_lines DROP CONSTRAINT order_lines_kind_check;
ALTER TABLE order_lines ADD CONSTRAINT order_lines_kind_check CHECK (kind IN ('ITEM', 'DELIVERY', 'CHARGE'));

CREATE SEQUENCE quote_numbers;

CREATE TABLE quotes (
    id              uuid PRIMARY KEY,
    number          text        NOT NULL UNIQUE,
    company_id      uuid        NOT NULL REFERENCES companies (id),
    requested_by    text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('REQUESTED', 'SENT', 'CHANGES_REQUESTED', 'ACCEPTED', 'DECLINED')),
    wanted_by       date        NOT NULL,
    location_id     uuid        REFERENCES company_locations (id),
    buyer_note      text        CHECK (length(buyer_note) <= 2000),
    lines           jsonb       NOT NULL,
    current_version integer     NOT NULL DEFAULT 0,
    changes_asked   text        CHECK (length(changes_asked) <= 2000),
    po_number       text        CHECK (length(po_number) BETWEEN 1 AND 60),
    order_id        uuid        REFERENCES orders (id),
    accepted_at     timestamptz,
    accepted_by     text,
    declined_reason text        CHECK (length(declined_reason) <= 500),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'ACCEPTED') = (order_id IS NOT NULL AND po_number IS NOT NULL))
);
CREATE INDEX quotes_company ON quotes (company_id, created_at DESC);
CREATE INDEX quotes_open ON quotes (status, created_at) WHERE status IN ('REQUESTED', 'CHANGES_REQUESTED');

CREATE TABLE quote_versions (
    quote_id          uuid        NOT NULL REFERENCES quotes (id),
    version           integer     NOT NULL CHECK (version >= 1),
    valid_until       date        NOT NULL,
    priced            jsonb       NOT NULL,
    total_minor       bigint      NOT NULL CHECK (total_minor > 0),
    earliest_delivery date        NOT NULL,
    note              text        CHECK (length(note) <= 2000),
    sent_at           timestamptz NOT NULL DEFAULT now(),
    sent_by           text        NOT NULL,
    PRIMARY KEY (quote_id, version)
);
