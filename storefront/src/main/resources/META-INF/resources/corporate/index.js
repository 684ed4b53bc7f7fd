/** The buyers' portal: the signed-in buyer's own company (docs/api/corporate.md, "Screens"). */
import { start } from '../lib/app.js';
import { register as registerPortal } from '../components/corporate/company-portal/company-portal.js';

start(registerPortal);
