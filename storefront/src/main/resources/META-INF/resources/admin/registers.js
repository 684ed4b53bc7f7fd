import { startAdmin } from '../lib/admin.js';
import { register as registerRegisterAdmin } from '../components/admin/register-admin/register-admin.js';

startAdmin(registerRegisterAdmin);
