import {
  columnLetters,
  dateCell,
  type Cell,
  type Row,
  type SheetGrid,
  type WorkbookGrid,
} from '../../core/values/grid.js';
import { isDateFormatCode } from '../xlsx-read/styles.js';
import {
  XL_SHEET_VISIBLE,
  type EtApplication,
  type EtRange,
  type EtValue,
  type EtWorksheet,
} from './et-api.js';

/**
 * The open workbook of WPS 表格 as the core sees every workbook: used ranges as grids, dates
 * known by their number formats, the defined names. Synchronous calls into WPS; no cell is read
 * on its own (one Value2 per used range, number formats by column).
 */

/**
 * Formula errors as Value2 gives them: Excel's CVErr codes (0x800A0000 + xlErrDiv0 2007 …) as
 * signed 32-bit numbers. WPS's documentation does not say how an error cell reaches JavaScript;
 * these are the values COM passes (docs/wps-api.md).
 */
export const ERROR_CODES: ReadonlyMap<number, string> = new Map([
  [-2146826288, '#NULL!'],
  [-2146826281, '#DIV/0!'],
  [-2146826273, '#VALUE!'],
  [-2146826265, '#REF!'],
  [-2146826259, '#NAME?'],
  [-2146826252, '#NUM!'],
  [-2146826246, '#N/A'],
]);

/** Value2 of a range as rows: one cell gives a single value, several give an array of rows. */
export function valueRows(range: EtRange): EtValue[][] {
  const v = range.Value2;
  return Array.isArray(v) ? v : [[v]];
}

const isNumber = (v: EtValue): v is number => typeof v === 'number' && !ERROR_CODES.has(v);

/**
 * The number format of each numeric cell of a block, keyed "r,c" (0-based within the block).
 * NumberFormat of a range is one code when all its cells share it and null otherwise (Excel's
 * rule), so a column is asked whole and split in halves only where its formats differ: a few
 * calls per column, never one per cell.
 */
export function numberFormats(
  ws: EtWorksheet,
  top: number,
  left: number,
  values: readonly (readonly EtValue[])[],
): Map<string, string> {
  const out = new Map<string, string>();
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  const bottom = top + values.length - 1;
  const whole =
    values.length > 0 && width > 0
      ? ws.Range(`${columnLetters(left - 1)}${top}:${columnLetters(left + width - 2)}${bottom}`).NumberFormat
      : null;
  for (let c = 0; c < width; c++) {
    const numeric = values.map((r) => isNumber(r[c]));
    if (!numeric.includes(true)) continue;
    const col = columnLetters(left + c - 1);
    const settle = (from: number, to: number, code: string): void => {
      for (let r = from; r <= to; r++) if (numeric[r]) out.set(`${r},${c}`, code);
    };
    const split = (from: number, to: number): void => {
      if (!numeric.slice(from, to + 1).includes(true)) return;
      const code = ws.Range(`${col}${top + from}:${col}${top + to}`).NumberFormat;
      if (typeof code === 'string' || from === to) return settle(from, to, code ?? 'General');
      const mid = Math.floor((from + to) / 2);
      split(from, mid);
      split(mid + 1, to);
    };
    if (typeof whole === 'string') settle(0, values.length - 1, whole);
    else split(0, values.length - 1);
  }
  return out;
}

function cellOf(v: EtValue, format: string | undefined): Cell {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') {
    const error = ERROR_CODES.get(v);
    if (error) return { kind: 'error', code: error };
    return format !== undefined && isDateFormatCode(format) ? dateCell(v) : v;
  }
  return typeof v === 'boolean' ? v : String(v);
}

/** A block of values as grid rows placed at their sheet position (row 1 = index 0). */
function gridRows(ws: EtWorksheet, top: number, left: number, values: EtValue[][]): Row[] {
  const formats = numberFormats(ws, top, left, values);
  const rows: Cell[][] = Array.from({ length: top - 1 }, () => []);
  values.forEach((line, r) => {
    const row: Cell[] = Array.from({ length: left - 1 }, () => null);
    line.forEach((v, c) => row.push(cellOf(v, formats.get(`${r},${c}`))));
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    rows.push(row);
  });
  return rows;
}

function sheetGrid(ws: EtWorksheet): SheetGrid {
  const used = ws.UsedRange;
  return {
    name: ws.Name,
    rows: gridRows(ws, used.Row, used.Column, valueRows(used)),
    ...(ws.Visible !== XL_SHEET_VISIBLE && { hidden: true }),
  };
}

/** Every sheet of the active workbook (or only those named), and its defined names. */
export function readWorkbookGrid(app: EtApplication, only?: readonly string[]): WorkbookGrid {
  const wb = app.ActiveWorkbook;
  if (!wb) return { sheets: [] };
  const sheets: SheetGrid[] = [];
  for (let i = 1; i <= wb.Sheets.Count; i++) {
    const ws = wb.Sheets.Item(i);
    if (!only || only.includes(ws.Name)) sheets.push(sheetGrid(ws));
  }
  const names = new Map<string, string>();
  for (let i = 1; i <= wb.Names.Count; i++) {
    const n = wb.Names.Item(i);
    names.set(n.Name, n.RefersTo.replace(/^=/u, ''));
  }
  return { sheets, definedNames: names };
}

/** The sheet of this name in the active workbook, found without asking for a missing one (which throws). */
export function findWorksheet(app: EtApplication, name: string): EtWorksheet | undefined {
  const wb = app.ActiveWorkbook;
  if (!wb) return undefined;
  for (let i = 1; i <= wb.Sheets.Count; i++) {
    const ws = wb.Sheets.Item(i);
    if (ws.Name === name) return ws;
  }
  return undefined;
}

/** Rows `from`..`to` (1-based) of a sheet, across its used columns, placed at their position. */
export function readSheetRows(app: EtApplication, sheet: string, from: number, to: number): SheetGrid {
  const ws = findWorksheet(app, sheet);
  if (!ws || to < from) return { name: sheet, rows: [] };
  const used = ws.UsedRange;
  const right = used.Column + used.Columns.Count - 1;
  const range = ws.Range(`A${from}:${columnLetters(right - 1)}${to}`);
  return { name: sheet, rows: gridRows(ws, from, 1, valueRows(range)) };
}
