/**
 * <admin-guard>: keeps a staff page's content (its child with class "admin-content") hidden until an administrator or
 * coordinator is known to be signed in, as lib/staff-guard.js does for every staff guard; says "admin-ready" then.
 */
import { managesCatalog } from '../../../lib/session.js';
import { StaffGuard } from '../../../lib/staff-guard.js';
import { define } from '../../../lib/define.js';

class AdminGuard extends StaffGuard {
  get settings() {
    return { prefix: 'admin', content: 'admin-content', mayUse: managesCatalog, noAccessKey: 'admin.guard.noAccess',
      readyEvent: 'admin-ready' };
  }
}

export function register() {
  define('admin-guard', AdminGuard);
}
