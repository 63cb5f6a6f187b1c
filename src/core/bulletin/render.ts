import type { RowValues } from '../template/samples.js';
import {
  BEHIND,
  BULLETIN_PLACEHOLDERS,
  PROBLEMS,
  PROJECT_PROGRESS,
  SITE_VISIT_DETAIL,
  SITE_WORK,
  SOURCES,
  SUBMISSIONS,
  SUMMARY,
  type BulletinPlaceholder,
} from '../schema/bulletin.js';
import type { SheetSpec } from '../schema/types.js';
import { addDays } from '../values/dates.js';
import { formatMessage, isMessageCode, message, SEVERITY_LABEL, type Locale } from '../issues/issue.js';
import {
  PROBLEM_HANDLING,
  PROGRESS_STATUS,
  SIGNATURE_STATE,
  SITE_COMPLIANCE,
  SUBMISSION_STATE,
  SUBTOTAL_WORD,
  SUMMARY_GROUP,
} from '../rules/vocab.js';
import { fileName } from '../values/file-name.js';
import { groupFindings } from './findings.js';
import { reasonsText, type Bulletin, type ProjectProgress, type Submission } from './model.js';
import { capTable, type RowSource, type TableOverflow } from '../template/limits.js';

/**
 * The bulletin as sheets of rows (by column key) and placeholder values: what any writer fills
 * into the bulletin template. Pure, so the CLI and the task pane show the same bulletin.
 */
export type { RowSource };

export interface SheetTable {
  readonly sheet: SheetSpec;
  readonly rows: RowSource;
  readonly totals?: RowValues;
  /** Rows shown like the 合计 row: the 小计 heading each HQ's projects. */
  readonly subtotal?: (i: number) => boolean;
}

export interface BulletinSheets {
  readonly placeholders: ReadonlyMap<string, string>;
  readonly tables: readonly SheetTable[];
  /** Tables too long for an Excel sheet: written up to the limit, the rest summarised in a last row. */
  readonly overflow?: readonly TableOverflow[];
}

/**
 * The tables as Excel can hold them (../template/limits.ts): no sheet past 1,048,576 rows, no
 * cell past 32,767 characters; what was left out is said in the sheet and in `overflow`.
 */
export function withinExcelLimits(sheets: BulletinSheets): BulletinSheets {
  const overflow: TableOverflow[] = [];
  const tables = sheets.tables.map((t) => {
    const capped = capTable(t.sheet, t.rows);
    if (capped.overflow) overflow.push(capped.overflow);
    return { ...t, rows: capped.rows };
  });
  return { ...sheets, tables, ...(overflow.length > 0 && { overflow }) };
}

const lazy = <T>(items: readonly T[], row: (item: T, i: number) => RowValues): RowSource => ({
  length: items.length,
  at: (i: number) => {
    const item = items[i];
    return item === undefined ? undefined : row(item, i);
  },
});

