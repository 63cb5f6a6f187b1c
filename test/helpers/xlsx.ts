import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { findSheet, type SheetGrid, type WorkbookGrid } from '../../src/core/values/grid.js';

/** Our own reader's picture of a workbook. */
export const gridOf = (bytes: Uint8Array): WorkbookGrid => readXlsx(bytes).workbook;

export function sheetOf(wb: WorkbookGrid, name: string): SheetGrid {
  const s = findSheet(wb, name);
  if (!s) throw new Error(`no sheet 「${name}」 in ${wb.sheets.map((x) => x.name).join(', ')}`);
  return s;
}

/** The same workbook through exceljs, for what our reader ignores: styles, merges, print setup. */
export async function excelOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return wb;
}

export function worksheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no worksheet 「${name}」`);
  return ws;
}

/** ZIP part name → bytes. */
export const partsOf = (bytes: Uint8Array): Record<string, Uint8Array> => unzipSync(bytes);

/**
 * The parts that differ between two packages (added, removed or changed), by name. The ZIP
 * container (entry order, timestamps, compression) is not compared: only what Excel reads.
 */
export function differingParts(a: Uint8Array, b: Uint8Array): string[] {
  const pa = partsOf(a);
  const pb = partsOf(b);
  const names = [...new Set([...Object.keys(pa), ...Object.keys(pb)])].sort();
  return names.filter((n) => {
    const x = pa[n];
    const y = pb[n];
    return x === undefined || y === undefined || Buffer.compare(Buffer.from(x), Buffer.from(y)) !== 0;
  });
}

export interface FixtureSheet {
  readonly name: string;
  /** Rows of values as exceljs takes them (a Date is written as a date, a number as a number). */
  readonly rows: readonly (readonly ExcelJS.CellValue[])[];
  readonly hidden?: boolean;
  /** A1 reference → number format, e.g. a time typed into a cell: { D5: 'h:mm' }. */
  readonly numFmts?: Readonly<Record<string, string>>;
}

/**
 * A workbook as a person (or another program) makes it: plain cells, no template styling,
 * no template mark unless given as a defined name.
 */
export async function fixtureXlsx(
  sheets: readonly FixtureSheet[],
  definedNames: Readonly<Record<string, string>> = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.hidden ? { state: 'hidden' } : {});
    for (const row of s.rows) ws.addRow([...row]);
    for (const [ref, fmt] of Object.entries(s.numFmts ?? {})) ws.getCell(ref).numFmt = fmt;
  }
  for (const [name, range] of Object.entries(definedNames)) wb.definedNames.add(range, name);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
