/** Corporate quotes: those waiting first; one quote priced and sent as a version, or declined (docs/api/corporate.md, "Screens"). */
import { startAdmin } from '../lib/admin.js';
import { register as registerQuoteAdmin } from '../components/admin/quote-admin/quote-admin.js';

startAdmin(registerQuoteAdmin);
