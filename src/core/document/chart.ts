import type { SheetSpec } from '../schema/types.js';

/**
 * A chart as data: what it shows (categories × series, with colours), and where its numbers
 * stand in a workbook table, so the .xlsx writer can point a native chart at those cells and
 * the .docx writer can draw the same numbers as a picture beside a table of them.
 */

export type ValueFormat = 'percent' | 'integer' | 'number';

interface ChartSeries {
  readonly name: string;
  /** One value per category; null where there is none (drawn as a gap). */
  readonly values: readonly (number | null)[];
  /** RRGGBB. */
  readonly color: string;
  /** Bars (default) or a line across the bars (the 序时进度 reference). */
  readonly as?: 'bar' | 'line';
  /** The table column holding these values (its key in `source.sheet`). */
  readonly column: string;
}

export interface ChartSpec {
  /** Stable id: names the chart part and the picture. */
  readonly id: string;
  readonly title: string;
  /** Columns side by side, stacked, or horizontal bars (long category names). */
  readonly kind: 'column' | 'stacked' | 'bar';
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly format: ValueFormat;
  /** A colour per category of a one-series chart (e.g. praised green, criticised red). */
  readonly pointColors?: readonly (string | undefined)[];
  /** What those colours mean, shown as a legend. */
  readonly pointLegend?: readonly { readonly color: string; readonly label: string }[];
  /** The rows of a table sheet the numbers are in. */
  readonly source: {
    readonly sheet: SheetSpec;
    /** Column key of the category labels. */
    readonly category: string;
    /** Only the rows whose `column` holds `value` (e.g. 分组 = 按指挥部); all data rows if absent. */
    readonly where?: { readonly column: string; readonly value: string };
  };
}

/** Colours people read the same way everywhere: on schedule, a warning, behind. */
export const CHART_COLORS = {
  normal: '2E7D32',
  warning: 'F9A825',
  behind: 'C62828',
  bar: '1F5FA8',
  line: 'C62828',
  neutral: '8C8C8C',
} as const;
