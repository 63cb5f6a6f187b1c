import { findSheet, type WorkbookGrid } from '../values/grid.js';
import {
  BULLETIN,
  BULLETIN_PLACEHOLDERS,
  PROJECT_PROGRESS,
  SITE_VISIT_DETAIL,
  SITE_WORK,
  SUBMISSIONS,
} from '../schema/bulletin.js';
import { SUBMISSION_STATE, VISIT_ASSESSMENT } from '../rules/vocab.js';
import { PROGRESS_LOG, SITE_WORK_LOG, SITE_WORK_WEEKS, SUBMISSION_LOG } from '../schema/master.js';
import { ownedRows, type TableJob } from '../table/merge.js';
import type { SheetSpec } from '../schema/types.js';
import type { RowValues } from '../template/samples.js';
import { readTable, type TableRecord } from '../table/read.js';
import { cellText, parseDate } from '../values/parse.js';
import { parseReportPeriod, reportPeriodId } from '../calendar/periods.js';
import { META_SHEET, identifyTemplate, isIssue } from '../workbook/identify.js';
import { issue, type Issue } from '../issues/issue.js';
import type { Located, MasterData } from '../master/types.js';
import { pushAll } from '../values/lists.js';

/**
 * `kpd ledger import`: a bulletin's figures added to the master's 进展记录, 报送记录 and
 * 一线工作记录 (one row per visit), which the unit ranking and the next merge read. Importing a
 * period again replaces that period's rows only; rows of other periods, and every column a person
 * added, stay.
 */
interface LedgerImport {
  readonly period: string;
  /**
   * This period's rows of 进展记录, 报送记录 and 一线工作记录, to merge into the master's; and
   * 一线工作记录（按周） when there are weekly rows to keep: an older master's (moved out of
   * 一线工作记录, unchanged, which is then written anew with one row per visit) or an older
   * bulletin's person-weeks (replacing those of the same week and person). No weekly job: leave
   * that sheet alone.
   */
  readonly tables: readonly TableJob[];
  readonly counts: {
    readonly progress: number;
    readonly submissions: number;
    /** Visits imported (one row each). */
    readonly siteVisits: number;
    /** Person-weeks imported from an older bulletin. */
    readonly siteWeeks: number;
    readonly replaced: number;
  };
  readonly issues: readonly Issue[];
}

/** The label of the hidden template sheet's line that holds the bulletin's 报告期 (BULLETIN.meta). */
const PERIOD_META = BULLETIN.meta.find(([, v]) => v === `{{${BULLETIN_PLACEHOLDERS.periodId}}}`)?.[0];

/** The period a bulletin records in its hidden template sheet (报告期), if any. */
function bulletinPeriod(wb: WorkbookGrid): string | undefined {
  const meta = findSheet(wb, META_SHEET);
  const row = meta?.rows.find((r) => cellText(r[0]) === PERIOD_META);
  const p = row ? parseReportPeriod(cellText(row[1])) : undefined;
  return p ? reportPeriodId(p) : undefined;
}

const ledgerOf = (master: MasterData, key: string): readonly Located<object>[] =>
  key === PROGRESS_LOG.key
    ? master.progressLog
    : key === SUBMISSION_LOG.key
      ? master.submissionLog
      : master.siteWorkLog;

export function importBulletin(
  bulletin: WorkbookGrid,
  master: MasterData,
  periodOverride?: string,
): LedgerImport | Issue {
  const id = identifyTemplate(bulletin, [BULLETIN]);
  if (isIssue(id)) return id;
  const period = periodOverride ?? bulletinPeriod(bulletin);
  if (period === undefined) return issue('ledger.noPeriod', {});
  const issues: Issue[] = [...id.issues];
  const progress = progressRows(bulletinRows(bulletin, PROJECT_PROGRESS, issues), period);
  const submissions = submissionRows(bulletinRows(bulletin, SUBMISSIONS, issues), period);
  // 一线工作: every visit the bulletin lists (not a second copy of the same one); an older bulletin
  // has only its person-weeks, which go to the weekly sheet.
  const detail = findSheet(bulletin, SITE_VISIT_DETAIL.name);
  const visits = detail ? visitRows(bulletinRows(bulletin, SITE_VISIT_DETAIL, issues), period) : [];
  const oldWeeks = detail ? [] : weekRows(bulletinRows(bulletin, SITE_WORK, issues));
  if (!detail) issues.push(issue('siteWork.oldBulletin', {}));
  const { tables, replaced } = ledgerTables(
    master,
    { period, progress, submissions, visits, oldWeeks },
    issues,
  );
  return {
    period,
    tables,
    counts: {
      progress: progress.length,
      submissions: submissions.length,
      siteVisits: visits.length,
      siteWeeks: oldWeeks.length,
      replaced,
    },
    issues,
  };
}

/** The rows of one of the bulletin's tables read well; its errors (and a sheet missing) said. */
function bulletinRows<const S extends SheetSpec>(
  bulletin: WorkbookGrid,
  spec: S,
  issues: Issue[],
): TableRecord<S>[] {
  const g = findSheet(bulletin, spec.name);
  if (!g) {
    issues.push(issue('sheet.missing', {}, { sheet: spec.name }));
    return [];
  }
  const t = readTable(g, spec);
  pushAll(
    issues,
    t.issues.filter((i) => i.severity === 'error'),
  );
  return t.rows.filter((r) => r.ok).map((r) => r.record);
}

