import { weekStart } from '../values/dates.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import { cellText } from '../values/parse.js';
import { findSheet, type WorkbookGrid } from '../values/grid.js';
import type { MasterData } from '../master/types.js';
import { WEEKLY_LOG, AGENT_WEEKLY } from '../schema/weekly.js';
import { readTable } from '../table/read.js';
import type { RowValues } from '../template/samples.js';
import { issue, type Issue } from '../issues/issue.js';
import { identifyTemplate, isIssue } from '../workbook/identify.js';
import { matchKey } from '../values/text.js';
import { readWeekly } from '../weekly/read.js';

/**
 * `kpd ledger import 周报.xlsx…`: the agents' Thursday reports appended to the master's
 * 代办周报记录, one row per line. An agent's report for a week imported again replaces that
 * agent's rows of that week; every other row of the log stays as it was, as typed. Issues of
 * severity error are the lines left out (each with its file in params.file).
 */
interface WeeklyImport {
  /** The whole 代办周报记录 to write: kept rows, then the imported ones. */
  readonly rows: readonly RowValues[];
  readonly counts: {
    readonly reports: number;
    readonly rows: number;
    readonly replaced: number;
    readonly rejected: number;
  };
  readonly issues: readonly Issue[];
}

export interface WeeklyFile {
  readonly file: string;
  readonly workbook: WorkbookGrid;
}

/** Whether a workbook is a 代办员周报 (so `kpd ledger import` takes this path). */
export function isWeeklyReport(wb: WorkbookGrid): boolean {
  const id = identifyTemplate(wb, [AGENT_WEEKLY]);
  return !isIssue(id) && id.template.id === AGENT_WEEKLY.id;
}

const weekKey = (agent: string, date: string): string => `${matchKey(agent)}\u0000${weekStart(date)}`;

/** Every row of the master's log as typed (rows with errors too: nothing is dropped by rewriting). */
function existingLog(masterGrid: WorkbookGrid): RowValues[] {
  const g = findSheet(masterGrid, WEEKLY_LOG.name);
  if (!g) return [];
  const t = readTable(g, WEEKLY_LOG);
  return t.rows.map((r) =>
    r.ok ? r.record : Object.fromEntries([...t.columns].map(([key, col]) => [key, r.raw[col - 1] ?? null])),
  );
}

export function importWeeklyReports(
  files: readonly WeeklyFile[],
  masterGrid: WorkbookGrid,
  master: MasterData,
  calendar: WorkCalendar,
): WeeklyImport {
  const issues: Issue[] = [];
  const cases = new Set(master.approvals.map((a) => matchKey(a.record.caseId)));
  const agents = new Set(master.agents.map((a) => matchKey(a.record.name)));
  // The latest report of an agent's week wins (by 填报日期, then the order given).
  const byWeek = new Map<string, { agent: string; date: string; rows: RowValues[] }>();
  let reports = 0;
  let rejected = 0;
  for (const f of files) {
    if (!isWeeklyReport(f.workbook)) {
      issues.push(issue('weekly.notWeekly', {}, { file: f.file }));
      continue;
    }
    const read = readWeekly(f.workbook, master.rules, calendar);
    const say = (i: Issue): Issue => issue(i.code, i, { ...i.params, file: f.file }, i.severity);
    // A row with an error is left out; its issue (with the file) says where and why.
    issues.push(...read.issues.map(say));
    if (read.agent === undefined || read.reportDate === undefined) {
      issues.push(issue('weekly.incomplete', {}, { file: f.file }));
      rejected += read.received;
      continue;
    }
    reports++;
    rejected += read.received - read.rows.length;
    if (!agents.has(matchKey(read.agent)))
      issues.push(issue('weekly.unknownAgent', {}, { value: read.agent }));
    for (const r of read.rows)
      if (!cases.has(matchKey(r.record.caseId)))
        issues.push(issue('weekly.unknownCase', { sheet: r.sheet, row: r.row }, { value: r.record.caseId }));
    const key = weekKey(read.agent, read.reportDate);
    const earlier = byWeek.get(key);
    if (earlier === undefined || earlier.date <= read.reportDate)
      byWeek.set(key, {
        agent: read.agent,
        date: read.reportDate,
        rows: read.rows.map((r) => ({
          reportDate: read.reportDate ?? null,
          agent: read.agent ?? null,
          ...r.record,
        })),
      });
  }
  const existing = existingLog(masterGrid);
  const kept: RowValues[] = [];
  const replaced = new Map<string, number>();
  for (const r of existing) {
    const date = cellText(r['reportDate']);
    const key = /^\d{4}-\d{2}-\d{2}$/u.test(date) ? weekKey(cellText(r['agent']), date) : '';
    if (byWeek.has(key)) replaced.set(key, (replaced.get(key) ?? 0) + 1);
    else kept.push(r);
  }
  for (const [key, count] of replaced) {
    const w = byWeek.get(key);
    if (w) issues.push(issue('weekly.replaced', {}, { agent: w.agent, week: weekStart(w.date), count }));
  }
  const added = [...byWeek.values()].flatMap((w) => w.rows);
  return {
    rows: [...kept, ...added],
    counts: {
      reports,
      rows: added.length,
      replaced: [...replaced.values()].reduce((a, n) => a + n, 0),
      rejected,
    },
    issues,
  };
}
