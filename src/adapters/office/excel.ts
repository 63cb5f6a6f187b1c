import {
  columnLetters,
  dateCell,
  isDateCell,
  type Cell,
  type Row,
  type WorkbookGrid,
} from '../../core/values/grid.js';
import type { ColumnSpec, SheetSpec } from '../../core/schema/types.js';
import { isoDateTimeToSerial, isoDateToSerial } from '../../core/values/dates.js';
import { looksLikeFormula } from '../../core/values/text.js';
import { shiftFormula } from '../../core/table/formula.js';
import type { TablePlan, TableWrite } from '../../core/table/merge.js';
import { layoutSheet, numberFormat } from '../../core/template/layout.js';
import type { RowValues } from '../../core/template/samples.js';
import { isDateFormatCode } from '../xlsx-read/styles.js';
import { has, type ExcelHost } from './requirements.js';
import { formatMessage } from '../../core/issues/issue.js';

/**
 * The open workbook through Office.js, as the core sees every workbook: a WorkbookGrid in, result
 * sheets out. The task pane's only door to Excel; tested against a fake of the same API that
 * refuses members above the requirement set a test declares and payloads over 4 MB.
 *
 * Excel on the web refuses a request or a response over about 5 MB, so everything is read and
 * written in pieces that stay near PIECE_BYTES: however big the workbook, the round trips grow
 * with its size in bytes, not with its rows or sheets.
 */

/** What one round trip aims at; twice the margin below the 4 MB the tests allow (Excel: 5 MB). */
const PIECE_BYTES = 2_000_000;
/** Bytes per cell assumed for a sheet not read yet (values, number formats and value types). */
const FIRST_GUESS_PER_CELL = 64;
/** The first piece of a sheet is small: its real density is not known yet. */
const PROBE_BYTES = 400_000;

/**
 * Bytes of a value as JSON, counting characters outside ASCII as \uXXXX escapes (6 bytes):
 * no less than what Office sends, whichever way it encodes text.
 */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? '';
  let n = s.length;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) n += 5;
  return n;
}

/** A1 address of a 0-based, inclusive box. */
const boxAddress = (top: number, left: number, bottom: number, right: number): string =>
  `${columnLetters(left)}${top + 1}:${columnLetters(right)}${bottom + 1}`;

/** One cell as the core sees it, from the value, its number format and Excel's value type. */
function cellOf(v: unknown, format: unknown, type: string | undefined): Cell {
  if (type === 'Empty' || v === '' || v === null || v === undefined) return null;
  if (type === 'Error') return { kind: 'error', code: String(v) };
  if (typeof v === 'number') return isDateFormatCode(String(format ?? 'General')) ? dateCell(v) : v;
  if (typeof v === 'boolean') return v;
  return String(v);
}

