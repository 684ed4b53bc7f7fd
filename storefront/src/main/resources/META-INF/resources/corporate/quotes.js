/** The company's quotes, for its buyers (docs/api/corporate.md, "Screens"). */
import { start } from '../lib/app.js';
import { register as registerQuotes } from '../components/corporate/buyer-quotes/buyer-quotes.js';

start(registerQuotes);
