import { columnLetters, isDateCell, type Cell } from '../../core/values/grid.js';
import type { ColumnSpec } from '../../core/schema/types.js';
import { shiftFormula } from '../../core/table/formula.js';
import type { TablePlan, TableWrite } from '../../core/table/merge.js';
import { numberFormat } from '../../core/template/layout.js';
import {
  XL_BETWEEN,
  XL_SHIFT_DOWN,
  XL_VALID_ALERT_STOP,
  XL_VALIDATE_LIST,
  type EtApplication,
  type EtValue,
  type EtWorksheet,
} from './et-api.js';
import { ERROR_CODES, findWorksheet, numberFormats, valueRows } from './read.js';
import { asText, ROWS_PER_BLOCK, wpsValue, writeResultSheets } from './write.js';

/**
 * A table plan (core/table/merge.ts) applied to the open sheet of WPS 表格, as kpd applies it
 * to a file and the Office adapter to Excel: the tool's cells written into their rows, a person's
 * rows carried (values, formulas moved as WPS moves them, the formats of their numbers), rows
 * inserted only when the table outgrows the blank rows under it. WPS has no "leave this cell"
 * value (Office.js's null), so only the cells that change are assigned: consecutive rows that
 * change the same columns go in one Value2 (or Formula, when formulas are carried) per run of
 * columns and block of rows, never one call per cell.
 */

/** What one cell becomes: a value as Value2 takes it (or a formula), and a format to set first. */
interface Put {
  readonly v: EtValue;
  readonly formula?: boolean;
  readonly format?: string;
}

/**
 * The format a tool's value is written under: dates under the column's date format (a serial
 * alone would read as a number), text under "@" where the template keeps the column as text;
 * undefined leaves the cell's format as the person left it.
 */
function toolFormat(v: Cell | undefined, c: ColumnSpec): string | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (c.type === 'date' || c.type === 'datetime' || isDateCell(v)) return numberFormat(c) ?? 'yyyy-mm-dd';
  if (typeof v === 'string' && numberFormat(c) === '@') return '@';
  return undefined;
}

/** An existing row's cells as they read, for carrying it elsewhere: Value2, Formula, number formats. */
function readOld(ws: EtWorksheet, first: number, lastRow: number, width: number) {
  const range = ws.Range(`A${first}:${columnLetters(width - 1)}${lastRow}`);
  const values = valueRows(range);
  const f = range.Formula;
  const formulas = Array.isArray(f) ? f : [[f]];
  return { values, formulas, formats: numberFormats(ws, first, 1, values) };
}

/** A carried cell at its new place, `by` rows from where it was. */
function carried(value: EtValue, formula: EtValue, format: string | undefined, by: number): Put {
  if (typeof formula === 'string' && formula.startsWith('='))
    return { v: `=${shiftFormula(formula.slice(1), by)}`, formula: true };
  if (value === null || value === undefined || value === '') return { v: '' };
  if (typeof value === 'number') {
    const error = ERROR_CODES.get(value);
    if (error) return { v: error }; // a typed error value, typed again
    return format === undefined ? { v: value } : { v: value, format };
  }
  return { v: typeof value === 'string' ? asText(value) : value };
}

/** The runs of consecutive defined cells of a row, as [from, to] column indexes. */
function runsOf(row: readonly (Put | undefined)[]): [number, number][] {
  const runs: [number, number][] = [];
  row.forEach((x, c) => {
    if (x === undefined) return;
    const tail = runs[runs.length - 1];
    if (tail && tail[1] === c - 1) tail[1] = c;
    else runs.push([c, c]);
  });
  return runs;
}

/** Number formats first (text retyping depends on them), each run of equal formats in a column at once. */
function writeFormats(
  ws: EtWorksheet,
  top: number,
  cells: readonly (readonly (Put | undefined)[])[],
  width: number,
) {
  for (let c = 0; c < width; c++) {
    const col = columnLetters(c);
    let start = 0;
    for (let r = 1; r <= cells.length; r++) {
      const here = cells[start]?.[c]?.format;
      if (r < cells.length && cells[r]?.[c]?.format === here) continue;
      if (here !== undefined) ws.Range(`${col}${top + start}:${col}${top + r - 1}`).NumberFormat = here;
      start = r;
    }
  }
}

/**
 * The changed cells, block by block: rows that change the same columns are grouped, and each
 * run of columns of a group is one assignment (Formula where it carries formulas, else Value2).
 */
function writeCells(ws: EtWorksheet, top: number, cells: readonly (readonly (Put | undefined)[])[]): void {
  for (let from = 0; from < cells.length; from += ROWS_PER_BLOCK) {
    const block = cells.slice(from, from + ROWS_PER_BLOCK);
    let start = 0;
    const shape = (row: readonly (Put | undefined)[] | undefined): string => runsOf(row ?? []).join(';');
    for (let r = 1; r <= block.length; r++) {
      if (r < block.length && shape(block[r]) === shape(block[start])) continue;
      const group = block.slice(start, r);
      const a = top + from + start;
      for (const [c0, c1] of runsOf(group[0] ?? [])) {
        const puts = group.map((row) => row.slice(c0, c1 + 1) as Put[]);
        const range = ws.Range(`${columnLetters(c0)}${a}:${columnLetters(c1)}${a + group.length - 1}`);
        const values = puts.map((row) => row.map((x) => x.v));
        if (puts.some((row) => row.some((x) => x.formula))) range.Formula = values;
        else range.Value2 = values;
      }
      start = r;
    }
  }
}

