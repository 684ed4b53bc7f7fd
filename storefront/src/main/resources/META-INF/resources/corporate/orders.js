/** The company's orders, for its buyers (docs/api/corporate.md, "Screens"). */
import { start } from '../lib/app.js';
import { register as registerOrders } from '../components/corporate/company-orders/company-orders.js';

start(registerOrders);
