import { start } from '../lib/app.js';
import { register as registerShopCart } from '../components/shop-cart/shop-cart.js';
import { register as registerMyOrders } from '../components/my-orders/my-orders.js';

start(registerShopCart, registerMyOrders);
