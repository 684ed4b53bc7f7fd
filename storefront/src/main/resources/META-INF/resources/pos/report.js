import { start } from '../lib/app.js';
import { register as registerShiftReportCheck } from '../components/checks/shift-report-check/shift-report-check.js';
import { register as registerDisplaySettings } from '../components/pos/pos-display-settings/pos-display-settings.js';

start(registerDisplaySettings, registerShiftReportCheck);
