import {
  assembleBulletin,
  bulletinContext,
  type Bulletin,
  type BulletinContext,
  type SubmissionRead,
} from '../bulletin/index.js';
import { bulletinCharts } from '../bulletin/charts.js';
import { bulletinSheets, type BulletinSheets } from '../bulletin/render.js';
import type { IsoDateTime } from '../values/dates.js';
import { parseReportPeriod, type ReportPeriod } from '../calendar/periods.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import type { ChartSpec } from '../document/chart.js';
import { docText } from '../document/text.js';
import type { MasterData } from '../master/types.js';
import { issue, type Issue, type Locale, type IgnoredFile } from '../issues/issue.js';
import { byFile } from '../values/order.js';

/**
 * 汇总通报 (kpd merge, the pane's 汇总通报 in Excel and WPS): the half-month bulletin from the
 * reports received, one job every shell calls. The shell reads the files (one at a time, or in
 * slices with 取消) against the context `mergeContext` gives, then hands the reads here; it fills
 * the template with adapters/bulletin-file.ts and says what `templateIssues` finds.
 */

interface MergeSetup {
  /** The period as typed (2026-11-1, 2026年11月上半月) or already parsed. */
  readonly period: string | ReportPeriod;
  readonly master: MasterData;
  readonly calendar: WorkCalendar;
  readonly locale: Locale;
  /** The shell's clock (China time): no file can have arrived after this moment. */
  readonly now: IsoDateTime;
}

/** The period typed (2026-11-1, 2026年11月上半月), or why it is refused. */
export function mergePeriod(text: string): { period: ReportPeriod } | { issue: Issue } {
  const period = parseReportPeriod(text.trim());
  return period ? { period } : { issue: issue('merge.periodUnknown', {}, { value: text }) };
}

/** What each received file is read against; or the period refused. */
export function mergeContext(setup: MergeSetup): { ctx: BulletinContext } | { issue: Issue } {
  const typed = typeof setup.period === 'string' ? mergePeriod(setup.period) : { period: setup.period };
  if ('issue' in typed) return typed;
  const { period } = typed;
  const { master, calendar, locale, now } = setup;
  return { ctx: bulletinContext({ period, master, calendar, locale, now }) };
}

export interface MergeInput {
  readonly ctx: BulletinContext;
  /** Each received workbook as read (any order: sorted here by path). */
  readonly reads: readonly SubmissionRead[];
  /** Files not read, with the reason in the run's language. */
  readonly ignored: readonly IgnoredFile[];
  /** 编印单位 printed on the bulletin, when the office gives its own. */
  readonly office?: string;
  /** kpd merge --annex: 数据问题 and 来源 go to a workbook of their own (the leads say so). */
  readonly annexApart?: boolean;
}

/** The counts every shell says when the bulletin is made. */
interface MergeCounts {
  readonly due: number;
  readonly onTime: number;
  readonly late: number;
  readonly missing: number;
  readonly unsigned: number;
  readonly behind: number;
  readonly shortfalls: number;
  readonly rowsIn: number;
  readonly merged: number;
  readonly rejected: number;
  readonly ignored: number;
}

interface MergeResult {
  readonly bulletin: Bulletin;
  readonly counts: MergeCounts;
  /** The bulletin's charts, placed on its sheets by adapters/xlsx-charts. */
  readonly charts: readonly ChartSpec[];
}

interface MergeOutput {
  readonly result: MergeResult;
  /** What to write into the bulletin template. */
  readonly sheets: BulletinSheets;
  /** Warnings for the person: the bulletin's own and tables cut at Excel's limits. */
  readonly issues: readonly Issue[];
}

function mergeCounts(b: Bulletin): MergeCounts {
  const taken = b.submissions.filter((s) => s.replacedBy === undefined).length;
  return {
    due: taken + b.missing.length,
    onTime: taken - b.late.length,
    late: b.late.length,
    missing: b.missing.length,
    unsigned: b.unsigned.length,
    behind: b.behind.length,
    shortfalls: b.shortfalls.length,
    rowsIn: b.rows.in,
    merged: b.rows.merged,
    rejected: b.rows.rejected,
    ignored: b.ignored.length,
  };
}

/** The bulletin of the reads, the sheets to write and what to warn of. */
export function mergeBulletin(input: MergeInput): MergeOutput {
  const { ctx } = input;
  const bulletin = assembleBulletin(ctx, [...input.reads].sort(byFile), [...input.ignored].sort(byFile));
  const { schedule } = ctx.master.rules;
  const sheets = bulletinSheets(bulletin, {
    ...(input.office !== undefined && { office: input.office }),
    ...(input.annexApart === true && { annexApart: true }),
    siteVisitsPerWeek: schedule.siteVisitsPerWeek,
    warningBand: schedule.warningBand,
  });
  const capped = (sheets.overflow ?? []).map((o) =>
    issue(
      'output.sheetCapped',
      {},
      { sheet: o.sheet, total: o.total, kept: o.kept, omitted: o.total - o.kept },
    ),
  );
  return {
    result: {
      bulletin,
      counts: mergeCounts(bulletin),
      charts: bulletinCharts(bulletin, docText(ctx.locale)),
    },
    sheets,
    issues: [...bulletin.warnings, ...capped],
  };
}

/**
 * What the filled template says: none of the bulletin's tables found is a refusal (an error:
 * nothing is written); a table missing is a warning. `missing` are the sheets not found.
 */
export function templateIssues(
  sheets: BulletinSheets,
  missing: readonly string[],
  template: string,
): Issue[] {
  if (missing.length === sheets.tables.length) return [issue('merge.templateNoTables', {}, { template })];
  return missing.map((sheet) => issue('merge.templateSheetMissing', {}, { sheet }));
}

/** The template could not be opened as a workbook. */
export const templateUnusable = (template: string): Issue =>
  issue('merge.templateUnusable', {}, { template });
