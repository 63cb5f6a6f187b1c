import { readHolidayNotice, type NoticeItem } from '../calendar/notice.js';
import { compareText } from '../values/collate.js';
import { yearOf } from '../values/dates.js';
import type { DayOverride } from '../calendar/workdays.js';
import { HOLIDAYS } from '../schema/master.js';
import type { TableJob } from '../table/merge.js';
import type { RowValues } from '../template/samples.js';
import { formatCsv } from '../values/csv.js';
import { formatMessage, issue, type Issue, type Locale } from '../issues/issue.js';
import { DAY_TYPE } from '../rules/vocab.js';

/**
 * 导入放假通知 (DOMAIN §3): the State Council's holiday notice, pasted or saved as text, into the
 * master's 节假日 rows — so a year the built-in data lacks (2027) is known before its first
 * report is due. One job for `kpd holidays import` and the task pane.
 */
interface HolidayImportInput {
  /** The notice as published (plain text). */
  readonly text: string;
  /** The year, when the text does not say it (or to check that it is the one meant). */
  readonly year?: number;
  /** The 节假日 rows the master already has. */
  readonly existing?: readonly DayOverride[];
  /** The language the read items' dates are listed in (zh: 、 and 至). */
  readonly locale?: Locale;
}

export interface HolidayImport {
  /** False when the notice has errors: then nothing is to be written. */
  readonly ok: boolean;
  readonly year: number | undefined;
  readonly items: readonly NoticeItem[];
  /** The notice's 休 and 班 days. */
  readonly days: readonly DayOverride[];
  readonly counts: {
    readonly rest: number;
    readonly work: number;
    readonly replaced: number;
    readonly kept: number;
    /** Rows of 节假日 after the import: the office's kept, and the notice's. */
    readonly rows: number;
  };
  /**
   * The notice's days, in date order, to merge into 节假日 (core/table/merge.ts): rows of the
   * same dates are replaced where they stand; every other row and column a person has there stays.
   */
  readonly tables: readonly TableJob[];
  /** The notice's days as a CSV file (日期,类型,说明), for --csv or a --holidays file. */
  readonly csv: string;
  /** What was read (item by item), what was replaced or kept, and every problem of the text. */
  readonly issues: readonly Issue[];
}

const row = (d: DayOverride): RowValues => ({ date: d.date, type: d.type, note: d.note ?? null });

/** How a list of dates and a span are written in a language (issue params are values). */
const listOf = (values: readonly string[], locale: Locale): string =>
  values.join(formatMessage('values.listSeparator', {}, locale));
const spans = (it: NoticeItem, locale: Locale): string =>
  listOf(
    it.rest.map((r) =>
      r.from === r.to ? r.from : formatMessage('values.weekSpan', { from: r.from, to: r.to }, locale),
    ),
    locale,
  );

/**
 * @example importHolidays({ text: notice2027, existing: master.data.holidays }).tables[0]?.rows
 */
export function importHolidays(input: HolidayImportInput): HolidayImport {
  const locale = input.locale ?? 'zh';
  const read = readHolidayNotice(input.text, input.year === undefined ? {} : { year: input.year });
  const issues: Issue[] = [...read.issues];
  const ok = read.days.length > 0 && !read.issues.some((i) => i.severity === 'error');
  const rest = read.days.filter((d) => d.type === DAY_TYPE.rest).length;
  const work = read.days.length - rest;
  if (!ok || read.year === undefined) return refused(read.year, read.items, issues);
  const year = read.year;
  issues.push(...itemIssues(read.items, locale));
  issues.push(issue('notice.summary', {}, { year, items: read.items.length, rest, work }));

  // The notice decides its own dates; the office's other entries stay (a local day off, a typo
  // to correct) and are listed, since the notice does not know them.
  const noticeDates = new Set(read.days.map((d) => d.date));
  const existing = input.existing ?? [];
  const replaced = existing.filter((d) => noticeDates.has(d.date));
  const kept = existing.filter((d) => !noticeDates.has(d.date));
  const keptOfYear = kept.filter((d) => yearOf(d.date) === year);
  issues.push(...existingIssues(year, replaced, keptOfYear, locale));
  const rows = [...read.days].sort((a, b) => compareText(a.date, b.date)).map(row);
  return {
    ok: true,
    year,
    items: read.items,
    days: read.days,
    counts: {
      rest,
      work,
      replaced: replaced.length,
      kept: keptOfYear.length,
      rows: kept.length + read.days.length,
    },
    tables: [{ sheet: HOLIDAYS, rows }],
    csv: formatCsv([
      HOLIDAYS.columns.map((c) => c.header),
      ...read.days.map((d) => [d.date, d.type, d.note ?? '']),
    ]),
    issues,
  };
}

/** A notice with errors: nothing to write, its findings said. */
function refused(year: number | undefined, items: readonly NoticeItem[], issues: Issue[]): HolidayImport {
  return {
    ok: false,
    year,
    items,
    days: [],
    counts: { rest: 0, work: 0, replaced: 0, kept: 0, rows: 0 },
    tables: [],
    csv: '',
    issues,
  };
}

/** What was read, item by item: its rest days and its make-up working days. */
function itemIssues(items: readonly NoticeItem[], locale: Locale): Issue[] {
  return items.map((it) => {
    const days = it.rest.reduce((a, r) => a + r.days, 0);
    return it.workdays.length > 0
      ? issue(
          'notice.itemRead',
          {},
          { name: it.name, rest: spans(it, locale), days, workdays: listOf(it.workdays, locale) },
        )
      : issue('notice.itemReadNoWork', {}, { name: it.name, rest: spans(it, locale), days });
  });
}

/** The office's rows the notice replaces, and those of the year it keeps (the notice does not know them). */
function existingIssues(
  year: number,
  replaced: readonly DayOverride[],
  keptOfYear: readonly DayOverride[],
  locale: Locale,
): Issue[] {
  const out: Issue[] = [];
  if (replaced.length > 0) {
    const dates = listOf(
      replaced.map((d) => d.date),
      locale,
    );
    out.push(issue('notice.replaced', {}, { year, count: replaced.length, dates }));
  }
  if (keptOfYear.length > 0) {
    const dates = listOf(
      keptOfYear.map((d) => `${d.date}${d.type}`),
      locale,
    );
    out.push(issue('notice.kept', {}, { year, count: keptOfYear.length, dates }));
  }
  return out;
}