/** A rectangle of one sheet to read (0-based, inclusive). */
interface SheetBox {
  readonly ws: Excel.Worksheet;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * Reads the boxes' cells (values, number formats, value types) in as few round trips as fit
 * PIECE_BYTES each: a sheet is cut into row blocks sized from the densest rows read so far,
 * small sheets share a round trip. Returns, per box, its rows placed at their sheet position.
 */
export async function readBoxes(context: Excel.RequestContext, boxes: readonly SheetBox[]): Promise<Row[][]> {
  const state = boxes.map((b) => ({ b, next: b.top, perCell: 0, rows: [] as Row[] }));
  for (;;) {
    let budget = PIECE_BYTES;
    const pieces: { s: (typeof state)[number]; range: Excel.Range; top: number }[] = [];
    for (const s of state) {
      const cols = s.b.right - s.b.left + 1;
      while (s.next <= s.b.bottom && budget > 0) {
        const known = s.perCell > 0;
        const perRow = cols * (known ? s.perCell : FIRST_GUESS_PER_CELL);
        const allowance = known ? budget : Math.min(budget, PROBE_BYTES);
        const fits = Math.floor(allowance / perRow);
        if (fits < 1 && pieces.length > 0) break;
        const n = Math.max(1, Math.min(s.b.bottom - s.next + 1, fits));
        const range = s.b.ws.getRange(boxAddress(s.next, s.b.left, s.next + n - 1, s.b.right));
        range.load('values,numberFormat,valueTypes');
        pieces.push({ s, range, top: s.next });
        s.next += n;
        budget -= n * perRow;
        if (!known) break; // measure the probe before planning more of this sheet
      }
      if (budget <= 0) break;
    }
    if (pieces.length === 0) break;
    await context.sync();
    for (const { s, range, top } of pieces) {
      const values = range.values as unknown[][];
      const formats = range.numberFormat as unknown[][];
      const types = range.valueTypes as string[][];
      const cols = s.b.right - s.b.left + 1;
      values.forEach((line, r) => {
        // The densest row read so far sizes the next blocks of this sheet.
        const bytes = jsonBytes(line) + jsonBytes(formats[r]) + jsonBytes(types[r]);
        s.perCell = Math.max(s.perCell, bytes / cols);
        const row: Cell[] = Array.from({ length: s.b.left }, () => null);
        line.forEach((v, c) => row.push(cellOf(v, formats[r]?.[c], types[r]?.[c])));
        while (row.length > 0 && row[row.length - 1] === null) row.pop();
        s.rows[top + r] = row;
      });
    }
  }
  return state.map((s) => Array.from({ length: s.rows.length }, (_, i) => s.rows[i] ?? []));
}

/** A sheet of the open workbook: its id (stable across renames), name and visibility. */
export interface SheetInfo {
  readonly id: string;
  readonly name: string;
  readonly hidden: boolean;
}

/** The sheets in tab order and the workbook's defined names, in one round trip. */
export async function listSheets(
  context: Excel.RequestContext,
  excel: Pick<ExcelHost, 'supports'>,
): Promise<{ sheets: SheetInfo[]; definedNames: Map<string, string> }> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/id,items/name,items/visibility');
  const names = context.workbook.names;
  // Before ExcelApi 1.7 a name has no formula; its value is the same text for a name of a cell.
  const formula = has(excel, 'nameFormula');
  names.load(formula ? 'items/name,items/formula' : 'items/name,items/value');
  await context.sync();
  return {
    sheets: sheets.items.map((ws) => ({ id: ws.id, name: ws.name, hidden: ws.visibility !== 'Visible' })),
    definedNames: new Map(
      names.items.map((n) => [n.name, String(formula ? n.formula : n.value).replace(/^=/u, '')]),
    ),
  };
}

/** The used range of each sheet as a box to read (none for an empty sheet). */
async function usedBoxes(
  context: Excel.RequestContext,
  excel: Pick<ExcelHost, 'supports'>,
  sheets: readonly SheetInfo[],
): Promise<(SheetBox | undefined)[]> {
  const used = sheets.map((s) => {
    const ws = context.workbook.worksheets.getItem(s.id);
    // Cells with values only (1.2); *OrNullObject says "empty" instead of giving A1 (1.4).
    const r = has(excel, 'nullObjects')
      ? ws.getUsedRangeOrNullObject(true)
      : has(excel, 'valuesOnlyUsedRange')
        ? ws.getUsedRange(true)
        : ws.getUsedRange();
    r.load('rowIndex,columnIndex,rowCount,columnCount');
    return { ws, r };
  });
  await context.sync();
  return used.map(({ ws, r }) =>
    has(excel, 'nullObjects') && r.isNullObject
      ? undefined
      : {
          ws,
          top: r.rowIndex,
          left: r.columnIndex,
          bottom: r.rowIndex + r.rowCount - 1,
          right: r.columnIndex + r.columnCount - 1,
        },
  );
}

/** The whole of some sheets, rows placed at their sheet position (row 1 = index 0). */
export async function readSheetRows(
  context: Excel.RequestContext,
  excel: Pick<ExcelHost, 'supports'>,
  sheets: readonly SheetInfo[],
): Promise<Row[][]> {
  const boxes = await usedBoxes(context, excel, sheets);
  const present = boxes.filter((b): b is SheetBox => b !== undefined);
  const read = await readBoxes(context, present);
  let i = 0;
  return boxes.map((b) => (b === undefined ? [] : (read[i++] as Row[])));
}

