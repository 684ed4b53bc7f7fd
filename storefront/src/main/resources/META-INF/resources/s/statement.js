import { start } from '../lib/app.js';
import { register as registerStatementCheck } from '../components/checks/statement-check/statement-check.js';

start(registerStatementCheck);
