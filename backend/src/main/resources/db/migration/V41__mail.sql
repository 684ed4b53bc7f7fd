-- E-mail to buyers (docs/adr/0026-mail-through-the-outbox.md).

-- The language the buyer used at checkout; older orders have none and are written to in Chinese.
ALTER TABLE orders ADD COLUMN lang text CHECK (lang IN ('zh-CN', 'en'));

-- Further links to an order, made for e-mails: the order page accepts any of them as it accepts the checkout's token.
-- Only the SHA-256 of each token is kept, as for orders.access_token_hash.
CREATE TABLE order_links (
    token_hash bytea       PRIMARY KEY,
    order_id   uuid        NOT NULL REFERENCES orders (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_links_by_order ON order_links (order_id);

-- Every mail, rendered once: kept (no SMTP server configured, the demo), waiting to be sent, or sent. The message id is
-- fixed when the mail is rendered, so a mail sent again after a failure the server did see is recognisable as the same.
-- "reason" is what caused the mail (an event and its order): one mail per reason, however often the event arrives.
CREATE TABLE mails (
    id          uuid        PRIMARY KEY,
    reason      text        NOT NULL UNIQUE CHECK (length(reason) <= 200),
    kind        text        NOT NULL CHECK (kind IN ('ORDER_CONFIRMED', 'PAYMENT_FAILED', 'READY_FOR_PICKUP', 'SHIPPED', 'REFUNDED', 'FIND_ORDERS')),
    order_id    uuid        REFERENCES orders (id),
    recipient   text        NOT NULL CHECK (length(recipient) <= 254),
    lang        text        NOT NULL CHECK (lang IN ('zh-CN', 'en')),
    subject     text        NOT NULL,
    body_text   text        NOT NULL,
    body_html   text        NOT NULL,
    attachment  text        CHECK (length(attachment) <= 100),
    message_id  text        NOT NULL UNIQUE,
    status      text        NOT NULL CHECK (status IN ('KEPT', 'WAITING', 'SENT')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz
);
CREATE INDEX mails_newest ON mails (created_at DESC, id);

-- "Find my orders": one-time sign-in links by e-mail, short-lived, used once; only the token's SHA-256 is kept. Every
-- request is a row (with or without a link), so requests per address can be limited.
CREATE TABLE order_lookups (
    id         uuid        PRIMARY KEY,
    email      text        NOT NULL CHECK (length(email) <= 254),
    token_hash bytea       UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX order_lookups_by_email ON order_lookups (lower(email), created_at DESC);
