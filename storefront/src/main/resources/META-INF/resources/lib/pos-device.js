/**
 * The tablet's side of pairing (docs/api/pos.md): an Ed25519 key pair made with WebCrypto, its private half not
 * extractable and kept in IndexedDB for signing the register's receipts, and a credential of 32 random bytes that the
 * server turns into an HttpOnly cookie; the page keeps no copy of it. WebCrypto needs a secure context (https, or
 * localhost), so a tablet reaching the server by a plain http LAN address cannot pair. The same key signs the
 * receipts of the register's sales (signWithDeviceKey). What the server last said of the counter is kept beside the
 * key (lib/pos-store.js), so that the tablet still knows its register and cashier after a reload without the network.
 */
import { ApiError, api, ensureCsrfToken, isUnreachable } from './api.js';
import { DEVICE, KEPT, keep, kept, read, remove, write } from './pos-store.js';
import { uuid } from './uuid.js';

const COUNTER = 'counter';

/** Whether this browser, on this connection, can make and keep the tablet's key. */
export function canPair() {
  return window.isSecureContext && Boolean(crypto.subtle) && 'indexedDB' in window;
}

/**
 * The register this tablet serves ({ device, register, cashier, series }, as GET /api/pos/device says), or null when
 * it is not paired (or was revoked). Each answer is kept; when the server cannot be reached, the one kept last is
 * given instead, marked `offline: true`. Rejects when the server cannot be reached and nothing was kept. A browser
 * that holds no key of a pairing is not asked about: it could sign no receipt, so it must pair anyway, and the
 * server's 401 would only be a console error on every visit.
 */
export async function currentDevice() {
  if (!(await read(DEVICE, 'current'))?.privateKey) {
    await remove(KEPT, COUNTER);
    return null;
  }
  try {
    const counter = await api.get('/api/pos/device');
    await keep(COUNTER, counter);
    return counter;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      await remove(KEPT, COUNTER);
      return null;
    }
    const known = isUnreachable(error) ? await kept(COUNTER) : undefined;
    if (known) return { ...known, offline: true };
    throw error;
  }
}

/** Remembers who is signed in at the counter now (`cashier`, or null after signing out) with the rest kept. */
export async function keepCashier(cashier) {
  const known = await kept(COUNTER);
  if (known) await keep(COUNTER, { ...known, cashier });
}

/**
 * One try at pairing with a coordinator's code: the key pair, the proof and the credential, made once, so that
 * sending it again after a lost answer (same Idempotency-Key, same body) gets the same answer and the cookie.
 */
export async function preparePairing(code, label) {
  const keys = await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']);
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', keys.publicKey));
  const proof = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, keys.privateKey,
    new TextEncoder().encode(`pair:${code}`)));
  const credential = crypto.getRandomValues(new Uint8Array(32));
  return {
    code,
    label,
    key: uuid(),
    keys,
    body: { code, publicKey: base64url(publicKey), proof: base64url(proof), credential: base64url(credential), label },
  };
}

/**
 * Sends a prepared pairing; resolves with { device, register } once paired and the keys are kept. Rejects with the
 * ApiError of a refusal (wrong code 422, register with a tablet 409, too many tries 429), or a TypeError when the
 * answer did not arrive (send the same try again).
 */
export async function pair(prepared) {
  await ensureCsrfToken();
  const paired = await api.post('/api/pos/pairing', prepared.body, { headers: { 'Idempotency-Key': prepared.key } });
  await keepKeys({ deviceId: paired.device.id, registerId: paired.register.id, publicKey: prepared.keys.publicKey,
    privateKey: prepared.keys.privateKey });
  return paired;
}

/** Bytes as base64url without padding, as the API takes keys, signatures and signed payloads. */
export function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Thrown when this browser holds no key for the tablet (its storage was cleared, or it was paired elsewhere). */
export class DeviceKeyMissing extends Error {
  constructor() {
    super('This browser holds no signing key for the tablet');
    this.name = 'DeviceKeyMissing';
  }
}

/**
 * Signs `bytes` (a receipt's canonical bytes) with the tablet's private key: resolves with the Ed25519 signature's
 * 64 bytes. Rejects with DeviceKeyMissing when the key is not here, so the tablet must be paired again.
 */
export async function signWithDeviceKey(bytes) {
  const device = await read(DEVICE, 'current');
  if (!device?.privateKey) throw new DeviceKeyMissing();
  return new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, device.privateKey, bytes));
}

/** Keeps the device's keys (CryptoKey objects, the private one not extractable) for the receipts it will sign. */
function keepKeys(device) {
  return write(DEVICE, device, 'current');
}
