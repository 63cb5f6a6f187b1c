import { columnLetters, isDateCell, type Cell } from '../../core/values/grid.js';
import { isoDateTimeToSerial, isoDateToSerial } from '../../core/values/dates.js';
import type { HostSheet } from '../../core/table/host.js';
import type { ColumnSpec } from '../../core/schema/types.js';
import { layoutSheet, numberFormat, type SheetLayout } from '../../core/template/layout.js';
import type { RowValues } from '../../core/template/samples.js';
import {
  XL_BETWEEN,
  XL_CENTER,
  XL_LANDSCAPE,
  XL_PAPER_A4,
  XL_PORTRAIT,
  XL_RIGHT,
  XL_VALID_ALERT_STOP,
  XL_VALIDATE_LIST,
  type EtApplication,
  type EtValue,
  type EtWorksheet,
} from './et-api.js';
import { findWorksheet } from './read.js';
import { formatMessage } from '../../core/issues/issue.js';

/**
 * Result sheets written into the open workbook of WPS 表格, laid out as our templates are
 * (core/template/layout.ts): title, lead lines, "单位：万元", header, rows with their number
 * formats, widths, frozen header, A4 print set-up, drop-down lists. Values go in one Value2
 * assignment per block of rows, formats in one assignment per run of equal formats in a column.
 */

/** Data rows per Value2 assignment: bounded memory per call, whatever the number of rows. */
export const ROWS_PER_BLOCK = 2000;

const HEADER_GREY = 0xd9d9d9; // BGR of #D9D9D9 (a grey reads the same either way)

const fill = (text: string, placeholders: ReadonlyMap<string, string>): string =>
  text.replace(/\{\{([^}]+)\}\}/gu, (m, k: string) => placeholders.get(k) ?? m);

/**
 * Text WPS would take for something else when assigned to a cell that is not formatted as text
 * (a number, a date, a truth value, a formula), as typing it would. Such text is written with
 * Excel's apostrophe prefix, which keeps it text and is not part of the value.
 */
