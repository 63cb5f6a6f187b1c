import { findSheet, isBlank, type Cell, type SheetGrid, type WorkbookGrid } from '../values/grid.js';
import type { ColumnSpec, SheetSpec } from '../schema/types.js';
import type { RowValues } from '../template/samples.js';
import { capTable, type TableOverflow } from '../template/limits.js';
import { cellText } from '../values/parse.js';
import { matchKey } from '../values/text.js';
import type { Issue } from '../issues/issue.js';
import { tableNotes } from './merge-notes.js';
import { findHeaderRow } from './header.js';
import { readTable } from './read.js';
import { readCell, type CellValue } from './types.js';

/**
 * Rows a run writes, merged into a table a person may have added to (DOMAIN §9: "more columns
 * may be added", results "never over what people typed"). The tool's columns are found by their
 * header text wherever they stand; its rows are matched to the existing ones by the sheet's
 * `rowKey`; the rows it owns are those of its period (`periodColumn`), or all of an `output`
 * sheet, or those its keys match. Everything else — other columns, other rows, notes under the
 * table — is carried unchanged. The result is a plan; an adapter applies it to the file's bytes
 * (xlsx-fill/merge-sheet.ts) or to the open workbook (office/excel.ts).
 */

export interface TableJob {
  readonly sheet: SheetSpec;
  /** This run's rows (only its own: the rows of its period, or the whole result). */
  readonly rows: readonly RowValues[];
  /** The period this run writes, for a sheet with a `periodColumn`. */
  readonly period?: string;
  /**
   * The sheet as it stands is in an earlier layout whose rows another job of the run carries
   * elsewhere (一线工作记录 by week, moved to 一线工作记录（按周）): it is written anew.
   */
  readonly replace?: boolean;
  /**
   * The run gives the whole table (the rows it keeps as well as its own, e.g. 代办周报记录 where an
   * agent's week is replaced): every row is its own, and rows it no longer gives are listed as removed.
   */
  readonly whole?: boolean;
}

/** One row of the merged table, in order from the first data row. */
interface PlannedRow {
  /** The existing row (1-based) carried here, with every cell it has. */
  readonly from?: number;
  /** The tool's cells to write in this row, by column key (only those that change). */
  readonly values: RowValues;
}

interface RemovedRow {
  readonly row: number;
  /** The row's key values, for people ("AY-2026-001 2026-11-1"). */
  readonly label: string;
}

export interface TablePlan {
  readonly sheet: SheetSpec;
  /** The sheet's name in the workbook (as found: spaces around it are forgiven). */
  readonly sheetName: string;
  /** 1-based header row. */
  readonly headerRow: number;
  /** Header texts to write: columns the table lacked (or the whole header when it had none). */
  readonly headerCells: readonly { readonly col: number; readonly text: string }[];
  /** Column key → 1-based column. */
  readonly columns: ReadonlyMap<string, number>;
  /** Rows from `headerRow + 1` on. */
  readonly rows: readonly PlannedRow[];
  /** The last row of the table as it was (its last data row; the header row when it had none). */
  readonly lastRow: number;
  /**
   * The last row the table may grow into without moving what is below it (blank rows under
   * the table, one kept free above a note); Infinity when nothing is below.
   */
  readonly room: number;
  /** Rows below `room` move down by this many. */
  readonly shift: number;
  readonly removed: readonly RemovedRow[];
  /** Title and lead cells above the header that show this run's values ({{考评期}} …). */
  readonly titles: readonly { readonly row: number; readonly col: number; readonly text: string }[];
  /** Headers of the columns a person added to the table. */
  readonly keptColumns: readonly string[];
  /** Rows of the table this run does not own (other periods, typed by hand), left untouched. */
  readonly keptRows: number;
  readonly counts: { readonly added: number; readonly updated: number; readonly unchanged: number };
  /** True when the sheet had no header of ours: the table was put under its content. */
  readonly appended: boolean;
  /** Columns the table's rows use (the tool's and a person's), for a shell that moves rows whole. */
  readonly width: number;
}

const keyText = (v: CellValue | undefined): string =>
  v === undefined || v === null ? '' : typeof v === 'string' ? matchKey(v) : cellText(v as Cell);

