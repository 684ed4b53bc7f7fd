/**
 * Who is signed in, asked once per page: the header and the staff-area guard both need to know, and should agree.
 * When someone signs in or out without the page being loaded again (a cashier's PIN at the counter tablet, or signing
 * out there), sessionChanged() says so and SESSION_CHANGE tells the page.
 *
 * Only asked when the SIGNED_IN cookie says someone may be: the server sets it at sign-in and removes it at sign-out or
 * once the session has ended, so a visitor's page makes no request that could only be answered 401, which the
 * browser logs as an error (docs/adr/0025-signed-in-hint-cookie.md).
 */
import { api } from './api.js';

/** Sent on document after sessionChanged(): who is signed in is to be asked again (currentUser()). */
export const SESSION_CHANGE = 'session-change';

const CATALOG_ROLES = new Set(['ADMIN', 'COORDINATOR']);
const HINT = 'SIGNED_IN';
let pending = null;

/** False when nobody can be signed in on this browser: the server's hint cookie is absent. */
function maybeSignedIn() {
  return document.cookie.split(';').some((cookie) => cookie.trim().startsWith(`${HINT}=`));
}

/** The hint outlived its session (ended between the page's load and this question): forget it. */
function forgetHint() {
  document.cookie = `${HINT}=; Path=/; Max-Age=0; SameSite=Lax`;
}

/** The signed-in user ({ email, roles }), or null when nobody is. Other failures reject. */
export function currentUser() {
  if (pending === null && !maybeSignedIn()) return Promise.resolve(null);
  if (pending === null) {
    pending = api.get('/api/auth/me').catch((error) => {
      if (error.status === 401) {
        forgetHint();
        return null;
      }
      pending = null; // a network hiccup should not be remembered for the page's lifetime
      throw error;
    });
  }
  return pending;
}

/**
 * Someone signed in or out on this page: the answer kept is forgotten (or, after signing out, `user` is given as null,
 * for nobody need be asked), and SESSION_CHANGE is sent for whatever shows who is signed in (the header).
 */
export function sessionChanged(user) {
  pending = user === null ? Promise.resolve(null) : null;
  document.dispatchEvent(new CustomEvent(SESSION_CHANGE));
}

function hasRole(user, roles) {
  return Array.isArray(user?.roles) && user.roles.some((role) => roles.has(String(role).replace(/^ROLE_/, '')));
}

/** True for people who run the catalog, stock and makers: administrators and coordinators. */
export function managesCatalog(user) {
  return hasRole(user, CATALOG_ROLES);
}

/** True for administrators, who alone change the shop's identity, read the mails to buyers, and see and resend the outbox's parked events. */
export function isAdmin(user) {
  return hasRole(user, new Set(['ADMIN']));
}

/** True for counter staff, whose place is the POS tablet's page. */
export function isCashier(user) {
  return hasRole(user, new Set(['CASHIER']));
}

/** True for makers, who may see their own work and earnings in the makers' portal. */
export function isMaker(user) {
  return hasRole(user, new Set(['MAKER']));
}

/** True for people who buy for a partner company, whose place is the buyers' portal. */
export function isCorporateBuyer(user) {
  return hasRole(user, new Set(['CORPORATE_BUYER']));
}

/**
 * Where someone's work starts, by their role: coordinators and admins the staff dashboard, makers their portal, a
 * company's buyers the buyers' portal, counter staff the POS tablet's page; anyone else (a shop buyer) the shop.
 * Someone with several roles starts at the first of these.
 */
export function homeOf(user) {
  if (managesCatalog(user)) return '/admin/';
  if (isMaker(user)) return '/maker/';
  if (isCorporateBuyer(user)) return '/corporate/';
  if (isCashier(user)) return '/pos/';
  return '/shop/';
}
