/**
 * The register's ESC/POS receipt printer, as the counter's receipt panels use it (<pos-sale-receipt> for a sale,
 * <pos-return-receipt> for a refund; docs/api/pos.md, "Printing at the counter"): the button is offered only when the
 * register has a printer and the server keeps the receipt, and the outcome is said in the panel's live region.
 */
import { ApiError, api, ensureCsrfToken } from './api.js';
import { announce } from './form-errors.js';

/**
 * Prints the receipt of `code` (one of this register's, sale or refund) on the register's printer
 * (POST /api/pos/print) and says in `status` (a live region) that it went, or why not: a printer that did not take it
 * (503) is told to be checked; anything else, to print through the browser instead.
 */
export async function printOnCounterPrinter(code, status) {
  try {
    await ensureCsrfToken();
    await api.post('/api/pos/print', { receipt: code });
    announce(status, { key: 'pos.sale.receipt.printed' });
  } catch (error) {
    console.warn('The printer did not print the receipt.', error);
    announce(status, { key: error instanceof ApiError && error.status === 503 ? 'pos.sale.receipt.printerDown' : 'pos.sale.receipt.printerFailed' });
  }
}
