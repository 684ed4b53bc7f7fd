import { startAdmin } from '../lib/admin.js';
import { nameOrderPage } from '../lib/order-page.js';
import { register as registerOrderDetail } from '../components/admin/order-detail/order-detail.js';

nameOrderPage('order-detail', { heading: 'adminOrders.detail.heading', title: 'adminOrders.detail.title' });
startAdmin(registerOrderDetail);
