/**
 * A month's statement: ?month= goes to <maker-statement> before it is defined, and the heading and
 * window title name the month once it is known (and again in a new language).
 */
import { LANG_CHANGE, translate } from '../lib/i18n.js';
import { startMaker } from '../lib/maker.js';
import { isMonth, monthText } from '../lib/piecework.js';
import { register as registerStatement } from '../components/maker/maker-statement/maker-statement.js';

const month = new URLSearchParams(window.location.search).get('month') || '';
document.querySelector('maker-statement').setAttribute('month', month);

function name() {
  if (!isMonth(month)) return;
  for (const [element, key] of [[document.getElementById('page-heading'), 'maker.statement.heading'],
    [document.querySelector('title'), 'maker.statement.title']]) {
    element.dataset.i18n = key;
    element.dataset.i18nParams = JSON.stringify({ month: monthText(month) });
    translate(element);
  }
}

document.addEventListener(LANG_CHANGE, name);
startMaker(registerStatement).then(name);
