import { start } from '../lib/app.js';
import { register as registerShopCategories } from '../components/shop/shop-categories/shop-categories.js';
import { register as registerFeaturedProducts } from '../components/shop/featured-products/featured-products.js';

start(registerShopCategories, registerFeaturedProducts);