/** Reads every sheet (cached values, number formats for dates) and the defined names. */
export async function readWorkbookGrid(
  context: Excel.RequestContext,
  excel: Pick<ExcelHost, 'supports'>,
): Promise<WorkbookGrid> {
  const { sheets, definedNames } = await listSheets(context, excel);
  const rows = await readSheetRows(context, excel, sheets);
  return {
    sheets: sheets.map((s, i) => ({ name: s.name, rows: rows[i] ?? [], ...(s.hidden && { hidden: true }) })),
    definedNames,
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
  if (typeof v === 'string' && looksLikeFormula(v)) return `'${v}`;
  return v;
}

interface ResultSheet {
  readonly sheet: SheetSpec;
  readonly rows: readonly RowValues[];
}

/** A row of blanks after the first cell: the values of a title or lead line across the table. */
const across = (text: string, width: number): string[][] => [[text, ...Array<string>(width - 1).fill('')]];

/**
 * Writes result sheets into the open workbook: each replaces the sheet of its name (keeping its
 * tab position) or is added at the end, laid out as our templates are — title, lead lines,
 * header, rows with their number formats, then what this Excel can do of the rest: merged title
 * and widths (ExcelApi 1.2; else the title is centred across the columns), frozen header (1.7),
 * drop-down lists when asked (1.8). Nothing else in the workbook is touched.
 */
export async function writeResultSheets(
  context: Excel.RequestContext,
  excel: Pick<ExcelHost, 'supports'>,
  tables: readonly ResultSheet[],
  placeholders: ReadonlyMap<string, string>,
  /** Drop-down lists on columns with a fixed vocabulary, as the templates have (ExcelApi 1.8). */
  options: { readonly dropDowns?: boolean } = {},
): Promise<void> {
  const sheets = context.workbook.worksheets;
  const merge = has(excel, 'mergeAndWidths');
  // Before ExcelApi 1.4 a missing sheet cannot be asked for: the names are listed once.
  let existing: Set<string> | undefined;
  if (!has(excel, 'nullObjects')) {
    sheets.load('items/name');
    await context.sync();
    existing = new Set(sheets.items.map((s) => s.name));
  }
  for (const t of tables) {
    let old: Excel.Worksheet | undefined;
    if (existing) {
      if (existing.has(t.sheet.name)) old = sheets.getItem(t.sheet.name);
    } else old = sheets.getItemOrNullObject(t.sheet.name);
    old?.load('position');
    if (old) await context.sync();
    // A sheet written again keeps its place among the tabs (a new one goes last).
    const at = old && !(existing === undefined && old.isNullObject) ? old.position : undefined;
    if (at !== undefined) old?.delete();
    const ws = sheets.add(t.sheet.name);
    existing?.add(t.sheet.name);
    if (at !== undefined) ws.position = at;
    const layout = layoutSheet(t.sheet, t.rows.length);
    const width = layout.lastCol;
    const last = columnLetters(width - 1);
    // Values first, then the merge (Excel keeps the top-left value of a merged area).
    const title = ws.getRange(`A1:${last}1`);
    title.values = across(fill(t.sheet.title, placeholders), width);
    title.format.font.bold = true;
    title.format.font.size = 16;
    if (merge) {
      title.merge();
      title.format.horizontalAlignment = 'Center';
    } else title.format.horizontalAlignment = 'CenterAcrossSelection';
    for (const l of layout.lead) {
      const r = ws.getRange(`A${l.row}:${last}${l.row}`);
      r.values = across(fill(l.text, placeholders), width);
      if (merge) {
        r.merge();
        r.format.wrapText = true;
      }
    }
    if (layout.unit) {
      // "单位：万元" above the header's last columns, right-aligned, as in the templates.
      const u = layout.unit;
      if (merge) {
        const r = ws.getRange(`${columnLetters(u.from - 1)}${u.row}:${columnLetters(u.to - 1)}${u.row}`);
        r.values = across(formatMessage('template.unit', {}), u.to - u.from + 1);
        r.merge();
        r.format.horizontalAlignment = 'Right';
      } else {
        const r = ws.getRange(`${columnLetters(u.to - 1)}${u.row}`);
        r.values = [[formatMessage('template.unit', {})]];
        r.format.horizontalAlignment = 'Right';
      }
    }
    const header = ws.getRange(`A${layout.headerRow}:${last}${layout.headerRow}`);
    header.values = [t.sheet.columns.map((c) => c.header)];
    header.format.font.bold = true;
    header.format.fill.color = '#D9D9D9';
    header.format.wrapText = true;
    header.format.horizontalAlignment = 'Center';
    if (merge)
      t.sheet.columns.forEach((c, i) => {
        const col = columnLetters(i);
        ws.getRange(`${col}:${col}`).format.columnWidth = (c.width ?? 10) * 7;
      });
    if (has(excel, 'freezePanes')) ws.freezePanes.freezeRows(layout.headerRow);
    if (options.dropDowns && has(excel, 'dropDowns') && t.rows.length > 0)
      t.sheet.columns.forEach((c, i) => {
        if (!c.values || c.values.length === 0) return;
        const col = columnLetters(i);
        const range = ws.getRange(
          `${col}${layout.firstDataRow}:${col}${layout.firstDataRow + t.rows.length - 1}`,
        );
        range.dataValidation.rule = { list: { inCellDropDown: true, source: c.values.join(',') } };
      });
    // Rows in blocks of about PIECE_BYTES, each sent on its own.
    let block: { values: (string | number | boolean)[][]; formats: string[][]; bytes: number } = {
      values: [],
      formats: [],
      bytes: 0,
    };
    let top = layout.firstDataRow;
    const flush = async (): Promise<void> => {
      if (block.values.length === 0) return;
      const data = ws.getRange(`A${top}:${last}${top + block.values.length - 1}`);
      data.numberFormat = block.formats;
      data.values = block.values;
      await context.sync();
      top += block.values.length;
      block = { values: [], formats: [], bytes: 0 };
    };
    for (const row of t.rows) {
      const formats = t.sheet.columns.map((c) =>
        c.type === 'datetime'
          ? (numberFormat(c) ?? 'yyyy-mm-dd hh:mm')
          : isDateCell(row[c.key])
            ? 'yyyy-mm-dd'
            : (numberFormat(c) ?? 'General'),
      );
      const values = t.sheet.columns.map((c) => excelValue(row[c.key], c));
      const bytes = jsonBytes(values) + jsonBytes(formats);
      if (block.bytes + bytes > PIECE_BYTES) await flush();
      block.values.push(values);
      block.formats.push(formats);
      block.bytes += bytes;
    }
    await flush();
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
async function mergeTable(
  context: Excel.RequestContext,
  excel: Pick<ExcelHost, 'supports'>,
  plan: TablePlan,
  dropDowns: boolean,
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(plan.sheetName);
  const first = plan.headerRow + 1;
  const n = plan.rows.length;
  const end = Math.max(plan.lastRow, plan.headerRow + n);
  const width = Math.max(1, plan.width);
  const last = columnLetters(width - 1);
  const moves = plan.rows.some((p, i) => p.from !== undefined && p.from !== first + i);
  const old: unknown[][] = [];
  if (moves && plan.lastRow >= first) {
    // Read in row blocks sized from what came back, so no response grows past PIECE_BYTES.
    let rowsPer = 2000;
    for (let top = first; top <= plan.lastRow;) {
      const bottom = Math.min(plan.lastRow, top + rowsPer - 1);
      const r = ws.getRange(`A${top}:${last}${bottom}`);
      r.load('formulas');
      await context.sync();
      const got = r.formulas as unknown[][];
      old.push(...got);
      const perRow = jsonBytes(got) / Math.max(1, got.length);
      rowsPer = Math.max(1, Math.floor(PIECE_BYTES / Math.max(1, perRow)));
      top = bottom + 1;
    }
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
  // Rows in blocks of about PIECE_BYTES, each sent on its own.
  for (let from = 0; from < cells.length;) {
    let to = from;
    let bytes = 0;
    while (to < cells.length && (to === from || bytes + jsonBytes(cells[to]) * 2 <= PIECE_BYTES))
      bytes += jsonBytes(cells[to++]) * 2;
    const top = first + from;
    const block = cells.slice(from, to);
    const range = ws.getRange(`A${top}:${last}${top + block.length - 1}`);
    const f = formats.slice(from, to);
    if (f.some((r) => r.some((x) => x !== null))) range.numberFormat = f as string[][];
    range.formulas = block as string[][];
    await context.sync();
    from = to;
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
  if (dropDowns && has(excel, 'dropDowns'))
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
  excel: Pick<ExcelHost, 'supports'>,
  writes: readonly TableWrite[],
  placeholders: ReadonlyMap<string, string>,
  options: { readonly dropDowns?: boolean } = {},
): Promise<void> {
  for (const w of writes)
    if (w.kind === 'merge') await mergeTable(context, excel, w.plan, options.dropDowns === true);
  const fresh = writes.flatMap((w) => (w.kind === 'fresh' ? [w.job] : []));
  if (fresh.length > 0) await writeResultSheets(context, excel, fresh, placeholders, options);
}
