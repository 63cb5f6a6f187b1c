import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { reproducible } from '../zip-writer.js';
import type { Cell } from '../../core/values/grid.js';
import { isDateCell } from '../../core/values/grid.js';
import { isoDateToSerial, isoDateTimeToSerial } from '../../core/values/dates.js';
import { columnLetters } from '../../core/values/grid.js';
import type { ColumnSpec, SheetSpec, TemplateSpec } from '../../core/schema/types.js';
import {
  displayWidth,
  FIELD_FORMATS,
  layoutSheet,
  numberFormat,
  type SheetLayout,
} from '../../core/template/layout.js';
import type { RowValues } from '../../core/template/samples.js';
import { META_LABELS, META_SHEET, TEMPLATE_NAME, templateMark } from '../../core/workbook/identify.js';
import { GENERATOR, MARK_LABEL } from '../../core/schema/workbook-meta.js';
import { JOINERS } from '../../core/schema/punctuation.js';
import { formatMessage } from '../../core/issues/issue.js';
import {
  A3,
  A4,
  BODY_FONT,
  BOX,
  EXAMPLE_FONT,
  HEADER_FILL,
  HEADER_FONT,
  LABEL_FONT,
  NOTE_FONT,
  TITLE_FONT,
  TOTAL_FILL,
  UNDERLINE,
} from './style.js';
import { validationFor } from './validation.js';
import { TABLE_MARGINS, tablePrint } from '../../core/template/print.js';

export interface TemplateFill {
  /** Rows to write into each sheet, by sheet key. */
  readonly rows?: Readonly<Record<string, readonly RowValues[]>>;
  /** Field values of form sheets, by sheet key then field key. */
  readonly fields?: Readonly<Record<string, Readonly<Record<string, Cell | undefined>>>>;
  /** Rows shown as worked examples (grey italic) rather than data. */
  readonly examples?: boolean;
  /** Fixed document time, so the same input gives the same file. */
  readonly created?: Date;
}

/** Rows with validation beyond the prepared ones, so a ledger can grow and stay checked. */
const LEDGER_VALIDATION_ROWS = 2000;
export const FIXED_TIME = new Date(Date.UTC(2026, 0, 1));

/** ISO strings become Excel dates for date columns; everything else is written as given. */
function toExcel(v: Cell | undefined, col: ColumnSpec | undefined): ExcelJS.CellValue {
  if (v === undefined || v === null) return null;
  if (isDateCell(v)) return new Date(Math.round((v.serial - 25_569) * 86_400_000));
  if (typeof v === 'object') return { error: v.code as '#N/A' };
  // Only ISO text becomes a date; anything else is written as typed (a person's "2026.11.3").
  if (
    typeof v === 'string' &&
    col &&
    (col.type === 'date' || col.type === 'datetime') &&
    /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/u.test(v)
  ) {
    const serial = col.type === 'date' ? isoDateToSerial(v) : isoDateTimeToSerial(v);
    if (Number.isFinite(serial)) return new Date(Math.round((serial - 25_569) * 86_400_000));
  }
  return v;
}

function writeSheet(
  wb: ExcelJS.Workbook,
  spec: SheetSpec,
  fill: TemplateFill,
  allSpecs: readonly SheetSpec[],
): void {
  const rows = fill.rows?.[spec.key] ?? [];
  const layout = layoutSheet(spec, Math.max(spec.blankRows ?? 0, rows.length, 1));
  const ws = newSheet(wb, spec, layout);
  const print = setUpPage(ws, spec, layout);
  writeTitle(ws, spec, layout, print.pagesWide);
  writeFields(ws, spec, layout, fill);
  writeUnit(ws, layout);
  writeHeader(ws, spec, layout);
  writeRows(ws, spec, layout, rows, fill.examples === true);
  writeValidations(ws, spec, layout, allSpecs);
  addHighlights(ws, spec, layout);

  if (layout.totalRow !== undefined) writeTotal(ws, spec, layout);
  writeNotes(ws, spec, layout);
}

