/** The counter's choices and prices: modifier groups, then price lists (docs/api/catalog.md). */
import { startAdmin } from '../lib/admin.js';
import { register as registerModifierGroups } from '../components/admin/modifier-groups/modifier-groups.js';
import { register as registerPriceLists } from '../components/admin/price-lists/price-lists.js';

startAdmin(registerModifierGroups, registerPriceLists);
