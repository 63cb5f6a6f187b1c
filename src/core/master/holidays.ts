import { findSheet, type SheetGrid, type WorkbookGrid } from '../values/grid.js';
import { HOLIDAYS } from '../schema/master.js';
import { readTable } from '../table/read.js';
import type { Issue } from '../issues/issue.js';
import type { DayOverride } from '../calendar/workdays.js';

/**
 * The office's own holiday entries from a 节假日 sheet, a holiday workbook, or a CSV turned
 * into a grid: columns 日期, 类型 (休 / 班), 说明.
 */
export function readDayOverrides(grid: SheetGrid): { days: DayOverride[]; issues: readonly Issue[] } {
  const t = readTable(grid, HOLIDAYS);
  const days = t.rows
    .filter((r) => r.ok)
    .map(({ record: { date, type, note } }) => (note === undefined ? { date, type } : { date, type, note }));
  return { days, issues: t.issues };
}

/** The 节假日 sheet of a workbook, or else its first sheet that has the holiday headers. */
export function holidaySheet(wb: WorkbookGrid): SheetGrid | undefined {
  return findSheet(wb, HOLIDAYS.name) ?? wb.sheets.find((s) => readTable(s, HOLIDAYS).headerRow > 0);
}
