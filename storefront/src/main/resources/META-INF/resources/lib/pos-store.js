/**
 * The counter tablet's own database in IndexedDB (`workshop-pos`), which outlives reloads, restarts and the network:
 * `device`, the key pair kept at pairing (lib/pos-device.js); `queue`, the sales signed on the tablet and not yet
 * stored by the server, by client id (lib/pos-queue.js); and `kept`, what the tablet last knew, so that it can sell
 * without the network: the counter (device, register, cashier), the catalog, the shift and the receipt series, and
 * the register's last pickup number of the day (nextPickupNumber). Version 1 had only `device`; opening at version 2
 * adds the rest and keeps the key.
 */

const DATABASE = 'workshop-pos';
const VERSION = 2;
export const DEVICE = 'device';
export const QUEUE = 'queue';
export const KEPT = 'kept';

export function openStore() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(DEVICE)) db.createObjectStore(DEVICE);
      if (!db.objectStoreNames.contains(QUEUE)) db.createObjectStore(QUEUE, { keyPath: 'clientId' });
      if (!db.objectStoreNames.contains(KEPT)) db.createObjectStore(KEPT);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('An older page of the tablet holds the database open; reload it'));
  });
}

/**
 * Runs `work(stores)` in one transaction over `names` (`mode` 'readonly' or 'readwrite') and resolves with what it
 * returned once the transaction has committed: all of it is kept, or none. `work` must only queue requests (it may
 * read their results in their callbacks), never wait for anything else, or the transaction ends early.
 */
export async function inTransaction(names, mode, work) {
  const db = await openStore();
  try {
    return await new Promise((resolve, reject) => {
      const transaction = db.transaction(names, mode);
      const stores = Object.fromEntries(names.map((name) => [name, transaction.objectStore(name)]));
      let result;
      transaction.oncomplete = () => resolve(result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error ?? new Error('The transaction was abandoned'));
      try {
        result = work(stores, transaction);
      } catch (error) {
        transaction.abort();
        reject(error);
      }
    });
  } finally {
    db.close();
  }
}

/** The value under `key` in `store`, or undefined. */
export async function read(store, key) {
  let value;
  await inTransaction([store], 'readonly', (stores) => {
    stores[store].get(key).onsuccess = (event) => { value = event.target.result; };
  });
  return value;
}

/** Keeps `value` under `key` in `store` (a store with its own keys, such as `queue`, takes no key). */
export function write(store, value, key) {
  return inTransaction([store], 'readwrite', (stores) => {
    if (key === undefined) stores[store].put(value);
    else stores[store].put(value, key);
  });
}

export function remove(store, key) {
  return inTransaction([store], 'readwrite', (stores) => { stores[store].delete(key); });
}

/** What the tablet last knew of `name` ('counter', 'catalog', 'shift', 'series'), or undefined. */
export function kept(name) {
  return read(KEPT, name);
}

export function keep(name, value) {
  return write(KEPT, value, name);
}


/** How many pickup numbers a day has before they start again at 1. */
export const PICKUP_NUMBERS = 999;

/** The local day of `date` as "YYYY-MM-DD": the tablet's day, which is the counter's. */
function localDay(date) {
  const pad = (value) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The next pickup number of `register` (docs/api/pos.md, step 6): 1 for the register's first sale of the local day
 * (`now`), then one more each time, after 999 again 1. Taken and kept in one transaction, so two sales never get the
 * same number; the tablet gives them offline too, the server keeps them as given.
 */
export async function nextPickupNumber(register, now = new Date()) {
  const day = localDay(now);
  let next = 1;
  await inTransaction([KEPT], 'readwrite', (stores) => {
    const key = `pickup:${register}`;
    stores[KEPT].get(key).onsuccess = (event) => {
      const last = event.target.result;
      next = last?.day === day ? (last.number % PICKUP_NUMBERS) + 1 : 1;
      stores[KEPT].put({ day, number: next }, key);
    };
  });
  return next;
}
