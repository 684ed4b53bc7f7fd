import { startAdmin } from '../lib/admin.js';
import { register as registerNav } from '../components/piecework/piecework-nav/piecework-nav.js';
import { register as registerRates } from '../components/piecework/piece-rates/piece-rates.js';

startAdmin(registerNav, registerRates);