/** Drop-down lists on the table's new rows, one range per run of consecutive rows (Validation.Add). */
function writeDropDowns(ws: EtWorksheet, plan: TablePlan, fresh: readonly number[]): void {
  const runs: [number, number][] = [];
  for (const p of fresh) {
    const tail = runs[runs.length - 1];
    if (tail && tail[1] === p - 1) tail[1] = p;
    else runs.push([p, p]);
  }
  for (const c of plan.sheet.columns) {
    const col = plan.columns.get(c.key);
    if (!c.values || c.values.length === 0 || col === undefined) continue;
    const letters = columnLetters(col - 1);
    for (const [a, b] of runs) {
      const v = ws.Range(`${letters}${a}:${letters}${b}`).Validation;
      v.Delete();
      v.Add(XL_VALIDATE_LIST, XL_VALID_ALERT_STOP, XL_BETWEEN, c.values.join(','));
      v.InCellDropdown = true;
    }
  }
}

function mergeTable(app: EtApplication, plan: TablePlan, dropDowns: boolean): void {
  const ws = findWorksheet(app, plan.sheetName);
  if (!ws) throw new Error(`WPS has no sheet "${plan.sheetName}" to write into.`);
  const first = plan.headerRow + 1;
  const n = plan.rows.length;
  const end = Math.max(plan.lastRow, plan.headerRow + n);
  const width = Math.max(1, plan.width);
  const moves = plan.rows.some((p, i) => p.from !== undefined && p.from !== first + i);
  const old = moves && plan.lastRow >= first ? readOld(ws, first, plan.lastRow, width) : undefined;
  if (plan.shift > 0)
    ws.Range(`A${plan.room + 1}:A${plan.room + plan.shift}`).EntireRow.Insert(XL_SHIFT_DOWN);
  const specOf = new Map(plan.sheet.columns.map((c) => [c.key, c]));
  const cells: (Put | undefined)[][] = [];
  const fresh: number[] = [];
  for (let p = first; p <= end; p++) {
    const planned = plan.rows[p - first];
    const row: (Put | undefined)[] = Array<undefined>(width).fill(undefined);
    if (!planned || planned.from === undefined) {
      row.fill({ v: '' }); // a row the table no longer needs, or a new one: emptied, its look kept
      if (planned) fresh.push(p);
    } else if (planned.from !== p && old) {
      const i = planned.from - first;
      for (let c = 0; c < width; c++)
        row[c] = carried(
          old.values[i]?.[c],
          old.formulas[i]?.[c],
          old.formats.get(`${i},${c}`),
          p - planned.from,
        );
    }
    for (const [key, v] of Object.entries(planned?.values ?? {})) {
      const spec = specOf.get(key);
      const col = (plan.columns.get(key) ?? 0) - 1;
      if (!spec || col < 0 || col >= width) continue;
      const format = toolFormat(v, spec);
      row[col] = {
        v: wpsValue(v, spec, format ?? 'General'),
        ...(format !== undefined && { format }),
      };
    }
    cells.push(row);
  }
  writeFormats(ws, first, cells, width);
  writeCells(ws, first, cells);
  // The header's new columns (consecutive ones at once) and the titles of this run.
  const heads = [...plan.headerCells].sort((a, b) => a.col - b.col);
  for (let i = 0; i < heads.length;) {
    let j = i + 1;
    while (j < heads.length && (heads[j]?.col ?? 0) === (heads[j - 1]?.col ?? 0) + 1) j++;
    const run = heads.slice(i, j);
    const a = `${columnLetters((run[0]?.col ?? 1) - 1)}${plan.headerRow}`;
    const b = `${columnLetters((run[run.length - 1]?.col ?? 1) - 1)}${plan.headerRow}`;
    ws.Range(`${a}:${b}`).Value2 = [run.map((h) => asText(h.text))];
    i = j;
  }
  for (const t of plan.titles) ws.Range(`${columnLetters(t.col - 1)}${t.row}`).Value2 = asText(t.text);
  if (dropDowns) writeDropDowns(ws, plan, fresh);
}

/**
 * A run's tables into the open workbook (计算排名, 导入台账), as kpd writes them into a file:
 * merged into the sheets there (a person's columns, rows and notes kept), or added as new
 * sheets laid out as the templates are. Alerts and screen updating are off while writing.
 */
export function writeTables(
  app: EtApplication,
  writes: readonly TableWrite[],
  placeholders: ReadonlyMap<string, string>,
  options: { readonly dropDowns: boolean },
): void {
  const alerts = app.DisplayAlerts;
  const screen = app.ScreenUpdating;
  app.DisplayAlerts = false;
  app.ScreenUpdating = false;
  try {
    for (const w of writes) if (w.kind === 'merge') mergeTable(app, w.plan, options.dropDowns);
  } finally {
    app.DisplayAlerts = alerts;
    app.ScreenUpdating = screen;
  }
  const fresh = writes.flatMap((w) => (w.kind === 'fresh' ? [w.job] : []));
  if (fresh.length > 0) writeResultSheets(app, fresh, placeholders, options);
}
