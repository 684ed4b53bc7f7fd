import { startAdmin } from '../lib/admin.js';
import { register as registerMakerAdmin } from '../components/maker-admin/maker-admin.js';

startAdmin(registerMakerAdmin);
