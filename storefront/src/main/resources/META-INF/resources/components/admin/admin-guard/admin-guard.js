/**
 * <admin-guard>: keeps a staff page's content (its child with class "admin-content") hidden until an administrator or
 * coordinator is known to be signed in, as lib/staff-guard.js does for every staff guard; says "admin-ready" then.
 * With the attribute `admins-only` (and `no-access-key`, what it says to coordinators) only administrators may use
 * the page: the outbox's parked events, whose API is for admins alone.
 */
import { isAdmin, managesCatalog } from '../../../lib/session.js';
import { StaffGuard } from '../../../lib/staff-guard.js';
import { define } from '../../../lib/define.js';

class AdminGuard extends StaffGuard {
  get settings() {
    const adminsOnly = this.hasAttribute('admins-only');
    return { prefix: 'admin', content: 'admin-content', mayUse: adminsOnly ? isAdmin : managesCatalog,
      noAccessKey: (adminsOnly && this.getAttribute('no-access-key')) || 'admin.guard.noAccess', readyEvent: 'admin-ready' };
  }
}

export function register() {
  define('admin-guard', AdminGuard);
}
