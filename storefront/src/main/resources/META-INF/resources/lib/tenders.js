/**
 * How a sale was paid, in words: the tender types of receipts and shift reports (CASH, CARD, WECHAT_PAY, ALIPAY,
 * ONLINE, BANK_TRANSFER, WALLET; PREPAID: paid before, its reference the payment receipt) and the providers that took them (Stripe, or the labelled demo), in the page's language.
 */
import { t } from './i18n.js';

const TENDERS = {
  CARD: 'receipt.tender.CARD',
  WECHAT_PAY: 'receipt.tender.WECHAT_PAY',
  ALIPAY: 'receipt.tender.ALIPAY',
  WALLET: 'receipt.tender.WALLET',
  CASH: 'receipt.tender.CASH',
  ONLINE: 'receipt.tender.ONLINE',
  BANK_TRANSFER: 'receipt.tender.BANK_TRANSFER',
  PREPAID: 'receipt.tender.PREPAID',
};
const PROVIDERS = { stripe: 'receipt.provider.stripe', demo: 'receipt.provider.demo' };

/** The tender type's name ("WeChat Pay", 微信支付); "Other" for a type this page does not know. */
export function tenderName(type) {
  return t(TENDERS[type] || 'receipt.tender.other');
}

/** The tender's name with its provider where it has one: "Card (Stripe)", "Card (demonstration, no real money)". */
export function tenderLabel(tender) {
  const type = tenderName(tender.type);
  const provider = tender.provider && (PROVIDERS[tender.provider] ? t(PROVIDERS[tender.provider]) : tender.provider);
  return provider ? t('receipt.tender.withProvider', { type, provider }) : type;
}
