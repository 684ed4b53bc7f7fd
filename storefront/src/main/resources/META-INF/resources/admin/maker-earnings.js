import { startAdmin } from '../lib/admin.js';
import { register as registerNav } from '../components/piecework-nav/piecework-nav.js';
import { register as registerEarnings } from '../components/maker-earnings/maker-earnings.js';

startAdmin(registerNav, registerEarnings);
