import { startAdmin } from '../lib/admin.js';
import { register as registerNav } from '../components/piecework/piecework-nav/piecework-nav.js';
import { register as registerBatch } from '../components/piecework/payout-batch/payout-batch.js';

startAdmin(registerNav, registerBatch);
