import { start } from '../lib/app.js';
import { register as registerProductDetail } from '../components/shop/product-detail/product-detail.js';

start(registerProductDetail);
