import { MIN_PRINTED_PT, printableArea, widthPt } from '../paper/geometry.js';
import type { Margins, Orientation, PaperSize } from '../paper/types.js';
import type { SheetSpec } from '../schema/types.js';

/** The margins every table sheet prints with (inches). */
export const TABLE_MARGINS: Margins = {
  left: 0.4,
  right: 0.4,
  top: 0.6,
  bottom: 0.6,
  header: 0.3,
  footer: 0.3,
};

/** The smallest text a table sheet holds (points before scaling): body, headers and notes. */
const TABLE_TEXT_PT = 11;

/**
 * Fit-to-width may shrink a sheet this far and no further: its smallest text stays ≥ 9 pt, with a
 * margin — LibreOffice was measured to print a form with merged field cells at 0.818 where 7 pt a
 * width unit predicts 0.842.
 */
export const MIN_TABLE_SCALE = MIN_PRINTED_PT / TABLE_TEXT_PT + 0.04;

interface TablePrint {
  readonly paper: PaperSize;
  readonly orientation: Orientation;
  /** Pages side by side the sheet's width is fit to: 1, or more for a ledger too wide for A3. */
  readonly pagesWide: number;
  /** The scale fit-to-width comes to, as LibreOffice prints (a width unit = 7 pt). */
  readonly scale: number;
}

/**
 * The paper a table sheet prints on, fit to the page's width: the sheet's own orientation on A4 if
 * its text stays ≥ 9 pt there, else A4 landscape, else A3 landscape; a ledger too wide even for
 * A3 (项目登记's sixteen columns) prints on A4 landscape two or more pages wide, never shrunk
 * under 9 pt.
 * @example tablePrint(SUMMARY, widths) // { paper: 'A4', orientation: 'landscape', pagesWide: 1, scale: 0.87 }
 */
export function tablePrint(spec: Pick<SheetSpec, 'landscape'>, columnWidths: readonly number[]): TablePrint {
  const tried: [PaperSize, Orientation][] = [
    ['A4', spec.landscape ? 'landscape' : 'portrait'],
    ['A4', 'landscape'],
    ['A3', 'landscape'],
  ];
  const width = widthPt(columnWidths);
  const fit = (paper: PaperSize, orientation: Orientation, pagesWide: number): TablePrint => ({
    paper,
    orientation,
    pagesWide,
    scale: Math.min(1, (pagesWide * printableArea(paper, orientation, TABLE_MARGINS).w) / width),
  });
  for (const [paper, orientation] of tried) {
    const p = fit(paper, orientation, 1);
    if (p.scale >= MIN_TABLE_SCALE) return p;
  }
  const page = printableArea('A4', 'landscape', TABLE_MARGINS).w;
  return fit('A4', 'landscape', Math.ceil((width * MIN_TABLE_SCALE) / page));
}
