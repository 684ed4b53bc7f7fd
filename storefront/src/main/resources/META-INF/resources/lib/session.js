/**
 * Who is signed in, asked once per page: the header and the staff-area guard both need
 * to know, and should agree.
 */
import { api } from './api.js';

const CATALOG_ROLES = new Set(['ADMIN', 'COORDINATOR']);
let pending = null;

/** The signed-in user ({ email, roles }), or null when nobody is. Other failures reject. */
export function currentUser() {
  if (pending === null) {
    pending = api.get('/api/auth/me').catch((error) => {
      if (error.status === 401) return null;
      pending = null; // a network hiccup should not be remembered for the page's lifetime
      throw error;
    });
  }
  return pending;
}

function hasRole(user, roles) {
  return Array.isArray(user?.roles) && user.roles.some((role) => roles.has(String(role).replace(/^ROLE_/, '')));
}

/** True for people who run the catalog, stock and makers: administrators and coordinators. */
export function managesCatalog(user) {
  return hasRole(user, CATALOG_ROLES);
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
