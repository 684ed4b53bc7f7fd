import { start } from '../lib/app.js';
import { register as registerFindOrders } from '../components/shop/find-orders/find-orders.js';

start(registerFindOrders);
