import { start } from '../lib/app.js';
import { register as registerShopCategories } from '../components/shop-categories/shop-categories.js';
import { register as registerFeaturedProducts } from '../components/featured-products/featured-products.js';

start(registerShopCategories, registerFeaturedProducts);
