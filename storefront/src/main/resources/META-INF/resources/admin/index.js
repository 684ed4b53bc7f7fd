import { startAdmin } from '../lib/admin.js';

startAdmin();
