/**
 * Thin fetch wrapper for the backend's JSON API. Errors arrive as RFC 9457
 * problem details and leave here as ApiError, so callers branch on `status`
 * and never parse responses themselves.
 */
import { currentLang } from './i18n.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CSRF_COOKIE = 'XSRF-TOKEN';

export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    /** Raw Retry-After header value, or null. */
    this.retryAfter = retryAfter;
  }

  /** Retry-After as whole seconds (it may be given as seconds or as an HTTP date), or null. */
  get retryAfterSeconds() {
    if (this.retryAfter === null) return null;
    if (/^\d+$/.test(this.retryAfter.trim())) return Number(this.retryAfter.trim());
    const when = Date.parse(this.retryAfter);
    return Number.isNaN(when) ? null : Math.max(0, Math.ceil((when - Date.now()) / 1000));
  }
}

export function readCookie(name) {
  const entry = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return entry === undefined ? null : decodeURIComponent(entry.slice(name.length + 1));
}

async function readBody(response) {
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : null;
}

async function toApiError(response) {
  const body = await readBody(response).catch(() => null);
  const problem = body && typeof body === 'object' ? body : { status: response.status, title: response.statusText };
  return new ApiError(response.status, problem, response.headers.get('Retry-After'));
}

/**
 * A body that is a File or Blob (an uploaded photo) is sent as it is, with its own type as
 * Content-Type; anything else goes as JSON. `options.headers` adds headers such as Idempotency-Key;
 * `options.signal` (an AbortSignal) gives up waiting, e.g. AbortSignal.timeout(ms).
 */
export async function request(method, path, body, options = {}) {
  const headers = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLang(),
  };
  const token = readCookie(CSRF_COOKIE);
  if (UNSAFE_METHODS.has(method) && token !== null) headers['X-XSRF-TOKEN'] = token;
  const raw = body instanceof Blob;
  if (body !== undefined) headers['Content-Type'] = raw ? body.type : 'application/json';
  Object.assign(headers, options.headers);
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined || raw ? body : JSON.stringify(body),
    signal: options.signal,
  });
  if (!response.ok) throw await toApiError(response);
  return readBody(response);
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body, options) => request('POST', path, body, options),
  put: (path, body, options) => request('PUT', path, body, options),
  patch: (path, body) => request('PATCH', path, body),
  delete: (path) => request('DELETE', path),
};

/**
 * Whether a call failed without an answer from the server (no network, the connection dropped, or waiting was given
 * up), rather than being refused: what was sent may or may not have arrived.
 */
export function isUnreachable(error) {
  return error instanceof TypeError || error?.name === 'AbortError' || error?.name === 'TimeoutError';
}

/** The server hands out the CSRF cookie on this call; unsafe requests need it first. */
export async function ensureCsrfToken() {
  if (readCookie(CSRF_COOKIE) === null) await api.get('/api/auth/csrf');
}
