/**
 * The tablet's side of pairing (docs/api/pos.md): an Ed25519 key pair made with WebCrypto, its private half not
 * extractable and kept in IndexedDB for signing the register's receipts, and a credential of 32 random bytes that the
 * server turns into an HttpOnly cookie; the page keeps no copy of it. WebCrypto needs a secure context (https, or
 * localhost), so a tablet reaching the server by a plain http LAN address cannot pair. The same key signs the
 * receipts of the register's sales (signWithDeviceKey).
 */
import { ApiError, api, ensureCsrfToken } from './api.js';
import { uuid } from './uuid.js';

const DATABASE = 'workshop-pos';
const STORE = 'device';

/** Whether this browser, on this connection, can make and keep the tablet's key. */
export function canPair() {
  return window.isSecureContext && Boolean(crypto.subtle) && 'indexedDB' in window;
}

/** The register this tablet serves ({ device, register }), or null when it is not paired (or was revoked). */
export async function currentDevice() {
  try {
    return await api.get('/api/pos/device');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
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
  await keep({ deviceId: paired.device.id, registerId: paired.register.id, publicKey: prepared.keys.publicKey,
    privateKey: prepared.keys.privateKey });
  return paired;
}

/** Bytes as base64url without padding, as the API takes keys, signatures and signed payloads. */
export function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
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
  const device = await read();
  if (!device?.privateKey) throw new DeviceKeyMissing();
  return new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, device.privateKey, bytes));
}

/** The kept record { deviceId, registerId, publicKey, privateKey }, or undefined before pairing. */
async function read() {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const get = db.transaction(STORE, 'readonly').objectStore(STORE).get('current');
      get.onsuccess = () => resolve(get.result);
      get.onerror = () => reject(get.error);
    });
  } finally {
    db.close();
  }
}

/** Keeps the device's keys (CryptoKey objects, the private one not extractable) for the receipts it will sign. */
async function keep(device) {
  const db = await open();
  try {
    await new Promise((resolve, reject) => {
      const put = db.transaction(STORE, 'readwrite').objectStore(STORE).put(device, 'current');
      put.onsuccess = () => resolve();
      put.onerror = () => reject(put.error);
    });
  } finally {
    db.close();
  }
}
