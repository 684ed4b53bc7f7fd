/**
 * <pos-staff-guard>: keeps a counter staff page (the kitchen and bar's station screen; its child with class
 * "pos-staff-content") hidden until someone who works the counter is known to be signed in: an administrator, a
 * coordinator or a cashier, as lib/staff-guard.js does for every staff guard.
 */
import { isCashier, managesCatalog } from '../../../lib/session.js';
import { StaffGuard } from '../../../lib/staff-guard.js';
import { define } from '../../../lib/define.js';

class PosStaffGuard extends StaffGuard {
  get settings() {
    return { prefix: 'pos-staff', content: 'pos-staff-content', mayUse: (user) => managesCatalog(user) || isCashier(user),
      noAccessKey: 'pos.staffGuard.noAccess', readyEvent: null };
  }
}

export function register() {
  define('pos-staff-guard', PosStaffGuard);
}
