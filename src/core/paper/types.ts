/**
 * A printed page as the core lays it out: cells on a grid with their look, the paper, the
 * margins, the print scale and the page breaks. The core decides everything a printout depends
 * on (what goes on which page, how wide, how big the text); an adapter only writes it
 * (exceljs for .xlsx). Used by the 挂图作战 progress chart and the agents' paper forms.
 */

export type PaperSize = 'A3' | 'A4';
export type Orientation = 'portrait' | 'landscape';

/** Text colours: black ink, red for done (红旗), white on a black flag, grey for notes. */
export type Ink = 'black' | 'red' | 'white' | 'grey';

/**
 * Cell fills by meaning: a done milestone's red flag, an overdue one's black flag, the planned
 * span of a milestone, a header, the day's column.
 */
export type Paint = 'red' | 'black' | 'plan' | 'head' | 'today' | 'light';

export interface PaperStyle {
  /** Font size in points, before the sheet's print scale. */
  readonly size: number;
  readonly bold?: boolean;
  /** 'serif' is 宋体, the body of a form; 'sans' is 黑体, headings and chart labels. */
  readonly face?: 'serif' | 'sans';
  readonly ink?: Ink;
  readonly fill?: Paint;
  readonly h?: 'left' | 'center' | 'right';
  readonly v?: 'top' | 'middle' | 'bottom';
  readonly wrap?: boolean;
  /** A box around the cell (a table), a line under it (a blank to write on), or none. */
  readonly border?: 'box' | 'under' | 'none';
  /** The day's line: a heavy red line on the cell's left edge. */
  readonly dayLine?: boolean;
}

export interface PaperCell {
  /** 1-based row and column of the top-left cell. */
  readonly row: number;
  readonly col: number;
  /** Merged over this many rows / columns (1 when absent). */
  readonly rows?: number;
  readonly cols?: number;
  readonly value: string | number | null;
  readonly style: PaperStyle;
}

export interface Margins {
  /** Inches, as OOXML page margins are given. */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly header: number;
  readonly footer: number;
}

export interface PaperSheet {
  /** The tab name (≤ 31 characters, none of []:*?/\). */
  readonly name: string;
  readonly paper: PaperSize;
  readonly orientation: Orientation;
  readonly margins: Margins;
  /** Print scale in percent (10–400); chosen by the layout so the widest row fits the page. */
  readonly scale: number;
  /** Column widths in Excel character units, left to right. */
  readonly columns: readonly number[];
  /** Row heights in points, top to bottom (row 1 first). */
  readonly rows: readonly number[];
  readonly cells: readonly PaperCell[];
  /** A page break after each of these rows (1-based). */
  readonly breaks: readonly number[];
  /** Centred page footer; `{page}` and `{pages}` are replaced by the page numbers. */
  readonly footer?: string;
  /** The first rows repeated at the top of every printed page (e.g. a chart's title and legend). */
  readonly repeatRows?: number;
}

export interface PaperBook {
  /** Recorded in the workbook (the hidden _kpd sheet), so a reader can tell what it is. */
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly sheets: readonly PaperSheet[];
  /** More label/value rows for the hidden sheet (e.g. 截至 2026-11-13, 案卷号). */
  readonly meta?: readonly (readonly [string, string])[];
}
