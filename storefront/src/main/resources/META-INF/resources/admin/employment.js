import { startAdmin } from '../lib/admin.js';
import { register as registerNav } from '../components/piecework/piecework-nav/piecework-nav.js';
import { register as registerOverview } from '../components/piecework/employment-overview/employment-overview.js';

startAdmin(registerNav, registerOverview);
