import { findSheet, isBlank, type SheetGrid, type WorkbookGrid } from '../values/grid.js';
import type { SheetSpec } from '../schema/types.js';
import { matchKey } from '../values/text.js';
import { findHeaderRow } from './header.js';

/**
 * Where a form's sheet is in a workbook as received. By its name first; a sheet someone renamed
 * (`一线工作(1)`, `Sheet2`) is recognised by its headers — every required column there — and said
 * so; a sheet whose name says it is the one (`一线工作(1)`) but whose headers cannot be found is
 * `unrecognised`: the caller rejects it whole, counting its rows, rather than reading it as empty.
 */
type SheetLocation =
  | { readonly kind: 'named'; readonly grid: SheetGrid }
  | { readonly kind: 'renamed'; readonly grid: SheetGrid }
  | { readonly kind: 'unrecognised'; readonly grid: SheetGrid; readonly rows: readonly number[] }
  | { readonly kind: 'missing' };

/** The 1-based numbers of the rows of a sheet that hold anything. */
export function filledRows(grid: SheetGrid): number[] {
  const out: number[] = [];
  grid.rows.forEach((row, i) => {
    for (const c of row)
      if (!isBlank(c)) {
        out.push(i + 1);
        return;
      }
  });
  return out;
}

/**
 * Finds the sheet for `spec` among the sheets of `wb` not `taken` by another spec and not named
 * after one of `siblings` (the other sheets of the same form).
 */
export function locateSheet(
  wb: WorkbookGrid,
  spec: SheetSpec,
  siblings: readonly SheetSpec[],
  taken: ReadonlySet<SheetGrid> = new Set(),
): SheetLocation {
  const named = findSheet(wb, spec.name);
  if (named && !taken.has(named)) return { kind: 'named', grid: named };
  const own = matchKey(spec.name);
  const siblingNames = new Set(siblings.filter((s) => s !== spec).map((s) => matchKey(s.name)));
  const candidates = wb.sheets.filter(
    (g) => !taken.has(g) && !g.hidden && !siblingNames.has(matchKey(g.name)) && g.rows.length > 0,
  );
  const required = spec.columns.filter((c) => c.required);
  const alike = (g: SheetGrid): boolean => {
    const k = matchKey(g.name);
    return k.includes(own) || (k.length >= 2 && own.includes(k));
  };
  let best: { grid: SheetGrid; score: number } | undefined;
  for (const g of candidates) {
    const h = findHeaderRow(g, spec);
    if (!h || required.some((c) => !h.columns.has(c.key))) continue;
    // A name like the expected one wins over a mere match of headers.
    const score = h.columns.size + (alike(g) ? 1000 : 0);
    if (!best || score > best.score) best = { grid: g, score };
  }
  if (best) return { kind: 'renamed', grid: best.grid };
  const lookalike = candidates.find(alike);
  if (lookalike) return { kind: 'unrecognised', grid: lookalike, rows: filledRows(lookalike) };
  return { kind: 'missing' };
}
