/**
 * Quotes of the corporate door (docs/api/corporate.md, "The corporate catalog and prices", "Quotes"): the calls buyers
 * and coordinators make, and what their screens share: money, names and days that follow the page's language, a
 * quote's status, a unit price's basis and a line's issues in words (never the codes), the terms of a product, what a
 * buyer asked for, and one version as it was sent.
 */
import { html, render } from './html.js';
import { LANG_CHANGE, currentLang, translate } from './i18n.js';
import { api } from './api.js';
import { formatMoney } from './money.js';
import { currentUser, isCorporateBuyer } from './session.js';
import { ENQUIRE, HOME, factHtml, noticeHtml, problemName, send, signInUrl, whenHtml } from './corporate.js';

export const QUOTES_PAGE = '/corporate/quotes.html';
export const REQUEST_PAGE = '/corporate/request.html';
export const STATUSES = ['REQUESTED', 'SENT', 'CHANGES_REQUESTED', 'ACCEPTED', 'DECLINED'];
/** The quotes a coordinator answers next. */
export const WAITING = ['REQUESTED', 'CHANGES_REQUESTED'];
const BASES = ['CATALOG', 'TIER', 'NEGOTIATED'];
const ISSUES = ['BELOW_MINIMUM', 'NOT_A_MULTIPLE'];
const ZONE = 'Asia/Shanghai';

const enc = encodeURIComponent;
export const quotePage = (id) => `/corporate/quote.html?id=${enc(id)}`;

// A buyer's.
export const corporateCatalog = () => api.get('/api/corporate/catalog');
export const checkPrices = (lines) => send('post', '/api/corporate/prices', { lines });
export const requestQuote = (body, key) => send('post', '/api/corporate/quotes', body, { headers: { 'Idempotency-Key': key } });
export const myQuotes = () => api.get('/api/corporate/quotes');
export const myQuote = (id) => api.get(`/api/corporate/quotes/${enc(id)}`);
export const askForChanges = (id, changes) => send('post', `/api/corporate/quotes/${enc(id)}/changes`, { changes });
export const acceptQuote = (id, version, poNumber) => send('post', `/api/corporate/quotes/${enc(id)}/accept`, { version, poNumber });

// The coordinators'.
const ADMIN = '/api/admin/corporate/quotes';
export const allQuotes = () => api.get(ADMIN);
export const quote = (id) => api.get(`${ADMIN}/${enc(id)}`);
export const sendVersion = (id, body) => send('post', `${ADMIN}/${enc(id)}/versions`, body);
export const declineQuote = (id, reason) => send('post', `${ADMIN}/${enc(id)}/decline`, { reason });
export const allCustomisations = () => api.get('/api/admin/corporate/customisations');

