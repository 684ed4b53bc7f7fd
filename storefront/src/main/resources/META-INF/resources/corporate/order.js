/** One of the company's orders, for its buyers (docs/api/corporate.md, "Screens"). */
import { start } from '../lib/app.js';
import { register as registerOrder } from '../components/corporate/company-order/company-order.js';

start(registerOrder);
