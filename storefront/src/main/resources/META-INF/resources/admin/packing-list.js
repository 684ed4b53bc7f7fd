import { startAdmin } from '../lib/admin.js';
import { nameOrderPage } from '../lib/order-page.js';
import { register as registerPackingList } from '../components/admin/packing-list/packing-list.js';

nameOrderPage('packing-list', { title: 'adminOrders.packing.title' });
startAdmin(registerPackingList);
