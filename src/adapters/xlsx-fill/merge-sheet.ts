import { columnIndex, columnLetters, type Cell } from '../../core/values/grid.js';
import {
  mapFormulaRefs,
  shiftFormula,
  type CellPosition,
  type FormulaRef,
} from '../../core/table/formula.js';
import type { TablePlan } from '../../core/table/merge.js';
import { numberFormat } from '../../core/template/layout.js';
import { decodeEntities, findAttr } from '../xlsx-read/xml.js';
import { inlineStringCell, valueCellXml } from './text.js';

/**
 * Applies a table plan (core/table/merge.ts) to a worksheet's XML: the tool's cells are written
 * into their rows, rows a person typed are carried with every cell, comment, hyperlink and
 * format of theirs, and what is below the table moves down only when the table outgrows the
 * blank rows under it. A row that does not move keeps its bytes; a moved row's formulas are
 * rewritten as Excel moves them (relative references follow the row).
 */

interface RawCell {
  readonly col: number;
  readonly xml: string;
  readonly style: string | undefined;
}

interface RawRow {
  readonly r: number;
  readonly xml: string;
  /** The start tag's attributes other than r and spans. */
  readonly attrs: string;
  readonly cells: readonly RawCell[];
}

const ROW_RE = /<row\b([^>]*?)(\/>|>([\s\S]*?)<\/row>)/gu;
const CELL_RE = /<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/gu;
const attrOf = (attrs: string, name: string): string | undefined => findAttr(attrs, 0, attrs.length, name);

