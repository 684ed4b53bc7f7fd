import { startAdmin } from '../lib/admin.js';
import { register as registerOrderList } from '../components/order-list/order-list.js';

startAdmin(registerOrderList);
