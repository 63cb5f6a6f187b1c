import type { Cell } from '../values/grid.js';
import type { IssueCode } from '../issues/codes.js';

/**
 * One description per sheet. The template writer, the Excel data validation, the readers, the
 * validator and the docs all read these values; nothing else describes a sheet.
 */

export type ColumnType =
  /** free text */
  | 'text'
  | 'integer'
  | 'number'
  /** 万元, 2 decimals */
  | 'money'
  /** a ratio shown as a percentage */
  | 'percent'
  | 'date'
  | 'datetime'
  /** one of `values` (a drop-down list) */
  | 'enum'
  /** a report period (报告期) such as 2026年11月上半月 or 2026-11-1 */
  | 'period'
  /** a ranking period (考评期) such as 2026Q3 or 2026H2 */
  | 'rankPeriod'
  /** any cell, kept as typed (the 值 column of 规则) */
  | 'any';

export interface ColumnSpec {
  /** Property name of the record the reader produces. */
  readonly key: string;
  /** The header staff see and type, exactly as DOMAIN §9 names it. */
  readonly header: string;
  readonly type: ColumnType;
  readonly required?: boolean;
  /** Issue code used when a required cell is blank, where a more specific one exists (五个一). */
  readonly requiredCode?: IssueCode;
  readonly min?: number;
  readonly max?: number;
  /** The closed list of an `enum` column: a drop-down in the template; anything else is an error. */
  readonly values?: readonly string[];
  /** Other words people type for a value (比较满意 → 一般). */
  readonly aliases?: Readonly<Record<string, string>>;
  /** Suggested values of an open column: a drop-down that accepts other text too. */
  readonly suggest?: readonly string[];
  /** Drop-down of the values of another sheet's column (代办员 ← 代办员名册.姓名). */
  readonly listFrom?: { readonly sheet: string; readonly header: string };
  /** Header texts of earlier template versions or common variants, also accepted. */
  readonly headerAliases?: readonly string[];
  /** Column width in characters (a Chinese character counts 2). */
  readonly width?: number;
  /** Excel number format; defaults per type. */
  readonly numFmt?: string;
  /** Computed by a formula in the template; typed values are ignored by readers. */
  readonly formula?: (rowRefs: Readonly<Record<string, string>>) => string;
  /** Summed in the 合计 row. */
  readonly total?: boolean;
  /** Help shown when the cell is selected, and in the docs. */
  readonly note?: string;
  /** Unique within the sheet. */
  readonly unique?: boolean;
}

export type FieldType = 'text' | 'date' | 'datetime' | 'period';

export interface FieldSpec {
  readonly key: string;
  /** The label cell's text; the value is in the next cell to the right. */
  readonly label: string;
  readonly type: FieldType;
  readonly required?: boolean;
  /** Issue code when blank, if not the generic one (e.g. a missing signature is a warning). */
  readonly blankCode?: IssueCode;
  readonly note?: string;
}

export interface SheetSpec {
  readonly key: string;
  /** The tab name. */
  readonly name: string;
  /** The merged title row of the template. */
  readonly title: string;
  readonly fields?: readonly FieldSpec[];
  readonly columns: readonly ColumnSpec[];
  /** Shows "单位：万元" above the table. */
  readonly money?: boolean;
  /** A 合计 row under the data rows. */
  readonly totalRow?: boolean;
  /** Empty rows prepared in the template (with formats, drop-downs and formulas). */
  readonly blankRows?: number;
  readonly landscape?: boolean;
  /**
   * An annex for the office (数据问题, 来源, 一线工作明细): kept in the workbook but hidden, so
   * that printing the whole workbook gives the document proper, the internal lists left out.
   */
  readonly annex?: boolean;
  /**
   * Charts are drawn under the table, on a page of their own: the header row is not repeated on
   * every printed page (it would print over the charts).
   */
  readonly chartsBelow?: boolean;
  /** Written by the tool (results), never typed by people. */
  readonly output?: boolean;
  /** Lines between the title and the table (a bulletin's lead text), may hold {{placeholders}}. */
  readonly lead?: readonly string[];
  /**
   * Text lines to leave room for, per lead line, where a {{placeholder}} may grow long once filled
   * (a calendar warning must be read whole on the sheet, not cut off by the row's height).
   */
  readonly leadLines?: readonly number[];
  /** Colours for a status column's values (conditional formatting over the data rows). */
  readonly highlight?: {
    readonly column: string;
    readonly colors: Readonly<Record<string, 'red' | 'yellow' | 'green' | 'grey'>>;
  };
  /** Columns shown with data bars (a ratio 0–1, e.g. 完成率). */
  readonly bars?: readonly string[];
  /** 填表说明 printed under the table. */
  readonly notes?: readonly string[];
  /** Signature line printed at the bottom of the form. */
  readonly footer?: string;
  /**
   * The columns that identify a row of a sheet the tool writes into (a ledger, a result sheet):
   * a row written again is matched to the existing one by these, so what a person typed in the
   * row's other columns stays with it.
   */
  readonly rowKey?: readonly string[];
  /**
   * The column saying which run wrote a row (报告期, 考评期): a run replaces the rows of its own
   * period only. Without it, an `output` sheet is the tool's whole (one run's result), any other
   * sheet is written row by row (rows matched by `rowKey`).
   */
  readonly periodColumn?: string;
}

export interface TemplateSpec {
  /** Stable id a reader finds in the workbook (defined name KPD_TEMPLATE and the hidden sheet). */
  readonly id: string;
  readonly version: number;
  readonly fileName: string;
  readonly title: string;
  readonly sheets: readonly SheetSpec[];
  /** More label/value rows for the hidden template sheet (may hold {{placeholders}}). */
  readonly meta?: readonly (readonly [string, string])[];
}

// ---- Records typed from the schema ---------------------------------------------------------

type ValueOf<C extends ColumnSpec> = C['type'] extends 'integer' | 'number' | 'money' | 'percent'
  ? number
  : C['type'] extends 'any'
    ? Cell
    : C extends { readonly values: readonly (infer V extends string)[] }
      ? V
      : string;

/** The record a reader produces for one row of sheet S (dates as ISO strings, enums as their union). */
export type RecordOf<S extends { readonly columns: readonly ColumnSpec[] }> = {
  readonly [C in S['columns'][number] as C['key']]: C extends { readonly required: true }
    ? ValueOf<C>
    : ValueOf<C> | undefined;
};

export type FieldsOf<S extends { readonly fields: readonly FieldSpec[] }> = {
  readonly [F in S['fields'][number] as F['key']]: F extends { readonly required: true }
    ? string
    : string | undefined;
};