function parseRows(sheetData: string): RawRow[] {
  const rows: RawRow[] = [];
  let next = 1;
  for (const m of sheetData.matchAll(ROW_RE)) {
    const attrs = m[1] ?? '';
    const r = Number(attrOf(attrs, 'r') ?? next);
    next = r + 1;
    const cells: RawCell[] = [];
    let col = 0;
    for (const c of (m[3] ?? '').matchAll(CELL_RE)) {
      const ca = c[1] ?? '';
      const ref = attrOf(ca, 'r');
      col = ref ? columnIndex(ref.replace(/\$?\d+$/u, '').replace(/\$/gu, '')) : col;
      cells.push({ col, xml: c[0], style: attrOf(ca, 's') });
      col++;
    }
    rows.push({ r, xml: m[0], attrs: attrs.replace(/\s(r|spans)="[^"]*"/gu, ''), cells });
  }
  return rows;
}

/** Where each row of the sheet goes; undefined for a row whose content went. */
interface RowMove {
  (row: number): number | undefined;
}

export interface MergedSheet {
  readonly xml: string;
  /** Old row → new row, for what is anchored to cells elsewhere (comments, drawings). */
  readonly rowOf: RowMove;
  /** A range (rows) moved as the rows around it moved, or undefined when it went with them. */
  readonly moveRange: (r1: number, r2: number) => readonly [number, number] | undefined;
}

const escapeText = (s: string): string =>
  s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** Rewrites the row number of a cell's `r` and moves its formula as Excel copies one. */
function moveCell(xml: string, row: number, by: number, col: number): string {
  let out = xml.replace(
    /(<c\b[^>]*?\sr=")(\$?[A-Za-z]+)\$?\d+(")/u,
    (_a, a: string, c: string, b: string) => `${a}${c}${row}${b}`,
  );
  if (!/\sr="/u.test(out.slice(0, out.indexOf('>'))))
    out = out.replace(/^<c\b/u, `<c r="${columnLetters(col)}${row}"`);
  if (by === 0 || !out.includes('<f')) return out;
  return out.replace(/<f\b([^>]*?)(\/>|>([^<]*)<\/f>)/u, (_a, attrs: string, _end: string, body?: string) => {
    const ref = attrOf(attrs, 'ref');
    const a = ref ? attrs.replace(/\sref="[^"]*"/u, ` ref="${shiftFormula(ref, by)}"`) : attrs;
    return body === undefined
      ? `<f${a}/>`
      : `<f${a}>${escapeText(shiftFormula(decodeEntities(body), by))}</f>`;
  });
}

/** A cell emptied of its value and formula; its format stays (a cleared row keeps its look). */
function clearCell(c: RawCell, row: number): string {
  return c.style === undefined ? '' : `<c r="${columnLetters(c.col)}${row}" s="${c.style}"/>`;
}

/**
 * Shared formulas (`<f t="shared" si="0"/>`, Excel's fill-down) as plain ones, so rows can move
 * one by one. Each dependent's formula is the group's first formula moved to its cell.
 */
function expandSharedFormulas(rows: RawRow[]): RawRow[] {
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  for (const row of rows)
    for (const c of row.cells) {
      const m = /<f\b([^>]*)>([^<]*)<\/f>/u.exec(c.xml);
      if (!m || attrOf(m[1] ?? '', 't') !== 'shared') continue;
      const si = attrOf(m[1] ?? '', 'si');
      if (si !== undefined && !masters.has(si))
        masters.set(si, { formula: decodeEntities(m[2] ?? ''), row: row.r, col: c.col });
    }
  if (masters.size === 0) return rows;
  return rows.map((row) => {
    if (!row.cells.some((c) => c.xml.includes('t="shared"'))) return row;
    const cells = row.cells.map((c) => {
      const xml = c.xml.replace(/<f\b([^>]*?)(\/>|>[^<]*<\/f>)/u, (all, attrs: string) => {
        if (attrOf(attrs, 't') !== 'shared') return all;
        const m = masters.get(attrOf(attrs, 'si') ?? '');
        if (!m) return all;
        return `<f>${escapeText(shiftFormula(m.formula, row.r - m.row, c.col - m.col))}</f>`;
      });
      return { ...c, xml };
    });
    return { ...row, cells, xml: '' };
  });
}

interface MergeContext {
  /** The cell format to write a date with, given the cell's (one showing dates). */
  readonly dateStyle: (style: string | undefined, formatCode: string) => string;
  /** The sheet's name, to recognise its own qualified references in formulas. */
  readonly sheetName: string;
}

/** Where `<sheetData>` is: its start, the end of its start tag, its end tag (a `<sheetData/>` has no body). */
function sheetDataBounds(xml: string): {
  open: number;
  bodyStart: number;
  close: number;
  selfClosing: boolean;
} {
  const open = xml.indexOf('<sheetData');
  const selfClosing = open >= 0 && /^<sheetData\b[^>]*\/>/u.test(xml.slice(open));
  const bodyStart = open < 0 ? -1 : xml.indexOf('>', open) + 1;
  const close = selfClosing ? bodyStart : xml.indexOf('</sheetData>');
  if (open < 0 || close < 0) throw new Error('worksheet without sheetData');
  return { open, bodyStart, close, selfClosing };
}

export function mergeSheetXml(xml: string, plan: TablePlan, ctx: MergeContext): MergedSheet {
  const { open, bodyStart, close, selfClosing } = sheetDataBounds(xml);
  let rows = parseRows(xml.slice(bodyStart, close));
  const { rowOf, moveRange, moves } = rowMoves(plan);
  if (moves) rows = expandSharedFormulas(rows);
  const byRow = new Map(rows.map((r) => [r.r, r]));
  const w = rowWriters(plan, ctx, moves, moveRange);
  const out = [
    ...aboveTable(rows, byRow, plan, w),
    ...tableRows(byRow, plan, w),
    ...belowTable(rows, plan, w),
  ];

  const head = xml.slice(0, open) + (selfClosing ? '<sheetData>' : xml.slice(open, bodyStart));
  const tail = (selfClosing ? '</sheetData>' : '') + xml.slice(selfClosing ? bodyStart : close);
  // Loops, not Math.max(...list): a sheet of 100,000 rows would overflow the call stack.
  let maxCol = 0;
  for (const c of plan.columns.values()) maxCol = Math.max(maxCol, c - 1);
  let lastUsed = Math.max(plan.lastRow, plan.headerRow + plan.rows.length);
  for (const r of rows) {
    lastUsed = Math.max(lastUsed, rowOf(r.r) ?? 0);
    for (const c of r.cells) maxCol = Math.max(maxCol, c.col);
  }
  const fixedHead = head.replace(
    /<dimension\s+ref="[^"]*"\s*\/>/u,
    `<dimension ref="A1:${columnLetters(maxCol)}${lastUsed}"/>`,
  );
  return { xml: fixedHead + out.join('') + adjustAnchors(tail, moveRange, rowOf), rowOf, moveRange };
}

/** Where the plan moves each row (rowOf) and each range (moveRange); `moves` when any row moves at all. */
function rowMoves(plan: TablePlan): { rowOf: RowMove; moveRange: MergedSheet['moveRange']; moves: boolean } {
  const h = plan.headerRow;
  const first = h + 1;
  const newEnd = h + plan.rows.length;
  const { lastRow, room, shift } = plan;
  // Where each carried row goes.
  const carried = new Map<number, number>();
  plan.rows.forEach((p, i) => {
    if (p.from !== undefined) carried.set(p.from, first + i);
  });
  const moves = [...carried].some(([a, b]) => a !== b) || shift > 0;
  const rowOf: RowMove = (r) => {
    if (r <= h) return r;
    if (r <= lastRow) return carried.get(r);
    if (r <= room) return r <= newEnd ? undefined : r;
    return r + shift;
  };
  const moveRange = (r1: number, r2: number): readonly [number, number] | undefined => {
    if (r1 === r2 && r1 > h && r1 <= Math.max(lastRow, Math.min(room, newEnd))) {
      const to = rowOf(r1);
      return to === undefined ? undefined : [to, to];
    }
    const a = r1 > room ? r1 + shift : r1;
    let b = r2 > room ? r2 + shift : r2;
    // A range over the whole table (a filter, a drop-down list, a format) grows with it.
    if (r1 <= first && r2 >= lastRow && r2 >= first && r2 <= room) b = Math.max(b, newEnd);
    return [a, b];
  };
  return { rowOf, moveRange, moves };
}

/** How rows and cells are written back: kept, with formulas following moved rows, or rebuilt. */
function rowWriters(plan: TablePlan, ctx: MergeContext, moves: boolean, moveRange: MergedSheet['moveRange']) {
  const moveRef = refMover(moveRange);
  // Formulas that stay where they are follow the rows they point to (Excel's "insert rows").
  const followRows = (cellXml: string): string =>
    !cellXml.includes('<f') || !moves
      ? cellXml
      : cellXml.replace(/<f\b([^>]*?)>([^<]*)<\/f>/u, (_a, attrs: string, body: string) => {
          const f = mapFormulaRefs(decodeEntities(body), (ref) =>
            ref.sheet === undefined || ref.sheet === ctx.sheetName ? moveRef(ref) : undefined,
          );
          return `<f${attrs}>${escapeText(f)}</f>`;
        });

  /** A row that stays where it is: its bytes, unless its formulas point at rows that moved. */
  const keep = (r: RawRow): string =>
    !moves || !r.xml.includes('<f') ? r.xml : r.xml.replace(CELL_RE, followRows);

  const specOf = new Map(plan.sheet.columns.map((c) => [c.key, c]));
  const writeValue = (
    col: number,
    row: number,
    style: string | undefined,
    key: string,
    v: Cell | undefined,
  ) => {
    const spec = specOf.get(key);
    if (!spec) return undefined;
    const format = spec.type === 'date' || spec.type === 'datetime' ? numberFormat(spec) : undefined;
    const s = format && v !== null && v !== undefined ? ctx.dateStyle(style, format) : style;
    return valueCellXml(`${columnLetters(col)}${row}`, s, v, spec);
  };
  const rowXml = (r: number, attrs: string, cells: Map<number, string>): string => {
    const body = [...cells]
      .sort((a, b) => a[0] - b[0])
      .map(([, x]) => x)
      .join('');
    return body === '' && attrs.trim() === ''
      ? ''
      : body === ''
        ? `<row r="${r}"${attrs}/>`
        : `<row r="${r}"${attrs}>${body}</row>`;
  };
  return { followRows, keep, writeValue, rowXml };
}

type RowWriters = ReturnType<typeof rowWriters>;

/** Rows above the table: as they were, but for titles of this run and the header's new columns. */
function aboveTable(
  rows: readonly RawRow[],
  byRow: ReadonlyMap<number, RawRow>,
  plan: TablePlan,
  w: RowWriters,
): string[] {
  const out: string[] = [];
  const h = plan.headerRow;
  const titleAt = new Map(plan.titles.map((t) => [`${t.row}:${t.col}`, t.text]));
  const headerStyle = byRow.get(h)?.cells.find((c) => [...plan.columns.values()].includes(c.col + 1))?.style;
  const aboveRows = new Set([...plan.titles.map((t) => t.row), ...(plan.headerCells.length > 0 ? [h] : [])]);
  for (const r of rows) {
    if (r.r > h) break;
    if (!aboveRows.has(r.r)) {
      out.push(w.keep(r));
      continue;
    }
    const cells = new Map(r.cells.map((c) => [c.col, w.followRows(c.xml)]));
    for (const c of r.cells) {
      const t = titleAt.get(`${r.r}:${c.col + 1}`);
      if (t !== undefined) cells.set(c.col, inlineStringCell(`${columnLetters(c.col)}${r.r}`, c.style, t));
    }
    if (r.r === h)
      for (const hc of plan.headerCells)
        cells.set(hc.col - 1, inlineStringCell(`${columnLetters(hc.col - 1)}${h}`, headerStyle, hc.text));
    out.push(w.rowXml(r.r, r.attrs, cells));
  }
  if (plan.headerCells.length > 0 && !byRow.has(h)) {
    const cells = new Map(
      plan.headerCells.map((hc) => [
        hc.col - 1,
        inlineStringCell(`${columnLetters(hc.col - 1)}${h}`, undefined, hc.text),
      ]),
    );
    out.push(w.rowXml(h, '', cells));
  }
  return out;
}

/**
 * The table: carried rows with the tool's cells written in, new rows, cleared rows. A new row
 * looks like the row at its place before (a prepared blank row), else like the table row above
 * it: followed along the loop, so a long table costs no look-back per row.
 */
function tableRows(byRow: ReadonlyMap<number, RawRow>, plan: TablePlan, w: RowWriters): string[] {
  const out: string[] = [];
  const h = plan.headerRow;
  const first = h + 1;
  const n = plan.rows.length;
  const tableEnd = Math.max(plan.lastRow, h + n);
  let above: RawRow | undefined;
  for (let p = first; p <= tableEnd; p++) {
    const planned = p - first < n ? plan.rows[p - first] : undefined;
    if (!planned) {
      // A row the table no longer needs: its cells emptied, its look kept.
      const old = byRow.get(p);
      if (old && p <= plan.lastRow)
        out.push(w.rowXml(p, old.attrs, new Map(old.cells.map((c) => [c.col, clearCell(c, p)]))));
      continue;
    }
    const src = planned.from !== undefined ? byRow.get(planned.from) : undefined;
    const own = byRow.get(p);
    const template = src ?? (own && own.r > h ? own : above);
    if (template) above = template;
    const keys = Object.keys(planned.values);
    if (src && planned.from === p && keys.length === 0) {
      out.push(w.keep(src));
      continue;
    }
    out.push(plannedRow(p, planned, src, template, keys, plan, w));
  }
  return out;
}

/** One planned row at `p`: the carried row's cells moved (or the template's emptied), the tool's values written in. */
function plannedRow(
  p: number,
  planned: TablePlan['rows'][number],
  src: RawRow | undefined,
  template: RawRow | undefined,
  keys: readonly string[],
  plan: TablePlan,
  w: RowWriters,
): string {
  const cells = new Map<number, string>();
  const styles = new Map<number, string | undefined>();
  let attrs = '';
  if (planned.from !== undefined) {
    attrs = src?.attrs ?? '';
    for (const c of src?.cells ?? []) {
      cells.set(c.col, moveCell(c.xml, p, p - (planned.from ?? p), c.col));
      styles.set(c.col, c.style);
    }
  } else {
    attrs = template?.attrs ?? '';
    for (const c of template?.cells ?? []) {
      styles.set(c.col, c.style);
      const empty = clearCell(c, p);
      if (empty !== '') cells.set(c.col, empty);
    }
  }
  for (const key of keys) {
    const col = (plan.columns.get(key) ?? 0) - 1;
    if (col < 0) continue;
    const xmlOf = w.writeValue(col, p, styles.get(col), key, planned.values[key]);
    if (xmlOf === undefined) continue;
    if (xmlOf === '') cells.delete(col);
    else cells.set(col, xmlOf);
  }
  return w.rowXml(p, attrs, cells);
}

/** Below the table: blank rows it did not grow into stay; the rest moves down if it had to. */
function belowTable(rows: readonly RawRow[], plan: TablePlan, w: RowWriters): string[] {
  const out: string[] = [];
  const { lastRow, room, shift } = plan;
  const newEnd = plan.headerRow + plan.rows.length;
  for (const r of rows) {
    if (r.r <= lastRow || (r.r <= room && r.r <= newEnd)) continue;
    if (r.r <= room || shift === 0) out.push(w.keep(r));
    else {
      const to = r.r + shift;
      out.push(
        w.rowXml(
          to,
          r.attrs,
          new Map(r.cells.map((c) => [c.col, w.followRows(moveCell(c.xml, to, 0, c.col))])),
        ),
      );
    }
  }
  return out;
}

/** A formula reference moved as the rows it covers moved (a range over the table grows with it). */
export function refMover(moveRange: MergedSheet['moveRange']): (ref: FormulaRef) => FormulaRef {
  return (ref) => {
    const moved = moveRange(ref.start.row, ref.end?.row ?? ref.start.row);
    if (!moved || (ref.end === undefined && moved[0] !== moved[1])) return ref;
    const start: CellPosition = { ...ref.start, row: moved[0] };
    return ref.end ? { ...ref, start, end: { ...ref.end, row: moved[1] } } : { ...ref, start };
  };
}

/** The sheet's ranges after the rows moved: merges, formats, drop-downs, filters, links. */
function adjustAnchors(tail: string, moveRange: MergedSheet['moveRange'], rowOf: RowMove): string {
  const moveSqref = (sqref: string): string =>
    sqref
      .split(/\s+/u)
      .filter(Boolean)
      .flatMap((ref) => {
        const m = /^(\$?[A-Z]+\$?)(\d+)(?::(\$?[A-Z]+\$?)(\d+))?$/u.exec(ref);
        if (!m) return [ref];
        const r1 = Number(m[2]);
        const r2 = m[4] === undefined ? r1 : Number(m[4]);
        const moved = moveRange(r1, r2);
        if (!moved) return [];
        return [
          m[3] === undefined && moved[0] === moved[1]
            ? `${m[1]}${moved[0]}`
            : `${m[1]}${moved[0]}:${m[3] ?? m[1]}${moved[1]}`,
        ];
      })
      .join(' ');
  let out = tail.replace(
    /<mergeCell\b([^>]*?)\sref="([^"]+)"([^>]*)\/>/gu,
    (_a, pre: string, ref: string, post: string) => {
      const q = moveSqref(ref);
      return q === '' ? '' : `<mergeCell${pre} ref="${q}"${post}/>`;
    },
  );
  out = out.replace(
    /<mergeCells\b([^>]*?)\scount="\d+"/u,
    (_a, pre: string) => `<mergeCells${pre} count="${(out.match(/<mergeCell\b/gu) ?? []).length}"`,
  );
  out = out.replace(/<mergeCells\b[^>]*>\s*<\/mergeCells>/u, '');
  out = out.replace(
    /(<(?:conditionalFormatting|dataValidation|selection|protectedRange|ignoredError)\b[^>]*?\ssqref=")([^"]+)(")/gu,
    (_a, a: string, q: string, b: string) => `${a}${moveSqref(q) || q}${b}`,
  );
  out = out.replace(
    /(<xm:sqref>)([^<]+)(<\/xm:sqref>)/gu,
    (_a, a: string, q: string, b: string) => `${a}${moveSqref(q) || q}${b}`,
  );
  out = out.replace(
    /(<autoFilter\b[^>]*?\sref=")([^"]+)(")/u,
    (_a, a: string, q: string, b: string) => `${a}${moveSqref(q) || q}${b}`,
  );
  // A link on a cell that went goes with it.
  out = out.replace(
    /<hyperlink\b([^>]*?)\sref="([^"]+)"([^>]*?)\/>/gu,
    (_a, pre: string, ref: string, post: string) => {
      const q = moveSqref(ref);
      return q === '' ? '' : `<hyperlink${pre} ref="${q}"${post}/>`;
    },
  );
  out = out.replace(/<hyperlinks>\s*<\/hyperlinks>/u, '');
  out = out.replace(
    /(<brk\b[^>]*?\sid=")(\d+)(")/gu,
    (_a, a: string, id: string, b: string) => `${a}${rowOf(Number(id)) ?? id}${b}`,
  );
  return out;
}
