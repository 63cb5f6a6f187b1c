import { a1, type Cell, type SheetGrid } from '../../src/core/values/grid.js';
import type { SheetSpec } from '../../src/core/schema/types.js';

export type Values = Readonly<Record<string, Cell | undefined>>;

export interface BuiltTable {
  readonly grid: SheetGrid;
  /** 1-based sheet row of the header. */
  readonly headerRow: number;
  /** 1-based sheet row of data row `i` (0-based). */
  readonly rowOf: (i: number) => number;
  /** A1 reference of column `key` in data row `i`. */
  readonly ref: (key: string, i: number) => string;
}

export interface TableOptions {
  /** Form fields written above the header, one per row as label cell + value cell. */
  readonly fields?: Values;
  /** Column keys in the order to write them (default: the schema's order). */
  readonly columns?: readonly string[];
  readonly title?: string;
  /** Rows appended after the data (a 合计 row, notes …), as written. */
  readonly after?: readonly (readonly Cell[])[];
}

/**
 * A sheet as a person fills the template, built in memory: title, field rows, the header and
 * one row per record (dates may be ISO text; the readers accept it).
 */
export function tableGrid(spec: SheetSpec, records: readonly Values[], opts: TableOptions = {}): BuiltTable {
  const keys = opts.columns ?? spec.columns.map((c) => c.key);
  const header = keys.map((k) => spec.columns.find((c) => c.key === k)?.header ?? k);
  const rows: Cell[][] = [[opts.title ?? spec.title]];
  for (const f of spec.fields ?? []) {
    const v = opts.fields?.[f.key];
    if (v !== undefined) rows.push([`${f.label}：`, v]);
  }
  rows.push(header);
  const headerRow = rows.length;
  for (const r of records) rows.push(keys.map((k) => r[k] ?? null));
  for (const r of opts.after ?? []) rows.push([...r]);
  const rowOf = (i: number): number => headerRow + 1 + i;
  const ref = (key: string, i: number): string => {
    const col = keys.indexOf(key);
    if (col < 0) throw new Error(`column ${key} not written`);
    return a1(rowOf(i), col + 1);
  };
  return { grid: { name: spec.name, rows }, headerRow, rowOf, ref };
}
