import { start } from '../lib/app.js';
import { register as registerImpactCheck } from '../components/checks/impact-check/impact-check.js';

start(registerImpactCheck);
