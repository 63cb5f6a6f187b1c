import { isBlank, type Row, type SheetGrid } from '../grid.js';
import { matchKey } from '../values/text.js';
import type { ColumnSpec, SheetSpec } from '../schema/types.js';

/** How far down a sheet we look for the header row (title, unit and field rows come first). */
export const HEADER_SEARCH_ROWS = 25;

export function headerKeys(c: ColumnSpec): string[] {
  return [c.header, ...(c.headerAliases ?? [])].map(matchKey);
}

export interface HeaderMatch {
  /** 0-based index of the header row. */
  readonly index: number;
  /** Column key → 0-based column index. */
  readonly columns: ReadonlyMap<string, number>;
  /** Headers found twice: key → 0-based index of the ignored copy. */
  readonly duplicates: ReadonlyMap<string, number>;
}

function matchRow(row: Row, spec: SheetSpec): HeaderMatch & { readonly count: number } {
  const byKey = new Map<string, string>();
  for (const c of spec.columns) for (const k of headerKeys(c)) byKey.set(k, c.key);
  const columns = new Map<string, number>();
  const duplicates = new Map<string, number>();
  row.forEach((cell, i) => {
    if (typeof cell !== 'string' || isBlank(cell)) return;
    const key = byKey.get(matchKey(cell));
    if (key === undefined) return;
    if (columns.has(key)) duplicates.set(key, i);
    else columns.set(key, i);
  });
  return { index: -1, columns, duplicates, count: columns.size };
}

/** The row with the most known headers among the first rows, or undefined when none has any. */
export function findHeaderRow(grid: SheetGrid, spec: SheetSpec): HeaderMatch | undefined {
  let best: (HeaderMatch & { count: number }) | undefined;
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const m = matchRow(grid.rows[i] ?? [], spec);
    if (m.count > 0 && (best === undefined || m.count > best.count)) best = { ...m, index: i };
  }
  return best;
}

/** How many of a spec's headers appear in the sheet's header row (for recognising workbooks). */
export function headerScore(grid: SheetGrid, spec: SheetSpec): number {
  return findHeaderRow(grid, spec)?.columns.size ?? 0;
}
