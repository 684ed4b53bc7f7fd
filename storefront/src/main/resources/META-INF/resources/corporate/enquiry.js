/** The public enquiry form of a company not yet registered (docs/api/corporate.md, "Screens"). */
import { start } from '../lib/app.js';
import { register as registerEnquiry } from '../components/corporate/corporate-enquiry/corporate-enquiry.js';

start(registerEnquiry);
