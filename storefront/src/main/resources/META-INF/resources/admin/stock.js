import { startAdmin } from '../lib/admin.js';
import { register as registerStockAdmin } from '../components/admin/stock-admin/stock-admin.js';

startAdmin(registerStockAdmin);
