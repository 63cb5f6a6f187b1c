import type { Margins, Orientation, PaperSheet, PaperSize } from './types.js';

/** Paper in points (1/72 inch), portrait: A3 297 × 420 mm, A4 210 × 297 mm. */
const PAPER_PT: Readonly<Record<PaperSize, { readonly w: number; readonly h: number }>> = {
  A3: { w: 841.89, h: 1190.55 },
  A4: { w: 595.28, h: 841.89 },
};

/**
 * Points one Excel width unit takes when printed. LibreOffice prints a width unit as 7 pt
 * (measured: a column of width 10 is 70 pt on its PDF); Excel and WPS print it narrower
 * (about 5.25 pt), so a layout that fits LibreOffice's page fits theirs too.
 */
export const PT_PER_WIDTH_UNIT = 7;

/** Text on paper is never smaller than this (points, after the print scale). */
export const MIN_PRINTED_PT = 9;

function pageSize(paper: PaperSize, orientation: Orientation): { w: number; h: number } {
  const p = PAPER_PT[paper];
  return orientation === 'portrait' ? { w: p.w, h: p.h } : { w: p.h, h: p.w };
}

/** The printable area in points at 100 % (inside the margins; header and footer sit in the margins). */
export function printableArea(
  paper: PaperSize,
  orientation: Orientation,
  m: Margins,
): { w: number; h: number } {
  const p = pageSize(paper, orientation);
  return { w: p.w - (m.left + m.right) * 72, h: p.h - (m.top + m.bottom) * 72 };
}

export const widthPt = (columns: readonly number[]): number =>
  columns.reduce((a, w) => a + w, 0) * PT_PER_WIDTH_UNIT;

/** The largest whole percent ≤ 100 at which the columns fit the printable width. */
export function scaleToFit(columns: readonly number[], printableWidth: number): number {
  return Math.min(100, Math.floor((printableWidth / widthPt(columns)) * 100));
}

/**
 * Page breaks that keep each block whole: blocks (first and last row, 1-based) are laid down in
 * order and a break goes before a block that would overflow the page. A block taller than a page
 * starts a page of its own and runs on. `height` is the usable page height in points at the
 * sheet's scale (the repeated title rows already taken off).
 */
export function blockBreaks(
  rowHeights: readonly number[],
  blocks: readonly { readonly first: number; readonly last: number }[],
  height: number,
  startRow = 1,
): number[] {
  const h = (from: number, to: number): number => {
    let s = 0;
    for (let r = from; r <= to; r++) s += rowHeights[r - 1] ?? 0;
    return s;
  };
  const breaks: number[] = [];
  let pageTop = startRow;
  for (const b of blocks) {
    if (b.first > pageTop && h(pageTop, b.last) > height) {
      breaks.push(b.first - 1);
      pageTop = b.first;
    }
    // Too tall for any page: break it where the page is full, so every program breaks alike.
    while (h(pageTop, b.last) > height) {
      let r = pageTop;
      while (r < b.last && h(pageTop, r + 1) <= height) r++;
      breaks.push(r);
      pageTop = r + 1;
    }
  }
  return breaks;
}

/** The smallest font on the sheet as printed (size × scale): what the layout promises ≥ MIN_PRINTED_PT. */
export function smallestPrintedSize(sheet: PaperSheet): number {
  let min = Infinity;
  for (const c of sheet.cells) if (c.value !== null && c.value !== '') min = Math.min(min, c.style.size);
  return (min * sheet.scale) / 100;
}

/** A tab name Excel accepts: no []:*?/\, at most 31 characters, unique among `taken`. */
export function sheetName(wanted: string, taken: ReadonlySet<string>): string {
  const base = [...wanted.replace(/[[\]:*?/\\]/gu, '_')].slice(0, 31).join('') || '_';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const tail = `(${n})`;
    const name = [...base].slice(0, 31 - tail.length).join('') + tail;
    if (!taken.has(name)) return name;
  }
}
