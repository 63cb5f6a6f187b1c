import type { SheetSpec } from '../core/schema/types.js';
import type { RowSource } from '../core/template/limits.js';
import { writeTemplate } from './exceljs/write-template.js';
import { fillWorkbook } from './xlsx-fill/index.js';
import { transplantSheets } from './xlsx-fill/transplant.js';

export interface ResultTable {
  readonly sheet: SheetSpec;
  readonly rows: RowSource;
}

/**
 * Writes result sheets into a copy of a person's workbook: each sheet is laid out by our
 * template writer (the look of every other sheet we make), filled by the fast filler, and put
 * into the workbook in place of a sheet of the same name or after the last one. The bytes of
 * `workbook` are not modified; a new package is returned.
 */
export async function writeSheetsInto(
  workbook: Uint8Array,
  tables: readonly ResultTable[],
  placeholders: ReadonlyMap<string, string> = new Map(),
): Promise<Uint8Array> {
  const template = await writeTemplate({
    id: 'kpd.results',
    version: 1,
    fileName: 'results.xlsx',
    title: '结果',
    sheets: tables.map((t) => ({ ...t.sheet, blankRows: 1 })),
  });
  const filled = await fillWorkbook(template, { placeholders, tables });
  return transplantSheets(
    workbook,
    filled.bytes,
    tables.map((t) => t.sheet.name),
  );
}
