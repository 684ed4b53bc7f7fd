import { start } from '../lib/app.js';
import { register as registerOrderDetail } from '../components/order-detail/order-detail.js';

start(registerOrderDetail);
