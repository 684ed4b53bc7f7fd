import { startMaker } from '../lib/maker.js';
import { register as registerSummary } from '../components/maker-summary/maker-summary.js';
import { register as registerThisMonth } from '../components/maker-this-month/maker-this-month.js';
import { register as registerReport } from '../components/maker-report/maker-report.js';
import { register as registerMonths } from '../components/maker-months/maker-months.js';

startMaker(registerSummary, registerThisMonth, registerReport, registerMonths);
