import { isBlank, type Row, type SheetGrid } from '../values/grid.js';
import { matchKey } from '../values/text.js';
import type { ColumnSpec, SheetSpec } from '../schema/types.js';

/**
 * How far down a sheet the header row is looked for first (title, unit and field rows come
 * first). When these rows hold no header with every required column, the rest of the sheet is
 * searched too: a header is found wherever it is.
 */
const HEADER_SEARCH_ROWS = 25;

function headerKeys(c: ColumnSpec): string[] {
  return [c.header, ...(c.headerAliases ?? [])].map(matchKey);
}

interface HeaderMatch {
  /** 0-based index of the (last) header row: data starts below it. */
  readonly index: number;
  /** 0-based index of the first header row: `index - 1` for a two-row header, else `index`. */
  readonly first: number;
  /** Column key → 0-based column index. */
  readonly columns: ReadonlyMap<string, number>;
  /** Headers found twice: key → 0-based index of the ignored copy. */
  readonly duplicates: ReadonlyMap<string, number>;
}

type Scored = HeaderMatch & { readonly count: number; readonly required: number };

const byKeyCache = new WeakMap<SheetSpec, Map<string, string>>();

function keysOf(spec: SheetSpec): Map<string, string> {
  let byKey = byKeyCache.get(spec);
  if (!byKey) {
    byKey = new Map<string, string>();
    for (const c of spec.columns) for (const k of headerKeys(c)) byKey.set(k, c.key);
    byKeyCache.set(spec, byKey);
  }
  return byKey;
}

function score(
  spec: SheetSpec,
  index: number,
  first: number,
  columns: Map<string, number>,
  duplicates: Map<string, number>,
): Scored {
  let required = 0;
  for (const c of spec.columns) if (c.required && columns.has(c.key)) required++;
  return { index, first, columns, duplicates, count: columns.size, required };
}

function matchRow(row: Row, spec: SheetSpec, index: number): Scored {
  const byKey = keysOf(spec);
  const columns = new Map<string, number>();
  const duplicates = new Map<string, number>();
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    if (typeof cell !== 'string' || isBlank(cell)) continue;
    const key = byKey.get(matchKey(cell));
    if (key === undefined) continue;
    if (columns.has(key)) duplicates.set(key, i);
    else columns.set(key, i);
  }
  return score(spec, index, index, columns, duplicates);
}

/**
 * A header of two rows: a group label over sub-headers (投资情况, merged over 本期 and 累计).
 * Each column is known by its lower cell, by group + lower cell (投资情况 + 本期完成), or, where
 * the lower cell is empty, by its upper one (项目编号 merged down over both rows). A merged
 * group label is stored in its first column only: it covers the blank upper cells to its right
 * as long as the lower row goes on.
 */
function matchTwoRows(upper: Row, lower: Row, spec: SheetSpec, index: number): Scored {
  const byKey = keysOf(spec);
  const columns = new Map<string, number>();
  const duplicates = new Map<string, number>();
  let group = '';
  const width = Math.max(upper.length, lower.length);
  for (let i = 0; i < width; i++) {
    const up = upper[i];
    const low = lower[i];
    const upText = typeof up === 'string' && !isBlank(up) ? up : '';
    const lowText = typeof low === 'string' && !isBlank(low) ? low : '';
    if (upText !== '') group = upText;
    else if (lowText === '') group = '';
    let key: string | undefined;
    if (lowText !== '') key = byKey.get(matchKey(lowText)) ?? (group && byKey.get(matchKey(group + lowText)));
    else if (upText !== '') key = byKey.get(matchKey(upText));
    if (key === undefined) continue;
    if (columns.has(key)) duplicates.set(key, i);
    else columns.set(key, i);
  }
  return score(spec, index, index - 1, columns, duplicates);
}

const better = (a: Scored, b: Scored | undefined): boolean =>
  b === undefined || a.required > b.required || (a.required === b.required && a.count > b.count);

/**
 * The header row: the one with the most required columns, then the most known headers, first
 * among equals — a one-row header or a two-row one, whichever knows more columns. The first
 * rows are searched first; the rest only when no header there has every required column.
 * Undefined when no row has any known header.
 */
export function findHeaderRow(grid: SheetGrid, spec: SheetSpec): HeaderMatch | undefined {
  let best: Scored | undefined;
  const requiredCount = spec.columns.filter((c) => c.required).length;
  const search = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const row = grid.rows[i] ?? [];
      if (row.length === 0) continue;
      const one = matchRow(row, spec, i);
      if (one.count > 0 && better(one, best)) best = one;
      const above = i > 0 ? grid.rows[i - 1] : undefined;
      if (above && above.length > 0 && one.count < spec.columns.length) {
        const two = matchTwoRows(above, row, spec, i);
        // Only when the second row adds what neither row knows alone.
        if (
          two.count > one.count &&
          better(two, best) &&
          (!best || best.index !== i - 1 || two.count > best.count)
        )
          best = two;
      }
    }
  };
  const head = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  search(0, head);
  if (!best || best.required < requiredCount) search(head, grid.rows.length);
  if (!best) return undefined;
  const { index, first, columns, duplicates } = best;
  return { index, first, columns, duplicates };
}

/** How many of a spec's headers appear in the sheet's header row (for recognising workbooks). */
export function headerScore(grid: SheetGrid, spec: SheetSpec): number {
  return findHeaderRow(grid, spec)?.columns.size ?? 0;
}
