import { startAdmin } from '../lib/admin.js';
import { register as registerRegisterAdmin } from '../components/admin/register-admin/register-admin.js';
import { register as registerCashierPins } from '../components/admin/cashier-pins/cashier-pins.js';

startAdmin(registerRegisterAdmin, registerCashierPins);
