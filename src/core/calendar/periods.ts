import { daysInMonth, isoDate, weekStart, type IsoDate } from '../values/dates.js';
import { normalizeText } from '../values/text.js';
import { compareText } from '../values/collate.js';
import { formatMessage, type Locale } from '../issues/issue.js';

/**
 * Period ids used by every tool: half-month reports `2026-11-1` (上半月, due the 12th) and
 * `2026-11-2` (当月, due the 25th); ranking periods `2026Q3` and `2026H2`.
 */

export interface ReportPeriod {
  readonly year: number;
  readonly month: number;
  readonly half: 1 | 2;
}

export function reportPeriodId(p: ReportPeriod): string {
  return `${p.year}-${String(p.month).padStart(2, '0')}-${p.half}`;
}

/** 2026年11月上半月 / 2026年11月 (the 当月 report covers the month to date). */
export function reportPeriodLabel(p: ReportPeriod, locale: Locale = 'zh'): string {
  const code = p.half === 1 ? 'period.report.firstHalf' : 'period.report.month';
  return formatMessage(code, { year: p.year, month: p.month }, locale);
}

/** The bulletin's issue number within the year: 2026-11-1 → 21. */
export function bulletinNumber(p: ReportPeriod): number {
  return (p.month - 1) * 2 + p.half;
}

/**
 * Reads a report period as people write it: `2026-11-1`, `2026-11-2`, `2026年11月上半月`,
 * `2026年11月下半月`, `2026年11月`, `2026年11月当月`, `2026.11 上半月`, full-width digits.
 * @example parseReportPeriod('2026年11月上半月') // { year: 2026, month: 11, half: 1 }
 */
export function parseReportPeriod(text: string): ReportPeriod | undefined {
  const s = normalizeText(text).replace(/\s+/gu, '');
  let m = /^(\d{4})-(\d{1,2})-([12])$/u.exec(s);
  if (m) return make(Number(m[1]), Number(m[2]), m[3] === '1' ? 1 : 2);
  m =
    /^(\d{4})(?:年|[-./])(\d{1,2})月?(?:(上半月|第?一期)|下半月|当月|全月|月报|第?二期)?(?:报告|进展|情况)?$/u.exec(
      s,
    );
  if (!m) return undefined;
  // The third group is the first half's words; the month's other words say the second report.
  return make(Number(m[1]), Number(m[2]), m[3] === undefined ? 2 : 1);
}

function make(year: number, month: number, half: 1 | 2): ReportPeriod | undefined {
  if (year < 2000 || year > 2100 || month < 1 || month > 12) return undefined;
  return { year, month, half };
}

/** The dates a report period covers: 1st–15th, or 16th–end of month. */
export function reportPeriodRange(p: ReportPeriod): { from: IsoDate; to: IsoDate } {
  return p.half === 1
    ? { from: isoDate(p.year, p.month, 1), to: isoDate(p.year, p.month, 15) }
    : { from: isoDate(p.year, p.month, 16), to: isoDate(p.year, p.month, daysInMonth(p.year, p.month)) };
}

/** The half-month period before this one: 2026-11-1 → 2026-10-2, 2026-01-1 → 2025-12-2. */
export function previousReportPeriod(p: ReportPeriod): ReportPeriod {
  if (p.half === 2) return { ...p, half: 1 };
  return p.month === 1
    ? { year: p.year - 1, month: 12, half: 2 }
    : { year: p.year, month: p.month - 1, half: 2 };
}

/**
 * The days whose site visits a report may list (DOMAIN §3 Decision): from the Monday of the
 * week of the previous report's nominal date to the end of this period, so a week that straddles
 * two reports can be logged whole in the later one.
 */
export function siteVisitWindow(
  p: ReportPeriod,
  firstReportDay: number,
  secondReportDay: number,
): { from: IsoDate; to: IsoDate } {
  const prev = previousReportPeriod(p);
  const prevNominal = isoDate(prev.year, prev.month, prev.half === 1 ? firstReportDay : secondReportDay);
  return { from: weekStart(prevNominal), to: reportPeriodRange(p).to };
}