/** The sheet, its header frozen, its columns as wide as the schema says (a field's label fits). */
function newSheet(wb: ExcelJS.Workbook, spec: SheetSpec, layout: SheetLayout): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.name, {
    // An annex (数据问题, 来源 …) stays with the document for the office, hidden so that printing
    // the whole workbook gives the document proper in Excel, WPS and LibreOffice alike.
    ...(spec.annex && { state: 'hidden' }),
    views: [
      {
        state: 'frozen',
        xSplit: 0,
        ySplit: layout.headerRow,
        topLeftCell: `A${layout.firstDataRow}`,
        activeCell: `A${layout.firstDataRow}`,
      },
    ],
    headerFooter: { oddFooter: formatMessage('template.pageFooter', {}) },
  });
  spec.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width ?? 12));
  // A field label must fit its column: widen the column rather than cut the label.
  for (const f of layout.fields) {
    const col = ws.getColumn(f.labelCol);
    col.width = Math.max(col.width ?? 12, displayWidth(f.field.label) + 4);
  }
  return ws;
}

/** The paper that keeps every text ≥ 9 pt when the sheet is fit to the page's width. */
function setUpPage(ws: ExcelJS.Worksheet, spec: SheetSpec, layout: SheetLayout): { pagesWide: number } {
  const print = tablePrint(
    spec,
    Array.from({ length: layout.lastCol }, (_, i) => ws.getColumn(i + 1).width ?? 12),
  );
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: (print.paper === 'A3' ? A3 : A4) as number as ExcelJS.PageSetup['paperSize'],
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.pagesWide,
    fitToHeight: 0,
    // A ledger printed two pages wide: each band of rows left part then right part.
    ...(print.pagesWide > 1 && { pageOrder: 'overThenDown' }),
    horizontalCentered: true,
    margins: TABLE_MARGINS,
    ...(!spec.chartsBelow && { printTitlesRow: `${layout.headerRow}:${layout.headerRow}` }),
  };
  return print;
}

/** The title over the table, and the lead lines under it. */
function writeTitle(ws: ExcelJS.Worksheet, spec: SheetSpec, layout: SheetLayout, pagesWide: number): void {
  ws.mergeCells(1, 1, 1, layout.lastCol);
  const title = ws.getCell(1, 1);
  title.value = spec.title;
  title.font = TITLE_FONT;
  // Centred over a sheet printed two pages wide, the title would be cut at the page's edge.
  title.alignment = { horizontal: pagesWide > 1 ? 'left' : 'center', vertical: 'middle' };
  ws.getRow(1).height = 36;

  layout.lead.forEach((l, i) => {
    ws.mergeCells(l.row, 1, l.row, layout.lastCol);
    const cell = ws.getCell(l.row, 1);
    cell.value = l.text;
    cell.font = BODY_FONT;
    cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    const lines = Math.max(Math.ceil(displayWidth(l.text) / totalWidth(spec)), spec.leadLines?.[i] ?? 1);
    ws.getRow(l.row).height = Math.max(20, lines * LINE_HEIGHT + 6);
  });
}

/** "单位：万元" above the table's money columns. */
function writeUnit(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  if (layout.unit) {
    ws.mergeCells(layout.unit.row, layout.unit.from, layout.unit.row, layout.unit.to);
    const u = ws.getCell(layout.unit.row, layout.unit.from);
    u.value = formatMessage('template.unit', {});
    u.font = BODY_FONT;
    u.alignment = { horizontal: 'right', vertical: 'middle' };
  }
}

function writeHeader(ws: ExcelJS.Worksheet, spec: SheetSpec, layout: SheetLayout): void {
  const header = ws.getRow(layout.headerRow);
  // Room for the longest header as it wraps in its column (narrow columns, whole words).
  header.height = Math.max(
    34,
    ...spec.columns.map(
      (c) => Math.ceil(displayWidth(c.header) / Math.max(1, (c.width ?? 12) - 1)) * LINE_HEIGHT + 4,
    ),
  );
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.border = BOX;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
}

/** Data rows: formats, borders, formulas, values (examples in grey italic). */
function writeRows(
  ws: ExcelJS.Worksheet,
  spec: SheetSpec,
  layout: SheetLayout,
  rows: readonly RowValues[],
  examples: boolean,
): void {
  for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
    const values = rows[r - layout.firstDataRow];
    const row = ws.getRow(r);
    // Every program lays rows out differently unless told: give each row the height its
    // wrapped text needs (Excel, WPS and LibreOffice then agree).
    row.height = values ? rowHeight(spec, values) : 20;
    spec.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.border = BOX;
      cell.font = examples && values ? EXAMPLE_FONT : BODY_FONT;
      const fmt = numberFormat(c);
      if (fmt) cell.numFmt = fmt;
      cell.alignment = alignmentFor(c);
      if (c.formula) {
        cell.value = { formula: c.formula(rowRefs(layout, r)) };
      } else if (values) {
        cell.value = toExcel(values[c.key], c);
      }
    });
  }
}

