import { start } from '../lib/app.js';
import { register as registerGuard } from '../components/pos/pos-staff-guard/pos-staff-guard.js';
import { register as registerDisplaySettings } from '../components/pos/pos-display-settings/pos-display-settings.js';
import { register as registerTickets } from '../components/pos/pos-tickets/pos-tickets.js';
import { register as registerPickups } from '../components/pos/pos-pickups/pos-pickups.js';

// The tickets and pickups are asked for only once someone who works the counter is known to be signed in.
start(registerDisplaySettings, registerGuard)
  .then(() => document.querySelector('pos-staff-guard').allowed)
  .then(() => {
    registerTickets();
    registerPickups();
  });
