import type { SheetSpec } from '../core/schema/types.js';
import type { TableJob, TableWrite } from '../core/table/merge.js';
import type { RowSource } from '../core/template/limits.js';
import { writeTemplate } from './exceljs/write-template.js';
import { OpcPackage } from './opc/package.js';
import { unprefixSpreadsheetMl } from './opc/prefix.js';
import { dateStyleMaker, stylesRoot } from './opc/styles.js';
import { WorkbookXml } from './opc/workbook.js';
import { moveAnchoredParts } from './xlsx-fill/anchored.js';
import { fillWorkbook, zipEntries } from './xlsx-fill/index.js';
import { mergeSheetXml } from './xlsx-fill/merge-sheet.js';
import { transplantSheets } from './xlsx-fill/transplant.js';
import { formatMessage } from '../core/issues/issue.js';

interface ResultTable {
  readonly sheet: SheetSpec;
  readonly rows: RowSource;
}

/** Our sheets for `tables`, laid out by the template writer and filled: the look of every sheet we make. */
async function resultSheets(tables: readonly ResultTable[], placeholders: ReadonlyMap<string, string>) {
  const template = await writeTemplate({
    id: 'kpd.results',
    version: 1,
    fileName: 'results.xlsx',
    title: formatMessage('template.resultsTitle', {}),
    sheets: tables.map((t) => ({ ...t.sheet, blankRows: 1 })),
  });
  return (await fillWorkbook(template, { placeholders, tables })).bytes;
}

/**
 * Writes a run's tables into a copy of a person's workbook (kpd score, kpd ledger import). A
 * table whose sheet exists is merged into it as planned (core/table/merge.ts): the tool's
 * columns and rows refreshed, the person's columns, rows, comments, filters, formats, drop-down
 * lists and notes kept. A table whose sheet is missing is added as a new sheet laid out like our
 * templates. Every other part of the workbook goes back byte for byte; the bytes of `workbook`
 * are not modified.
 */
export async function writeTablesInto(
  workbook: Uint8Array,
  writes: readonly TableWrite[],
  placeholders: ReadonlyMap<string, string> = new Map(),
): Promise<Uint8Array> {
  const target = new OpcPackage(workbook);
  const wb = new WorkbookXml(target);
  const merges = writes.flatMap((w) => (w.kind === 'merge' ? [w.plan] : []));
  if (merges.length > 0) {
    const sheets = wb.sheets();
    const dateStyle = dateStyleMaker(stylesRoot(target));
    for (const plan of merges) {
      const part = sheets.find((s) => s.name === plan.sheetName)?.part;
      if (part === undefined || !target.has(part)) throw new Error(`sheet ${plan.sheetName} has no part`);
      const merged = mergeSheetXml(unprefixSpreadsheetMl(target.text(part) ?? ''), plan, {
        dateStyle,
        sheetName: plan.sheetName,
      });
      target.set(part, merged.xml);
      moveAnchoredParts(target, wb, part, plan.sheetName, merged);
    }
    // Formula cells may have moved: Excel rebuilds the calculation chain.
    wb.dropCalcChain();
  }
  const fresh: TableJob[] = writes.flatMap((w) => (w.kind === 'fresh' ? [w.job] : []));
  if (fresh.length > 0)
    transplantSheets(
      target,
      await resultSheets(fresh, placeholders),
      fresh.map((t) => t.sheet.name),
    );
  return zipEntries(target.entries());
}

/**
 * Writes result sheets into a copy of a person's workbook, each replacing the sheet of its name
 * (or added after the last one).
 */
export async function writeSheetsInto(
  workbook: Uint8Array,
  tables: readonly ResultTable[],
  placeholders: ReadonlyMap<string, string> = new Map(),
): Promise<Uint8Array> {
  return writeTablesInto(
    workbook,
    tables.map((t) => ({
      kind: 'fresh',
      job: { sheet: t.sheet, rows: Array.from({ length: t.rows.length }, (_, i) => t.rows.at(i) ?? {}) },
    })),
    placeholders,
  );
}
