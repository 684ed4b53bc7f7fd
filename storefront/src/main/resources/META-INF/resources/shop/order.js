import { start } from '../lib/app.js';
import { register as registerBuyerOrder } from '../components/buyer-order/buyer-order.js';

start(registerBuyerOrder);
