/**
 * Shared start-up for every page: translations first, then the custom
 * elements, so components render in the chosen language on first paint.
 */
import { initI18n } from './i18n.js';
import { register as registerHeader } from '../components/common/site-header/site-header.js';
import { register as registerFooter } from '../components/common/site-footer/site-footer.js';
import { labelTables } from './table-cards.js';

export async function start(...pageRegisters) {
  try {
    await initI18n();
  } catch (error) {
    // The static zh-CN text still reads well; the shell must not disappear with the translations.
    console.error('Translations could not be loaded; keeping the page text as served.', error);
  }
  labelTables(); // tables read as labelled cards on phones (styles/tables.css)
  for (const register of [registerHeader, registerFooter, ...pageRegisters]) register();
}
