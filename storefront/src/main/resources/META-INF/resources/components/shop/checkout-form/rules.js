/**
 * The checkout form's checks before sending, the body it sends to POST /api/checkout, and where the server's
 * field names ("email", "fulfilment.slot") show on the form. Most mistakes are caught before a round trip;
 * the server stays the judge and its answers land on the same fields.
 */

export const PICKUP = 'PICKUP';
export const DELIVERY = 'DELIVERY';
/** The server's limits (CheckoutController); the note is kept shorter on purpose. */
const NOTE_MAX = 500;
const LIMITS = { name: 100, recipient: 100, address: 300, city: 60 };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?\d{6,15}$/;
const POSTAL_CODE = /^[0-9A-Za-z -]{3,12}$/;

const FIELDS = {
  email: 'checkout-email',
  phone: 'checkout-phone',
  name: 'checkout-name',
  note: 'checkout-note',
  fulfilment: 'checkout-fulfilment',
  'fulfilment.type': 'checkout-fulfilment',
  'fulfilment.slot': 'checkout-slot',
  'fulfilment.recipient': 'delivery-recipient',
  'fulfilment.phone': 'delivery-phone',
  'fulfilment.address': 'delivery-address',
  'fulfilment.city': 'delivery-city',
  'fulfilment.postalCode': 'delivery-postal-code',
};

/** The element id for a server field name, or null when the form has no such field (cartId, say). */
export function checkoutField(name) {
  return FIELDS[name] ?? FIELDS[name.replace(/\[.*$/, '')] ?? null;
}

/** Full-width digits and signs (a Chinese input method) count as their plain forms; spaces and dashes go. */
function digits(text) {
  return String(text)
    .replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xFF10 + 0x30))
    .replace(/\uFF0B/g, '+')
    .replace(/[\s\-\u2010-\u2015\uFF0D()（）]/g, '');
}

/**
 * Problems with the draft as [{ target, message: { key } }], in the order the fields appear. `draft` holds the
 * fields' text; `options` is GET /api/checkout/options (for whether a pickup slot is needed).
 */
export function checkCheckout(draft, options) {
  const problems = [];
  const wrong = (target, key, params = {}) => problems.push({ target, message: { key, params } });
  const email = draft.email.trim();
  if (!email) wrong(FIELDS.email, 'checkout.email.missing');
  else if (!EMAIL.test(email)) wrong(FIELDS.email, 'checkout.email.invalid');
  if (draft.phone.trim() && !PHONE.test(digits(draft.phone))) wrong(FIELDS.phone, 'checkout.phone.invalid');
  if (draft.name.trim().length > LIMITS.name) wrong(FIELDS.name, 'checkout.text.tooLong', { max: LIMITS.name });
  if (draft.type !== PICKUP && draft.type !== DELIVERY) wrong(FIELDS.fulfilment, 'checkout.fulfilment.missing');
  if (draft.type === PICKUP && options?.pickup?.slotRequired && !draft.slot) wrong(FIELDS['fulfilment.slot'], 'checkout.slot.missing');
  if (draft.type === DELIVERY) {
    const required = [['recipient', 'delivery-recipient', 'checkout.recipient.missing'],
      ['deliveryPhone', 'delivery-phone', 'checkout.deliveryPhone.missing'],
      ['address', 'delivery-address', 'checkout.address.missing'], ['city', 'delivery-city', 'checkout.city.missing']];
    for (const [name, id, key] of required) {
      const value = draft[name].trim();
      if (!value) wrong(id, key);
      else if (name === 'deliveryPhone' && !PHONE.test(digits(value))) wrong(id, 'checkout.phone.invalid');
      else if (value.length > (LIMITS[name] ?? Infinity)) wrong(id, 'checkout.text.tooLong', { max: LIMITS[name] });
    }
    const postalCode = draft.postalCode.trim();
    if (postalCode && !POSTAL_CODE.test(postalCode)) wrong('delivery-postal-code', 'checkout.postalCode.invalid');
  }
  if (draft.note.trim().length > NOTE_MAX) wrong(FIELDS.note, 'checkout.text.tooLong', { max: NOTE_MAX });
  return problems;
}

/** The request body for POST /api/checkout; optional fields left empty are not sent. */
export function checkoutBody(cartId, draft) {
  const body = { cartId, email: draft.email.trim() };
  if (draft.phone.trim()) body.phone = digits(draft.phone);
  if (draft.name.trim()) body.name = draft.name.trim();
  body.fulfilment = draft.type === DELIVERY
    ? {
      type: DELIVERY,
      recipient: draft.recipient.trim(),
      phone: digits(draft.deliveryPhone),
      address: draft.address.trim(),
      city: draft.city.trim(),
      ...(draft.postalCode.trim() ? { postalCode: draft.postalCode.trim() } : {}),
    }
    : { type: PICKUP, ...(draft.slot ? { slot: draft.slot } : {}) };
  if (draft.note.trim()) body.note = draft.note.trim();
  return body;
}
