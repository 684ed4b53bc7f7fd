/** A buyer asks for a quote from the corporate catalog (docs/api/corporate.md, "Screens"). */
import { start } from '../lib/app.js';
import { register as registerRequest } from '../components/corporate/quote-request/quote-request.js';

start(registerRequest);
