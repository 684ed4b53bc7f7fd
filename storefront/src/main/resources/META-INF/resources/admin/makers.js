import { startAdmin } from '../lib/admin.js';
import { register as registerMakerAdmin } from '../components/admin/maker-admin/maker-admin.js';

startAdmin(registerMakerAdmin);
