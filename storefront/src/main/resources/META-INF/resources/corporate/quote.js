/** One of the company's quotes: its versions, accepting one or asking for changes (docs/api/corporate.md, "Screens"). */
import { start } from '../lib/app.js';
import { register as registerQuote } from '../components/corporate/buyer-quote/buyer-quote.js';

start(registerQuote);
