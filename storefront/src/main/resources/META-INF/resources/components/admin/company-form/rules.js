/**
 * The company form's checks before saving, the body it sends (POST /api/admin/corporate/companies, PUT …/{id}) and
 * where the server's field names ("invoice.taxAddress") show on the form. The same limits as CompanyForms.java; the
 * credit code is checked by its check character as CreditCode.java checks it.
 */
import { checkFields, creditCodeMessage } from '../../../lib/corporate.js';
import { normalise } from '../../../lib/credit-code.js';

export const TAXES = ['taxAddress', 'taxPhone', 'bankName', 'bankAccount'];

const FIELDS = [
  { name: 'legalName', id: 'company-legal-name', missing: 'corporate.company.legalName.missing', max: 200 },
  { name: 'creditCode', id: 'company-credit-code', missing: 'corporate.company.creditCode.missing' },
  { name: 'title', id: 'company-invoice-title', missing: 'corporate.invoice.title.missing', max: 200 },
  { name: 'taxAddress', id: 'company-tax-address', max: 200 },
  { name: 'taxPhone', id: 'company-tax-phone', max: 40 },
  { name: 'bankName', id: 'company-bank-name', max: 100 },
  { name: 'bankAccount', id: 'company-bank-account', max: 40 },
  { name: 'contactName', id: 'company-contact-name', missing: 'corporate.contact.name.missing', max: 100 },
  { name: 'contactPhone', id: 'company-contact-phone', missing: 'corporate.contact.phone.missing', max: 40 },
  { name: 'contactEmail', id: 'company-contact-email', missing: 'corporate.contact.email.missing', max: 254, email: true },
  { name: 'paymentDays', id: 'company-payment-days', missing: 'corporate.terms.paymentDays.missing' },
  { name: 'depositPercent', id: 'company-deposit-percent', missing: 'corporate.terms.depositPercent.missing' },
];

/** The payment terms' whole numbers and their ranges, as CompanyForms.java has them. */
export const TERMS = { paymentDays: [0, 180], depositPercent: [0, 90] };

/** The form's element ids by draft name. */
export const IDS = Object.fromEntries(FIELDS.map(({ name, id }) => [name, id]));

/** The element id for a server field name ("invoice.taxPhone", "contact.email"), or null. */
export const SERVER_FIELDS = {
  legalName: IDS.legalName,
  creditCode: IDS.creditCode,
  invoice: IDS.title,
  'invoice.title': IDS.title,
  'invoice.kind': 'company-invoice-kind',
  'invoice.taxAddress': IDS.taxAddress,
  'invoice.taxPhone': IDS.taxPhone,
  'invoice.bankName': IDS.bankName,
  'invoice.bankAccount': IDS.bankAccount,
  contact: IDS.contactName,
  'contact.name': IDS.contactName,
  'contact.phone': IDS.contactPhone,
  'contact.email': IDS.contactEmail,
  paymentDays: IDS.paymentDays,
  depositPercent: IDS.depositPercent,
};

/**
 * Problems with the draft ({ legalName, creditCode, title, kind, taxAddress, …, contactEmail }) as [{ target, message }],
 * in the order of the fields: a special invoice (专票) needs all four tax details.
 */
export function checkCompany(draft) {
  const rules = FIELDS.map((rule) => (TAXES.includes(rule.name) && draft.kind === 'SPECIAL'
    ? { ...rule, missing: `corporate.invoice.${rule.name}.missing` } : rule));
  const problems = checkFields(draft, rules);
  const code = draft.creditCode.trim() && creditCodeMessage(draft.creditCode);
  if (code) {
    const after = problems.findIndex((problem) => ![IDS.legalName].includes(problem.target));
    problems.splice(after < 0 ? problems.length : after, 0, { target: IDS.creditCode, message: code });
  }
  for (const [name, [min, max]] of Object.entries(TERMS)) {
    const value = String(draft[name] ?? '').trim();
    if (value && !(/^[0-9]{1,3}$/.test(value) && Number(value) >= min && Number(value) <= max)) {
      problems.push({ target: IDS[name], message: { key: `corporate.terms.${name}.range`, params: { min, max } } });
    }
  }
  return problems;
}

/** The JSON body; call only once checkCompany found nothing. Empty tax details are left out. */
export function companyBody(draft) {
  const invoice = { title: draft.title.trim(), kind: draft.kind };
  for (const name of TAXES) if (draft[name].trim()) invoice[name] = draft[name].trim();
  return {
    legalName: draft.legalName.trim(),
    creditCode: normalise(draft.creditCode),
    invoice,
    contact: { name: draft.contactName.trim(), phone: draft.contactPhone.trim(), email: draft.contactEmail.trim() },
    paymentDays: Number(draft.paymentDays),
    depositPercent: Number(draft.depositPercent),
  };
}

/** A draft from a company as the server has it, or from an enquiry (its name, code and contact). */
export function draftOf(company) {
  const invoice = company?.invoice || {};
  const contact = company?.contact || {};
  return {
    legalName: company?.legalName ?? '',
    creditCode: company?.creditCode ?? '',
    title: invoice.title ?? company?.legalName ?? '',
    kind: invoice.kind === 'SPECIAL' ? 'SPECIAL' : 'NORMAL',
    taxAddress: invoice.taxAddress ?? '',
    taxPhone: invoice.taxPhone ?? '',
    bankName: invoice.bankName ?? '',
    bankAccount: invoice.bankAccount ?? '',
    contactName: contact.name ?? '',
    contactPhone: contact.phone ?? '',
    contactEmail: contact.email ?? '',
    paymentDays: String(company?.paymentDays ?? 30),
    depositPercent: String(company?.depositPercent ?? 0),
  };
}

/** What an enquiry says of the company, as a draft for registering it. */
export function draftOfEnquiry(enquiry) {
  return draftOf({
    legalName: enquiry.companyName,
    creditCode: enquiry.creditCode ?? '',
    contact: { name: enquiry.contactName, phone: enquiry.contactPhone, email: enquiry.contactEmail },
  });
}
