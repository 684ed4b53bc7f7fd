/**
 * Paper for printing a receipt: A4 or an 80 mm roll for the receipt page, the roll for the counter tablet's slip
 * (<pos-sale-receipt>). The choice sits on `<html data-paper>`, where the print styles pick their named page. A roll
 * has no fixed length, and CSS cannot say "as long as the content", so just before printing the slip is laid out at
 * the roll's width (`data-printing`), measured, and the roll page is given that length; the stylesheet's 297 mm is
 * only the fallback.
 */
const ROLL_MARGINS_MM = 6;
const SLACK_MM = 4;
const MM_PER_PX = 25.4 / 96;

let rollPage = null;

export function choosePaper(paper) {
  document.documentElement.dataset.paper = paper === 'roll' ? 'roll' : 'a4';
}

/** Lays the slip `sheet` out for the roll and sizes the roll page to it; nothing for A4. Undone after printing. */
export function fitRollToReceipt(sheet) {
  const root = document.documentElement;
  if (root.dataset.paper !== 'roll' || !sheet) return;
  root.dataset.printing = '';
  window.addEventListener('afterprint', () => delete root.dataset.printing, { once: true });
  if (!('adoptedStyleSheets' in document)) return;
  const length = Math.ceil(sheet.getBoundingClientRect().height * MM_PER_PX) + ROLL_MARGINS_MM + SLACK_MM;
  if (!rollPage) {
    rollPage = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, rollPage];
  }
  rollPage.replaceSync(`@page receipt-roll { size: 80mm ${length}mm; margin: 3mm; }`);
}
