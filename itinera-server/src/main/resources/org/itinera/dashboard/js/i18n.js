// Korean and English: two message bundles (i18n/ko.json, i18n/en.json), chosen from the browser
// and switchable. The choice is remembered in localStorage.

const KEY = 'itinera.lang';
const SUPPORTED = ['ko', 'en'];
let current = 'en';
let messages = {};
let fallback = {};

export function detect() {
  const saved = localStorage.getItem(KEY);
  if (SUPPORTED.includes(saved)) return saved;
  const wanted = navigator.languages?.length ? navigator.languages : [navigator.language || 'en'];
  for (const l of wanted) {
    const base = String(l).toLowerCase().split('-')[0];
    if (SUPPORTED.includes(base)) return base;
  }
  return 'en';
}

async function bundle(lang) {
  const res = await fetch(`/dashboard/i18n/${lang}.json`, {credentials: 'same-origin'});
  if (!res.ok) throw new Error(`cannot load the ${lang} messages (${res.status})`);
  return res.json();
}

export async function load(lang) {
  current = SUPPORTED.includes(lang) ? lang : 'en';
  fallback = Object.keys(fallback).length ? fallback : await bundle('en');
  messages = current === 'en' ? fallback : await bundle(current);
  localStorage.setItem(KEY, current);
  document.documentElement.lang = current;
  translate(document);
  return current;
}

export function lang() {
  return current;
}

/** The message for key with {name} placeholders filled in; the key itself when missing. */
export function t(key, params) {
  const text = messages[key] ?? fallback[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** Like t, but takes key.one when params.n is 1 and this language has it (English plurals). */
export function tn(key, params) {
  const one = key + '.one';
  return String(params.n) === '1' && messages[one] ? t(one, params) : t(key, params);
}

/** Sets the text of every element marked data-i18n under root. */
export function translate(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
}

const locale = () => (current === 'ko' ? 'ko-KR' : 'en-US');

export const fmt = {
  int: n => (n == null ? '–' : new Intl.NumberFormat(locale()).format(Math.round(n))),
  num: (n, digits = 1) => (n == null ? '–' : new Intl.NumberFormat(locale(),
    {minimumFractionDigits: digits, maximumFractionDigits: digits}).format(n)),
  pct: (x, digits = 1) => (x == null ? '–' : new Intl.NumberFormat(locale(),
    {style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits}).format(x)),
  money: (amount, currency) => {
    if (amount == null) return '–';
    if (!currency) return fmt.num(amount, 0);
    try {
      return new Intl.NumberFormat(locale(), {style: 'currency', currency, maximumFractionDigits: 0}).format(amount);
    } catch {
      return `${fmt.num(amount, 0)} ${currency}`;
    }
  },
  compact: n => (n == null ? '–' : new Intl.NumberFormat(locale(), {notation: 'compact'}).format(n)),
  /** Money for a headline: compact (₩1.1M, 113만) from a million up. */
  moneyShort: (amount, currency) => {
    if (amount == null || Math.abs(amount) < 1e6) return fmt.money(amount, currency);
    try {
      return new Intl.NumberFormat(locale(), {style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 4}).format(amount);
    } catch {
      return fmt.compact(amount) + ' ' + currency;
    }
  },
  date: value => (value == null ? '–' : new Intl.DateTimeFormat(locale(), {dateStyle: 'medium', timeZone: 'UTC'})
    .format(typeof value === 'number' ? new Date(value) : new Date(String(value).length === 10 ? value + 'T00:00:00Z' : value))),
  dateTime: value => (value == null ? '–' : new Intl.DateTimeFormat(locale(),
    {dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC'}).format(new Date(value))),
  time: value => new Intl.DateTimeFormat(locale(), {timeStyle: 'short', timeZone: 'UTC'}).format(new Date(value)),
  duration: ms => {
    if (ms == null) return '–';
    const m = ms / 60000;
    if (m < 60) return t('unit.minutes', {n: fmt.num(m, 0)});
    if (m < 60 * 48) return t('unit.hours', {n: fmt.num(m / 60, 1)});
    return t('unit.days', {n: fmt.num(m / 1440, 1)});
  },
  // a mean that rounds to zero shows as 0.00, not -0.00
  sentiment: s => (s == null ? '–' : Math.abs(s) < 0.005 ? fmt.num(0, 2) : (s > 0 ? '+' : '') + fmt.num(s, 2)),
};

/** A display label for a channel, emotion, sentiment class, ... with a key like channel.web. */
export function label(kind, value) {
  if (value == null) return t('common.none');
  const key = `${kind}.${value}`;
  const text = t(key);
  return text === key ? String(value) : text;
}