/** Today in Chengdu, as the server counts days: "2026-12-07". */
export function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** A day `days` after the day `iso` ("2026-12-07" → "2026-12-21" for 14). */
export function addDays(iso, days) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A day ("2027-01-20") in the page's language: "2027年1月20日", "20 January 2027". */
export function formatDay(iso) {
  if (!iso) return '';
  const [y, m, d] = String(iso).split('-').map(Number);
  if (!y || !m || !d) return String(iso);
  return new Intl.DateTimeFormat(currentLang(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Of two names, the page language's, else the other one. */
export function pick(zh, en) {
  const [first, second] = currentLang() === 'en' ? [en, zh] : [zh, en];
  return first || second || '';
}

export function dayHtml(iso) {
  return html`<time datetime="${iso}" data-day="${iso}">${formatDay(iso)}</time>`;
}

export function moneyHtml(money) {
  return html`<span class="quote-money" data-amount="${money.amount}" data-currency="${money.currency}">${formatMoney(money)}</span>`;
}

/** A name in both languages, shown in the page's. */
export function nameHtml(zh, en) {
  return html`<span data-name-zh="${zh || ''}" data-name-en="${en || ''}">${pick(zh, en)}</span>`;
}

/** "蜀绣熊猫绣片（带绣绷） — 15 厘米": a line's product and variant, in the page's language. */
export function lineNameHtml(line) {
  if (!line.productNameZh && !line.productNameEn) return html`<span data-i18n="corporate.quote.gone"></span>`;
  const variant = line.variantNameZh || line.variantNameEn;
  return html`${nameHtml(line.productNameZh, line.productNameEn)}${variant
    && html`<span class="quote-line__variant"> — ${nameHtml(line.variantNameZh, line.variantNameEn)}</span>`}`;
}

function moneyParams(params, moneys) {
  const all = { ...params };
  for (const [name, money] of Object.entries(moneys)) all[name] = formatMoney(money);
  return all;
}

/**
 * A message with amounts in it ({price}), written again in the new language's money when the language changes; a
 * `focusable` one can take focus (a question asked in place).
 */
export function moneyMessageHtml(key, params = {}, moneys = {}, { id = '', tag = 'span', cls = '', focusable = false } = {}) {
  const attrs = html`${id && html`id="${id}"`} ${cls && html`class="${cls}"`} ${focusable && html`tabindex="-1"`} data-i18n="${key}"
    data-i18n-params="${JSON.stringify(moneyParams(params, moneys))}" data-i18n-money="${JSON.stringify(moneys)}"`;
  return tag === 'p' ? html`<p ${attrs}></p>` : html`<span ${attrs}></span>`;
}

/** A plain message: { key, params } as markup translate() fills. */
export function messageSpan(key, params = {}, id = '') {
  return html`<span ${id && html`id="${id}"`} data-i18n="${key}" data-i18n-params="${JSON.stringify(params)}"></span>`;
}

let keeping = false;

/**
 * Once per page: amounts, names, days and times written by this module's helpers follow a change of language (the
 * messages themselves follow by translate(), which has run by then).
 */
export function keepQuotesInLanguage() {
  if (keeping) return;
  keeping = true;
  document.addEventListener(LANG_CHANGE, () => relabel(document));
}

/** Writes the amounts, names and days under `root` again in the page's language. */
export function relabel(root) {
  for (const el of root.querySelectorAll('[data-amount]')) {
    el.textContent = formatMoney({ amount: Number(el.dataset.amount), currency: el.dataset.currency });
  }
  for (const el of root.querySelectorAll('[data-name-zh]')) el.textContent = pick(el.dataset.nameZh, el.dataset.nameEn);
  for (const el of root.querySelectorAll('time[data-day]')) el.textContent = formatDay(el.dataset.day);
  for (const el of root.querySelectorAll('[data-i18n-money]')) {
    el.dataset.i18nParams = JSON.stringify(moneyParams(JSON.parse(el.dataset.i18nParams || '{}'), JSON.parse(el.dataset.i18nMoney)));
    translate(el);
  }
}

/** A quote's status in words, with its own outline so it never rests on colour alone. */
export function statusHtml(status, id = '') {
  const known = STATUSES.includes(status) ? status : 'REQUESTED';
  return html`<span ${id && html`id="${id}"`} class="quote-status quote-status--${known.toLowerCase().replace(/_/g, '-')}"
                    data-i18n="corporate.quoteStatus.${known}"></span>`;
}

/** "At least 10, in multiples of 1, about 21 days to make." */
export function termsHtml(terms, id = '') {
  return messageSpan('corporate.terms', { min: terms.minQuantity, multiple: terms.multipleOf, days: terms.leadDays }, id);
}

/** Where a unit price comes from, in words: the catalog, a volume tier (from how many), the company's agreed price. */
export function basisHtml(unitPrice, id = '') {
  const basis = BASES.includes(unitPrice.basis) ? unitPrice.basis : 'CATALOG';
  return messageSpan(`corporate.basis.${basis}`, { from: unitPrice.tierFrom ?? '' }, id);
}

/** What a line's quantity misses under its product's terms, one message each. */
export function issueMessages(issues, terms, quantity) {
  return (issues || []).filter((issue) => ISSUES.includes(issue)).map((issue) => ({
    key: `corporate.issue.${issue}`, params: { min: terms.minQuantity, multiple: terms.multipleOf, quantity },
  }));
}

/** The same, by the product's terms alone (before the server is asked). */
export function issuesOf(terms, quantity) {
  const issues = [];
  if (quantity < terms.minQuantity) issues.push('BELOW_MINIMUM');
  if (quantity % terms.multipleOf !== 0) issues.push('NOT_A_MULTIPLE');
  return issues;
}

/** What a variant costs a company, in words: its agreed price; or the catalog's and each volume tier. */
export function offerPriceHtml(offer, id) {
  if (offer.negotiated) {
    return html`<p id="${id}">${moneyMessageHtml('corporate.offer.negotiated', {}, { price: offer.negotiated })}</p>`;
  }
  return html`
    <ul id="${id}" class="quote-prices">
      <li>${moneyMessageHtml('corporate.offer.catalog', {}, { price: offer.catalogPrice })}</li>
      ${offer.tiers.map((tier) => html`<li>${moneyMessageHtml('corporate.offer.tier', { from: tier.fromQuantity }, { price: tier.unitPrice })}</li>`)}
    </ul>`;
}

/** A customisation's price in words: "¥3.00 each, plus ¥200.00 to set up" (or without the set-up). */
export function customisationPriceHtml(custom) {
  return custom.setupPrice.amount > 0
    ? moneyMessageHtml('corporate.custom.priceSetup', {}, { unit: custom.unitPrice, setup: custom.setupPrice })
    : moneyMessageHtml('corporate.custom.price', {}, { unit: custom.unitPrice });
}

/** A customisation code as a name: from `known` ([{ code, nameZh, nameEn }]); never the code itself. */
function customName(code, known) {
  const found = known.find((each) => each.code === code);
  return found ? nameHtml(found.nameZh, found.nameEn) : html`<span data-i18n="corporate.custom.unknown"></span>`;
}

/**
 * What the buyer asked for: the lines (product, quantity, customisations by name), the day wanted, where to, the note,
 * and the changes asked for last. `locations` are the company's; `customisations` name the codes.
 */
export function askedHtml(q, { prefix, customisations = [], locations = [], level = 2 }) {
  const location = q.locationId ? locations.find((each) => each.id === q.locationId) : null;
  return html`
    <section class="corporate-section quote-asked" aria-labelledby="${prefix}-asked-heading">
      <h${level} id="${prefix}-asked-heading" data-i18n="corporate.quote.asked"></h${level}>
      <ul id="${prefix}-asked-lines" class="quote-lines">
        ${q.lines.map((line, i) => html`
          <li class="quote-line" id="${prefix}-asked-${i}">
            <strong class="quote-line__name">${lineNameHtml(line)}</strong>
            <span>${messageSpan('corporate.quote.units', { count: line.quantity })}</span>
            ${line.customisations.length > 0 && html`<span>${messageSpan('corporate.quote.with')}
              ${line.customisations.map((code, j) => html`${j > 0 && '、'}${customName(code, customisations)}`)}</span>`}
          </li>`)}
      </ul>
      <dl class="facts">
        ${factHtml('corporate.quote.wantedBy', dayHtml(q.wantedBy), `${prefix}-wanted`)}
        ${factHtml('corporate.quote.location', q.locationId
          ? (location ? html`${location.label}<span class="quote-address">${location.address}</span>`
            : html`<span data-i18n="corporate.quote.locationGone"></span>`)
          : html`<span data-i18n="corporate.quote.noLocation"></span>`, `${prefix}-location`)}
        ${q.buyerNote && factHtml('corporate.quote.note', html`<span class="corporate-needs">${q.buyerNote}</span>`, `${prefix}-note`)}
        ${q.changesAsked && factHtml('corporate.quote.changesAsked', html`<span class="corporate-needs">${q.changesAsked}</span>`,
          `${prefix}-changes-asked`)}
        ${factHtml('corporate.quote.requested', whenHtml(q.createdAt), `${prefix}-created`)}
      </dl>
    </section>`;
}

function pricedLineHtml(line, id) {
  return html`
    <li class="quote-line" id="${id}">
      <strong class="quote-line__name">${lineNameHtml(line)}</strong>
      <dl class="facts quote-line__facts">
        ${factHtml('corporate.price.quantity', String(line.quantity), `${id}-quantity`)}
        ${factHtml('corporate.price.unit', html`${moneyHtml(line.unitPrice.amount)}
          <span class="quote-basis">${basisHtml(line.unitPrice, `${id}-basis`)}</span>`, `${id}-unit`)}
        ${factHtml('corporate.price.goods', moneyHtml(line.goods), `${id}-goods`)}
        ${line.customisations.length > 0 && factHtml('corporate.price.customisations', html`
          <ul class="quote-customs">
            ${line.customisations.map((custom) => html`<li>${nameHtml(custom.nameZh, custom.nameEn)}<span
              data-i18n="corporate.colon"></span>${custom.setupPrice.amount > 0
                ? moneyMessageHtml('corporate.price.customSetup', { count: line.quantity },
                  { unit: custom.unitPrice, setup: custom.setupPrice, amount: custom.amount })
                : moneyMessageHtml('corporate.price.custom', { count: line.quantity }, { unit: custom.unitPrice, amount: custom.amount })}
            </li>`)}
          </ul>`, `${id}-customs`)}
        ${factHtml('corporate.price.lineTotal', moneyHtml(line.amount), `${id}-amount`)}
      </dl>
    </li>`;
}

/**
 * One version as it was sent: the lines with their unit prices and where those come from, customisations with their
 * set-up, the coordinator's lines, delivery and the total; until when it is valid; the earliest delivery and whether it
 * meets the day wanted. Ids start with `${prefix}-v${version}`.
 */
export function versionHtml(q, version, { prefix, level = 2, latest = false }) {
  const id = `${prefix}-v${version.version}`;
  const priced = version.priced;
  const heading = messageSpan(latest ? 'corporate.version.latest' : 'corporate.version.heading', { version: version.version });
  return html`
    <section class="quote-version" id="${id}" aria-labelledby="${id}-heading">
      <h${level} id="${id}-heading">${heading}</h${level}>
      <dl class="facts">
        ${factHtml('corporate.version.sent', whenHtml(version.sentAt), `${id}-sent`)}
        ${factHtml('corporate.version.validUntil', dayHtml(version.validUntil), `${id}-valid`)}
        ${factHtml('corporate.version.earliest', html`${dayHtml(version.earliestDelivery)}
          <span id="${id}-meets" class="quote-meets quote-meets--${version.meetsWantedDate ? 'yes' : 'no'}"
                data-i18n="${version.meetsWantedDate ? 'corporate.version.meets' : 'corporate.version.late'}"></span>`, `${id}-earliest`)}
      </dl>
      <ul class="quote-lines" id="${id}-lines">
        ${priced.lines.map((line, i) => pricedLineHtml(line, `${id}-line-${i}`))}
      </ul>
      ${priced.manual.length > 0 && html`
        <div class="quote-manual">
          <p class="quote-manual__heading"><strong data-i18n="corporate.version.manual"></strong></p>
          <ul class="quote-lines" id="${id}-manual">
            ${priced.manual.map((line, i) => html`
              <li class="quote-line" id="${id}-manual-${i}">
                <strong class="quote-line__name">${nameHtml(line.nameZh, line.nameEn)}</strong>
                ${moneyMessageHtml('corporate.version.manualLine', { count: line.quantity },
                  { unit: line.unitPrice, amount: { amount: line.unitPrice.amount * line.quantity, currency: line.unitPrice.currency } })}
              </li>`)}
          </ul>
        </div>`}
      <dl class="facts facts--totals" id="${id}-totals">
        ${factHtml('corporate.price.goods', moneyHtml(priced.goods), `${id}-goods`)}
        ${factHtml('corporate.price.customisations', moneyHtml(priced.customisations), `${id}-customs`)}
        ${priced.manual.length > 0 && factHtml('corporate.version.manualTotal', moneyHtml(priced.manualTotal), `${id}-manual-total`)}
        ${factHtml('corporate.version.delivery', priced.delivery.amount > 0 ? moneyHtml(priced.delivery)
          : html`<span data-i18n="corporate.version.noDelivery"></span>`, `${id}-delivery`)}
        ${factHtml('corporate.price.total', html`<strong>${moneyHtml(version.total)}</strong>`, `${id}-total`)}
      </dl>
      ${version.note && html`<p class="corporate-needs" id="${id}-note"><strong data-i18n="corporate.version.note"></strong>
        ${version.note}</p>`}
    </section>`;
}

/** The versions sent before the latest, newest first, folded away under one summary. */
export function earlierVersionsHtml(q, { prefix, level = 3 }) {
  const earlier = q.versions.slice(0, -1).reverse();
  if (earlier.length === 0) return html``;
  return html`
    <details class="quote-earlier" id="${prefix}-earlier">
      <summary>${messageSpan('corporate.version.earlier', { count: earlier.length })}</summary>
      ${earlier.map((version) => versionHtml(q, version, { prefix, level }))}
    </details>`;
}


/**
 * The buyers' pages start here, as the portal does: signed out → a link to sign in that comes back; not a buyer, or a
 * buyer of no company (`load` fails with no-company) → what to do, focused. Otherwise `load(user)`'s result, or null
 * when there is nothing for the page to draw. A failure of another kind shows a retry button, #`${prefix}-retry`.
 */
export async function asBuyer(host, prefix, load) {
  const say = (template) => {
    render(host, template);
    translate(host);
  };
  const refuse = (template) => {
    say(template);
    host.querySelector('section.notice').focus();
    return null;
  };
  say(html`<p id="${prefix}-checking" role="status" data-i18n="corporate.portal.checking"></p>`);
  let user;
  try {
    user = await currentUser();
    if (user === null) {
      return refuse(noticeHtml(`${prefix}-sign-in`, 'corporate.portal.signInHeading', 'corporate.quotes.signIn',
        [{ id: 'link', href: signInUrl(), key: 'corporate.portal.signInLink' }, ENQUIRE]));
    }
    if (!isCorporateBuyer(user)) {
      return refuse(noticeHtml(`${prefix}-no-access`, 'corporate.portal.noAccessHeading', 'corporate.portal.noAccess',
        [HOME, ENQUIRE], { email: user.email }));
    }
    return await load(user);
  } catch (error) {
    if (user && problemName(error) === 'no-company') {
      return refuse(noticeHtml(`${prefix}-no-company`, 'corporate.portal.noCompanyHeading', 'corporate.portal.noCompany',
        [ENQUIRE, HOME], { email: user.email }));
    }
    console.warn('Could not load the page.', error);
    say(html`
      <div id="${prefix}-failed" class="notice" role="alert">
        <p data-i18n="${error?.status === 404 ? 'corporate.errors.gone' : 'corporate.portal.failed'}"></p>
        <button type="button" id="${prefix}-retry" class="button button--primary" data-i18n="corporate.retry"></button>
      </div>`);
    return null;
  }
}

/** The message of a refused quote action (409s), or null for other failures. */
export function quoteRefusal(error) {
  const name = problemName(error);
  const known = {
    'quote-version-superseded': { key: 'corporate.refused.superseded', params: { version: error?.problem?.currentVersion ?? '' } },
    'quote-expired': { key: 'corporate.refused.expired', params: { date: formatDay(error?.problem?.validUntil) } },
    'quote-closed': { key: 'corporate.refused.closed' },
    'quote-not-sent': { key: 'corporate.refused.notSent' },
    'lines-break-terms': { key: 'corporate.refused.breakTerms' },
    'product-gone': { key: 'corporate.refused.productGone' },
  };
  return known[name] || null;
}
