import { addDays, dayNumber, isoDate, isoWeekday, isValidYmd, type IsoDate } from '../values/dates.js';
import type { DayOverride } from './workdays.js';
import { issue, type Issue } from '../issues/issue.js';
import { compareText } from '../values/collate.js';

/**
 * Reads the State Council's yearly holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知) as
 * published in plain text, into 节假日 rows (DOMAIN §3): for each numbered item
 * ("一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。") every day of its
 * rest span is 休 and every day named before 上班 is 班.
 *
 * Nothing is guessed: a date that is not one, a weekday in brackets that is not that date's, a
 * span whose length is not the 共N天 stated, a 上班 day that is not a weekend, a span running
 * backwards — each is an error with the line it is on, and a notice with errors gives no rows.
 * A sentence of an item that is neither (鼓励…休息) is said, not read.
 * @example readHolidayNotice('…2026年…\n一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。').days.length // 4
 */

export interface NoticeItem {
  /** 1-based line of the notice the item is on. */
  readonly line: number;
  /** 元旦, 春节, 国庆节、中秋节 … as the notice names it. */
  readonly name: string;
  readonly rest: readonly { readonly from: IsoDate; readonly to: IsoDate; readonly days: number }[];
  readonly workdays: readonly IsoDate[];
}

interface NoticeRead {
  /** The year the notice is for (the text's, or the one given). */
  readonly year?: number;
  readonly items: readonly NoticeItem[];
  /** 休 and 班 days in date order; empty when there are errors. */
  readonly days: readonly DayOverride[];
  readonly issues: readonly Issue[];
}

const CN_DIGITS = '一二三四五六七八九十';
const ITEM = new RegExp(`^\\s*([${CN_DIGITS}]+)\\s*[、.]\\s*([^:]{1,30}?)\\s*:\\s*(.*)$`, 'u');
/** A date as the notice writes it: [YYYY年]M月D日[（…）]. */
const DATE = String.raw`(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:\(([^)]*)\))?`;
/** The end of a span may leave out the month: …至3日（周六）. */
const END = String.raw`(?:(?:(\d{4})年)?(\d{1,2})月)?(\d{1,2})日(?:\(([^)]*)\))?`;
const SPAN = new RegExp(`${DATE}(?:至${END})?$`, 'u');
const ANY_DATE = new RegExp(`(?:(?:(\\d{4})年)?(\\d{1,2})月)?(\\d{1,2})日(?:\\(([^)]*)\\))?`, 'gu');
const WEEKDAY = /(?:周|星期)([一二三四五六日天])/u;
/** A day off in lieu after a holiday on a weekend: 1月2日（星期一）补休. */
const MAKE_UP = new RegExp(`${DATE}补休`, 'gu');
const WEEKDAY_NUMBER: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
};
const YEAR_IN_TITLE = /(?:关于|现将)\s*(\d{4})\s*年/u;
/** A label and a date at the start of a line: an item without its number. */
const UNNUMBERED = /^(?:[^:,。]{1,12}:)?(?:\d{4}年)?\d{1,2}月\d{1,2}日/u;

/** The text as read: full-width digits and brackets made plain, so one pattern serves every copy. */
function normalize(line: string): string {
  return line.normalize('NFKC').replace(/\s+/gu, '');
}

export function readHolidayNotice(text: string, opts: { readonly year?: number } = {}): NoticeRead {
  const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  // The year: the one given, checked against the text's; else the text's; else nothing is read.
  const textYear = yearInTitle(lines);
  if (opts.year !== undefined && textYear !== undefined && opts.year !== textYear) {
    return {
      items: [],
      days: [],
      issues: [issue('notice.yearMismatch', {}, { given: opts.year, found: textYear })],
    };
  }
  const year = opts.year ?? textYear;
  if (year === undefined) return { items: [], days: [], issues: [issue('notice.noYear', {})] };

  const issues: Issue[] = [];
  const { items, numbered } = readItems(lines, year, issues);
  if (numbered === 0) {
    issues.push(issue('notice.noItems', {}, { year }));
    return { year, items, days: [], issues };
  }
  const { rest, work } = daysOf(items, issues);
  const hasErrors = issues.some((x) => x.severity === 'error');
  const days: DayOverride[] = hasErrors
    ? []
    : [
        ...[...rest].map(([date, it]) => ({ date, type: '休' as const, note: it.name })),
        ...[...work].map(([date, it]) => ({ date, type: '班' as const, note: it.name })),
      ].sort((a, b) => compareText(a.date, b.date));
  return { year, items, days, issues };
}

