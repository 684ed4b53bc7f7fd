/** The company's impact reports: one order's, or a year's (docs/api/corporate.md, "Screens"). */
import { start } from '../lib/app.js';
import { register as registerImpact } from '../components/corporate/buyer-impact/buyer-impact.js';

start(registerImpact);
