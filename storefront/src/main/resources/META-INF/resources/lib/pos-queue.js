/**
 * The counter's sales on their way to the server (docs/api/pos.md, step 5). Every sale is signed on the tablet's own
 * receipt series and written to IndexedDB (lib/pos-store.js) together with the series moved on, in one transaction,
 * before anything is sent: a reload or a crash at any moment loses no sale and never gives a number twice. While
 * nothing waits, the series is the server's (adoptSeries); while sales wait, the tablet continues its own.
 *
 * sell() completes a sale: when nothing else waits it is sent at once, and the server's answer comes back; when the
 * server cannot be reached the sale is complete all the same, its receipt drawn by the tablet and handed over, and it
 * waits. sync() sends what waits, one at a time in receipt-number order, with `offline: true`, and takes a sale out
 * only once the server has stored it (201, or 200 for one it stored before: the client id makes sending twice store
 * once). It stops at the first refusal and keeps it on the sale, for the cashier (sign in again) or a coordinator;
 * a queued sale is never signed again. Sending is tried on start, when the browser says it is online, and every 15 s
 * while sales wait or the server is out of reach. Each change is told as QUEUE_CHANGE on `document`, its detail
 * queueState(): { waiting, sending, offline, refusal }. A return at the counter (lib/pos-returns.js) is signed on the
 * same series in the queue's turn (withServerSeries), only while no sale waits, and is never queued: it needs the server.
 */
import { ApiError, api, ensureCsrfToken, isUnreachable } from './api.js';
import { currentDevice } from './pos-device.js';
import { seriesAfter, seriesBefore, signSale } from './pos-sales.js';
import { KEPT, QUEUE, inTransaction } from './pos-store.js';

export const QUEUE_CHANGE = 'pos-queue-change';
const SERIES = 'series';
const RETRY_MS = 15_000;
/** How long a sale is waited for before it counts as sent without an answer (it may have arrived: it goes again). */
const ANSWER_MS = 10_000;

let state = { waiting: 0, sending: false, offline: false, refusal: null };
/** The client id of the sale sell() is completing, not yet waiting for anyone. */
let completing = null;
let last = Promise.resolve();

/** Thrown when the tablet does not know where its receipt series stands: it has not reached the server since pairing. */
export class SeriesUnknown extends Error {
  constructor() {
    super('The tablet does not know its receipt series yet');
    this.name = 'SeriesUnknown';
  }
}

/** Runs `work` after all work started before it, so that signing, sending and syncing never interleave. */
function exclusive(work) {
  const run = last.then(work);
  last = run.catch(() => {});
  return run;
}

/** { waiting: sales not yet stored, sending, offline: the server was out of reach last time, refusal: the first's }. */
export function queueState() {
  return state;
}

function tell(change) {
  const next = { ...state, ...change };
  if (JSON.stringify(next) === JSON.stringify(state)) return;
  state = next;
  document.dispatchEvent(new CustomEvent(QUEUE_CHANGE, { detail: state }));
}

/** The sales waiting to be stored by the server, in receipt-number order. */
export async function waitingSales() {
  let all = [];
  await inTransaction([QUEUE], 'readonly', (stores) => {
    stores[QUEUE].getAll().onsuccess = (event) => { all = event.target.result; };
  });
  return all.sort((a, b) => a.number - b.number);
}

async function recount() {
  const waiting = (await waitingSales()).filter((sale) => sale.clientId !== completing);
  const refused = waiting[0]?.refusal;
  tell({ waiting: waiting.length,
    refusal: refused ? { ...refused, orderNumber: `${waiting[0].register}-${waiting[0].number}` } : null });
}

function sameSeries(a, b) {
  return Boolean(a && b) && a.lastNumber === b.lastNumber && a.lastHash === b.lastHash && a.keyId === b.keyId;
}

/** Sets the kept series of `register` to `series`, only when no sale waits (`force`: also when one does). */
function putSeries(register, series, force = false) {
  return inTransaction([QUEUE, KEPT], 'readwrite', (stores) => {
    stores[QUEUE].count().onsuccess = (event) => {
      if (force || event.target.result === 0) stores[KEPT].put({ register, ...series }, SERIES);
    };
  });
}

