-- Platform tables: identity, sessions, login throttling, idempotency, outbox, audit log.

-- Append-only tables attach this to refuse UPDATE, DELETE and TRUNCATE; corrections are new rows.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TABLE users (
    id            uuid PRIMARY KEY,
    email         text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    password_hash text        NOT NULL,
    display_name  text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    enabled       boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));

CREATE TABLE user_roles (
    user_id uuid NOT NULL REFERENCES users (id),
    role    text NOT NULL CHECK (role IN ('ADMIN', 'COORDINATOR', 'CASHIER', 'MAKER', 'CORPORATE_BUYER')),
    PRIMARY KEY (user_id, role)
);

-- Web sessions: kept in the database so they survive restarts and are shared by every instance.
CREATE TABLE web_sessions (
    id                   text PRIMARY KEY,
    principal            text,
    created_at           timestamptz NOT NULL,
    last_accessed_at     timestamptz NOT NULL,
    max_inactive_seconds integer     NOT NULL,
    expires_at           timestamptz NOT NULL,
    attributes           bytea       NOT NULL
);
CREATE INDEX web_sessions_expires_at ON web_sessions (expires_at);

-- Failed sign-ins, counted per account and per address within a window.
CREATE TABLE login_failures (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account   text        NOT NULL,
    address   text        NOT NULL,
    failed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_account ON login_failures (account, failed_at);
CREATE INDEX login_failures_address ON login_failures (address, failed_at);

-- Idempotency-Key records: one per (scope, key), kept 24 hours.
CREATE TABLE idempotency_keys (
    scope           text        NOT NULL,
    key             text        NOT NULL,
    request_hash    text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('RUNNING', 'DONE')),
    response_status integer,
    response_body   bytea,
    response_location text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    completed_at    timestamptz,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);

-- Outbox: one row per event and handler, written in the transaction of the change that caused it.
CREATE TABLE outbox (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_type   text        NOT NULL,
    handler      text        NOT NULL,
    payload      jsonb       NOT NULL,
    status       text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'PARKED')),
    attempts     integer     NOT NULL DEFAULT 0,
    available_at timestamptz NOT NULL DEFAULT now(),
    last_error   text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    handled_at   timestamptz
);
CREATE INDEX outbox_pending ON outbox (available_at, id) WHERE status = 'PENDING';
CREATE INDEX outbox_parked ON outbox (id) WHERE status = 'PARKED';

-- Audit log of staff actions: who did what, when. Append-only.
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    action      text        NOT NULL,
    subject     text,
    details     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    request_id  text
);
CREATE INDEX audit_log_occurred_at ON audit_log (occurred_at DESC, id DESC);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Whether this installation is a demonstration (decided once, on the first start, from DEMO_DATA),
-- and which demo datasets it has loaded, so later versions can add theirs without loading twice.
CREATE TABLE installation (
    id         integer PRIMARY KEY CHECK (id = 1),
    demo       boolean     NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE demo_datasets (
    name      text PRIMARY KEY,
    loaded_at timestamptz NOT NULL DEFAULT now()
);
