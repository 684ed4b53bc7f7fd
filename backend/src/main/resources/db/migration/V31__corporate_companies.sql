-- Issue 13, step 1 (docs/adr/0020): partner companies, the people who buy for them, and enquiries from companies not
-- yet registered. A company is known by its unified social credit code (统一社会信用代码, checked in the application);
-- its 发票 details are what an invoice names; its locations are where deliveries go. A buyer account belongs to one
-- company and sees only that company's data.

CREATE TABLE companies (
    id              uuid PRIMARY KEY,
    legal_name      text        NOT NULL CHECK (length(legal_name) BETWEEN 1 AND 200),
    credit_code     text        NOT NULL UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
    invoice_title   text        NOT NULL CHECK (length(invoice_title) BETWEEN 1 AND 200),
    invoice_kind    text        NOT NULL CHECK (invoice_kind IN ('NORMAL', 'SPECIAL')),
    tax_address     text        CHECK (length(tax_address) <= 200),
    tax_phone       text        CHECK (length(tax_phone) <= 40),
    bank_name       text        CHECK (length(bank_name) <= 100),
    bank_account    text        CHECK (length(bank_account) <= 40),
    contact_name    text        NOT NULL CHECK (length(contact_name) BETWEEN 1 AND 100),
    contact_phone   text        NOT NULL CHECK (length(contact_phone) BETWEEN 1 AND 40),
    contact_email   text        NOT NULL CHECK (length(contact_email) BETWEEN 3 AND 254),
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text        NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    -- a special invoice (专票) names the buyer's registered address, phone, bank and account
    CHECK (invoice_kind = 'NORMAL' OR (tax_address IS NOT NULL AND tax_phone IS NOT NULL AND bank_name IS NOT NULL
                                       AND bank_account IS NOT NULL))
);

CREATE TABLE company_locations (
    id          uuid PRIMARY KEY,
    company_id  uuid        NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    label       text        NOT NULL CHECK (length(label) BETWEEN 1 AND 60),
    recipient   text        NOT NULL CHECK (length(recipient) BETWEEN 1 AND 100),
    phone       text        NOT NULL CHECK (length(phone) BETWEEN 1 AND 40),
    address     text        NOT NULL CHECK (length(address) BETWEEN 1 AND 300),
    created_at  timestamptz NOT NULL DEFAULT now(),
    removed_at  timestamptz
);
CREATE INDEX company_locations_company ON company_locations (company_id) WHERE removed_at IS NULL;

CREATE TABLE company_buyers (
    user_id     uuid PRIMARY KEY REFERENCES users (id),
    company_id  uuid        NOT NULL REFERENCES companies (id),
    added_at    timestamptz NOT NULL DEFAULT now(),
    added_by    text        NOT NULL
);
CREATE INDEX company_buyers_company ON company_buyers (company_id);

CREATE TABLE corporate_enquiries (
    id             uuid PRIMARY KEY,
    company_name   text        NOT NULL CHECK (length(company_name) BETWEEN 1 AND 200),
    credit_code    text        CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
    contact_name   text        NOT NULL CHECK (length(contact_name) BETWEEN 1 AND 100),
    contact_phone  text        NOT NULL CHECK (length(contact_phone) BETWEEN 1 AND 40),
    contact_email  text        NOT NULL CHECK (length(contact_email) BETWEEN 3 AND 254),
    needs          text        NOT NULL CHECK (length(needs) BETWEEN 1 AND 2000),
    lang           text        NOT NULL CHECK (lang IN ('zh-CN', 'en')),
    -- where it came from, to slow down a flood from one address (a few an hour), forgotten with the enquiry
    client_address text,
    status         text        NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW', 'REGISTERED', 'DECLINED')),
    company_id     uuid        REFERENCES companies (id),
    received_at    timestamptz NOT NULL DEFAULT now(),
    handled_at     timestamptz,
    handled_by     text,
    CHECK ((status = 'REGISTERED') = (company_id IS NOT NULL))
);
CREATE INDEX corporate_enquiries_new ON corporate_enquiries (received_at) WHERE status = 'NEW';
CREATE INDEX corporate_enquiries_address ON corporate_enquiries (client_address, received_at);
