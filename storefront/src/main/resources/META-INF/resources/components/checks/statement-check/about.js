/**
 * What comes after the statement on screen (never on paper): printing it on A4, and a plain account of how the
 * check works, with the signature's details for experts.
 */
import { html } from '../../../lib/html.js';
import { t } from '../../../lib/i18n.js';
import { KEYS_ADDRESS, technicalTemplate } from '../../../lib/signed-check.js';

export function toolsTemplate() {
  return html`
    <section class="check-tools" aria-labelledby="statement-tools-heading">
      <h2 id="statement-tools-heading">${t('statement.tools.heading')}</h2>
      <p class="button-row">
        <button type="button" id="statement-print" class="button button--primary">${t('statement.print.a4')}</button>
      </p>
    </section>`;
}

function technical(signed) {
  if (!signed) return null;
  return technicalTemplate('statement', t('statement.how.technical'), [
    [t('statement.tech.keyId'), signed.keyId],
    [t('statement.tech.algorithm'), signed.algorithm],
    [t('statement.tech.hash'), signed.hash],
    [t('statement.tech.signature'), signed.signature],
  ]);
}

/** How the check works; `signed` (the statement's signature block) adds its details when there is a statement. */
export function howTemplate(signed) {
  return html`
    <section class="check-how" aria-labelledby="statement-how-heading">
      <h2 id="statement-how-heading">${t('statement.how.heading')}</h2>
      <p>${t('statement.how.signature')}</p>
      <p>${t('statement.how.anyone')}</p>
      <p><a id="statement-keys" href="${KEYS_ADDRESS}">${t('statement.how.experts')}</a></p>
      ${technical(signed)}
    </section>`;
}
