/**
 * The shop's one identity (GET /api/shop): its names, address, pickup point, opening hours, closed dates and
 * contact, read once per page and shown in the page's language. Every page that names the shop reads it from here.
 */
import { api } from './api.js';
import { currentLang, t } from './i18n.js';

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const ZONE = 'Asia/Shanghai';

let pending = null;

/** The identity; a failed read is not remembered, so the next caller asks again. */
export function shopIdentity() {
  if (pending === null) {
    pending = api.get('/api/shop').catch((error) => {
      pending = null;
      throw error;
    });
  }
  return pending;
}

/** A bilingual field (`name`, `address`, `pickupPoint`, `directions`) in the page's language. */
export function inLang(shop, field) {
  return currentLang() === 'en' ? shop[`${field}En`] : shop[`${field}Zh`];
}

/** A weekday's name in the page's language ("Mon", "周一"); 1 January 2024 was a Monday. */
export function weekdayName(day, style = 'short') {
  const date = new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day)));
  return new Intl.DateTimeFormat(currentLang(), { weekday: style, timeZone: 'UTC' }).format(date);
}

function hoursOf(day) {
  return day.opens && day.closes ? `${day.opens.slice(0, 5)}–${day.closes.slice(0, 5)}` : null;
}

/** The week as lines of consecutive days with the same hours: [{ days: "Mon–Fri", hours: "10:00–18:00" | null }]. */
export function weekLines(shop) {
  const groups = [];
  for (const day of shop.hours) {
    const hours = hoursOf(day);
    const last = groups[groups.length - 1];
    if (last && last.hours === hours) last.to = day.day;
    else groups.push({ from: day.day, to: day.day, hours });
  }
  return groups.map(({ from, to, hours }) => ({
    days: from === to ? weekdayName(from) : t('shop.hours.dayRange', { from: weekdayName(from), to: weekdayName(to) }),
    hours,
  }));
}

/** The opening hours in one sentence: "Mon–Sat 10:00–18:00; Sun closed". */
export function hoursText(shop) {
  return weekLines(shop).map((line) => (line.hours
    ? t('shop.hours.open', { days: line.days, hours: line.hours })
    : t('shop.hours.closed', { days: line.days }))).join(t('shop.hours.separator'));
}

function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
}

/** Closed dates from today on, as the page's language writes a day ("Fri 1 Jan"), at most `limit` of them. */
export function comingClosures(shop, limit = 5) {
  const from = today();
  return shop.closedDates.filter((date) => date >= from).slice(0, limit).map((date) => new Intl.DateTimeFormat(currentLang(),
    { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`)));
}

/** "Closed on: Fri 1 Jan, Sat 2 Jan", or null when no closed date is coming. */
export function closuresText(shop) {
  const coming = comingClosures(shop);
  return coming.length ? t('shop.hours.closedDates', { dates: coming.join(t('shop.hours.listSeparator')) }) : null;
}
