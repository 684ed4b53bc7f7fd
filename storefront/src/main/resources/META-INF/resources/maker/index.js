import { startMaker } from '../lib/maker.js';
import { register as registerSummary } from '../components/maker/maker-summary/maker-summary.js';
import { register as registerThisMonth } from '../components/maker/maker-this-month/maker-this-month.js';
import { register as registerReport } from '../components/maker/maker-report/maker-report.js';
import { register as registerMonths } from '../components/maker/maker-months/maker-months.js';

startMaker(registerSummary, registerThisMonth, registerReport, registerMonths);
