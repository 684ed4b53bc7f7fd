import { startAdmin } from '../lib/admin.js';
import { register as registerDashboard } from '../components/admin/staff-dashboard/staff-dashboard.js';

startAdmin(registerDashboard);