function writeValidations(
  ws: ExcelJS.Worksheet,
  spec: SheetSpec,
  layout: SheetLayout,
  allSpecs: readonly SheetSpec[],
): void {
  // Validation: over the prepared rows of a form, far further down a ledger.
  const lastValidated = spec.totalRow
    ? layout.lastDataRow
    : Math.max(layout.lastDataRow, LEDGER_VALIDATION_ROWS);
  spec.columns.forEach((c, i) => {
    // Results are written by the tool, never typed: no validation on them.
    const v = spec.output ? undefined : validationFor(c, allSpecs);
    if (!v) return;
    const col = columnLetters(i);
    addValidation(ws, `${col}${layout.firstDataRow}:${col}${lastValidated}`, v);
  });
}

function writeNotes(ws: ExcelJS.Worksheet, spec: SheetSpec, layout: SheetLayout): void {
  for (const n of layout.notes) {
    ws.mergeCells(n.row, 1, n.row, layout.lastCol);
    const cell = ws.getCell(n.row, 1);
    // Readers know a note by its mark: "注：" or a numbered line.
    cell.value = /^\d+[.、]/u.test(n.text) ? n.text : formatMessage('template.note', { text: n.text });
    cell.font = NOTE_FONT;
    cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    const lines = Math.ceil((displayWidth(String(cell.value)) + 2) / totalWidth(spec));
    ws.getRow(n.row).height = Math.max(18, lines * LINE_HEIGHT + 4);
  }
}

/** exceljs keeps range validations whole (it does not expand them per cell); its typings omit the API. */
function addValidation(ws: ExcelJS.Worksheet, range: string, v: ExcelJS.DataValidation): void {
  (
    ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add(range, v);
}

function alignmentFor(c: ColumnSpec): Partial<ExcelJS.Alignment> {
  switch (c.type) {
    case 'money':
    case 'number':
    case 'percent':
    case 'integer':
      return { horizontal: 'right', vertical: 'middle' };
    case 'date':
    case 'datetime':
    case 'enum':
    case 'period':
    case 'rankPeriod':
      return { horizontal: 'center', vertical: 'middle' };
    default:
      return { horizontal: 'left', vertical: 'middle', wrapText: true };
  }
}

const LINE_HEIGHT = 15;

const totalWidth = (spec: SheetSpec): number => spec.columns.reduce((a, c) => a + (c.width ?? 12), 0);

const COLORS = {
  red: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  yellow: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  green: { fill: 'FFC6EFCE', font: 'FF006100' },
  grey: { fill: 'FFE7E6E6', font: 'FF595959' },
} as const;

/** Status colours and completion bars, as conditional formats over the data rows (a filler stretches them). */
function addHighlights(ws: ExcelJS.Worksheet, spec: SheetSpec, layout: SheetLayout): void {
  const rows = `${layout.firstDataRow}:${layout.lastDataRow}`;
  const [first, last] = rows.split(':');
  const h = spec.highlight;
  if (h) {
    const col = layout.columns.get(h.column);
    if (col !== undefined) {
      const letter = columnLetters(col - 1);
      ws.addConditionalFormatting({
        ref: `${letter}${first}:${letter}${last}`,
        rules: Object.entries(h.colors).map(([value, color], i) => ({
          type: 'expression',
          priority: i + 1,
          formulae: [`$${letter}${first}="${value}"`],
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: COLORS[color].fill } },
            font: { color: { argb: COLORS[color].font } },
          },
        })),
      });
    }
  }
  for (const key of spec.bars ?? []) {
    const col = layout.columns.get(key);
    if (col === undefined) continue;
    const letter = columnLetters(col - 1);
    ws.addConditionalFormatting({
      ref: `${letter}${first}:${letter}${last}`,
      rules: [
        {
          type: 'dataBar',
          priority: 10,
          minLength: 0,
          maxLength: 100,
          cfvo: [
            { type: 'num', value: 0 },
            { type: 'num', value: 1 },
          ],
          color: { argb: 'FF5B9BD5' },
        } as ExcelJS.DataBarRuleType,
      ],
    });
  }
}