/** 项目进展 → 进展记录: the projects with figures. */
function progressRows(rows: readonly TableRecord<typeof PROJECT_PROGRESS>[], period: string): RowValues[] {
  return rows
    .filter((r) => r['projectId'] !== undefined && r['cumulative'] !== undefined)
    .map((r) => ({
      period,
      hq: r['hq'] ?? null,
      projectId: r['projectId'] ?? null,
      current: r['current'] ?? null,
      cumulative: r['cumulative'] ?? null,
      image: r['image'] ?? null,
      problems: r['problems'] ?? null,
    }));
}

/** 报送情况 → 报送记录: each HQ's report taken (a replaced one is not), or its absence. */
function submissionRows(rows: readonly TableRecord<typeof SUBMISSIONS>[], period: string): RowValues[] {
  return rows
    .filter((r) => r['status'] !== SUBMISSION_STATE.replaced && r['hq'] !== undefined)
    .map((r) => ({
      period,
      hq: r['hq'] ?? null,
      // A time when one is known; the day alone when only 填报日期 told it (时间来源 says which).
      submittedAt:
        r['receivedAt'] !== undefined && String(r['receivedAt']) !== '' ? String(r['receivedAt']) : null,
      timeSource: r['timeSource'] ?? null,
      status:
        r['status'] === SUBMISSION_STATE.late
          ? SUBMISSION_STATE.late
          : r['status'] === SUBMISSION_STATE.missing
            ? SUBMISSION_STATE.missing
            : SUBMISSION_STATE.onTime,
      signed: r['signed'] ?? null,
      file: r['file'] ?? null,
    }));
}

/** 一线工作明细 → 一线工作记录: every visit but a second copy of one. */
function visitRows(rows: readonly TableRecord<typeof SITE_VISIT_DETAIL>[], period: string): RowValues[] {
  return rows.flatMap((r) =>
    r['assessment'] !== VISIT_ASSESSMENT.duplicate &&
    r['date'] !== undefined &&
    r['hq'] !== undefined &&
    r['person'] !== undefined
      ? [
          {
            period,
            date: r['date'],
            hq: r['hq'],
            person: r['person'],
            role: r['role'] ?? null,
            projectId: r['projectId'] ?? null,
          },
        ]
      : [],
  );
}

/** An older bulletin's 一线工作 (no 明细): its person-weeks, for 一线工作记录（按周）. */
function weekRows(rows: readonly TableRecord<typeof SITE_WORK>[]): RowValues[] {
  return rows.flatMap((r) => {
    const week = parseDate(String(r['week'] ?? '').slice(0, 10));
    return week.ok && r['hq'] !== undefined && r['person'] !== undefined
      ? [
          {
            week: week.value,
            hq: r['hq'],
            person: r['person'],
            role: r['role'] ?? null,
            visits: r['visits'] ?? 0,
          },
        ]
      : [];
  });
}

/**
 * The master's sheets to merge: re-importing replaces the rows of the period this run owns, matched
 * by each sheet's key columns (core/table/merge.ts), so what a person typed beside them stays. An
 * older bulletin's person-weeks replace those of the same week and person.
 */
function ledgerTables(
  master: MasterData,
  rows: {
    readonly period: string;
    readonly progress: RowValues[];
    readonly submissions: RowValues[];
    readonly visits: RowValues[];
    readonly oldWeeks: RowValues[];
  },
  issues: Issue[],
): { tables: TableJob[]; replaced: number } {
  const { period, oldWeeks } = rows;
  const weekly: TableJob = { sheet: SITE_WORK_WEEKS, rows: oldWeeks };
  // An older master's 一线工作记录 (by week) leaves for the weekly sheet as typed — every row, those
  // with errors too, and the columns a person added; 一线工作记录 is then written anew, one row per
  // visit. Person-weeks an older bulletin gives again replace theirs.
  const older = master.olderSiteWork;
  if (older) issues.push(issue('siteWork.weeklyMoved', {}, { count: older.rows.length }));
  const again = new Set(
    ownedRows(
      weekly,
      master.siteWorkWeeks.filter((l) => l.sheet.trim() === SITE_WORK_LOG.name),
    ).map((l) => l.row),
  );
  const movedRows: RowValues[] = (older?.rows ?? []).filter((r) => !again.has(r.row)).map((r) => r.cells);
  const ledgers: TableJob[] = [
    { sheet: PROGRESS_LOG, rows: rows.progress, period },
    { sheet: SUBMISSION_LOG, rows: rows.submissions, period },
    // Written anew when it is still in the weekly layout (its rows go to the weekly sheet).
    { sheet: SITE_WORK_LOG, rows: rows.visits, period, ...(older && { replace: true }) },
  ];
  const tables: TableJob[] = [
    ...ledgers,
    ...(older || oldWeeks.length > 0
      ? [{ sheet: weeklySheet(older?.extraHeaders ?? []), rows: [...movedRows, ...oldWeeks] }]
      : []),
  ];
  const replaced =
    ledgers.reduce((n, t) => n + ownedRows(t, ledgerOf(master, t.sheet.key)).length, 0) +
    ownedRows(weekly, master.siteWorkWeeks).length;
  return { tables, replaced };
}

/** 一线工作记录（按周）, with the columns a person added to an older master's weekly sheet. */
function weeklySheet(extraHeaders: readonly string[]): SheetSpec {
  if (extraHeaders.length === 0) return SITE_WORK_WEEKS;
  return {
    ...SITE_WORK_WEEKS,
    columns: [
      ...SITE_WORK_WEEKS.columns,
      ...extraHeaders.map((header, i) => ({ key: `extra${i}`, header, type: 'text' as const })),
    ],
  };
}