/** The year of the notice's title (关于2027年部分节假日安排的通知). */
function yearInTitle(lines: readonly string[]): number | undefined {
  for (const l of lines) {
    const m = YEAR_IN_TITLE.exec(normalize(l));
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** The numbered items (一、元旦：…), each read; a line that reads like an item without a number is said. */
function readItems(
  lines: readonly string[],
  year: number,
  issues: Issue[],
): { items: NoticeItem[]; numbered: number } {
  const items: NoticeItem[] = [];
  let numbered = 0;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const l = normalize(raw);
    const m = ITEM.exec(l);
    if (!m) {
      // A line that reads like an item but has no number ("元旦：1月1日放假…") is not guessed at.
      if (UNNUMBERED.test(l) && /放假|上班/u.test(l))
        issues.push(issue('notice.lineIgnored', { row: line }, { line, text: raw.trim() }));
      return;
    }
    numbered++;
    const item = readItem(m[2] ?? '', m[3] ?? '', line, year, issues);
    if (item) items.push(item);
  });
  return { items, numbered };
}

/** Every day the items name, rest and work; across items a day said twice (a 上班 day inside a rest span) is said. */
function daysOf(
  items: readonly NoticeItem[],
  issues: Issue[],
): { rest: Map<IsoDate, NoticeItem>; work: Map<IsoDate, NoticeItem> } {
  const rest = new Map<IsoDate, NoticeItem>();
  const work = new Map<IsoDate, NoticeItem>();
  const take = (it: NoticeItem, d: IsoDate, into: Map<IsoDate, NoticeItem>): void => {
    const first = rest.get(d) ?? work.get(d);
    if (first)
      issues.push(issue('notice.dayTwice', { row: it.line }, { line: it.line, date: d, first: first.name }));
    else into.set(d, it);
  };
  for (const it of items) {
    for (const span of it.rest) for (let d = span.from; d <= span.to; d = addDays(d, 1)) take(it, d, rest);
    for (const d of it.workdays) take(it, d, work);
  }
  return { rest, work };
}

interface DateToken {
  readonly date: IsoDate | undefined;
  readonly text: string;
}

/** One date of the notice, checked: a real date, and the weekday in brackets its own. */
function dateOf(
  parts: {
    y?: string | undefined;
    m?: string | undefined;
    d?: string | undefined;
    note?: string | undefined;
  },
  fallback: { year: number; month?: number },
  at: { line: number; sentence: string },
  issues: Issue[],
  noticeYear: number,
): DateToken {
  const y = parts.y !== undefined ? Number(parts.y) : fallback.year;
  const mo = parts.m !== undefined ? Number(parts.m) : fallback.month;
  const d = Number(parts.d);
  const text = `${parts.y !== undefined ? `${parts.y}年` : ''}${mo ?? '?'}月${parts.d ?? '?'}日`;
  if (mo === undefined || !isValidYmd(y, mo, d)) {
    issues.push(issue('notice.badDate', { row: at.line }, { line: at.line, date: text, year: y }));
    return { date: undefined, text };
  }
  const date = isoDate(y, mo, d);
  const wd = parts.note !== undefined ? WEEKDAY.exec(parts.note) : null;
  if (wd && WEEKDAY_NUMBER[wd[1] ?? ''] !== isoWeekday(date)) {
    issues.push(
      issue(
        'notice.weekdayMismatch',
        { row: at.line },
        {
          line: at.line,
          date,
          stated: wd[0],
          actual: ['一', '二', '三', '四', '五', '六', '日'][isoWeekday(date) - 1] ?? '',
        },
      ),
    );
  }
  if (y !== noticeYear)
    issues.push(issue('notice.otherYear', { row: at.line }, { line: at.line, date, year: noticeYear }));
  return { date, text };
}

type RestSpan = { from: IsoDate; to: IsoDate; days: number };

