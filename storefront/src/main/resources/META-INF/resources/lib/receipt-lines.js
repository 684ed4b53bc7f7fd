/**
 * A receipt's lines as the paper slip shows them, the same on the public receipt page (components/checks) and on the
 * receipt the counter tablet draws (components/pos): the name in the page's language (the Chinese one beside it, marked
 * as Chinese for screen readers), the variant, the chosen options with what each added, quantity × unit price and the
 * VAT rate, a discount with its reason, and the amount (docs/api/receipts.md, formats 1 to 3); and the seller and the
 * makers as both draw them. From format 3 a receipt has the seller, variants and makers' names in English too; before
 * it they are in Chinese only, and marked so for screen readers.
 */
import { html } from './html.js';
import { currentLang, t } from './i18n.js';
import { formatMoney } from './money.js';

/** A tax rate ("0.13") as the page's language writes a percentage. */
export function percent(rate) {
  return new Intl.NumberFormat(currentLang(), { style: 'percent', maximumFractionDigits: 2 }).format(Number(rate));
}

/** A chosen option with what it added: "Large +¥3.00"; the name in the page's language where it has one. */
function optionText(option, english) {
  const name = english && option.nameEn ? option.nameEn : option.name;
  if (!option.price || option.price.amount === 0) return name;
  return option.price.amount > 0
    ? t('receipt.lines.optionMore', { name, price: formatMoney(option.price) })
    : t('receipt.lines.optionLess', { name, price: formatMoney({ ...option.price, amount: -option.price.amount }) });
}

/** One line of a receipt, as a list item of the slip. */
export function receiptLine(line) {
  const english = currentLang() === 'en' && line.nameEn;
  return html`
    <li class="paper__line">
      <span class="paper__what">
        <span class="paper__name">${english ? line.nameEn : line.name}</span>
        ${english && line.nameEn !== line.name && html`<span class="paper__sub" lang="zh-CN">${line.name}</span>`}
        ${english && line.variantEn ? html`<span class="paper__sub">${line.variantEn}</span>`
          : line.variant && html`<span class="paper__sub" lang="zh-CN">${line.variant}</span>`}
        ${(line.options ?? []).map((option) => html`<span class="paper__sub paper__option">${optionText(option, english)}</span>`)}
        <span class="paper__sub">${t('receipt.lines.each', { count: line.quantity, price: formatMoney(line.unitPrice) })}
          · ${t('receipt.lines.taxRate', { rate: percent(line.taxRate) })}</span>
        ${line.discount && html`<span class="paper__sub paper__discount">${t('receipt.lines.discount', {
          amount: formatMoney(line.discount.amount), reason: line.discount.reason })}</span>`}
      </span>
      <span class="paper__amount">${formatMoney(line.amount)}</span>
    </li>`;
}

/**
 * The seller as a receipt names it, in the page's language where the receipt has it: in English the shop's English name
 * with the legal name of record beneath it, and the English address; the credit code. `id` is the name's element.
 */
export function sellerTemplate(seller, id, nameClass) {
  const english = currentLang() === 'en';
  const nameEn = english && seller.nameEn;
  const addressEn = english && seller.addressEn;
  return html`
    ${nameEn ? html`<p id="${id}" class="${nameClass}">${seller.nameEn}</p>`
      : seller.name && html`<p id="${id}" class="${nameClass}" lang="zh-CN">${seller.name}</p>`}
    ${nameEn && seller.name && html`<p class="paper__sub" lang="zh-CN">${seller.name}</p>`}
    ${addressEn ? html`<p class="paper__sub">${seller.addressEn}</p>`
      : seller.address && html`<p class="paper__sub" lang="zh-CN">${seller.address}</p>`}
    ${seller.taxId && html`<p class="paper__sub">${t('receipt.seller.taxId', { taxId: seller.taxId })}</p>`}`;
}

/** The makers a receipt credits, in Latin script on an English page where the receipt has them; in words when none. */
export function makersTemplate(receipt, id) {
  const names = receipt.makers || [];
  if (names.length === 0) return html`<p id="${id}">${t('receipt.makers.none')}</p>`;
  const latin = currentLang() === 'en' && (receipt.makersEn || []).length === names.length;
  const lang = latin ? 'en' : 'zh-CN';
  return html`<p id="${id}" lang="${lang}">${new Intl.ListFormat(lang, { type: 'conjunction' }).format(latin ? receipt.makersEn : names)}</p>`;
}
