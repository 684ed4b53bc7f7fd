import { start } from './lib/app.js';
import { register as registerShopVisit } from './components/common/shop-visit/shop-visit.js';

start(registerShopVisit);
