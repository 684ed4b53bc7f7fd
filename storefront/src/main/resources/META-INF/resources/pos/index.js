import { start } from '../lib/app.js';
import { register as registerPairing } from '../components/pos/pos-pairing/pos-pairing.js';

start(registerPairing);
