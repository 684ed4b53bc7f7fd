-- The shop's one identity (docs/adr/0027-one-shop-identity.md): names, address, pickup point, opening hours, closed
-- dates, contact and the seller receipts name, as one document in one row, changed only with its version.
-- Receipts copy the seller into what they sign, so changing it here never touches a receipt already issued.

CREATE TABLE shop_identity (
    id         smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    version    integer     NOT NULL CHECK (version > 0),
    details    jsonb       NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text
);

-- The demo workshop of the home page (锦爱工坊, Jinjiang District); opening hours as the pickup slots had them.
INSERT INTO shop_identity (version, details) VALUES (1, '{
  "nameZh": "锦爱工坊",
  "nameEn": "Jin''ai Social Workshop",
  "addressZh": "四川省成都市锦江区工坊路 1 号（演示地址）",
  "addressEn": "1 Workshop Road, Jinjiang District, Chengdu, Sichuan (demo address)",
  "pickupPointZh": "一楼柜台",
  "pickupPointEn": "Ground-floor counter",
  "directionsZh": "从正门进入，柜台在茶室旁边；有无障碍坡道和电梯。",
  "directionsEn": "Through the main door, the counter is beside the tea room; step-free ramp and lift.",
  "hours": [
    {"day": "MONDAY", "opens": "10:00", "closes": "18:00"},
    {"day": "TUESDAY", "opens": "10:00", "closes": "18:00"},
    {"day": "WEDNESDAY", "opens": "10:00", "closes": "18:00"},
    {"day": "THURSDAY", "opens": "10:00", "closes": "18:00"},
    {"day": "FRIDAY", "opens": "10:00", "closes": "18:00"},
    {"day": "SATURDAY", "opens": "10:00", "closes": "18:00"},
    {"day": "SUNDAY", "opens": "10:00", "closes": "18:00"}
  ],
  "closedDates": [],
  "phone": "028-8888-0000",
  "email": "hello@example.org",
  "legalName": "成都市锦江区锦爱社会工坊（演示）",
  "taxId": "91510104MA0000000X"
}');

CREATE TRIGGER shop_identity_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON shop_identity
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change('shop_changed');
