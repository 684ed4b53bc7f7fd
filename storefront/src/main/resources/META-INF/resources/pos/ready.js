import { start } from '../lib/app.js';
import { register as registerReadyBoard } from '../components/pos/pos-ready-board/pos-ready-board.js';
import { register as registerDisplaySettings } from '../components/pos/pos-display-settings/pos-display-settings.js';

start(registerDisplaySettings, registerReadyBoard);
