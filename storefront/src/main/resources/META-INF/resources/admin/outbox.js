import { startAdmin } from '../lib/admin.js';
import { register as registerParked } from '../components/admin/outbox-parked/outbox-parked.js';

startAdmin(registerParked);
