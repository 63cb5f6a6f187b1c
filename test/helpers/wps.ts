import { isDateCell, isErrorCell, type WorkbookGrid } from '../../src/core/values/grid.js';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import '../wps/fake-wps.js';
import type { FakeBookData, FakeWps } from '../wps/fake-wps.js';

/**
 * A workbook as WPS 表格 would hold it for the fake of its object model: numbers (dates as
 * serials under a date format), text, booleans, errors as the CVErr numbers Value2 gives,
 * hidden sheets, defined names with their "=".
 */
export function fakeBookOf(grid: WorkbookGrid, name = '总台账.xlsx'): FakeBookData {
  const errors = globalThis.KpdFakeWps.CVERR;
  return {
    name,
    sheets: grid.sheets.map((s) => ({
      name: s.name,
      values: s.rows.map((r) =>
        r.map((c) =>
          c === null ? null : isDateCell(c) ? c.serial : isErrorCell(c) ? (errors[c.code] ?? null) : c,
        ),
      ),
      numberFormat: s.rows.map((r) => r.map((c) => (isDateCell(c) ? 'yyyy-mm-dd' : undefined))),
      visible: s.hidden ? 0 : -1,
    })),
    names: [...(grid.definedNames ?? new Map<string, string>())].map(([n, v]) => ({
      name: n,
      refersTo: `=${v}`,
    })),
  };
}

/** window.Application of WPS 表格 with this workbook open; Workbooks.Open reads .xlsx with our reader. */
export const fakeWps = (grid: WorkbookGrid): FakeWps =>
  globalThis.KpdFakeWps.create(
    { workbooks: [fakeBookOf(grid)] },
    { open: (bytes) => fakeBookOf(readXlsx(bytes).workbook) },
  );
