import { start } from '../lib/app.js';
import { register as registerCheckoutForm } from '../components/shop/checkout-form/checkout-form.js';

start(registerCheckoutForm);
