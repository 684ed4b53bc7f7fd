import { start } from '../lib/app.js';
import { register as registerProductCatalog } from '../components/shop/product-catalog/product-catalog.js';

start(registerProductCatalog);
