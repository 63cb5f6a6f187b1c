import { isDateCell, isErrorCell, type Cell } from './grid.js';
import {
  isValidYmd,
  isoDate,
  serialToIsoDate,
  serialToIsoDateTime,
  type IsoDate,
  type IsoDateTime,
} from './dates.js';
import { normalizeText } from './text.js';

/**
 * Parsing of single cell values into the core's types. Each parser returns a result, never
 * throws: bad data is data. `coerced` tells the caller the value was recovered from text
 * (a number typed as text, a date typed as "2026.11.3"), which validation reports as a hint.
 */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T; readonly coerced: boolean }
  | { readonly ok: false; readonly reason: 'blank' | 'invalid' };

const ok = <T>(value: T, coerced = false): Parsed<T> => ({ ok: true, value, coerced });
const BLANK = { ok: false, reason: 'blank' } as const;
const INVALID = { ok: false, reason: 'invalid' } as const;

/** Serial numbers we accept as dates when a date cell was typed as a plain number: 1954 … 2064. */
const MIN_DATE_SERIAL = 20_000;
const MAX_DATE_SERIAL = 60_000;

export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') return normalizeText(c);
  if (typeof c === 'number') return String(c);
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  if (isDateCell(c)) return serialToIsoDate(c.serial);
  return c.code;
}

export function parseText(c: Cell | undefined): Parsed<string> {
  if (isErrorCell(c)) return INVALID;
  const s = cellText(c);
  return s === '' ? BLANK : ok(s);
}

/**
 * Numbers, also when typed as text: "1,234.5", "１２３", " 12 万元", "85%" (→ 0.85).
 * @example parseNumber('１,２００.５') // { ok: true, value: 1200.5, coerced: true }
 */
export function parseNumber(c: Cell | undefined): Parsed<number> {
  if (c === null || c === undefined) return BLANK;
  if (typeof c === 'number') return Number.isFinite(c) ? ok(c) : INVALID;
  if (typeof c !== 'string') return INVALID;
  let s = normalizeText(c).replace(/[,\s]/gu, '');
  if (s === '') return BLANK;
  let scale = 1;
  if (s.endsWith('%')) {
    scale = 0.01;
    s = s.slice(0, -1);
  } else if (s.endsWith('万元')) {
    s = s.slice(0, -2);
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/iu.test(s)) return INVALID;
  const v = Number(s) * scale;
  return Number.isFinite(v) ? ok(scale === 1 ? v : Math.round(v * 1e12) / 1e12, true) : INVALID;
}

const DATE_PATTERNS: readonly RegExp[] = [
  // 2026-11-03, 2026/11/3, 2026.11.3, 2026年11月3日, 2026年11月3号, optional time after it
  /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*(?:日|号)?(?:[\sT]+(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})秒?)?分?)?$/u,
  // 20261103
  /^(\d{4})(\d{2})(\d{2})$/u,
];

interface DateParts {
  readonly date: IsoDate;
  readonly seconds: number | undefined;
}

function parseDateParts(c: Cell | undefined): Parsed<DateParts> {
  if (c === null || c === undefined) return BLANK;
  if (isDateCell(c)) {
    // 20261103 typed into a date-formatted cell is yyyymmdd, not a serial 55,000 years on.
    if (c.serial > MAX_DATE_SERIAL) return parseDateParts(c.serial);
    const frac = c.serial - Math.floor(c.serial);
    return ok({ date: serialToIsoDate(c.serial), seconds: frac > 0 ? Math.round(frac * 86_400) : undefined });
  }
  if (typeof c === 'number') {
    if (Number.isInteger(c) && c >= 19_000_101 && c <= 29_991_231) return parseDateParts(String(c));
    if (c < MIN_DATE_SERIAL || c > MAX_DATE_SERIAL) return INVALID;
    const frac = c - Math.floor(c);
    return ok({ date: serialToIsoDate(c), seconds: frac > 0 ? Math.round(frac * 86_400) : undefined }, true);
  }
  if (typeof c !== 'string') return INVALID;
  const s = normalizeText(c);
  if (s === '') return BLANK;
  for (const re of DATE_PATTERNS) {
    const m = re.exec(s);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isValidYmd(y, mo, d)) return INVALID;
    let seconds: number | undefined;
    if (m[4] !== undefined) {
      const [h, mi, se] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
      if (h > 23 || mi > 59 || se > 59) return INVALID;
      seconds = h * 3600 + mi * 60 + se;
    }
    return ok({ date: isoDate(y, mo, d), seconds }, true);
  }
  return INVALID;
}

/**
 * A calendar date, whether typed as a date, as a serial, or as text in the ways people write
 * dates: 2026.11.3, 2026-11-03, 2026/11/3, 2026年11月3日, 20261103, full-width digits.
 * @example parseDate('2026年11月3日') // { ok: true, value: '2026-11-03', coerced: true }
 */
export function parseDate(c: Cell | undefined): Parsed<IsoDate> {
  const p = parseDateParts(c);
  return p.ok ? ok(p.value.date, p.coerced) : p;
}

/** A date with an optional time; a bare date means 00:00:00 of that day. */
export function parseDateTime(c: Cell | undefined): Parsed<IsoDateTime> {
  if (isDateCell(c)) return ok(serialToIsoDateTime(c.serial));
  const p = parseDateParts(c);
  if (!p.ok) return p;
  const secs = p.value.seconds ?? 0;
  const hh = String(Math.floor(secs / 3600)).padStart(2, '0');
  const mm = String(Math.floor((secs % 3600) / 60)).padStart(2, '0');
  const ss = String(secs % 60).padStart(2, '0');
  return ok(`${p.value.date} ${hh}:${mm}:${ss}`, p.coerced);
}

/** True when the cell holds a time of day, not only a date. */
export function hasTime(c: Cell | undefined): boolean {
  const p = parseDateParts(c);
  return p.ok && p.value.seconds !== undefined;
}
