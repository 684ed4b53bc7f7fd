import { start } from '../lib/app.js';
import { register as registerReceiptCheck } from '../components/checks/receipt-check/receipt-check.js';

start(registerReceiptCheck);