/**
 * Takes where the server says the register's series stands ({ lastNumber, lastHash, keyId } of GET /api/pos/device)
 * as the tablet's own, unless sales wait: then the tablet's own series, which continues theirs, stands.
 */
export function adoptSeries(register, series) {
  return exclusive(() => putSeries(register, series));
}

/** Signs `sale` on the kept series and queues it with the series moved on, in one transaction; again if it moved. */
async function signAndQueue(sale, counter) {
  for (;;) {
    let series;
    await inTransaction([KEPT], 'readonly', (stores) => {
      stores[KEPT].get(SERIES).onsuccess = (event) => { series = event.target.result; };
    });
    if (!series || series.register !== counter.register) throw new SeriesUnknown();
    const signed = await signSale(sale, { ...counter, series });
    const outcome = { queued: false };
    await inTransaction([QUEUE, KEPT], 'readwrite', (stores) => {
      stores[KEPT].get(SERIES).onsuccess = (event) => {
        // Moved meanwhile (the tablet's page open twice): sign again on where it stands now.
        if (!sameSeries(event.target.result, series)) return;
        stores[QUEUE].add(signed);
        stores[KEPT].put({ register: counter.register, ...seriesAfter(signed) }, SERIES);
        outcome.queued = true;
      };
    });
    if (outcome.queued) return signed;
  }
}

/** The server stored `signed` (its answer `sold`): out of the queue; the last one out leaves the server's series. */
function stored(signed, sold) {
  return inTransaction([QUEUE, KEPT], 'readwrite', (stores) => {
    stores[QUEUE].delete(signed.clientId);
    stores[QUEUE].count().onsuccess = (event) => {
      if (event.target.result === 0) stores[KEPT].put({ register: signed.register, ...sold.series }, SERIES);
    };
  });
}

/** The server refused `signed`, sent at once and never handed over: out of the queue, and its number given back. */
function withdraw(signed) {
  return inTransaction([QUEUE, KEPT], 'readwrite', (stores) => {
    stores[QUEUE].delete(signed.clientId);
    stores[KEPT].get(SERIES).onsuccess = (event) => {
      if (sameSeries(event.target.result, seriesAfter(signed))) {
        stores[KEPT].put({ register: signed.register, ...seriesBefore(signed) }, SERIES);
      }
    };
  });
}

function refusalOf(error) {
  const { type = null, title = null, detail = null } = error.problem;
  return { status: error.status, type, title, detail };
}

function post(signed, offline) {
  return api.post('/api/pos/sales', offline ? { ...signed.body, offline: true } : signed.body,
    { signal: AbortSignal.timeout(ANSWER_MS) });
}

/** Not answered, or not by the application (a proxy or the server failing): it may go again unchanged. */
function unanswered(error) {
  return isUnreachable(error) || (error instanceof ApiError && error.status >= 500);
}

function outOfSequence(error) {
  return error instanceof ApiError && (error.problem.type ?? '').endsWith('/receipt-out-of-sequence') && error.problem.series;
}

/**
 * Completes `sale` (prepareSale of lib/pos-sales.js) at the counter `{ register, seller }`: signs and queues it, then
 * sends it at once when nothing else waits. Resolves with { signed, sold }: `sold` the server's answer once it stored
 * the sale, or null when it could not be reached (or other sales wait first): the sale is complete all the same, its
 * receipt the tablet's (`signed`), and it waits. A refusal of the sale sent at once takes it out of the queue and gives
 * its number back (nothing was handed over), then rejects with the ApiError; refused as out of sequence, the sale is
 * signed once more on the series the server gives. Rejects with DeviceKeyMissing or SeriesUnknown before queueing.
 */