function typed(v: Cell | undefined, col: ColumnSpec): { blank: boolean; value?: CellValue } {
  const r = readCell(v, col);
  if (r.ok) return { blank: false, value: r.value };
  return { blank: r.blank };
}

/** Whether writing `next` into a cell now holding `raw` would change what the cell says. */
function changes(raw: Cell | undefined, next: Cell | undefined, col: ColumnSpec): boolean {
  const a = typed(raw, col);
  const b = typed(next, col);
  if (a.blank && b.blank) return false;
  if (a.value === undefined || b.value === undefined) return true;
  return keyText(a.value) !== keyText(b.value) || typeof a.value !== typeof b.value;
}

/** A title or lead line's template as a pattern: placeholders match any text. */
function linePattern(line: string): RegExp {
  const parts = line.split(/\{\{[^{}]+\}\}/u).map((p) => p.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  return new RegExp(`^${parts.join('.*?')}$`, 'u');
}

const fillLine = (line: string, values: ReadonlyMap<string, string>): string =>
  line.replace(/\{\{([^{}]+)\}\}/gu, (all, k: string) => values.get(k.trim()) ?? all);

function lastFilled(row: readonly Cell[] | undefined): number {
  if (!row) return -1;
  for (let i = row.length - 1; i >= 0; i--) if (!isBlank(row[i])) return i;
  return -1;
}

const rowIsBlank = (row: readonly Cell[] | undefined): boolean => lastFilled(row) < 0;

type Rec = Readonly<Record<string, CellValue | undefined>>;

/** How a run's rows are told apart (the sheet's key columns) and which existing rows are its own. */
function ownership(job: TableJob) {
  const spec = job.sheet;
  const keyCols = (spec.rowKey ?? spec.columns.map((c) => c.key)).flatMap((k) => {
    const c = spec.columns.find((x) => x.key === k);
    return c ? [c] : [];
  });
  const keyOf = (get: (c: ColumnSpec) => CellValue | undefined): string =>
    keyCols.map((c) => keyText(get(c))).join('\u0000');
  const newKeys = job.rows.map((r) => keyOf((c) => typed(r[c.key], c).value));
  const newKeySet = new Set(newKeys);
  const periodCol = spec.columns.find((c) => c.key === spec.periodColumn);
  const owned = (rec: Rec): boolean => {
    if (job.whole === true || (spec.output && !periodCol)) return true;
    if (periodCol && job.period !== undefined) return keyText(rec[periodCol.key]) === keyText(job.period);
    return newKeySet.has(keyOf((c) => rec[c.key]));
  };
  return { keyCols, keyOf, newKeys, owned };
}

/** The rows (as read) that a run of `job` replaces: its period's, or those its keys match. */
export function ownedRows<T extends { readonly record: object }>(job: TableJob, rows: readonly T[]): T[] {
  const { owned } = ownership(job);
  return rows.filter((r) => owned(r.record as Rec));
}

/**
 * The plan to write `job` into `grid` (the existing sheet), or undefined when the sheet is
 * absent or holds nothing at all (then it is written whole, as a fresh sheet).
 * @example planTable(findSheet(master, '进展记录'), { sheet: PROGRESS_LOG, rows, period: '2026-11-1' }, new Map())
 */
export function planTable(
  grid: SheetGrid | undefined,
  job: TableJob,
  placeholders: ReadonlyMap<string, string>,
): TablePlan | undefined {
  if (!grid || grid.rows.every(rowIsBlank)) return undefined;
  const spec = job.sheet;
  const found = findHeaderRow(grid, spec);
  const appended = found === undefined;
  // No header of ours: the table goes under what the sheet holds, which stays as it is.
  const headerIndex = found?.index ?? grid.rows.length + 1;
  const headerRow = headerIndex + 1;
  const { columns, headerCells, keptColumns } = planColumns(grid, spec, found, headerIndex);

  // The table runs from the header to the first blank row after its first rows: what is below a
  // blank row (a note, a signature line "核对人：赵六") is never the table's, whatever it holds.
  let blockEnd = headerIndex + 1;
  while (blockEnd < grid.rows.length && rowIsBlank(grid.rows[blockEnd])) blockEnd++;
  while (blockEnd < grid.rows.length && !rowIsBlank(grid.rows[blockEnd])) blockEnd++;
  const read = appended ? undefined : readTable(grid, spec);
  const data = (read?.rows ?? []).filter((r) => r.row <= blockEnd);
  const { block, ownedRows, removed, counts } = matchRows(job, data, columns);

  // The table's rows as they were, the owned ones replaced by the block where the first stood.
  // A loop, not Math.max(...rows): a ledger of 100,000 rows would overflow the call stack.
  const lastRow = data.reduce((m, r) => Math.max(m, r.row), headerRow);
  const rows: PlannedRow[] = [];
  let placed = false;
  for (let r = headerRow + 1; r <= lastRow; r++) {
    if (!ownedRows.has(r)) rows.push({ from: r, values: {} });
    else if (!placed) {
      rows.push(...block);
      placed = true;
    }
  }
  if (!placed) rows.push(...block);
  const keptRows = data.filter((r) => !ownedRows.has(r.row)).length;

  // Blank rows under the table are room to grow; a note below keeps one blank row above it.
  let below = lastRow + 1;
  while (below <= grid.rows.length && rowIsBlank(grid.rows[below - 1])) below++;
  const room = below > grid.rows.length ? Infinity : below - 1 > lastRow ? below - 2 : lastRow;
  const end = headerRow + rows.length;
  const shift = Math.max(0, end - room);

  const titles = titleCells(grid, spec, headerIndex, placeholders);
  return {
    sheet: spec,
    sheetName: grid.name,
    headerRow,
    headerCells,
    columns,
    rows,
    lastRow,
    room,
    shift,
    removed,
    titles,
    keptColumns,
    keptRows,
    counts,
    appended,
    width: grid.rows
      .slice(headerIndex, Math.max(lastRow, headerIndex + 1))
      .reduce((w, r) => Math.max(w, lastFilled(r) + 1), Math.max(0, ...columns.values())),
  };
}

/** Where each column of ours is (found, or added after the sheet's own), and the columns a person added. */
function planColumns(
  grid: SheetGrid,
  spec: SheetSpec,
  found: ReturnType<typeof findHeaderRow>,
  headerIndex: number,
): { columns: Map<string, number>; headerCells: { col: number; text: string }[]; keptColumns: string[] } {
  const appended = found === undefined;
  const columns = new Map<string, number>();
  for (const [k, c] of found?.columns ?? []) columns.set(k, c + 1);
  const headerCells: { col: number; text: string }[] = [];
  let next = Math.max(lastFilled(grid.rows[headerIndex]) + 1, 0) + 1;
  for (const c of spec.columns) {
    if (columns.has(c.key)) continue;
    columns.set(c.key, appended ? spec.columns.indexOf(c) + 1 : next++);
    headerCells.push({ col: columns.get(c.key) ?? 0, text: c.header });
  }
  const ours = new Set(columns.values());
  const header = grid.rows[headerIndex] ?? [];
  const keptColumns = appended
    ? []
    : header.flatMap((h, i) => (ours.has(i + 1) || isBlank(h) ? [] : [cellText(h)]));
  return { columns, headerCells, keptColumns };
}

/**
 * The run's rows against the rows it owns: each new row takes an owned row of its key (the k-th
 * new row of a key the k-th old one, in sheet order) with only its changed cells, or is added;
 * owned rows no new row takes are removed.
 */
function matchRows(
  job: TableJob,
  data: readonly { readonly row: number; readonly record: Rec; readonly raw: readonly Cell[] }[],
  columns: ReadonlyMap<string, number>,
): {
  block: PlannedRow[];
  ownedRows: Set<number>;
  removed: RemovedRow[];
  counts: { added: number; updated: number; unchanged: number };
} {
  const spec = job.sheet;
  const { keyCols, keyOf, newKeys, owned } = ownership(job);
  const byKey = new Map<string, number[]>();
  const ownedRows = new Set<number>();
  const records = new Map<number, (typeof data)[number]>();
  for (const r of data) {
    records.set(r.row, r);
    if (!owned(r.record)) continue;
    ownedRows.add(r.row);
    const k = keyOf((c) => r.record[c.key]);
    const list = byKey.get(k);
    if (list) list.push(r.row);
    else byKey.set(k, [r.row]);
  }
  const counts = { added: 0, updated: 0, unchanged: 0 };
  const block: PlannedRow[] = job.rows.map((values, i) => {
    const from = byKey.get(newKeys[i] ?? '')?.shift();
    if (from === undefined) {
      counts.added++;
      const all: Record<string, Cell | undefined> = {};
      for (const c of spec.columns) if (!isBlank(values[c.key] ?? null)) all[c.key] = values[c.key];
      return { values: all };
    }
    const raw = records.get(from)?.raw ?? [];
    const changed: Record<string, Cell | undefined> = {};
    for (const c of spec.columns) {
      const v = values[c.key];
      if (changes(raw[(columns.get(c.key) ?? 0) - 1], v, c)) changed[c.key] = v ?? null;
    }
    if (Object.keys(changed).length > 0) counts.updated++;
    else counts.unchanged++;
    return { from, values: changed };
  });
  const taken = new Set(block.flatMap((b) => (b.from === undefined ? [] : [b.from])));
  const removed: RemovedRow[] = [...ownedRows]
    .filter((r) => !taken.has(r))
    .map((row) => ({
      row,
      label: keyCols
        .map((c) => cellText(records.get(row)?.raw[(columns.get(c.key) ?? 0) - 1]))
        .filter((t) => t !== '')
        .join(' '),
    }));
  return { block, ownedRows, removed, counts };
}

/** The title and lead lines above the header that quote {{placeholders}}, filled anew. */
function titleCells(
  grid: SheetGrid,
  spec: SheetSpec,
  headerIndex: number,
  placeholders: ReadonlyMap<string, string>,
): { row: number; col: number; text: string }[] {
  const titles: { row: number; col: number; text: string }[] = [];
  const lines = [spec.title, ...(spec.lead ?? [])].filter((l) => l.includes('{{'));
  for (let r = 0; r < Math.min(headerIndex, grid.rows.length); r++) {
    (grid.rows[r] ?? []).forEach((cell, c) => {
      if (typeof cell !== 'string') return;
      const line = lines.find((l) => linePattern(l).test(cell));
      if (line === undefined) return;
      const text = fillLine(line, placeholders);
      if (text !== cell && !text.includes('{{')) titles.push({ row: r + 1, col: c + 1, text });
    });
  }
  return titles;
}

/** How one table of a run goes into a workbook: merged into the sheet there, or written as a new sheet. */
export type TableWrite =
  { readonly kind: 'merge'; readonly plan: TablePlan } | { readonly kind: 'fresh'; readonly job: TableJob };

/**
 * Every table of a run against the workbook it goes into: a plan for each sheet that exists,
 * and what people are told about them.
 * @example const { writes, notes } = planTables(masterGrid, outcome.tables, outcome.placeholders)
 */
export function planTables(
  wb: WorkbookGrid,
  jobs: readonly TableJob[],
  placeholders: ReadonlyMap<string, string>,
): { readonly writes: readonly TableWrite[]; readonly notes: readonly Issue[] } {
  const writes: TableWrite[] = jobs.map((job) => {
    const plan = job.replace ? undefined : planTable(findSheet(wb, job.sheet.name), job, placeholders);
    return plan ? { kind: 'merge', plan } : { kind: 'fresh', job };
  });
  return { writes, notes: writes.flatMap((w) => (w.kind === 'merge' ? tableNotes(w.plan) : [])) };
}

/**
 * This run's rows within Excel's limits (core/template/limits.ts): texts cut with a note, and a
 * table longer than a sheet holds ends with a row saying how many were left out. `overflow` lists
 * the tables that lost rows, for the shell to say.
 */
export function withinLimits(jobs: readonly TableJob[]): {
  readonly jobs: readonly TableJob[];
  readonly overflow: readonly TableOverflow[];
} {
  const overflow: TableOverflow[] = [];
  const capped = jobs.map((job) => {
    const c = capTable(job.sheet, job.rows);
    if (c.overflow) overflow.push(c.overflow);
    const rows: RowValues[] = [];
    for (let i = 0; i < c.rows.length; i++) rows.push(c.rows.at(i) ?? {});
    return { ...job, rows };
  });
  return { jobs: capped, overflow };
}
