/** The deliveries of one of the company's orders, with their delivery notes (docs/api/corporate.md, "Screens"). */
import { start } from '../lib/app.js';
import { register as registerDeliveries } from '../components/corporate/buyer-deliveries/buyer-deliveries.js';

start(registerDeliveries);
