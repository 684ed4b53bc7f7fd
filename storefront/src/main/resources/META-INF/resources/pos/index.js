import { start } from '../lib/app.js';
import { startSync } from '../lib/pos-queue.js';
import { registerWorker } from '../lib/pos-worker.js';
import { register as registerQueueStatus } from '../components/pos/pos-queue-status/pos-queue-status.js';
import { register as registerDisplaySettings } from '../components/pos/pos-display-settings/pos-display-settings.js';
import { register as registerPairing } from '../components/pos/pos-pairing/pos-pairing.js';

start(registerDisplaySettings, registerQueueStatus, registerPairing).then(() => startSync());
registerWorker();
