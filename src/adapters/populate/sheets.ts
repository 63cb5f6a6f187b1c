import XlsxPopulate from 'xlsx-populate';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Cell } from '../../core/grid.js';
import { isDateCell } from '../../core/grid.js';
import { isoDateToSerial, isoDateTimeToSerial } from '../../core/calendar/dates.js';
import type { ColumnSpec, SheetSpec } from '../../core/schema/types.js';
import { displayWidth, layoutSheet, numberFormat } from '../../core/template/layout.js';
import type { RowValues } from '../../core/template/samples.js';

/**
 * Result sheets written into a person's workbook with xlsx-populate: it keeps every part of the
 * workbook it does not touch, which is what "a copy of the master with these sheets added or
 * replaced, and nothing else changed" needs. The look follows our templates.
 */

const FONT = '宋体';
const BOX = { top: 'thin', bottom: 'thin', left: 'thin', right: 'thin' } as const;
const HEADER_FILL = 'FFD9D9D9';
const LINE_HEIGHT = 15;

type Sheet = NonNullable<ReturnType<Awaited<ReturnType<typeof XlsxPopulate.fromDataAsync>>['sheet']>>;
type Workbook = Awaited<ReturnType<typeof XlsxPopulate.fromDataAsync>>;
type Value = string | number | boolean | null;

export async function openWorkbook(bytes: Uint8Array): Promise<Workbook> {
  return XlsxPopulate.fromDataAsync(bytes);
}

function toValue(v: Cell | undefined, c: ColumnSpec): Value {
  if (v === undefined || v === null) return null;
  if (isDateCell(v)) return v.serial;
  if (typeof v === 'object') return v.code;
  if (typeof v === 'string' && c.type === 'date' && /^\d{4}-\d{2}-\d{2}$/u.test(v)) return isoDateToSerial(v);
  if (typeof v === 'string' && c.type === 'datetime' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/u.test(v))
    return isoDateTimeToSerial(v);
  // Text is set as text: xlsx-populate never turns a string into a formula.
  return v;
}

const fill = (text: string, values: ReadonlyMap<string, string>): string =>
  text.replace(/\{\{([^{}]+)\}\}/gu, (all, k: string) => values.get(k.trim()) ?? all);

/**
 * Writes `rows` as a formatted table sheet named `spec.name`: created if absent, replaced if
 * present (at the same position), so a re-run gives the same workbook.
 */
export function writeTableSheet(
  wb: Workbook,
  spec: SheetSpec,
  rows: readonly RowValues[],
  placeholders: ReadonlyMap<string, string> = new Map(),
): void {
  const existing = wb.sheet(spec.name);
  let ws: Sheet;
  if (existing) {
    const index = wb.sheets().findIndex((s) => s.name() === spec.name);
    const temp = wb.addSheet(`${spec.name}~`, index);
    wb.deleteSheet(existing);
    ws = temp.name(spec.name);
  } else ws = wb.addSheet(spec.name);

  const layout = layoutSheet(spec, Math.max(rows.length, 1));
  const last = layout.lastCol;
  spec.columns.forEach((c, i) => ws.column(i + 1).width(c.width ?? 12));

  ws.range(1, 1, 1, last).merged(true);
  ws.cell(1, 1).value(fill(spec.title, placeholders)).style({
    bold: true,
    fontSize: 16,
    fontFamily: FONT,
    horizontalAlignment: 'center',
    verticalAlignment: 'center',
  });
  ws.row(1).height(32);
  const width = spec.columns.reduce((a, c) => a + (c.width ?? 12), 0);
  for (const l of layout.lead) {
    ws.range(l.row, 1, l.row, last).merged(true);
    const text = fill(l.text, placeholders);
    ws.cell(l.row, 1).value(text).style({ fontFamily: FONT, wrapText: true, verticalAlignment: 'center' });
    ws.row(l.row).height(Math.max(18, Math.ceil(displayWidth(text) / width) * LINE_HEIGHT + 4));
  }
  spec.columns.forEach((c, i) => {
    ws.cell(layout.headerRow, i + 1)
      .value(c.header)
      .style({
        bold: true,
        fontFamily: FONT,
        fill: HEADER_FILL,
        border: BOX,
        horizontalAlignment: 'center',
        verticalAlignment: 'center',
        wrapText: true,
      });
  });
  ws.row(layout.headerRow).height(30);
  rows.forEach((values, k) => {
    const r = layout.firstDataRow + k;
    let lines = 1;
    spec.columns.forEach((c, i) => {
      const v = toValue(values[c.key], c);
      const numeric =
        c.type === 'number' || c.type === 'money' || c.type === 'integer' || c.type === 'percent';
      const fmt = numberFormat(c);
      ws.cell(r, i + 1)
        .value(v)
        .style({
          fontFamily: FONT,
          border: BOX,
          verticalAlignment: 'center',
          horizontalAlignment: numeric ? 'right' : c.type === 'text' ? 'left' : 'center',
          wrapText: c.type === 'text',
          ...(fmt && fmt !== '@' && { numberFormat: fmt }),
          ...highlight(spec, c, v),
        });
      if (typeof v === 'string' && c.type === 'text')
        lines = Math.max(lines, Math.ceil(displayWidth(v) / Math.max(1, (c.width ?? 12) - 1)));
    });
    if (lines > 1) ws.row(r).height(lines * LINE_HEIGHT + 4);
  });
  ws.freezePanes(0, layout.headerRow);
  ws.printOptions('horizontalCentered', true);
  ws.pageMarginsPreset('narrow');
}

const COLORS = {
  red: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  yellow: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  green: { fill: 'FFC6EFCE', font: 'FF006100' },
  grey: { fill: 'FFE7E6E6', font: 'FF595959' },
} as const;

/** A status cell coloured as the schema says (written, not conditional: results do not change). */
function highlight(spec: SheetSpec, c: ColumnSpec, v: Value): { fill?: string; fontColor?: string } {
  if (spec.highlight?.column !== c.key || typeof v !== 'string') return {};
  const color = spec.highlight.colors[v];
  return color ? { fill: COLORS[color].fill, fontColor: COLORS[color].font } : {};
}

/**
 * The workbook's bytes. xlsx-populate leaves a deleted sheet's print titles behind with
 * localSheetId="-1", which Excel "repairs"; those names are dropped here.
 */
export async function outputWorkbook(wb: Workbook): Promise<Uint8Array> {
  const bytes = new Uint8Array(await wb.outputAsync());
  const parts = unzipSync(bytes);
  const name = 'xl/workbook.xml';
  const xml = parts[name] ? strFromU8(parts[name]) : '';
  const fixed = xml.replace(/<definedName\b[^>]*\blocalSheetId="-\d+"[^>]*>[^<]*<\/definedName>/gu, '');
  if (fixed === xml) return bytes;
  parts[name] = strToU8(fixed);
  return zipSync(parts, { level: 6 });
}
