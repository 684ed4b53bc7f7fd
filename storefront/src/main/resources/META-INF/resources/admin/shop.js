import { startAdmin } from '../lib/admin.js';
import { register as registerShopIdentity } from '../components/admin/shop-identity/shop-identity.js';

startAdmin(registerShopIdentity);