export function reportPeriodsOfYear(year: number): ReportPeriod[] {
  const out: ReportPeriod[] = [];
  for (let month = 1; month <= 12; month++) {
    out.push({ year, month, half: 1 }, { year, month, half: 2 });
  }
  return out;
}

export function comparePeriods(a: ReportPeriod, b: ReportPeriod): number {
  return a.year - b.year || a.month - b.month || a.half - b.half;
}

// ---- ranking periods ---------------------------------------------------------------------------

export interface RankPeriod {
  readonly year: number;
  readonly kind: 'Q' | 'H';
  /** Quarter 1–4 or half 1–2. */
  readonly index: number;
}

export function rankPeriodId(p: RankPeriod): string {
  return `${p.year}${p.kind}${p.index}`;
}

export function rankPeriodLabel(p: RankPeriod, locale: Locale = 'zh'): string {
  const code =
    p.kind === 'Q'
      ? 'period.rank.quarter'
      : p.index === 1
        ? 'period.rank.firstHalf'
        : 'period.rank.secondHalf';
  return formatMessage(code, { year: p.year, index: p.index }, locale);
}

const CN_NUM: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };

/**
 * `2026Q3`, `2026H2`, `2026年第三季度`, `2026年第3季度`, `2026年上半年`, `2026年下半年`.
 * @example parseRankPeriod('2026年第三季度') // { year: 2026, kind: 'Q', index: 3 }
 */
export function parseRankPeriod(text: string): RankPeriod | undefined {
  const s = normalizeText(text).replace(/\s+/gu, '').toUpperCase();
  let m = /^(\d{4})-?([QH])([1-4])$/u.exec(s);
  if (m) return makeRank(Number(m[1]), m[2] === 'Q' ? 'Q' : 'H', Number(m[3]));
  m = /^(\d{4})年?第?([一二三四1-4])季度?$/u.exec(s);
  if (m) return makeRank(Number(m[1]), 'Q', CN_NUM[m[2] ?? ''] ?? 0);
  m = /^(\d{4})年?(?:(上)|下)半年$/u.exec(s);
  if (m) return makeRank(Number(m[1]), 'H', m[2] === undefined ? 2 : 1);
  return undefined;
}

function makeRank(year: number, kind: 'Q' | 'H', index: number): RankPeriod | undefined {
  if (year < 2000 || year > 2100) return undefined;
  if (index < 1 || index > (kind === 'Q' ? 4 : 2)) return undefined;
  return { year, kind, index };
}

export function rankPeriodRange(p: RankPeriod): { from: IsoDate; to: IsoDate } {
  const months = p.kind === 'Q' ? 3 : 6;
  const first = (p.index - 1) * months + 1;
  const last = first + months - 1;
  return { from: isoDate(p.year, first, 1), to: isoDate(p.year, last, daysInMonth(p.year, last)) };
}

/** The period of the same cadence just before: 2026Q1 → 2025Q4. */
export function previousRankPeriod(p: RankPeriod): RankPeriod {
  const n = p.kind === 'Q' ? 4 : 2;
  return p.index > 1 ? { ...p, index: p.index - 1 } : { year: p.year - 1, kind: p.kind, index: n };
}

/** The quarter holding a date. */
export function quarterOf(date: IsoDate): RankPeriod {
  const month = Number(date.slice(5, 7));
  return { year: Number(date.slice(0, 4)), kind: 'Q', index: Math.ceil(month / 3) };
}

export function compareRankPeriods(a: RankPeriod, b: RankPeriod): number {
  return a.year - b.year || compareText(a.kind, b.kind) || a.index - b.index;
}

/** The report periods whose dates fall in a ranking period. */
export function reportPeriodsIn(p: RankPeriod): ReportPeriod[] {
  const { from, to } = rankPeriodRange(p);
  const first = Number(from.slice(5, 7));
  const last = Number(to.slice(5, 7));
  return reportPeriodsOfYear(p.year).filter((r) => r.month >= first && r.month <= last);
}
