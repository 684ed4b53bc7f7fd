import { start } from '../lib/app.js';
import { register as registerShopCart } from '../components/shop/shop-cart/shop-cart.js';
import { register as registerMyOrders } from '../components/shop/my-orders/my-orders.js';

start(registerShopCart, registerMyOrders);