function readItem(
  name: string,
  body: string,
  line: number,
  year: number,
  issues: Issue[],
): NoticeItem | undefined {
  const rest: RestSpan[] = [];
  const workdays: IsoDate[] = [];
  const before = issues.length;
  const sentences = body.split('。').filter((s) => s !== '');
  for (const sentence of sentences) {
    const at = { line, sentence, name, year };
    const restAt = sentence.indexOf('放假');
    // One sentence that both gives a rest span and names 上班 days is not the notice's shape.
    if (restAt >= 0 && sentence.includes('上班'))
      issues.push(issue('notice.unreadable', { row: line }, { line, text: sentence }));
    else if (restAt >= 0) rest.push(...restSentence(sentence, restAt, at, issues));
    else if (sentence.endsWith('上班')) workdays.push(...workSentence(sentence, at, issues));
    else issues.push(issue('notice.sentenceIgnored', { row: line }, { line, text: sentence }));
  }
  const errors = issues.slice(before).some((x) => x.severity === 'error');
  if (rest.length === 0 && !errors) issues.push(issue('notice.noRest', { row: line }, { line, name }));
  return rest.length === 0 ? undefined : { line, name, rest, workdays };
}

interface SentenceAt {
  readonly line: number;
  readonly sentence: string;
  /** The item's name (元旦). */
  readonly name: string;
  readonly year: number;
}

/** "1月1日（星期四）至3日（星期六）放假调休，共3天。1月4日补休": the rest span, and days off in lieu. */
function restSentence(sentence: string, restAt: number, at: SentenceAt, issues: Issue[]): RestSpan[] {
  const { line, name, year } = at;
  const head = sentence.slice(0, restAt).replace(/[,，]$/u, '');
  const m = SPAN.exec(head);
  if (!m) {
    issues.push(issue('notice.unreadable', { row: line }, { line, text: sentence }));
    return [];
  }
  const from = dateOf({ y: m[1], m: m[2], d: m[3], note: m[4] }, { year }, at, issues, year);
  const to =
    m[7] !== undefined
      ? dateOf(
          { y: m[5], m: m[6], d: m[7], note: m[8] },
          { year: m[5] !== undefined ? Number(m[5]) : Number(m[1] ?? year), month: Number(m[2]) },
          at,
          issues,
          year,
        )
      : from;
  if (from.date === undefined || to.date === undefined) return [];
  if (to.date < from.date) {
    issues.push(issue('notice.backwards', { row: line }, { line, from: from.date, to: to.text }));
    return [];
  }
  const days = dayNumber(to.date) - dayNumber(from.date) + 1;
  const stated = /共(\d+)天/u.exec(sentence) ?? /放假(\d+)天/u.exec(sentence);
  if (stated && Number(stated[1]) !== days) {
    const params = { line, name, from: from.date, to: to.date, days, stated: Number(stated[1]) };
    issues.push(issue('notice.countMismatch', { row: line }, params));
    return [];
  }
  const spans: RestSpan[] = [{ from: from.date, to: to.date, days }];
  // "1月1日放假，1月2日（星期一）补休": the day off in lieu is a rest day too.
  for (const mu of sentence.slice(restAt).matchAll(MAKE_UP)) {
    const t = dateOf({ y: mu[1], m: mu[2], d: mu[3], note: mu[4] }, { year }, at, issues, year);
    if (t.date !== undefined) spans.push({ from: t.date, to: t.date, days: 1 });
  }
  return spans;
}

/** "1月4日（星期日）、2月28日（星期六）上班": weekend days worked; a weekday named is said. */
function workSentence(sentence: string, at: SentenceAt, issues: Issue[]): IsoDate[] {
  const { line, year } = at;
  const workdays: IsoDate[] = [];
  let month: number | undefined;
  for (const m of sentence.matchAll(ANY_DATE)) {
    const t = dateOf(
      { y: m[1], m: m[2], d: m[3], note: m[4] },
      { year: m[1] !== undefined ? Number(m[1]) : year, ...(month !== undefined && { month }) },
      { line, sentence },
      issues,
      year,
    );
    if (m[2] !== undefined) month = Number(m[2]);
    if (t.date === undefined) continue;
    if (isoWeekday(t.date) < 6) {
      issues.push(issue('notice.workdayNotWeekend', { row: line }, { line, date: t.date }));
      continue;
    }
    workdays.push(t.date);
  }
  return workdays;
}
