/**
 * <lang-switch>: one real link per language, so it also works without
 * scripts and can be opened in a new tab. With scripts the switch happens in
 * place (keeping what was typed into forms) and the current language carries
 * aria-current. lib/i18n.js announces the change on document as `i18n-change`.
 */
import { html, render } from '../../../lib/html.js';
import { LANGUAGES, LANG_CHANGE, currentLang, setLang, translate } from '../../../lib/i18n.js';
import { define } from '../../../lib/define.js';

const IDS = { 'zh-CN': 'lang-zh', en: 'lang-en' };

function hrefFor(lang) {
  const url = new URL(window.location.href);
  url.searchParams.set('lang', lang);
  return url.pathname + url.search + url.hash;
}

class LangSwitch extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <div class="lang-switch" role="group" data-i18n-attr="aria-label:lang.label">
        ${LANGUAGES.map((lang) => html`
          <a class="lang-switch__option" id="${IDS[lang]}" lang="${lang}" hreflang="${lang}"
             href="${hrefFor(lang)}" data-lang="${lang}" data-i18n="lang.${lang}"></a>`)}
      </div>`);
    translate(this);
    this.update();
    this.addEventListener('click', this);
    this.onLangChange = () => this.update();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
  }

  disconnectedCallback() {
    this.removeEventListener('click', this);
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  update() {
    for (const link of this.querySelectorAll('[data-lang]')) {
      link.href = hrefFor(link.dataset.lang);
      if (link.dataset.lang === currentLang()) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
  }

  async handleEvent(event) {
    const link = event.target.closest('[data-lang]');
    // Modified clicks keep their browser meaning (new tab, new window).
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (link.dataset.lang === currentLang()) return;
    // If the translations cannot be fetched in place, a full page load by the link still works.
    await setLang(link.dataset.lang).catch(() => window.location.assign(link.href));
  }
}

export function register() {
  define('lang-switch', LangSwitch);
}
