import { findSheet, type WorkbookGrid } from '../values/grid.js';
import type { IsoDate } from '../values/dates.js';
import { weekSchedule } from '../calendar/schedule.js';
import { WorkCalendar } from '../calendar/workdays.js';
import type { Located } from '../master/types.js';
import type { RuleSet } from '../rules/ruleset.js';
import type { RecordOf } from '../schema/types.js';
import { DONE_PROGRESS, WEEKLY_REPORT } from '../schema/weekly.js';
import { readTable } from '../table/read.js';
import { issue, type Issue } from '../issues/issue.js';

type WeeklyRecord = RecordOf<typeof WEEKLY_REPORT>;

interface WeeklyRead {
  readonly agent?: string;
  readonly reportDate?: IsoDate;
  /** The week's report was due by then (Thursday 18:00, moved before a holiday). */
  readonly due?: string;
  readonly late: boolean;
  /** The lines that can be used (rows with errors are issues instead). */
  readonly rows: readonly Located<WeeklyRecord>[];
  /** Data rows in the sheet, used or not. */
  readonly received: number;
  readonly issues: readonly Issue[];
}

/**
 * Reads a 代办员周报: the agent, the day, a line per approval; a 已办结 line needs its 办结日期,
 * a report after the week's Thursday deadline (规则: 代办员周报) is flagged late.
 */
export function readWeekly(wb: WorkbookGrid, rules: RuleSet, calendar = new WorkCalendar()): WeeklyRead {
  const g = findSheet(wb, WEEKLY_REPORT.name);
  if (!g)
    return {
      late: false,
      rows: [],
      received: 0,
      issues: [issue('sheet.missing', {}, { sheet: WEEKLY_REPORT.name })],
    };
  const t = readTable(g, WEEKLY_REPORT);
  const issues: Issue[] = [...t.issues];
  const agent = t.fields.get('agent')?.value;
  const date = t.fields.get('reportDate')?.value;
  const reportDate = typeof date === 'string' ? date : undefined;
  let due: string | undefined;
  let late = false;
  if (reportDate !== undefined) {
    due = weekSchedule(reportDate, rules, calendar).agentReportDue;
    late = reportDate > due.slice(0, 10);
    const f = t.fields.get('reportDate');
    if (late)
      issues.push(
        issue('weekly.late', { sheet: t.sheet, row: f?.row, column: f?.column }, { value: reportDate, due }),
      );
  }
  const rows: Located<WeeklyRecord>[] = [];
  for (const r of t.rows) {
    if (!r.ok) continue;
    const where = { sheet: t.sheet, row: r.row };
    const { progress, doneDate } = r.record;
    if (progress === DONE_PROGRESS && doneDate === undefined)
      issues.push(issue('weekly.doneNoDate', where, { item: r.record.item }));
    if (progress !== DONE_PROGRESS && doneDate !== undefined)
      issues.push(issue('weekly.dateNotDone', where, { item: r.record.item, progress }));
    if (doneDate !== undefined && reportDate !== undefined && doneDate > reportDate)
      issues.push(issue('weekly.doneAfterReport', where, { value: doneDate, reportDate }));
    rows.push({ sheet: t.sheet, row: r.row, record: r.record, columns: t.columns });
  }
  return {
    ...(typeof agent === 'string' && { agent }),
    ...(reportDate !== undefined && { reportDate }),
    ...(due !== undefined && { due }),
    late,
    rows,
    received: t.rows.length,
    issues,
  };
}