const RETYPED =
  /^\s*(?:[-+]?(?:\d[\d,]*\.?\d*|\.\d+)(?:e[-+]?\d+)?%?|\d{1,4}[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?.*|true|false)\s*$/iu;

/** Text as WPS keeps it in a cell not formatted as text: with the apostrophe where it would be retyped. */
export const asText = (v: string): string => (/^[=+\-@']/u.test(v) || RETYPED.test(v) ? `'${v}` : v);

/** A value as WPS takes it in a column of this format: dates as serials, text kept text. */
export function wpsValue(v: Cell | undefined, c: ColumnSpec, format: string): EtValue {
  if (v === null || v === undefined) return '';
  if (isDateCell(v)) return v.serial;
  if (typeof v === 'object') return v.code;
  if (typeof v !== 'string') return v;
  if (c.type === 'date' && /^\d{4}-\d{2}-\d{2}$/u.test(v)) return isoDateToSerial(v);
  if (c.type === 'datetime' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/u.test(v)) return isoDateTimeToSerial(v);
  if (format !== '@') return asText(v);
  return /^[=+\-@']/u.test(v) ? `'${v}` : v;
}

function cellFormat(c: ColumnSpec, v: Cell | undefined): string {
  if (c.type === 'datetime') return numberFormat(c) ?? 'yyyy-mm-dd hh:mm';
  if (isDateCell(v)) return 'yyyy-mm-dd';
  return numberFormat(c) ?? 'General';
}

/** A new sheet where `name` was (keeping its tab position), or after the last sheet. */
function replaceSheet(app: EtApplication, name: string): EtWorksheet {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new Error('WPS has no open workbook to write into.');
  const old = findWorksheet(app, name);
  const ws = old ? wb.Sheets.Add(old) : wb.Sheets.Add(undefined, wb.Sheets.Item(wb.Sheets.Count));
  old?.Delete();
  ws.Name = name;
  return ws;
}

function writeFrame(
  ws: EtWorksheet,
  t: HostSheet,
  layout: SheetLayout,
  placeholders: ReadonlyMap<string, string>,
): void {
  const last = columnLetters(layout.lastCol - 1);
  // Values first, then the merge (the top-left value is the one a merged area keeps).
  ws.Range('A1').Value2 = asText(fill(t.sheet.title, placeholders));
  const title = ws.Range(`A1:${last}1`);
  title.Merge();
  title.Font.Bold = true;
  title.Font.Size = 16;
  title.HorizontalAlignment = XL_CENTER;
  for (const l of layout.lead) {
    ws.Range(`A${l.row}`).Value2 = asText(fill(l.text, placeholders));
    const r = ws.Range(`A${l.row}:${last}${l.row}`);
    r.Merge();
    r.WrapText = true;
  }
  if (layout.unit) {
    const u = layout.unit;
    ws.Range(`${columnLetters(u.from - 1)}${u.row}`).Value2 = formatMessage('template.unit', {});
    const r = ws.Range(`${columnLetters(u.from - 1)}${u.row}:${columnLetters(u.to - 1)}${u.row}`);
    r.Merge();
    r.HorizontalAlignment = XL_RIGHT;
  }
  const header = ws.Range(`A${layout.headerRow}:${last}${layout.headerRow}`);
  header.Value2 = [t.sheet.columns.map((c) => asText(c.header))];
  header.Font.Bold = true;
  header.Interior.Color = HEADER_GREY;
  header.WrapText = true;
  header.HorizontalAlignment = XL_CENTER;
  t.sheet.columns.forEach((c, i) => {
    const col = columnLetters(i);
    ws.Range(`${col}:${col}`).ColumnWidth = c.width ?? 12;
  });
}

/** The rows, block by block: each column's formats by runs, then one Value2 per block. */
function writeRows(ws: EtWorksheet, t: HostSheet, layout: SheetLayout): void {
  const last = columnLetters(layout.lastCol - 1);
  for (let from = 0; from < t.rows.length; from += ROWS_PER_BLOCK) {
    const rows: readonly RowValues[] = t.rows.slice(from, from + ROWS_PER_BLOCK);
    const top = layout.firstDataRow + from;
    const formats = rows.map((row) => t.sheet.columns.map((c) => cellFormat(c, row[c.key])));
    t.sheet.columns.forEach((_, ci) => {
      const col = columnLetters(ci);
      let start = 0;
      for (let r = 1; r <= rows.length; r++) {
        if (r < rows.length && formats[r]?.[ci] === formats[start]?.[ci]) continue;
        ws.Range(`${col}${top + start}:${col}${top + r - 1}`).NumberFormat =
          formats[start]?.[ci] ?? 'General';
        start = r;
      }
    });
    ws.Range(`A${top}:${last}${top + rows.length - 1}`).Value2 = rows.map((row, r) =>
      t.sheet.columns.map((c, ci) => wpsValue(row[c.key], c, formats[r]?.[ci] ?? 'General')),
    );
  }
}

/** Frozen header (a window setting: the sheet is activated for it) and A4 print set-up, as the templates have. */
function writeView(app: EtApplication, ws: EtWorksheet, t: HostSheet, layout: SheetLayout): void {
  ws.Activate();
  const win = app.ActiveWindow;
  if (win) {
    win.FreezePanes = false;
    win.SplitColumn = 0;
    win.SplitRow = layout.headerRow;
    win.FreezePanes = true;
  }
  const page = ws.PageSetup;
  page.Orientation = t.sheet.landscape ? XL_LANDSCAPE : XL_PORTRAIT;
  page.PaperSize = XL_PAPER_A4;
  page.Zoom = false;
  page.FitToPagesWide = 1;
  page.FitToPagesTall = false;
  page.CenterHorizontally = true;
  page.PrintTitleRows = `$${layout.headerRow}:$${layout.headerRow}`;
}

/** Drop-down lists on the written rows of columns with a fixed vocabulary (Validation.Add). */
function writeDropDowns(ws: EtWorksheet, t: HostSheet, layout: SheetLayout): void {
  if (t.rows.length === 0) return;
  t.sheet.columns.forEach((c, i) => {
    if (!c.values || c.values.length === 0) return;
    const col = columnLetters(i);
    const v = ws.Range(
      `${col}${layout.firstDataRow}:${col}${layout.firstDataRow + t.rows.length - 1}`,
    ).Validation;
    v.Delete();
    v.Add(XL_VALIDATE_LIST, XL_VALID_ALERT_STOP, XL_BETWEEN, c.values.join(','));
    v.InCellDropdown = true;
  });
}

/**
 * Writes result sheets into the active workbook: each replaces the sheet of its name in its tab
 * position (or goes last). Alerts are off while a replaced sheet is deleted (Worksheet.Delete asks
 * the person to confirm otherwise) and the screen is not redrawn while writing; both are restored.
 */
export function writeResultSheets(
  app: EtApplication,
  sheets: readonly HostSheet[],
  placeholders: ReadonlyMap<string, string>,
  options: { readonly dropDowns: boolean },
): void {
  const alerts = app.DisplayAlerts;
  const screen = app.ScreenUpdating;
  app.DisplayAlerts = false;
  app.ScreenUpdating = false;
  try {
    for (const t of sheets) {
      const ws = replaceSheet(app, t.sheet.name);
      const layout = layoutSheet(t.sheet, t.rows.length);
      writeFrame(ws, t, layout, placeholders);
      writeRows(ws, t, layout);
      writeView(app, ws, t, layout);
      if (options.dropDowns) writeDropDowns(ws, t, layout);
    }
  } finally {
    app.DisplayAlerts = alerts;
    app.ScreenUpdating = screen;
  }
}
