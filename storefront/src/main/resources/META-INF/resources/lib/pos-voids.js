/**
 * Lines taken off a sale before it was paid ("voided"), on their way to the shift's reports (docs/api/pos.md,
 * "Voided lines and the drawer opened without a sale"). Each is kept in the tablet's store (`kept`, under `voids`)
 * with the id made here before it is sent, so a reload or the network dropping loses none; sent again, the server
 * records it once. Sending is tried at once, and again every 15 s while any wait.
 */
import { ApiError, api, isUnreachable } from './api.js';
import { keep, kept } from './pos-store.js';
import { uuid } from './uuid.js';

const KEY = 'voids';
const RETRY_MS = 15_000;
let sending = null;
let timer = null;

/** Records `quantity` units of `variantId` taken off the sale, worth `amountFen` as the tablet priced them. */
export async function recordVoid(variantId, quantity, amountFen) {
  const waiting = (await kept(KEY)) ?? [];
  waiting.push({ id: uuid(), variantId, quantity, amount: { amount: amountFen, currency: 'CNY' } });
  await keep(KEY, waiting);
  return sendVoids();
}

/** Sends what waits, one at a time; keeps what the server could not be reached for, drops what it refused. */
export function sendVoids() {
  sending ??= (async () => {
    try {
      for (const voided of (await kept(KEY)) ?? []) {
        try {
          await api.post('/api/pos/voids', voided);
        } catch (error) {
          if (isUnreachable(error) || (error instanceof ApiError && (error.status >= 500 || error.status === 401))) break;
          console.warn('A voided line was refused and is not kept.', voided, error);
        }
        await keep(KEY, ((await kept(KEY)) ?? []).filter((each) => each.id !== voided.id));
      }
    } finally {
      sending = null;
      const left = ((await kept(KEY)) ?? []).length;
      window.clearTimeout(timer);
      timer = left > 0 ? window.setTimeout(sendVoids, RETRY_MS) : null;
    }
  })();
  return sending;
}
