/**
 * Start-up for staff pages: the shared page shell, then the access check, and only then
 * the page's own elements, so nothing asks the admin API before we know it may.
 */
import { start } from './app.js';
import { register as registerGuard } from '../components/admin/admin-guard/admin-guard.js';
import { register as registerAdminNav } from '../components/admin/admin-nav/admin-nav.js';

export async function startAdmin(...pageRegisters) {
  await start(registerGuard);
  const user = await document.querySelector('admin-guard').allowed;
  for (const register of [registerAdminNav, ...pageRegisters]) register();
  return user;
}
