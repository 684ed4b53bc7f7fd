import { startAdmin } from '../lib/admin.js';
import { register as registerNav } from '../components/piecework-nav/piecework-nav.js';
import { register as registerBatch } from '../components/payout-batch/payout-batch.js';

startAdmin(registerNav, registerBatch);
