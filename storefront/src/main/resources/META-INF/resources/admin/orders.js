import { startAdmin } from '../lib/admin.js';
import { register as registerOrderList } from '../components/admin/order-list/order-list.js';

startAdmin(registerOrderList);
