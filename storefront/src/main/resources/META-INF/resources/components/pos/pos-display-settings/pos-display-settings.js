/**
 * <pos-display-settings>: the display modes of a POS screen (docs/adr/0018-pos-staff-display-modes.md), behind one
 * labelled disclosure so that it takes one target's room until wanted: the text size (the POS default, larger,
 * largest), high contrast (lib/theme.js, the same choice as the header's toggle) and switch access (lib/pos-display.js).
 * Native controls in a native <details>, so Tab, Shift+Tab, Space and Enter work as everywhere; Esc in the panel closes
 * it and puts focus back on its summary. Each change applies at once and is kept on this device.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { THEME_CHANGE, isHighContrast, setHighContrast } from '../../../lib/theme.js';
import { DISPLAY_CHANGE, TEXT_SIZES, setSwitchAccess, setTextSize, switchAccess, textSize } from '../../../lib/pos-display.js';
import { define } from '../../../lib/define.js';

const SIZE_NAMES = { standard: 'pos.display.size.standard', larger: 'pos.display.size.larger', largest: 'pos.display.size.largest' };

class PosDisplaySettings extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <details id="pos-display" class="pos-display">
        <summary id="pos-display-open" class="button button--secondary pos-display__open"
                 data-i18n="pos.display.open"></summary>
        <div id="pos-display-panel" class="pos-display__panel stack" role="group" aria-labelledby="pos-display-open">
          <p class="field__hint" data-i18n="pos.display.kept"></p>
          <fieldset id="pos-display-size" class="pos-display__group">
            <legend data-i18n="pos.display.textSize"></legend>
            <div class="pos-display__choices">
              ${TEXT_SIZES.map((size) => html`<label class="pos-display__choice"><input type="radio" name="pos-display-size"
                  id="pos-display-size-${size}" value="${size}"> <span data-i18n="${SIZE_NAMES[size]}"></span></label>`)}
            </div>
          </fieldset>
          <label class="pos-display__choice"><input type="checkbox" id="pos-display-contrast">
            <span data-i18n="theme.highContrast"></span></label>
          <div class="pos-display__with-hint">
            <label class="pos-display__choice"><input type="checkbox" id="pos-display-switch"
                   aria-describedby="pos-display-switch-hint"> <span data-i18n="pos.display.switchAccess"></span></label>
            <p id="pos-display-switch-hint" class="field__hint" data-i18n="pos.display.switchAccessHint"></p>
          </div>
          <p><button type="button" id="pos-display-close" class="button button--secondary" data-i18n="pos.display.close"></button></p>
        </div>
      </details>`);
    translate(this);
    this.details = this.querySelector('details');
    this.addEventListener('change', (event) => this.changed(event.target));
    this.querySelector('#pos-display-close').addEventListener('click', () => this.close());
    this.details.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.details.open) {
        event.preventDefault();
        this.close();
      }
    });
    this.onChange = () => this.update();
    document.addEventListener(THEME_CHANGE, this.onChange);
    document.addEventListener(DISPLAY_CHANGE, this.onChange);
    this.update();
  }

  disconnectedCallback() {
    document.removeEventListener(THEME_CHANGE, this.onChange);
    document.removeEventListener(DISPLAY_CHANGE, this.onChange);
  }

  /** The controls say what is in force, whichever control (or the header's toggle) changed it. */
  update() {
    for (const size of TEXT_SIZES) this.querySelector(`#pos-display-size-${size}`).checked = size === textSize();
    this.querySelector('#pos-display-contrast').checked = isHighContrast();
    this.querySelector('#pos-display-switch').checked = switchAccess();
  }

  changed(control) {
    if (control.name === 'pos-display-size') setTextSize(control.value);
    else if (control.id === 'pos-display-contrast') setHighContrast(control.checked);
    else if (control.id === 'pos-display-switch') setSwitchAccess(control.checked);
  }

  close() {
    this.details.open = false;
    this.querySelector('#pos-display-open').focus();
  }
}

export function register() {
  define('pos-display-settings', PosDisplaySettings);
}
