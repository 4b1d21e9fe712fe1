/*
 * Parvandeh: Solar Hijri (Jalali) dates for Tasklist, Cockpit and Admin, as clerks read them: Iran's calendar,
 * Asia/Tehran wall-clock time, Persian digits. The same arithmetic as the server's JalaliDates (ICU's Persian
 * calendar: the 33-year cycle, a year is a leap year when (25 y + 11) mod 33 < 8), so a date reads the same in
 * Tasklist, Cockpit and our own pages. Plain functions, no dependency: webapps.js uses them and the browser
 * tests check them against JalaliDates.
 */

export const MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور',
  'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
/** By JavaScript's day of the week (0 = Sunday). */
export const WEEKDAYS = ['یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه', 'شنبه'];
export const WEEKDAYS_SHORT = ['ی', 'د', 'س', 'چ', 'پ', 'ج', 'ش'];
export const ZONE = 'Asia/Tehran';

// Days from 1 Farvardin 1 AP to 1 January 1970 (Julian day numbers 2440588 and 1948320).
const EPOCH_TO_UNIX = 2440588 - 1948320;
const DAY_MS = 86400000;

function floorDiv(a, b) {
  return Math.floor(a / b);
}

export function isLeapYear(jy) {
  return ((25 * jy + 11) % 33 + 33) % 33 < 8;
}

export function monthLength(jy, jm) {
  if (jm <= 6) {
    return 31;
  }
  if (jm <= 11) {
    return 30;
  }
  return isLeapYear(jy) ? 30 : 29;
}

/** Days since the Persian epoch of 1 Farvardin of the year. */
function yearStart(jy) {
  return 365 * (jy - 1) + floorDiv(8 * jy + 21, 33);
}

function monthOffset(jm) {
  return jm <= 7 ? 31 * (jm - 1) : 30 * (jm - 1) + 6;
}

/** Jalali year, month (1-12) and day of a day number counted from 1 January 1970. */
export function fromUnixDay(unixDay) {
  const days = unixDay + EPOCH_TO_UNIX;
  const jy = 1 + floorDiv(33 * days + 3, 12053);
  const dayOfYear = days - yearStart(jy);
  const jm = dayOfYear < 216 ? floorDiv(dayOfYear, 31) + 1 : floorDiv(dayOfYear - 6, 30) + 1;
  return {year: jy, month: jm, day: dayOfYear - monthOffset(jm) + 1};
}

/** The day number (from 1 January 1970) of a Jalali date. */
export function toUnixDay(jy, jm, jd) {
  return yearStart(jy) + monthOffset(jm) + jd - 1 - EPOCH_TO_UNIX;
}

/** The Gregorian calendar date of a Jalali date: {year, month (1-12), day}. */
export function toGregorian(jy, jm, jd) {
  const d = new Date(toUnixDay(jy, jm, jd) * DAY_MS);
  return {year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate()};
}

/** The Jalali date of a Gregorian calendar date (month 1-12). */
export function fromGregorian(gy, gm, gd) {
  return fromUnixDay(floorDiv(Date.UTC(gy, gm - 1, gd), DAY_MS));
}

export function persianDigits(text) {
  return String(text).replace(/[0-9]/g, d => String.fromCharCode(0x06F0 + Number(d)));
}

let tehranFormat;

/** Wall-clock fields of an instant in Tehran, and its Jalali date and day of the week. */
export function tehranFields(date) {
  tehranFormat = tehranFormat || new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
    hour: 'numeric', minute: 'numeric', second: 'numeric'
  });
  const parts = {};
  for (const p of tehranFormat.formatToParts(date)) {
    parts[p.type] = Number(p.value);
  }
  const unixDay = floorDiv(Date.UTC(parts.year, parts.month - 1, parts.day), DAY_MS);
  const jalali = fromUnixDay(unixDay);
  return {
    year: jalali.year, month: jalali.month, day: jalali.day, weekday: ((unixDay + 4) % 7 + 7) % 7,
    hour: parts.hour % 24, minute: parts.minute, second: parts.second
  };
}

// moment's localized formats, in the shape clerks read on our own pages (JalaliDates): 1405/09/10 14:33.
const LOCALIZED = {
  LT: 'HH:mm', LTS: 'HH:mm:ss', L: 'YYYY/MM/DD', LL: 'D MMMM YYYY', LLL: 'D MMMM YYYY، HH:mm',
  LLLL: 'dddd D MMMM YYYY، HH:mm', l: 'YYYY/M/D', ll: 'D MMMM YYYY', lll: 'D MMMM YYYY، HH:mm',
  llll: 'dddd D MMMM YYYY، HH:mm'
};
const TOKENS = /\[([^\]]*)]|LTS|LT|LLLL|LLL|LL|L|llll|lll|ll|l|YYYY|YY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|dd|d|HH|H|hh|h|mm|m|ss|s|A|a/g;

function pad(n) {
  return n < 10 ? '0' + n : String(n);
}

/**
 * Formats an instant with a moment.js display pattern (LLL, LL, DD, MMMM, YYYY/MM/DD HH:mm …) in the Jalali
 * calendar, in Tehran time, with Persian digits.
 */
export function format(date, pattern) {
  if (!(date instanceof Date) || isNaN(date.getTime())) {
    return '';
  }
  const f = tehranFields(date);
  const expanded = String(pattern || 'LLL').replace(/\[[^\]]*]|LTS|LT|LLLL|LLL|LL|L|llll|lll|ll|l/g,
      t => LOCALIZED[t] || t);
  const text = expanded.replace(TOKENS, (token, literal) => {
    if (literal !== undefined) {
      return literal;
    }
    switch (token) {
      case 'YYYY': return String(f.year);
      case 'YY': return pad(f.year % 100);
      case 'MMMM': case 'MMM': return MONTHS[f.month - 1];
      case 'MM': return pad(f.month);
      case 'M': return String(f.month);
      case 'DD': return pad(f.day);
      case 'D': case 'Do': return String(f.day);
      case 'dddd': case 'ddd': return WEEKDAYS[f.weekday];
      case 'dd': case 'd': return WEEKDAYS_SHORT[f.weekday];
      case 'HH': return pad(f.hour);
      case 'H': return String(f.hour);
      case 'hh': return pad(f.hour % 12 || 12);
      case 'h': return String(f.hour % 12 || 12);
      case 'mm': return pad(f.minute);
      case 'm': return String(f.minute);
      case 'ss': return pad(f.second);
      case 's': return String(f.second);
      case 'A': case 'a': return f.hour < 12 ? 'ق.ظ.' : 'ب.ظ.';
      default: return token;
    }
  });
  return persianDigits(text);
}

/** A date as the engine sends it (ISO text, possibly with a +0000 offset), a Date or epoch milliseconds. */
export function toDate(value) {
  if (value instanceof Date) {
    return value;
  }
  if (typeof value === 'number') {
    return new Date(value);
  }
  if (typeof value === 'string') {
    return new Date(value.trim().replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  }
  return null;
}
