/** Deliveries of one company's order: recorded, listed, their notes printed (docs/api/corporate.md, "Screens"). */
import { startAdmin } from '../lib/admin.js';
import { register as registerDeliveryAdmin } from '../components/admin/delivery-admin/delivery-admin.js';

startAdmin(registerDeliveryAdmin);
