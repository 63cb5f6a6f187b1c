import { PT_PER_WIDTH_UNIT } from './geometry.js';
import type { PaperCell, PaperStyle } from './types.js';

/** Rows and cells of a paper sheet as a layout puts them down, top to bottom. */
export class PaperGrid {
  readonly rows: number[] = [];
  readonly cells: PaperCell[] = [];

  /** Appends a row of `height` points; returns its 1-based number. */
  addRow(height: number): number {
    this.rows.push(height);
    return this.rows.length;
  }

  /** Makes a row at least `height` points tall (wrapped text). */
  grow(row: number, height: number): void {
    this.rows[row - 1] = Math.max(this.rows[row - 1] ?? 0, height);
  }

  put(
    row: number,
    col: number,
    value: string | number | null,
    style: PaperStyle,
    span: { readonly rows?: number; readonly cols?: number } = {},
  ): void {
    this.cells.push({
      row,
      col,
      value,
      style,
      ...(span.rows !== undefined && span.rows > 1 && { rows: span.rows }),
      ...(span.cols !== undefined && span.cols > 1 && { cols: span.cols }),
    });
  }
}

/** Cell padding LibreOffice and Excel leave inside a cell, left and right together (points). */
const PADDING_PT = 8;

/**
 * Printed width of text in points at `size`: a CJK character, full-width punctuation or a symbol
 * such as ◆ is as wide as the font size; a Latin letter or digit at most 0.6 of it.
 */
function textWidthPt(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += ((ch.codePointAt(0) ?? 0) >= 0x2000 ? 1 : 0.6) * size;
  return w;
}

/** How many lines `text` wraps to in a cell `widthUnits` wide at `size` points. */
export function wrappedLines(text: string, widthUnits: number, size: number): number {
  const room = Math.max(1, widthUnits * PT_PER_WIDTH_UNIT - PADDING_PT);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidthPt(line, size) / room)), 0);
}

/** Whether `text` fits on one line of a cell `widthUnits` wide. */
export const fitsOneLine = (text: string, widthUnits: number, size: number): boolean =>
  textWidthPt(text, size) <= widthUnits * PT_PER_WIDTH_UNIT - PADDING_PT;

/** Height of a row holding `lines` lines of `size`-point text. */
export const lineHeight = (lines: number, size: number): number => Math.ceil(lines * size * 1.4 + 5);
