import { start } from '../lib/app.js';
import { register as registerStatementCheck } from '../components/statement-check/statement-check.js';

start(registerStatementCheck);
