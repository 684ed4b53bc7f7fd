import { start } from './lib/app.js';
import { register as registerLoginForm } from './components/common/login-form/login-form.js';

start(registerLoginForm);
