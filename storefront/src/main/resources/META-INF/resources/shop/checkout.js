import { start } from '../lib/app.js';
import { register as registerCheckoutForm } from '../components/checkout-form/checkout-form.js';

start(registerCheckoutForm);
