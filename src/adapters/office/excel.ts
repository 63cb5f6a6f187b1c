import {
  columnLetters,
  dateCell,
  isDateCell,
  type Cell,
  type Row,
  type WorkbookGrid,
} from '../../core/grid.js';
import type { ColumnSpec, SheetSpec } from '../../core/schema/types.js';
import { isoDateTimeToSerial, isoDateToSerial } from '../../core/calendar/dates.js';
import { shiftFormula } from '../../core/table/formula.js';
import type { TablePlan, TableWrite } from '../../core/table/merge.js';
import { layoutSheet, numberFormat } from '../../core/template/layout.js';
import type { RowValues } from '../../core/template/samples.js';
import { isDateFormatCode } from '../xlsx-read/styles.js';

/**
 * The open workbook through Office.js, as the core sees every workbook: a WorkbookGrid in, result
 * sheets out. The task pane's only door to Excel; tested against a fake of the same API.
 */

/** One used range's values as grid rows, placed at their sheet position (row 1 = index 0). */
function rowsOf(range: Excel.Range): Row[] {
  if (range.isNullObject) return [];
  const values = range.values as unknown[][];
  const formats = range.numberFormat as unknown[][];
  const types = range.valueTypes as string[][];
  const rows: Cell[][] = Array.from({ length: range.rowIndex }, () => []);
  values.forEach((line, r) => {
    const row: Cell[] = Array.from({ length: range.columnIndex }, () => null);
    line.forEach((v, c) => {
      const type = types[r]?.[c];
      const format = String(formats[r]?.[c] ?? 'General');
      if (type === 'Empty' || v === '' || v === null || v === undefined) row.push(null);
      else if (type === 'Error') row.push({ kind: 'error', code: String(v) });
      else if (typeof v === 'number') row.push(isDateFormatCode(format) ? dateCell(v) : v);
      else if (typeof v === 'boolean') row.push(v);
      else row.push(String(v));
    });
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    rows.push(row);
  });
  return rows;
}

/** Reads every sheet's used range (cached values, number formats for dates) and the defined names. */
export async function readWorkbookGrid(context: Excel.RequestContext): Promise<WorkbookGrid> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  const names = context.workbook.names;
  names.load('items/name,items/formula');
  await context.sync();
  const ranges = sheets.items.map((ws) => {
    const r = ws.getUsedRangeOrNullObject(true);
    r.load('values,numberFormat,valueTypes,rowIndex,columnIndex');
    return r;
  });
  await context.sync();
  return {
    sheets: sheets.items.map((ws, i) => ({
      name: ws.name,
      rows: rowsOf(ranges[i] as Excel.Range),
      ...(ws.visibility !== 'Visible' && { hidden: true }),
    })),
    definedNames: new Map(names.items.map((n) => [n.name, String(n.formula).replace(/^=/u, '')])),
  };
}

const fill = (text: string, placeholders: ReadonlyMap<string, string>): string =>
  text.replace(/\{\{([^}]+)\}\}/gu, (m, k: string) => placeholders.get(k) ?? m);

/**
 * A value as Excel takes it: dates (and ISO dates and date-times in date and date-time columns)
 * as serials under a date format, as the file writer does; text that looks like a formula kept as text.
 */
function excelValue(v: Cell | undefined, c: ColumnSpec): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (isDateCell(v)) return v.serial;
  if (typeof v === 'object') return v.code;
  if (typeof v === 'string' && c.type === 'date' && /^\d{4}-\d{2}-\d{2}$/u.test(v)) return isoDateToSerial(v);
  if (typeof v === 'string' && c.type === 'datetime' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/u.test(v))
    return isoDateTimeToSerial(v);
  if (typeof v === 'string' && /^[=+\-@]/u.test(v)) return `'${v}`;
  return v;
}

/** Data rows written per round trip. */
const ROWS_PER_SYNC = 2000;

export interface ResultSheet {
  readonly sheet: SheetSpec;
  readonly rows: readonly RowValues[];
}

/**
 * Writes result sheets into the open workbook: each replaces the sheet of its name (or is added
 * at the end), laid out as our templates are — title, lead lines, header, rows with their number
 * formats and widths, frozen header. Nothing else in the workbook is touched.
 */
