import { start } from '../lib/app.js';
import { register as registerDemoPayment } from '../components/shop/demo-payment/demo-payment.js';

start(registerDemoPayment);
