import { start } from '../lib/app.js';
import { register as registerShiftReportCheck } from '../components/checks/shift-report-check/shift-report-check.js';

start(registerShiftReportCheck);
