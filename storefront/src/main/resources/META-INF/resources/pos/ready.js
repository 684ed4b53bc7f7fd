import { start } from '../lib/app.js';
import { register as registerReadyBoard } from '../components/pos/pos-ready-board/pos-ready-board.js';

start(registerReadyBoard);