const pct = (x: number | undefined): string => (x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
const money = (x: number): string =>
  x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** The bulletin's dates and weeks, said in its language (Chinese unless a shell asks otherwise). */
const longDate = (d: string, locale: Locale): string =>
  formatMessage(
    'doc.date',
    { y: Number(d.slice(0, 4)), m: Number(d.slice(5, 7)), d: Number(d.slice(8, 10)) },
    locale,
  );
const weekLabel = (monday: string, locale: Locale): string =>
  formatMessage('values.weekSpan', { from: monday, to: addDays(monday, 6) }, locale);
const clauses = (items: readonly string[], locale: Locale): string =>
  items.join(formatMessage('values.clauseSeparator', {}, locale));

/** How the bulletin's sheets are written: the office, the rule values its leads quote, the language. */
interface BulletinSheetOptions {
  office?: string;
  siteVisitsPerWeek: number;
  warningBand: number;
  locale?: Locale;
  /** The annex is a workbook of its own (`--annex`): the printed leads say so. */
  annexApart?: boolean;
}

export function bulletinSheets(b: Bulletin, opts: BulletinSheetOptions): BulletinSheets {
  const locale = opts.locale ?? 'zh';
  const progress = progressTable(b, locale);
  return withinExcelLimits({
    placeholders: bulletinPlaceholders(b, opts),
    tables: [
      { sheet: SUMMARY, rows: summaryRows(b, locale) },
      { sheet: PROJECT_PROGRESS, ...progress },
      { sheet: BEHIND, rows: behindRows(b, locale) },
      { sheet: SUBMISSIONS, rows: submissionRows(b, locale) },
      { sheet: SITE_WORK, rows: siteWorkRows(b, opts.siteVisitsPerWeek, locale) },
      { sheet: SITE_VISIT_DETAIL, rows: visitRows(b, locale) },
      { sheet: PROBLEMS, rows: problemRows(b, locale) },
      { sheet: SOURCES, rows: sourceRows(b) },
    ],
  });
}

/** The {{placeholders}} of the bulletin's titles and lead lines, by their names in the template. */
function bulletinPlaceholders(b: Bulletin, opts: BulletinSheetOptions): Map<string, string> {
  const values = placeholderValues(b, opts, opts.locale ?? 'zh');
  return new Map(
    (Object.keys(BULLETIN_PLACEHOLDERS) as BulletinPlaceholder[]).map((k) => [
      BULLETIN_PLACEHOLDERS[k],
      values[k],
    ]),
  );
}

/** Each placeholder's value, by key: the heading of the bulletin (dates, counts, rule values). */
function placeholderValues(
  b: Bulletin,
  opts: BulletinSheetOptions,
  locale: Locale,
): Record<BulletinPlaceholder, string> {
  const taken = b.submissions.filter((s) => s.replacedBy === undefined);
  const all = b.summary[0];
  return {
    number: String(b.number),
    periodId: b.period,
    shortfalls: String(b.shortfalls.length),
    bulletinDate: longDate(b.bulletinDate, locale),
    period: b.periodLabel,
    due: dueText(b, locale),
    firstReportDay: String(b.reportDays[0]),
    secondReportDay: String(b.reportDays[1]),
    calendarBasis: b.calendarBasis.map((i) => message(i, locale)).join(''),
    siteNotes: b.siteNotes.map((i) => message(i, locale)).join(''),
    office: opts.office ?? formatMessage('sheets.bulletin.defaultOffice', {}, locale),
    dueHqs: String(taken.length + b.missing.length),
    onTime: String(taken.filter((s) => !s.late).length),
    late: String(b.late.length),
    missing: String(b.missing.length),
    unsigned: String(b.unsigned.length),
    corrected: String(b.submissions.filter((s) => s.replaces.length > 0).length),
    projects: String(b.projects.length),
    reportedProjects: String(all?.reported ?? 0),
    cumulative: money(all?.cumulative ?? 0),
    rate: pct(all?.rate),
    fraction: pct(b.fraction),
    behind: String(b.behind.length),
    warningBand: String(opts.warningBand),
    siteVisits: String(opts.siteVisitsPerWeek),
    weeks:
      b.assessedWeeks.length > 0
        ? clauses(
            b.assessedWeeks.map((w) => weekLabel(w, locale)),
            locale,
          )
        : formatMessage('sheets.bulletin.noWeeks', {}, locale),
    rowsIn: String(b.rows.in),
    rowsMerged: String(b.rows.merged),
    rowsRejected: String(b.rows.rejected),
    rules: b.rulesLabel,
    // Where the rows not merged are listed: said only when it is a workbook the reader can have.
    errorsWhere: opts.annexApart ? formatMessage('annex.errorsWhere', { sheet: PROBLEMS.name }, locale) : '',
  };
}

/** The due date; one of a year without holiday data is said to be unchecked, where it is printed. */
function dueText(b: Bulletin, locale: Locale): string {
  const unchecked = b.warnings.some(
    (w) => w.code === 'calendar.yearMissing' && w.params['year'] === Number(b.due.slice(0, 4)),
  );
  return unchecked
    ? formatMessage('calendar.unverifiedDate', { date: longDate(b.due, locale) }, locale)
    : longDate(b.due, locale);
}

/** 汇总: all, by category, by HQ. */
function summaryRows(b: Bulletin, locale: Locale): RowValues[] {
  const summary: RowValues[] = b.summary.map((l) => ({
    group: l.group,
    // The line of all projects is named where printed.
    name: l.group === SUMMARY_GROUP.all ? formatMessage('sheets.bulletin.allProjects', {}, locale) : l.name,
    projects: l.projects,
    reported: l.reported,
    plan: l.plan,
    reportedPlan: l.reportedPlan,
    cumulative: l.cumulative,
    rate: l.rate ?? null,
    fraction: l.fraction,
    gap: l.rate === undefined ? null : Math.round((l.rate - l.fraction) * 1000) / 10,
    behind: l.behind,
    normal: l.statuses[PROGRESS_STATUS.normal],
    warning: l.statuses[PROGRESS_STATUS.warning],
    lagging: l.statuses[PROGRESS_STATUS.behind],
  }));

  return summary;
}

type ProgressLine = { group: readonly ProjectProgress[] } | { project: ProjectProgress; seq: number };

/** 项目进展: the projects grouped by HQ, a 小计 row heading each HQ, and the 合计. */
function progressTable(b: Bulletin, locale: Locale): Pick<SheetTable, 'rows' | 'totals' | 'subtotal'> {
  const lines = progressLines(b.projects);
  const rows = lazy(lines, (l) =>
    'group' in l ? subtotalRow(l.group, locale) : projectRow(l.project, l.seq),
  );
  const sum = (k: 'annualPlan' | 'current' | 'cumulative'): number => sumOf(b.projects, k);
  const progressTotals: RowValues = {
    annualPlan: sum('annualPlan'),
    current: sum('current'),
    cumulative: sum('cumulative'),
    // No rate here: beside the plan of all projects it would mislead (unreported ones have no
    // figures); 汇总 gives the rate with the plan it is measured against.
    rate: null,
  };

  return {
    rows,
    totals: progressTotals,
    subtotal: (i) => lines[i] !== undefined && 'group' in (lines[i] as ProgressLine),
  };
}

/** Grouped by HQ (the projects come in that order): a 小计 line heads each HQ's projects. */
function progressLines(projects: readonly ProjectProgress[]): ProgressLine[] {
  const lines: ProgressLine[] = [];
  for (let i = 0; i < projects.length;) {
    const hq = (projects[i] as ProjectProgress).hq;
    let j = i;
    while (j < projects.length && (projects[j] as ProjectProgress).hq === hq) j++;
    const group = projects.slice(i, j);
    lines.push({ group });
    group.forEach((project, k) => lines.push({ project, seq: i + k + 1 }));
    i = j;
  }
  return lines;
}

const projectRow = (p: ProjectProgress, seq: number): RowValues => ({
  seq,
  hq: p.hq,
  projectId: p.projectId,
  name: p.name,
  category: p.category,
  unit: p.unit,
  annualPlan: p.annualPlan,
  current: p.current ?? null,
  cumulative: p.cumulative ?? null,
  rate: p.rate ?? null,
  gap: p.gapPoints ?? null,
  status: p.status,
  image: p.image ?? null,
  problems: p.problems ?? null,
});

const sumOf = (ps: readonly ProjectProgress[], k: 'annualPlan' | 'current' | 'cumulative'): number =>
  Math.round(ps.reduce((a, p) => a + (p[k] ?? 0), 0) * 100) / 100;

/** The 小计 row heading an HQ's projects: how many, how many behind or warned, the sums. */
function subtotalRow(ps: readonly ProjectProgress[], locale: Locale): RowValues {
  const reported = ps.filter((p) => p.cumulative !== undefined).length;
  // Counted by the 状态 the rows below show.
  const count = (status: string): string => {
    const n = ps.filter((p) => p.status === status).length;
    return n > 0 ? formatMessage('sheets.bulletin.subtotalStatus', { count: n, status }, locale) : '';
  };
  const unreported =
    reported < ps.length
      ? formatMessage('sheets.bulletin.subtotalUnreported', { count: ps.length - reported }, locale)
      : '';
  return {
    seq: SUBTOTAL_WORD,
    hq: ps[0]?.hq ?? '',
    name:
      formatMessage('sheets.bulletin.subtotalProjects', { count: ps.length }, locale) +
      count(PROGRESS_STATUS.behind) +
      count(PROGRESS_STATUS.warning) +
      unreported,
    annualPlan: sumOf(ps, 'annualPlan'),
    // Blank, not 0, when none of the HQ's projects has figures this period.
    current: reported > 0 ? sumOf(ps, 'current') : null,
    cumulative: reported > 0 ? sumOf(ps, 'cumulative') : null,
    // As on the 合计 row, no rate: 汇总 gives each HQ's rate against the plan it reported.
    rate: null,
  };
}

/** 滞后项目: each with its reasons, said in the bulletin's language. */
function behindRows(b: Bulletin, locale: Locale): RowValues[] {
  const behind: RowValues[] = b.behind.map((p, i) => ({
    seq: i + 1,
    projectId: p.projectId,
    name: p.name,
    hq: p.hq,
    commander: p.commander,
    unit: p.unit,
    rate: p.rate ?? null,
    fraction: p.fraction,
    reasons: reasonsText(p.reasons, locale),
  }));

  return behind;
}

/** 报送情况: every report received (replaced ones too), then the HQs that did not report. */
function submissionRows(b: Bulletin, locale: Locale): RowValues[] {
  const commanders = new Map(b.projects.map((p) => [p.hq, p.commander]));
  const submissions: RowValues[] = [
    ...b.submissions.map((s) => ({
      hq: s.hq,
      commander: commanders.get(s.hq) ?? '',
      status:
        s.replacedBy !== undefined
          ? SUBMISSION_STATE.replaced
          : s.late
            ? SUBMISSION_STATE.late
            : SUBMISSION_STATE.onTime,
      receivedAt: s.receivedAt ?? '',
      timeSource: s.timeSource ?? '',
      signed: s.signed ? SIGNATURE_STATE.signed : SIGNATURE_STATE.unsigned,
      file: fileName(s.file),
      note: submissionNote(s, b.due, locale),
    })),
    ...b.missing.map((hq) => missingRow(b, hq, commanders.get(hq) ?? '', locale)),
  ].map((r, i) => ({ seq: i + 1, ...r }));

  return submissions;
}

/** 说明 of a report received: replaced, a correction, or late. */
function submissionNote(s: Submission, due: string, locale: Locale): string {
  if (s.replacedBy !== undefined)
    return formatMessage('sheets.bulletin.replacedBy', { file: fileName(s.replacedBy) }, locale);
  if (s.replaces.length > 0)
    return formatMessage('sheets.bulletin.corrected', { count: s.replaces.length }, locale);
  return s.late ? formatMessage('sheets.bulletin.lateNote', { due }, locale) : '';
}

/** An HQ that did not report; a file that came but was for another period is said here, where the clerk looks. */
function missingRow(b: Bulletin, hq: string, commander: string, locale: Locale): RowValues {
  const aside = b.setAside.filter((x) => x.hq === hq);
  // Each file's reason without the 本文件未并入 it is said with elsewhere: the code it nests.
  const reasons = aside.map((x) => {
    const why = String(x.reason.params['reason'] ?? '');
    return isMessageCode(why) ? formatMessage(why, x.reason.params, locale) : message(x.reason, locale);
  });
  return {
    hq,
    commander,
    status: SUBMISSION_STATE.missing,
    receivedAt: '',
    timeSource: '',
    signed: '',
    file: clauses(
      aside.map((x) => fileName(x.file)),
      locale,
    ),
    note:
      aside.length > 0
        ? formatMessage('sheets.bulletin.setAsideNote', { reasons: clauses(reasons, locale) }, locale)
        : formatMessage('sheets.bulletin.missingNote', {}, locale),
  };
}

/** 一线工作: the person-weeks, shortfalls first. */
function siteWorkRows(b: Bulletin, perWeek: number, locale: Locale): RowValues[] {
  // Shortfalls first (the people the bulletin names), then everyone who complied.
  const short = (w: { visits: number }): boolean => w.visits < perWeek;
  const siteWork: RowValues[] = [...b.siteWeeks.filter(short), ...b.siteWeeks.filter((w) => !short(w))].map(
    (w, i) => ({
      seq: i + 1,
      hq: w.hq,
      person: w.person,
      role: w.role,
      week: weekLabel(w.week, locale),
      visits: w.visits,
      fromEarlier: w.fromEarlier,
      required: perWeek,
      compliant: short(w) ? SITE_COMPLIANCE.short : SITE_COMPLIANCE.met,
    }),
  );

  return siteWork;
}

/** 一线工作明细: every visit, with the week it counts in. */
function visitRows(b: Bulletin, locale: Locale): RowSource {
  const visits = lazy(b.visits, (v, i) => ({
    seq: i + 1,
    hq: v.hq,
    date: v.date,
    person: v.person,
    role: v.role,
    projectId: v.projectId ?? null,
    matter: v.matter ?? null,
    week: weekLabel(v.week, locale),
    assessment: v.assessment,
    file: fileName(v.file),
    row: v.row,
  }));

  return visits;
}

/** 数据问题: the findings grouped, then the inputs ignored. */
function problemRows(b: Bulletin, locale: Locale): RowValues[] {
  // Grouped (a replaced file is one line, not one per row) and by file name: the clerk's folders
  // stay in the office.
  const handling = (p: { rejected: boolean }): string =>
    p.rejected ? PROBLEM_HANDLING.rejected : PROBLEM_HANDLING.note;
  const problems: RowValues[] = [
    ...groupFindings(b.problems, locale).map((p) => ({ ...p, handling: handling(p) })),
    ...b.ignored.map((x) => ({
      file: fileName(x.file),
      sheet: null,
      cell: null,
      code: 'ignored',
      message: message(x.reason, locale),
      severity: 'info' as const,
      handling: PROBLEM_HANDLING.ignored,
    })),
  ].map((p, i) => ({
    seq: i + 1,
    file: p.file,
    sheet: p.sheet,
    cell: p.cell,
    handling: p.handling,
    severity: SEVERITY_LABEL[p.severity].zh,
    code: p.code,
    message: p.message,
  }));

  return problems;
}

/** 来源: where each merged project's figures came from. */
function sourceRows(b: Bulletin): RowSource {
  const withSource = b.projects.filter((p) => p.source);
  const sources = lazy(withSource, (p) => ({
    projectId: p.projectId,
    name: p.name,
    hq: p.hq,
    file: fileName(p.source?.file ?? ''),
    sheet: p.source?.sheet ?? '',
    row: p.source?.row ?? null,
    receivedAt: p.source?.receivedAt ?? '',
    timeSource: p.source?.timeSource ?? '',
    sender: p.source?.sender ?? '',
  }));

  return sources;
}
