/**
 * The core's picture of a workbook: sheets of plain cell values, nothing else.
 * Every adapter (Office.js, our .xlsx reader) produces this shape; the core never sees a
 * library object.
 */

/** A date or date-time, as an Excel serial in the 1900 system (days since 1899-12-30; the fraction is the time of day). */
interface DateCell {
  readonly kind: 'date';
  readonly serial: number;
}

/** A formula error such as `#N/A`, as Excel shows it. */
interface ErrorCell {
  readonly kind: 'error';
  readonly code: string;
}

export type Cell = string | number | boolean | DateCell | ErrorCell | null;

/** The ErrorCell code of a formula saved without its calculated value (written by a script, never opened in Excel). */
export const NO_CACHED_VALUE = '#NOVALUE';

export type Row = readonly Cell[];

export interface SheetGrid {
  readonly name: string;
  /** 0-based rows of 0-based cells; trailing empty cells may be absent. */
  readonly rows: readonly Row[];
  readonly hidden?: boolean;
}

export interface WorkbookGrid {
  readonly sheets: readonly SheetGrid[];
  /** Workbook-level defined names and what they refer to, e.g. `KPD_TEMPLATE` → `"kpd.report@1"`. */
  readonly definedNames?: ReadonlyMap<string, string>;
}

export const dateCell = (serial: number): DateCell => ({ kind: 'date', serial });

export const isDateCell = (c: Cell | undefined): c is DateCell =>
  typeof c === 'object' && c !== null && c.kind === 'date';

export const isErrorCell = (c: Cell | undefined): c is ErrorCell =>
  typeof c === 'object' && c !== null && c.kind === 'error';

export function isBlank(c: Cell | undefined): boolean {
  return c === null || c === undefined || (typeof c === 'string' && c.trim() === '');
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col0: number): string {
  let n = col0 + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 reference from 1-based row and column, e.g. `a1(3, 2)` → "B3". */
export function a1(row1: number, col1: number): string {
  return `${columnLetters(col1 - 1)}${row1}`;
}

export function findSheet(wb: WorkbookGrid, name: string): SheetGrid | undefined {
  return wb.sheets.find((s) => s.name === name) ?? wb.sheets.find((s) => s.name.trim() === name);
}
