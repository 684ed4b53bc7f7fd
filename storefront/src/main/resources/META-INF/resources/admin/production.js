/** A company's order made by the makers: pieces per operation, the split, progress, the forecast (docs/api/corporate.md, "Screens"). */
import { startAdmin } from '../lib/admin.js';
import { register as registerProductionAdmin } from '../components/admin/production-admin/production-admin.js';

startAdmin(registerProductionAdmin);