function rowHeight(spec: SheetSpec, values: RowValues): number {
  let lines = 1;
  for (const c of spec.columns) {
    const v = values[c.key];
    if (typeof v !== 'string' || alignmentFor(c).wrapText !== true) continue;
    lines = Math.max(lines, Math.ceil(displayWidth(v) / Math.max(1, (c.width ?? 12) - 1)));
  }
  return Math.max(20, lines * LINE_HEIGHT + 5);
}

function rowRefs(layout: SheetLayout, r: number): Record<string, string> {
  return Object.fromEntries([...layout.columns].map(([k, c]) => [k, `${columnLetters(c - 1)}${r}`]));
}

function writeFields(ws: ExcelJS.Worksheet, spec: SheetSpec, layout: SheetLayout, fill: TemplateFill): void {
  const values = fill.fields?.[spec.key] ?? {};
  for (const f of layout.fields) {
    ws.getRow(f.row).height = 24;
    const label = ws.getCell(f.row, f.labelCol);
    label.value = f.field.label + JOINERS.zh.colon;
    label.font = LABEL_FONT;
    label.alignment = { horizontal: 'right', vertical: 'middle' };
    if (f.valueTo > f.valueFrom) ws.mergeCells(f.row, f.valueFrom, f.row, f.valueTo);
    const cell = ws.getCell(f.row, f.valueFrom);
    const col: ColumnSpec = { key: f.field.key, header: f.field.label, type: f.field.type };
    cell.value = toExcel(values[f.field.key], col);
    cell.font = BODY_FONT;
    cell.alignment = { horizontal: 'left', vertical: 'middle' };
    const fmt = FIELD_FORMATS[f.field.type];
    if (fmt) cell.numFmt = fmt;
    for (let c = f.valueFrom; c <= f.valueTo; c++) ws.getCell(f.row, c).border = UNDERLINE;
    if (f.field.note) {
      cell.dataValidation = {
        type: 'textLength',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        allowBlank: true,
        showInputMessage: true,
        promptTitle: f.field.label,
        prompt: f.field.note,
      };
    }
  }
}

function writeTotal(ws: ExcelJS.Worksheet, spec: SheetSpec, layout: SheetLayout): void {
  const r = layout.totalRow ?? 0;
  const row = ws.getRow(r);
  row.height = 22;
  spec.columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.border = BOX;
    cell.fill = TOTAL_FILL;
    cell.font = HEADER_FONT;
    cell.alignment = alignmentFor(c);
    const fmt = numberFormat(c);
    if (fmt && fmt !== '@') cell.numFmt = fmt;
    const letter = columnLetters(i);
    if (c.formula && c.total) cell.value = { formula: c.formula(rowRefs(layout, r)) };
    else if (c.total)
      cell.value = { formula: `SUM(${letter}${layout.firstDataRow}:${letter}${layout.lastDataRow})` };
  });
  const first = row.getCell(1);
  first.value = formatMessage('doc.total', {});
  first.alignment = { horizontal: 'center', vertical: 'middle' };
}

function writeMeta(wb: ExcelJS.Workbook, t: TemplateSpec): void {
  const ws = wb.addWorksheet(META_SHEET, { state: 'hidden' });
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 24;
  ws.addRow([META_LABELS.id, t.id]);
  ws.addRow([META_LABELS.version, t.version]);
  ws.addRow([META_LABELS.title, t.title]);
  ws.addRow([MARK_LABEL, templateMark(t)]);
  ws.addRow([META_LABELS.generator, GENERATOR]);
  for (const [label, value] of t.meta ?? []) ws.addRow([label, value]);
  wb.definedNames.add(`'${META_SHEET}'!$B$4`, TEMPLATE_NAME);
}

/**
 * Writes a template (blank, with worked examples, or filled with data) as .xlsx bytes.
 * @example await writeTemplate(REPORT) // the blank 半月进展报表
 */
export async function writeTemplate(t: TemplateSpec, fill: TemplateFill = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const when = fill.created ?? FIXED_TIME;
  wb.creator = GENERATOR;
  wb.lastModifiedBy = GENERATOR;
  wb.created = when;
  wb.modified = when;
  wb.title = t.title;
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const s of t.sheets) writeSheet(wb, s, fill, t.sheets);
  writeMeta(wb, t);
  const buf = await wb.xlsx.writeBuffer();
  // exceljs stamps the clock into the zip and random GUIDs into data bars; templates must not change.
  return reproducible(unzipSync(new Uint8Array(buf as ArrayBuffer)));
}
