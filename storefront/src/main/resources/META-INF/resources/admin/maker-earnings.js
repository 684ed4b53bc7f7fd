import { startAdmin } from '../lib/admin.js';
import { register as registerNav } from '../components/piecework/piecework-nav/piecework-nav.js';
import { register as registerEarnings } from '../components/piecework/maker-earnings/maker-earnings.js';

startAdmin(registerNav, registerEarnings);
