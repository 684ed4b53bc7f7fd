import { startAdmin } from '../lib/admin.js';
import { register as registerProductList } from '../components/admin/product-list/product-list.js';

startAdmin(registerProductList);
