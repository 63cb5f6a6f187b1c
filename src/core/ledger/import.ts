import { findSheet, type WorkbookGrid } from '../grid.js';
import { BULLETIN, PROJECT_PROGRESS, SITE_WORK, SUBMISSIONS } from '../schema/bulletin.js';
import { readTable } from '../table/read.js';
import { cellText, parseDate } from '../values/parse.js';
import { parseReportPeriod, reportPeriodId } from '../calendar/periods.js';
import { META_SHEET, identifyTemplate, isIssue } from '../workbook/identify.js';
import { issue, type Issue } from '../validate/issue.js';
import type { RowValues } from '../template/samples.js';
import type { Located, MasterData } from '../master/types.js';
import { matchKey } from '../values/text.js';
import { pushAll } from '../values/lists.js';

/**
 * `kpd ledger import`: a bulletin's figures appended to the master's 进展记录, 报送记录 and
 * 一线工作记录, which the unit ranking reads. Importing a period again replaces it.
 */
export interface LedgerImport {
  readonly period: string;
  readonly progressLog: readonly RowValues[];
  readonly submissionLog: readonly RowValues[];
  readonly siteWorkLog: readonly RowValues[];
  readonly counts: {
    readonly progress: number;
    readonly submissions: number;
    readonly siteWeeks: number;
    readonly replaced: number;
  };
  readonly issues: readonly Issue[];
}

/** The period a bulletin records in its hidden template sheet (报告期), if any. */
export function bulletinPeriod(wb: WorkbookGrid): string | undefined {
  const meta = findSheet(wb, META_SHEET);
  const row = meta?.rows.find((r) => cellText(r[0]) === '报告期');
  const p = row ? parseReportPeriod(cellText(row[1])) : undefined;
  return p ? reportPeriodId(p) : undefined;
}

const records = <R>(l: readonly Located<R>[]): RowValues[] =>
  l.map((x) => ({ ...(x.record as object) }) as RowValues);

export function importBulletin(
  bulletin: WorkbookGrid,
  master: MasterData,
  periodOverride?: string,
): LedgerImport | Issue {
  const id = identifyTemplate(bulletin, [BULLETIN]);
  if (isIssue(id)) return id;
  const period = periodOverride ?? bulletinPeriod(bulletin);
  if (period === undefined)
    return issue('field.required', {}, { label: '报告期（请用 --period 给出，如 2026-11-1）' });
  const issues: Issue[] = [...id.issues];
  const table = (spec: typeof PROJECT_PROGRESS | typeof SUBMISSIONS | typeof SITE_WORK) => {
    const g = findSheet(bulletin, spec.name);
    if (!g) {
      issues.push(issue('sheet.missing', {}, { sheet: spec.name }));
      return [];
    }
    const t = readTable<Record<string, string | number | undefined>>(g, spec);
    pushAll(
      issues,
      t.issues.filter((i) => i.severity === 'error'),
    );
    return t.rows.filter((r) => r.ok).map((r) => r.record);
  };

  const progress = table(PROJECT_PROGRESS)
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
  const submissions = table(SUBMISSIONS)
    .filter((r) => r['status'] !== '已替换' && r['hq'] !== undefined)
    .map((r) => ({
      period,
      hq: r['hq'] ?? null,
      // A time when one is known; the day alone when only 填报日期 told it (时间来源 says which).
      submittedAt:
        r['receivedAt'] !== undefined && String(r['receivedAt']) !== '' ? String(r['receivedAt']) : null,
      timeSource: r['timeSource'] ?? null,
      status: r['status'] === '迟报' ? '迟报' : r['status'] === '未报' ? '未报' : '按时',
      signed: r['signed'] ?? null,
      file: r['file'] ?? null,
    }));
  const siteWeeks = table(SITE_WORK).flatMap((r) => {
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

  // Re-importing replaces: the period's rows go, and the person-weeks this bulletin assessed.
  const weekKey = (r: RowValues): string =>
    `${String(r['week'])}\u0000${matchKey(String(r['hq']))}\u0000${matchKey(String(r['person']))}`;
  const newWeeks = new Set(siteWeeks.map(weekKey));
  const keptProgress = records(master.progressLog).filter((r) => r['period'] !== period);
  const keptSubs = records(master.submissionLog).filter((r) => r['period'] !== period);
  const keptWeeks = records(master.siteWorkLog).filter((r) => !newWeeks.has(weekKey(r)));
  const replaced =
    master.progressLog.length -
    keptProgress.length +
    (master.submissionLog.length - keptSubs.length) +
    (master.siteWorkLog.length - keptWeeks.length);
  return {
    period,
    progressLog: [...keptProgress, ...progress],
    submissionLog: [...keptSubs, ...submissions],
    siteWorkLog: [...keptWeeks, ...siteWeeks],
    counts: {
      progress: progress.length,
      submissions: submissions.length,
      siteWeeks: siteWeeks.length,
      replaced,
    },
    issues,
  };
}