export function sell(sale, counter) {
  return exclusive(async () => {
    completing = sale.clientId;
    try {
      for (let tries = 0; ; tries += 1) {
        const signed = await signAndQueue(sale, counter);
        if (navigator.onLine === false) tell({ offline: true });
        // Behind others it goes in its turn, with them; none of them is sent from here.
        if (state.offline || (await waitingSales()).length > 1) return { signed, sold: null };
        try {
          await ensureCsrfToken();
          const sold = await post(signed, false);
          await stored(signed, sold);
          tell({ offline: false });
          return { signed, sold };
        } catch (error) {
          if (unanswered(error)) {
            tell({ offline: isUnreachable(error) });
            return { signed, sold: null };
          }
          await withdraw(signed);
          tell({ offline: false });
          if (tries > 0 || !outOfSequence(error)) throw error;
          await putSeries(counter.register, error.problem.series);
        }
      }
    } finally {
      completing = null;
      await recount();
    }
  });
}

/** Thrown when a return is asked for while sales wait to be sent: the server's series is behind the tablet's. */
export class SalesWaiting extends Error {
  constructor(count) {
    super(`${count} sales wait to be sent`);
    this.name = 'SalesWaiting';
    this.count = count;
  }
}

/**
 * Runs `work(series)` in the queue's turn, so that no sale is signed or sent meanwhile, on the register's series as the
 * tablet keeps it, which is the server's, since a return (lib/pos-returns.js) is made only while no sale waits (else it
 * rejects with SalesWaiting) and never queued. `work` resolves with { series, result }: the series the server answered,
 * kept from then on, and what to resolve with; when it rejects, the series stays as it was.
 */
export function withServerSeries(register, work) {
  return exclusive(async () => {
    const waiting = (await waitingSales()).length;
    if (waiting > 0) throw new SalesWaiting(waiting);
    let series;
    await inTransaction([KEPT], 'readonly', (stores) => {
      stores[KEPT].get(SERIES).onsuccess = (event) => { series = event.target.result; };
    });
    if (!series || series.register !== register) throw new SeriesUnknown();
    const { series: after, result } = await work({ lastNumber: series.lastNumber, lastHash: series.lastHash, keyId: series.keyId });
    await putSeries(register, after);
    tell({ offline: false });
    return result;
  });
}

/** Sends the first waiting sale; resolves with whether the next may follow. */
async function sendFirst(first) {
  try {
    await ensureCsrfToken();
    await stored(first, await post(first, true));
    tell({ offline: false });
    return true;
  } catch (error) {
    if (unanswered(error)) {
      tell({ offline: isUnreachable(error) });
      return false;
    }
    await inTransaction([QUEUE], 'readwrite', (stores) => { stores[QUEUE].put({ ...first, refusal: refusalOf(error) }); });
    tell({ offline: false });
    return false;
  }
}

/**
 * Sends the waiting sales, one at a time in receipt-number order, until none waits, the server cannot be reached,
 * or it refuses one (kept on the sale, see queueState().refusal). With none waiting while the server was out of
 * reach, asks where the counter stands, to know when it is back (and take the server's series).
 */
export function sync() {
  return exclusive(async () => {
    await recount();
    let [first] = await waitingSales();
    if (!first && state.offline) {
      const counter = await currentDevice().catch(() => null);
      if (counter && !counter.offline) {
        await putSeries(counter.register.id, counter.series);
        tell({ offline: false });
      }
    }
    while (first) {
      // Tries while out of reach are not news; "sending" is said once the server is known to be there.
      if (!state.offline) tell({ sending: true });
      if (!(await sendFirst(first))) break;
      await recount();
      [first] = await waitingSales();
    }
    tell({ sending: false });
    await recount();
  });
}

/** Starts sending what waits: now, whenever the browser comes online, and every 15 s while needed. */
export function startSync() {
  const trySync = () => sync().catch((error) => console.warn('The waiting sales could not be sent.', error));
  window.addEventListener('online', () => {
    tell({ offline: false });
    trySync();
  });
  window.addEventListener('offline', () => tell({ offline: true }));
  window.setInterval(() => {
    if (state.waiting > 0 || state.offline) trySync();
  }, RETRY_MS);
  return trySync();
}
