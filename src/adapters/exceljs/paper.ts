import ExcelJS from 'exceljs';
import { columnLetters } from '../../core/values/grid.js';
import type { Ink, Paint, PaperBook, PaperSheet, PaperStyle } from '../../core/paper/types.js';
import { META_LABELS, META_SHEET, TEMPLATE_NAME } from '../../core/workbook/identify.js';
import { GENERATOR, MARK_LABEL } from '../../core/schema/workbook-meta.js';

/**
 * Writes a laid-out paper (core/paper) with exceljs: fonts, fills, borders, merges, widths,
 * heights, paper, margins, scale and page breaks exactly as the core placed them. No layout
 * decision is taken here. Runs in Node and in the task pane (no Node API).
 */

const FACE = { serif: '宋体', sans: '黑体' } as const;
const INK: Readonly<Record<Ink, string>> = {
  black: 'FF000000',
  red: 'FFC00000',
  white: 'FFFFFFFF',
  grey: 'FF595959',
};
const PAINT: Readonly<Record<Paint, string>> = {
  red: 'FFC00000',
  black: 'FF000000',
  plan: 'FFBDD7EE',
  head: 'FFD9D9D9',
  today: 'FFFFF2CC',
  light: 'FFF2F2F2',
};
/** OOXML paper-size codes. */
const PAPER_CODE = { A3: 8, A4: 9 } as const;

const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };
const dayLine: ExcelJS.Border = { style: 'medium', color: { argb: INK.red } };

function borders(s: PaperStyle): Partial<ExcelJS.Borders> {
  const b: Partial<ExcelJS.Borders> =
    s.border === 'box' ? { top: thin, left: thin, bottom: thin, right: thin } : {};
  if (s.border === 'under') b.bottom = thin;
  if (s.dayLine) b.left = dayLine;
  return b;
}

function applyStyle(cell: ExcelJS.Cell, s: PaperStyle): void {
  cell.font = {
    name: FACE[s.face ?? 'serif'],
    size: s.size,
    bold: s.bold ?? false,
    color: { argb: INK[s.ink ?? 'black'] },
  };
  cell.alignment = {
    horizontal: s.h ?? 'left',
    vertical: s.v ?? 'middle',
    wrapText: s.wrap ?? false,
  };
  const b = borders(s);
  if (Object.keys(b).length > 0) cell.border = b;
  if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: PAINT[s.fill] } };
}

const footerCode = (text: string): string =>
  '&C' +
  text
    .replace(/&/gu, '&&')
    .replace(/\{page\}/gu, '&P')
    .replace(/\{pages\}/gu, '&N');

function writeSheet(wb: ExcelJS.Workbook, p: PaperSheet): void {
  const lastRow = p.rows.length;
  const lastCol = p.columns.length;
  const ws = wb.addWorksheet(p.name, {
    views: [{ showGridLines: false }],
    pageSetup: {
      // exceljs's typings list no A3 (8), though OOXML and exceljs itself take any code.
      paperSize: PAPER_CODE[p.paper] as number as ExcelJS.PageSetup['paperSize'],
      orientation: p.orientation,
      scale: p.scale,
      fitToPage: false,
      horizontalCentered: true,
      margins: p.margins,
      printArea: `A1:${columnLetters(lastCol - 1)}${lastRow}`,
      ...(p.repeatRows ? { printTitlesRow: `1:${p.repeatRows}` } : {}),
    },
    ...(p.footer ? { headerFooter: { oddFooter: footerCode(p.footer) } } : {}),
  });
  p.columns.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  p.rows.forEach((h, i) => (ws.getRow(i + 1).height = h));
  for (const c of p.cells) {
    const rows = c.rows ?? 1;
    const cols = c.cols ?? 1;
    if (rows > 1 || cols > 1) ws.mergeCells(c.row, c.col, c.row + rows - 1, c.col + cols - 1);
    // A merged range shows the borders and fill of every cell in it: style them all.
    for (let r = c.row; r < c.row + rows; r++)
      for (let k = c.col; k < c.col + cols; k++) applyStyle(ws.getCell(r, k), c.style);
    ws.getCell(c.row, c.col).value = c.value;
  }
  for (const r of p.breaks) ws.getRow(r).addPageBreak();
}

function writeMeta(wb: ExcelJS.Workbook, book: PaperBook): void {
  const ws = wb.addWorksheet(META_SHEET, { state: 'hidden' });
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 24;
  ws.addRow([META_LABELS.id, book.id]);
  ws.addRow([META_LABELS.version, book.version]);
  ws.addRow([META_LABELS.title, book.title]);
  ws.addRow([MARK_LABEL, `${book.id}@${book.version}`]);
  ws.addRow([META_LABELS.generator, GENERATOR]);
  for (const [label, value] of book.meta ?? []) ws.addRow([label, value]);
  wb.definedNames.add(`'${META_SHEET}'!$B$4`, TEMPLATE_NAME);
}

/** The paper as an exceljs workbook (document times fixed by `created`). */
function paperWorkbook(book: PaperBook, created: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = GENERATOR;
  wb.lastModifiedBy = GENERATOR;
  wb.created = created;
  wb.modified = created;
  wb.title = book.title;
  for (const s of book.sheets) writeSheet(wb, s);
  writeMeta(wb, book);
  return wb;
}

/** The .xlsx bytes as exceljs zips them (the task pane's path; the CLI makes them reproducible). */
export async function paperBytes(book: PaperBook, created: Date): Promise<Uint8Array> {
  const buf = await paperWorkbook(book, created).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
