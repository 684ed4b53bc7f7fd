import { start } from '../lib/app.js';
import { register as registerBuyerOrder } from '../components/shop/buyer-order/buyer-order.js';

start(registerBuyerOrder);
