/**
 * <theme-toggle>: a toggle button for the high-contrast theme. The label
 * stays the same and aria-pressed carries the state, which is what screen
 * readers announce for toggle buttons. lib/theme.js announces the change
 * on document as `theme-change`.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { THEME_CHANGE, isHighContrast, setHighContrast } from '../../../lib/theme.js';
import { define } from '../../../lib/define.js';

class ThemeToggle extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <button type="button" id="theme-toggle" class="button button--secondary button--toggle" aria-pressed="false"
              data-i18n="theme.highContrast"></button>`);
    translate(this);
    this.button = this.querySelector('button');
    this.button.addEventListener('click', this);
    // The system setting can change under us; keep the pressed state honest.
    this.onThemeChange = () => this.update();
    document.addEventListener(THEME_CHANGE, this.onThemeChange);
    this.update();
  }

  disconnectedCallback() {
    document.removeEventListener(THEME_CHANGE, this.onThemeChange);
  }

  update() {
    this.button.setAttribute('aria-pressed', String(isHighContrast()));
  }

  handleEvent() {
    setHighContrast(!isHighContrast());
  }
}

export function register() {
  define('theme-toggle', ThemeToggle);
}
