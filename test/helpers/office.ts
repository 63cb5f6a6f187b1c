import { isDateCell, isErrorCell, type WorkbookGrid } from '../../src/core/values/grid.js';
import '../addin/fake-office.js';
import type { FakeWorkbook, FakeWorkbookData } from '../addin/fake-office.js';
import { installedExcelApiSets } from '../addin/api-sets.js';

/** A workbook as Excel would hold it (values, number formats, names) for the fake of Office.js. */
export function fakeDataOf(grid: WorkbookGrid): FakeWorkbookData {
  return {
    sheets: grid.sheets.map((s) => {
      const values = s.rows.map((r) =>
        r.map((c) =>
          c === null
            ? ''
            : isDateCell(c)
              ? c.serial
              : isErrorCell(c)
                ? c.code
                : (c as string | number | boolean),
        ),
      );
      const numberFormat = s.rows.map((r) => r.map((c) => (isDateCell(c) ? 'yyyy-mm-dd' : 'General')));
      return { name: s.name, values, numberFormat, visibility: s.hidden ? 'Hidden' : 'Visible' };
    }),
    names: [...(grid.definedNames ?? new Map<string, string>())].map(([name, v]) => ({
      name,
      formula: `=${v}`,
    })),
  };
}

/** The ExcelApi sets the tests declare: Excel 2016, the first *OrNullObject, 2019, 2021's first, the live check, M365. */
export const EXCEL_API_LEVELS = ['1.1', '1.4', '1.7', '1.8', '1.9', '1.13'] as const;

/** The workbook behind a fake Excel that has ExcelApi up to `excelApi` ('1.13' unless told). */
export const fakeWorkbook = (grid: WorkbookGrid, excelApi = '1.13'): FakeWorkbook =>
  new globalThis.KpdFakeOffice.FakeWorkbook(fakeDataOf(grid), {
    apiSets: installedExcelApiSets(),
    excelApi,
  });

/** Rows without trailing blanks ('' read as blank), no trailing empty rows: how two readers' grids compare. */
export function trimmed(rows: readonly (readonly unknown[])[]): unknown[][] {
  // An empty text cell and an empty cell are the same blank to Excel (and to the core).
  const out = rows.map((r) => {
    const x = r.map((c) => (c === '' ? null : c));
    while (x.length > 0 && (x[x.length - 1] === null || x[x.length - 1] === '')) x.pop();
    return x;
  });
  while (out.length > 0 && (out[out.length - 1] as unknown[]).length === 0) out.pop();
  return out;
}
