/* eslint-disable no-restricted-globals -- calendar arithmetic uses Date.UTC; no clock is ever read here. */
/**
 * Calendar dates as ISO strings ("2026-11-03") and local date-times as "2026-11-03 17:30:00".
 * All times are China Standard Time (UTC+8, no daylight saving), the time of the office.
 * ISO strings sort correctly, read well in JSON and need no time zone.
 */

export type IsoDate = string;
export type IsoDateTime = string;

const MS_PER_DAY = 86_400_000;
/** Excel serial of 1970-01-01 in the 1900 date system. */
const EXCEL_UNIX_EPOCH = 25_569;
const CST_OFFSET_MINUTES = 8 * 60;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isoDate(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Days since 1970-01-01. */
export function dayNumber(date: IsoDate): number {
  const [y, m, d] = ymd(date);
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function fromDayNumber(n: number): IsoDate {
  const dt = new Date(n * MS_PER_DAY);
  return isoDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export function ymd(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(date) + n);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const w = new Date(dayNumber(date) * MS_PER_DAY).getUTCDay();
  return w === 0 ? 7 : w;
}

/** The Monday of the Monday–Sunday week that holds `date`. */
export function weekStart(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date));
}

export function serialToIsoDate(serial: number): IsoDate {
  return fromDayNumber(Math.floor(serial) - EXCEL_UNIX_EPOCH);
}

export function isoDateToSerial(date: IsoDate): number {
  return dayNumber(date) + EXCEL_UNIX_EPOCH;
}

/** Serial with time of day → "YYYY-MM-DD HH:mm:ss" (seconds rounded). */
export function serialToIsoDateTime(serial: number): IsoDateTime {
  const day = Math.floor(serial);
  const secs = Math.round((serial - day) * 86_400);
  return joinDateTime(fromDayNumber(day - EXCEL_UNIX_EPOCH + Math.floor(secs / 86_400)), secs % 86_400);
}

export function isoDateTimeToSerial(dt: IsoDateTime): number {
  const base = isoDateToSerial(dt.slice(0, 10));
  return base + secondsOfDay(dt) / 86_400;
}

function joinDateTime(date: IsoDate, secs: number): IsoDateTime {
  return `${date} ${pad(Math.floor(secs / 3600))}:${pad(Math.floor((secs % 3600) / 60))}:${pad(secs % 60)}`;
}

export function secondsOfDay(dt: IsoDateTime): number {
  if (dt.length < 16) return 0;
  const h = Number(dt.slice(11, 13));
  const mi = Number(dt.slice(14, 16));
  const s = dt.length >= 19 ? Number(dt.slice(17, 19)) : 0;
  return h * 3600 + mi * 60 + s;
}

export function dateTime(date: IsoDate, hhmm: string): IsoDateTime {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return joinDateTime(date, h * 3600 + m * 60);
}

/** An instant (a JS Date, e.g. an e-mail's Date header) as China Standard Time. */
export function instantToCst(instant: Date): IsoDateTime {
  const shifted = new Date(instant.getTime() + CST_OFFSET_MINUTES * 60_000);
  return joinDateTime(
    isoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate()),
    shifted.getUTCHours() * 3600 + shifted.getUTCMinutes() * 60 + shifted.getUTCSeconds(),
  );
}

/** A date-time with no time part means the end of that day for deadline comparisons. */
export function compareDateTime(a: IsoDateTime, b: IsoDateTime): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
