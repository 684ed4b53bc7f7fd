import { start } from './lib/app.js';

start();