export async function writeResultSheets(
  context: Excel.RequestContext,
  tables: readonly ResultSheet[],
  placeholders: ReadonlyMap<string, string>,
  /** Drop-down lists on columns with a fixed vocabulary, as the templates have (ExcelApi 1.8). */
  options: { readonly dropDowns?: boolean } = {},
): Promise<void> {
  const sheets = context.workbook.worksheets;
  for (const t of tables) {
    const old = sheets.getItemOrNullObject(t.sheet.name);
    old.load('position');
    await context.sync();
    // A sheet written again keeps its place among the tabs (a new one goes last).
    const at = old.isNullObject ? undefined : old.position;
    if (!old.isNullObject) old.delete();
    const ws = sheets.add(t.sheet.name);
    if (at !== undefined) ws.position = at;
    const layout = layoutSheet(t.sheet, t.rows.length);
    const last = columnLetters(layout.lastCol - 1);
    // Values first, then the merge (Excel keeps the top-left value of a merged area).
    const title = ws.getRange(`A1:${last}1`);
    title.values = [[fill(t.sheet.title, placeholders), ...Array<string>(layout.lastCol - 1).fill('')]];
    title.merge();
    title.format.font.bold = true;
    title.format.font.size = 16;
    title.format.horizontalAlignment = 'Center';
    for (const l of layout.lead) {
      const r = ws.getRange(`A${l.row}:${last}${l.row}`);
      r.values = [[fill(l.text, placeholders), ...Array<string>(layout.lastCol - 1).fill('')]];
      r.merge();
      r.format.wrapText = true;
    }
    if (layout.unit) {
      // "单位：万元" above the header's last columns, right-aligned, as in the templates.
      const u = layout.unit;
      const r = ws.getRange(`${columnLetters(u.from - 1)}${u.row}:${columnLetters(u.to - 1)}${u.row}`);
      r.values = [['单位：万元', ...Array<string>(u.to - u.from).fill('')]];
      r.merge();
      r.format.horizontalAlignment = 'Right';
    }
    const header = ws.getRange(`A${layout.headerRow}:${last}${layout.headerRow}`);
    header.values = [t.sheet.columns.map((c) => c.header)];
    header.format.font.bold = true;
    header.format.fill.color = '#D9D9D9';
    header.format.wrapText = true;
    header.format.horizontalAlignment = 'Center';
    t.sheet.columns.forEach((c, i) => {
      const col = columnLetters(i);
      ws.getRange(`${col}:${col}`).format.columnWidth = (c.width ?? 10) * 7;
    });
    ws.freezePanes.freezeRows(layout.headerRow);
    if (options.dropDowns && t.rows.length > 0)
      t.sheet.columns.forEach((c, i) => {
        if (!c.values || c.values.length === 0) return;
        const col = columnLetters(i);
        const range = ws.getRange(
          `${col}${layout.firstDataRow}:${col}${layout.firstDataRow + t.rows.length - 1}`,
        );
        range.dataValidation.rule = { list: { inCellDropDown: true, source: c.values.join(',') } };
      });
    // Rows in blocks, each sent on its own: Excel on the web refuses a request over about 5 MB.
    for (let from = 0; from < t.rows.length; from += ROWS_PER_SYNC) {
      const rows = t.rows.slice(from, from + ROWS_PER_SYNC);
      const top = layout.firstDataRow + from;
      const data = ws.getRange(`A${top}:${last}${top + rows.length - 1}`);
      data.numberFormat = rows.map((row) =>
        t.sheet.columns.map((c) =>
          c.type === 'datetime'
            ? (numberFormat(c) ?? 'yyyy-mm-dd hh:mm')
            : isDateCell(row[c.key])
              ? 'yyyy-mm-dd'
              : (numberFormat(c) ?? 'General'),
        ),
      );
      data.values = rows.map((row) => t.sheet.columns.map((c) => excelValue(row[c.key], c)));
      await context.sync();
    }
    await context.sync();
  }
}

/**
 * A table plan (core/table/merge.ts) applied to the open sheet, as kpd applies it to a file:
 * the tool's cells written into their rows, a person's rows carried (values and formulas; a
 * formula moves as Excel moves it), what is below the table pushed down by inserting rows only
 * when the table outgrows the blank rows under it. Cells nobody changes are sent as null: Excel
 * leaves them, their formats and comments alone.
 */
