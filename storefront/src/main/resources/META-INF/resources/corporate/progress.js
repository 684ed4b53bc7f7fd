/** How far the making of one of the company's orders has come (docs/api/corporate.md, "Screens"). */
import { start } from '../lib/app.js';
import { register as registerProgress } from '../components/corporate/order-progress/order-progress.js';

start(registerProgress);
