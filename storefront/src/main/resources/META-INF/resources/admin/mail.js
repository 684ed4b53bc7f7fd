import { startAdmin } from '../lib/admin.js';
import { register as registerMailList } from '../components/admin/mail-list/mail-list.js';

startAdmin(registerMailList);
