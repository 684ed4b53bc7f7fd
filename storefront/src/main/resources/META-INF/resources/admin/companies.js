/** Corporate customers: enquiries, companies, their locations and buyers (docs/api/corporate.md, "Screens"). */
import { startAdmin } from '../lib/admin.js';
import { register as registerCompanyAdmin } from '../components/admin/company-admin/company-admin.js';

startAdmin(registerCompanyAdmin);
