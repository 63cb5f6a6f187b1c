import { PaperGrid, lineHeight, wrappedLines } from './builder.js';
import { MIN_PRINTED_PT, printableArea, scaleToFit } from './geometry.js';
import type { Margins, Orientation, PaperSheet, PaperStyle } from './types.js';

/**
 * Building blocks of a one-page paper form: rows of cells spanning columns, each row as tall as
 * its wrapped text needs, and a sheet scaled to fit one page (never below 9 pt printed).
 */

const FORM_MARGINS: Margins = {
  left: 0.6,
  right: 0.6,
  top: 0.7,
  bottom: 0.7,
  header: 0.3,
  footer: 0.3,
};

export const FORM_STYLE = {
  title: { size: 18, bold: true, face: 'sans', h: 'center' },
  lead: { size: 11, h: 'center', wrap: true },
  line: { size: 11, wrap: true },
  lineRight: { size: 11, h: 'right', wrap: true },
  label: { size: 11, bold: true, h: 'center', border: 'box', wrap: true },
  value: { size: 11, border: 'box', wrap: true },
  centre: { size: 11, h: 'center', border: 'box', wrap: true },
  head: { size: 11, bold: true, h: 'center', border: 'box', fill: 'head', wrap: true },
  section: { size: 11, bold: true, h: 'center', border: 'box', fill: 'light' },
  small: { size: 10.5, border: 'box', wrap: true },
  sign: { size: 11, v: 'bottom', wrap: true },
} as const satisfies Record<string, PaperStyle>;

interface Span {
  readonly value: string | number | null;
  /** 1-based first and last column. */
  readonly from: number;
  readonly to: number;
  readonly style: PaperStyle;
}

export class FormGrid extends PaperGrid {
  constructor(readonly columns: readonly number[]) {
    super();
  }

  get last(): number {
    return this.columns.length;
  }

  width(from: number, to: number): number {
    return this.columns.slice(from - 1, to).reduce((a, w) => a + w, 0);
  }

  /** A row of spans, at least `min` points tall and as tall as its wrapped text. */
  line(spans: readonly Span[], min = 24): number {
    const row = this.addRow(min);
    for (const s of spans) {
      this.put(row, s.from, s.value, s.style, { cols: s.to - s.from + 1 });
      const text = s.value === null ? '' : String(s.value);
      if (s.style.wrap && text !== '')
        this.grow(row, lineHeight(wrappedLines(text, this.width(s.from, s.to), s.style.size), s.style.size));
    }
    return row;
  }

  /** One span across the whole width. */
  full(value: string, style: PaperStyle, min = 24): number {
    return this.line([{ value, from: 1, to: this.last, style }], min);
  }
}

/** The sheet of a one-page form: scaled to fit its page in width and height, text never under 9 pt. */
export function formSheet(name: string, orientation: Orientation, g: FormGrid): PaperSheet {
  const area = printableArea('A4', orientation, FORM_MARGINS);
  const height = g.rows.reduce((a, h) => a + h, 0);
  const smallest = Math.min(
    ...g.cells.filter((c) => c.value !== null && c.value !== '').map((c) => c.style.size),
  );
  const floor = Math.ceil((MIN_PRINTED_PT / smallest) * 100);
  const fit = Math.min(scaleToFit(g.columns, area.w), Math.floor((area.h / height) * 100));
  return {
    name,
    paper: 'A4',
    orientation,
    margins: FORM_MARGINS,
    scale: Math.max(floor, fit),
    columns: g.columns,
    rows: g.rows,
    cells: g.cells,
    breaks: [],
  };
}
