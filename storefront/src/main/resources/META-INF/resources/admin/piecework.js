import { startAdmin } from '../lib/admin.js';
import { register as registerNav } from '../components/piecework/piecework-nav/piecework-nav.js';
import { register as registerQueue } from '../components/piecework/piecework-queue/piecework-queue.js';
import { register as registerRecord } from '../components/piecework/piecework-record/piecework-record.js';

startAdmin(registerNav, registerQueue, registerRecord);