async function mergeTable(context: Excel.RequestContext, plan: TablePlan, dropDowns: boolean): Promise<void> {
  const ws = context.workbook.worksheets.getItem(plan.sheetName);
  const first = plan.headerRow + 1;
  const n = plan.rows.length;
  const end = Math.max(plan.lastRow, plan.headerRow + n);
  const width = Math.max(1, plan.width);
  const last = columnLetters(width - 1);
  const moves = plan.rows.some((p, i) => p.from !== undefined && p.from !== first + i);
  let old: unknown[][] = [];
  if (moves && plan.lastRow >= first) {
    const r = ws.getRange(`A${first}:${last}${plan.lastRow}`);
    r.load('formulas');
    await context.sync();
    old = r.formulas as unknown[][];
  }
  if (plan.shift > 0) ws.getRange(`${plan.room + 1}:${plan.room + plan.shift}`).insert('Down');
  const specOf = new Map(plan.sheet.columns.map((c) => [c.key, c]));
  const cells: (string | number | boolean | null)[][] = [];
  const formats: (string | null)[][] = [];
  const fresh: number[] = [];
  for (let p = first; p <= end; p++) {
    const planned = plan.rows[p - first];
    const row: (string | number | boolean | null)[] = Array<null>(width).fill(null);
    const fmt: (string | null)[] = Array<null>(width).fill(null);
    if (!planned)
      row.fill(''); // a row the table no longer needs: emptied, its look kept
    else if (planned.from === undefined) {
      row.fill('');
      fresh.push(p);
    } else if (planned.from !== p) {
      const by = p - planned.from;
      (old[planned.from - first] ?? []).forEach((v, c) => {
        row[c] =
          typeof v === 'string' && v.startsWith('=') ? `=${shiftFormula(v.slice(1), by)}` : (v as string);
      });
    }
    for (const [key, v] of Object.entries(planned?.values ?? {})) {
      const spec = specOf.get(key);
      const col = (plan.columns.get(key) ?? 0) - 1;
      if (!spec || col < 0 || col >= width) continue;
      row[col] = excelValue(v, spec);
      if (typeof row[col] === 'number' && (spec.type === 'date' || spec.type === 'datetime' || isDateCell(v)))
        fmt[col] = numberFormat(spec) ?? 'yyyy-mm-dd';
    }
    cells.push(row);
    formats.push(fmt);
  }
  for (let from = 0; from < cells.length; from += ROWS_PER_SYNC) {
    const top = first + from;
    const block = cells.slice(from, from + ROWS_PER_SYNC);
    const range = ws.getRange(`A${top}:${last}${top + block.length - 1}`);
    const f = formats.slice(from, from + ROWS_PER_SYNC);
    if (f.some((r) => r.some((x) => x !== null))) range.numberFormat = f as string[][];
    range.formulas = block as string[][];
    await context.sync();
  }
  for (const h of plan.headerCells)
    ws.getRange(`${columnLetters(h.col - 1)}${plan.headerRow}`).values = [[h.text]];
  for (const t of plan.titles) ws.getRange(`${columnLetters(t.col - 1)}${t.row}`).values = [[t.text]];
  // The new rows get the template's drop-down lists, one range per run of consecutive rows.
  const runs: [number, number][] = [];
  for (const p of fresh) {
    const tail = runs[runs.length - 1];
    if (tail && tail[1] === p - 1) tail[1] = p;
    else runs.push([p, p]);
  }
  if (dropDowns)
    for (const c of plan.sheet.columns) {
      const col = plan.columns.get(c.key);
      if (!c.values || c.values.length === 0 || col === undefined) continue;
      const letters = columnLetters(col - 1);
      for (const [a, b] of runs)
        ws.getRange(`${letters}${a}:${letters}${b}`).dataValidation.rule = {
          list: { inCellDropDown: true, source: c.values.join(',') },
        };
    }
  await context.sync();
}

/**
 * A run's tables into the open workbook (计算排名, 导入台账), as kpd writes them into a file: merged
 * into the sheets there (a person's columns, rows and notes kept), or added as new sheets.
 */
export async function writeTables(
  context: Excel.RequestContext,
  writes: readonly TableWrite[],
  placeholders: ReadonlyMap<string, string>,
  options: { readonly dropDowns?: boolean } = {},
): Promise<void> {
  for (const w of writes)
    if (w.kind === 'merge') await mergeTable(context, w.plan, options.dropDowns === true);
  const fresh = writes.flatMap((w) => (w.kind === 'fresh' ? [w.job] : []));
  if (fresh.length > 0) await writeResultSheets(context, fresh, placeholders, options);
}
