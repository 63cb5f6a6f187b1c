import type { RowValues } from '../template/samples.js';
import {
  BEHIND,
  PROBLEMS,
  PROJECT_PROGRESS,
  SITE_VISIT_DETAIL,
  SITE_WORK,
  SOURCES,
  SUBMISSIONS,
  SUMMARY,
} from '../schema/bulletin.js';
import type { SheetSpec } from '../schema/types.js';
import { addDays } from '../values/dates.js';
import { formatMessage, message, SEVERITY_LABEL, type Locale } from '../issues/issue.js';
import { fileName } from '../values/file-name.js';
import { groupFindings } from './findings.js';
import { reasonsText, type Bulletin, type ProjectProgress } from './model.js';
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
const zhDate = (d: string): string =>
  `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const weekLabel = (monday: string): string => `${monday} 至 ${addDays(monday, 6)}`;

/** How the bulletin's sheets are written: the office, the rule values its leads quote, the language. */
export interface BulletinSheetOptions {
  office?: string;
  siteVisitsPerWeek: number;
  warningBand: number;
  locale?: Locale;
  /** The annex is a workbook of its own (`--annex`): the printed leads say so. */
  annexApart?: boolean;
}

export function bulletinSheets(b: Bulletin, opts: BulletinSheetOptions): BulletinSheets {
  const progress = progressTable(b);
  return withinExcelLimits({
    placeholders: bulletinPlaceholders(b, opts),
    tables: [
      { sheet: SUMMARY, rows: summaryRows(b) },
      { sheet: PROJECT_PROGRESS, ...progress },
      { sheet: BEHIND, rows: behindRows(b, opts.locale) },
      { sheet: SUBMISSIONS, rows: submissionRows(b) },
      { sheet: SITE_WORK, rows: siteWorkRows(b, opts.siteVisitsPerWeek) },
      { sheet: SITE_VISIT_DETAIL, rows: visitRows(b) },
      { sheet: PROBLEMS, rows: problemRows(b, opts.locale) },
      { sheet: SOURCES, rows: sourceRows(b) },
    ],
  });
}

/** The {{placeholders}} of the bulletin's titles and lead lines. */
function bulletinPlaceholders(b: Bulletin, opts: BulletinSheetOptions): Map<string, string> {
  const taken = b.submissions.filter((s) => s.replacedBy === undefined);
  const all = b.summary[0];
  const placeholders = new Map<string, string>([
    ['期数', String(b.number)],
    ['报告期编号', b.period],
    ['一线不足', String(b.shortfalls.length)],
    ['通报日期', zhDate(b.bulletinDate)],
    ['报告期', b.periodLabel],
    [
      '报送截止',
      // A due date of a year without holiday data is said to be unchecked, where it is printed.
      b.warnings.some(
        (w) => w.code === 'calendar.yearMissing' && w.params['year'] === Number(b.due.slice(0, 4)),
      )
        ? formatMessage('calendar.unverifiedDate', { date: zhDate(b.due) })
        : zhDate(b.due),
    ],
    ['上半月报送日', String(b.reportDays[0])],
    ['当月报送日', String(b.reportDays[1])],
    ['节假日依据', b.calendarBasis.map((i) => message(i)).join('')],
    ['一线说明', b.siteNotes.map((i) => message(i)).join('')],
    ['编制单位', opts.office ?? '发展改革局重点项目办公室'],
    ['应报', String(taken.length + b.missing.length)],
    ['按时', String(taken.filter((s) => !s.late).length)],
    ['迟报', String(b.late.length)],
    ['未报', String(b.missing.length)],
    ['未签字', String(b.unsigned.length)],
    ['更正', String(b.submissions.filter((s) => s.replaces.length > 0).length)],
    ['项目数', String(b.projects.length)],
    ['已报项目数', String(all?.reported ?? 0)],
    ['累计完成', money(all?.cumulative ?? 0)],
    ['完成率', pct(all?.rate)],
    ['序时进度', pct(b.fraction)],
    ['滞后项目数', String(b.behind.length)],
    ['预警幅度', String(opts.warningBand)],
    ['一线次数', String(opts.siteVisitsPerWeek)],
    ['考核周', b.assessedWeeks.length > 0 ? b.assessedWeeks.map(weekLabel).join('；') : '本期没有要考核的周'],
    ['收到行数', String(b.rows.in)],
    ['并入行数', String(b.rows.merged)],
    ['未并入行数', String(b.rows.rejected)],
    ['规则集', b.rulesLabel],
    // Where the rows not merged are listed: said only when it is a workbook the reader can have.
    ['有误明细', opts.annexApart ? formatMessage('annex.errorsWhere', { sheet: PROBLEMS.name }) : ''],
  ]);

  return placeholders;
}

/** 汇总: all, by category, by HQ. */
function summaryRows(b: Bulletin): RowValues[] {
  const summary: RowValues[] = b.summary.map((l) => ({
    group: l.group,
    name: l.name,
    projects: l.projects,
    reported: l.reported,
    plan: l.plan,
    reportedPlan: l.reportedPlan,
    cumulative: l.cumulative,
    rate: l.rate ?? null,
    fraction: l.fraction,
    gap: l.rate === undefined ? null : Math.round((l.rate - l.fraction) * 1000) / 10,
    behind: l.behind,
    normal: l.statuses.正常,
    warning: l.statuses.预警,
    lagging: l.statuses.滞后,
  }));

  return summary;
}

type ProgressLine = { group: readonly ProjectProgress[] } | { project: ProjectProgress; seq: number };

/** 项目进展: the projects grouped by HQ, a 小计 row heading each HQ, and the 合计. */
function progressTable(b: Bulletin): Pick<SheetTable, 'rows' | 'totals' | 'subtotal'> {
  // Grouped by HQ (the projects come in that order): a 小计 row heads each HQ's projects.
  const lines: ProgressLine[] = [];
  for (let i = 0; i < b.projects.length;) {
    const hq = (b.projects[i] as ProjectProgress).hq;
    let j = i;
    while (j < b.projects.length && (b.projects[j] as ProjectProgress).hq === hq) j++;
    const group = b.projects.slice(i, j);
    lines.push({ group });
    group.forEach((project, k) => lines.push({ project, seq: i + k + 1 }));
    i = j;
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
  const subtotalRow = (ps: readonly ProjectProgress[]): RowValues => {
    const reported = ps.filter((p) => p.cumulative !== undefined).length;
    // Counted by the 状态 the rows below show.
    const count = (status: string): string => {
      const n = ps.filter((p) => p.status === status).length;
      return n > 0 ? `，${n} 个${status}` : '';
    };
    return {
      seq: '小计',
      hq: ps[0]?.hq ?? '',
      name: `共 ${ps.length} 个项目${count('滞后')}${count('预警')}${reported < ps.length ? `，${ps.length - reported} 个无本期数据` : ''}`,
      annualPlan: sumOf(ps, 'annualPlan'),
      // Blank, not 0, when none of the HQ's projects has figures this period.
      current: reported > 0 ? sumOf(ps, 'current') : null,
      cumulative: reported > 0 ? sumOf(ps, 'cumulative') : null,
      // As on the 合计 row, no rate: 汇总 gives each HQ's rate against the plan it reported.
      rate: null,
    };
  };
  const rows = lazy(lines, (l) => ('group' in l ? subtotalRow(l.group) : projectRow(l.project, l.seq)));
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

/** 滞后项目: each with its reasons, said in the bulletin's language. */
function behindRows(b: Bulletin, locale: Locale | undefined): RowValues[] {
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
function submissionRows(b: Bulletin): RowValues[] {
  const commanders = new Map(b.projects.map((p) => [p.hq, p.commander]));
  const submissions: RowValues[] = [
    ...b.submissions.map((s) => ({
      hq: s.hq,
      commander: commanders.get(s.hq) ?? '',
      status: s.replacedBy !== undefined ? '已替换' : s.late ? '迟报' : '按时',
      receivedAt: s.receivedAt ?? '',
      timeSource: s.timeSource ?? '',
      signed: s.signed ? '已签' : '未签',
      file: fileName(s.file),
      note:
        s.replacedBy !== undefined
          ? `已被「${fileName(s.replacedBy)}」替换`
          : s.replaces.length > 0
            ? `更正重报，替换 ${s.replaces.length} 份`
            : s.late
              ? `晚于报送截止 ${b.due}，通报批评`
              : '',
    })),
    ...b.missing.map((hq) => {
      // A file that came but was for another period: said here, where the clerk looks.
      const aside = b.setAside.filter((x) => x.hq === hq);
      return {
        hq,
        commander: commanders.get(hq) ?? '',
        status: '未报',
        receivedAt: '',
        timeSource: '',
        signed: '',
        file: aside.map((x) => fileName(x.file)).join('；'),
        note:
          aside.length > 0
            ? `收到的文件未并入（${aside.map((x) => x.reason.replace(/^本文件未并入：/u, '')).join('；')}），本期视为未报送；请核实后重报`
            : '本期未报送，通报批评',
      };
    }),
  ].map((r, i) => ({ seq: i + 1, ...r }));

  return submissions;
}

/** 一线工作: the person-weeks, shortfalls first. */
function siteWorkRows(b: Bulletin, perWeek: number): RowValues[] {
  // Shortfalls first (the people the bulletin names), then everyone who complied.
  const short = (w: { visits: number }): boolean => w.visits < perWeek;
  const siteWork: RowValues[] = [...b.siteWeeks.filter(short), ...b.siteWeeks.filter((w) => !short(w))].map(
    (w, i) => ({
      seq: i + 1,
      hq: w.hq,
      person: w.person,
      role: w.role,
      week: weekLabel(w.week),
      visits: w.visits,
      fromEarlier: w.fromEarlier,
      required: perWeek,
      compliant: short(w) ? '不足' : '达标',
    }),
  );

  return siteWork;
}

/** 一线工作明细: every visit, with the week it counts in. */
function visitRows(b: Bulletin): RowSource {
  const visits = lazy(b.visits, (v, i) => ({
    seq: i + 1,
    hq: v.hq,
    date: v.date,
    person: v.person,
    role: v.role,
    projectId: v.projectId ?? null,
    matter: v.matter ?? null,
    week: weekLabel(v.week),
    assessment: v.assessment,
    file: fileName(v.file),
    row: v.row,
  }));

  return visits;
}

/** 数据问题: the findings grouped, then the inputs ignored. */
function problemRows(b: Bulletin, locale: Locale | undefined): RowValues[] {
  // Grouped (a replaced file is one line, not one per row) and by file name: the clerk's folders
  // stay in the office.
  const handling = (p: { rejected: boolean }): string => (p.rejected ? '未并入' : '提示');
  const problems: RowValues[] = [
    ...groupFindings(b.problems, locale).map((p) => ({ ...p, handling: handling(p) })),
    ...b.ignored.map((x) => ({
      file: fileName(x.file),
      sheet: null,
      cell: null,
      code: 'ignored',
      message: x.reason,
      severity: 'info' as const,
      handling: '忽略',
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
