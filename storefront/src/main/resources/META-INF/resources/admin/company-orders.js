/** Companies' orders: a transfer recorded, an invoice sent, the 发票 recorded (docs/api/corporate.md, "Screens"). */
import { startAdmin } from '../lib/admin.js';
import { register as registerCompanyOrders } from '../components/admin/company-order-admin/company-order-admin.js';

startAdmin(registerCompanyOrders);
