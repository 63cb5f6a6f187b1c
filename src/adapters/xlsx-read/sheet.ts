/**
 * Worksheet parts: the cells of `<sheetData>`, cached values only (`<f>` formulas are ignored).
 * A hand-written scanner straight over the inflated UTF-8 bytes (markup is ASCII; only value
 * text is decoded); no per-cell regex, no DOM.
 */
import { columnLetters, NO_CACHED_VALUE, type Cell } from '../../core/values/grid.js';
import {
  assertNoDtdBytes,
  battr,
  bytesAre,
  findEndTagB,
  findStartTagB,
  isNameEnd,
  nextAttrB,
  skipSpecialB,
  tagEndB,
  text,
} from './bytes.js';
import { readRichText } from './shared-strings.js';
import { corrupt, decodeEntities, decodeXstring, readText } from './xml.js';

interface SheetContext {
  readonly sharedStrings: readonly string[] | undefined;
  /** `dateStyles[s] === 1` when cell style index `s` is a date/time format. */
  readonly dateStyles: Uint8Array;
  /** 1462 for 1904-based workbooks, else 0: added to every numeric date serial. */
  readonly dateOffset: number;
  readonly maxRows: number;
  readonly maxCols: number;
  /** Shared by every sheet of a workbook: what the grids hold, so memory follows the cells present. */
  readonly budget: GridBudget;
}

/**
 * A grid keeps rows as dense arrays, so a cell far from the others costs every slot before it
 * (`IV60000` alone: 60,000 rows and 255 padding cells). Each slot must be paid for: a workbook
 * may hold `allowance` slots plus `perCell` slots for every cell with a value. A cell whose
 * padding the budget cannot pay is not stored, and the sheet says so (`droppedFar`), so a few
 * far cells are read as usual while a file made of them costs memory in proportion to its cells,
 * never to its largest address.
 */
interface GridBudget {
  slots: number;
  cells: number;
  readonly allowance: number;
  readonly perCell: number;
}

export const newGridBudget = (allowance = 2_000_000, perCell = 8): GridBudget => ({
  slots: 0,
  cells: 0,
  allowance,
  perCell,
});

interface ParsedSheet {
  rows: Cell[][];
  /** Non-empty cells were dropped beyond `maxRows` / `maxCols`. */
  droppedRows: boolean;
  droppedCols: boolean;
  /** The first cell (e.g. "IV60000") not stored because its padding was beyond the grid budget. */
  droppedFar: string | undefined;
}

/** Every empty row of every sheet: one shared, never written array (a row gap costs one slot). */
const EMPTY_ROW: Cell[] = Object.freeze([]) as unknown as Cell[];

// cell types
const T_N = 0;
const T_S = 1;
const T_B = 2;
const T_E = 3;
const T_STR = 4;
const T_INLINE = 5;
const T_D = 6;

const isWs = (c: number | undefined) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * Parse the `<sheetData>` of a worksheet part given as UTF-8 bytes. `<dimension>` and everything
 * else outside `<sheetData>` is ignored. A `<!DOCTYPE`/`<!ENTITY` anywhere refuses the part
 * (`file.doctype`): the bytes outside `<sheetData>` are searched, and inside it the scanner meets
 * every `<!` itself, so the whole part is never scanned twice.
 *
 * The phases: find `<sheetData>` (sheetDataStart), read its cells (readSheetData, the hot loop),
 * drop trailing empty rows.
 */
export function parseSheet(b: Uint8Array, part: string, ctx: SheetContext): ParsedSheet {
  const rows: Cell[][] = [];
  const result: ParsedSheet = { rows, droppedRows: false, droppedCols: false, droppedFar: undefined };
  const start = sheetDataStart(b, part);
  if (start < 0) return result;
  const end = readSheetData(b, start, part, ctx, result);
  assertNoDtdBytes(b.subarray(end), part);
  // Trailing empty rows (styled but valueless) are not kept.
  let last = rows.length - 1;
  while (last >= 0 && rows[last]!.length === 0) last--;
  rows.length = last + 1;
  return result;
}

/**
 * The position just after `<sheetData>`'s start tag, or -1 when the part has no cells (no
 * `<sheetData>`, or an empty `<sheetData/>`). Refuses a DTD outside `<sheetData>`.
 */
function sheetDataStart(b: Uint8Array, part: string): number {
  const p = findStartTagB(b, 'sheetData');
  if (p < 0) {
    assertNoDtdBytes(b, part);
    return -1;
  }
  assertNoDtdBytes(b.subarray(0, p), part);
  const gt = tagEndB(b, p, b.length);
  if (gt < 0) throw corrupt(`${part}: unterminated <sheetData>`);
  if (b[gt - 1] === 47) {
    assertNoDtdBytes(b.subarray(gt), part);
    return -1;
  }
  return gt + 1;
}

/**
 * Every tag of `<sheetData>` from `p`: each cell's value stored in `result`; returns where it
 * stopped. The reader's hot loop, kept whole so a cell's place, type and value stay in locals
 * (split into a function per phase it measured 10–20% slower): a cell's start tag — the usual
 * r="B3" s="1" t="s" first, then any attribute —, its plain `<v>`/`<is>` children and the value
 * straight from the bytes. Rows and other tags (readTag), unusual children (readChild), decoded
 * values (decodedValue) and storing (storeCell) are functions of their own.
 */
function readSheetData(
  b: Uint8Array,
  p: number,
  part: string,
  ctx: SheetContext,
  result: ParsedSheet,
): number {
  const n = b.length;
  const { dateStyles, dateOffset, sharedStrings } = ctx;
  let curRow = -1;
  let nextCol = 0;
  while (p < n) {
    const lt = b[p] === 60 ? p : b.indexOf(60, p);
    if (lt < 0) break;
    // Position just after the element name of a cell start tag.
    let cellNameEnd = lt + 2; // the common, unprefixed <c ...>
    if (b[lt + 1] !== 99 /* c */ || !isNameEnd(b[lt + 2])) {
      readTag(b, lt, part);
      const kind = tag.kind;
      if (kind === TAG_STOP) break;
      if (kind === TAG_ROW) {
        curRow = tag.row > 0 ? tag.row - 1 : curRow + 1;
        nextCol = 0;
      }
      if (kind !== TAG_CELL) {
        p = tag.at;
        continue;
      }
      cellNameEnd = tag.at; // a prefixed <x:c>
    }

    // ---- a cell: attributes r, t, s, parsed in the same pass that finds the end of the tag ----
    let row = curRow < 0 ? 0 : curRow;
    let col = nextCol;
    let type = T_N;
    let style = 0;
    let gt = -1;
    let selfClosing = false;
    for (let q = cellNameEnd; ;) {
      let c = b[q];
      while (isWs(c)) c = b[++q];
      if (c === 62) {
        gt = q;
        break;
      }
      if (c === 47 && b[q + 1] === 62) {
        gt = q + 1;
        selfClosing = true;
        break;
      }
      if (q >= n) throw corrupt(`${part}: unterminated <c>`);
      if (b[q + 1] === 61 && b[q + 2] === 34) {
        // Fast path for the usual r="B3" s="1" t="s": one-letter name, =, double quote.
        let i = q + 3;
        if (c === 114 /* r */) {
          let cn = 0;
          let ch = b[i]!;
          while (ch >= 65 && ch <= 90 && i - q < 7) {
            cn = cn * 26 + (ch - 64);
            ch = b[++i]!;
          }
          const ds = i;
          let rn = 0;
          while (ch >= 48 && ch <= 57 && i - ds < 12) {
            rn = rn * 10 + (ch - 48);
            ch = b[++i]!;
          }
          if (ch === 34 && cn > 0) {
            col = cn - 1;
            if (rn > 0) row = rn - 1;
            q = i + 1;
            continue;
          }
          // unusual reference (lower case, $, too long): the general path below decides
        } else if (c === 115 /* s */) {
          let v = 0;
          let ch = b[i]!;
          while (ch >= 48 && ch <= 57 && v < 1e9) {
            v = v * 10 + (ch - 48);
            ch = b[++i]!;
          }
          if (ch === 34) {
            style = v;
            q = i + 1;
            continue;
          }
        } else if (c === 116 /* t */ && b[i + 1] === 34) {
          type = oneLetterType(b[i]);
          q = i + 2;
          continue;
        }
      }
      // General attribute: any name, either quote, spaces around '='.
      const an = q;
      while (q < n && c !== 61 && c !== 62 && !isWs(c)) c = b[++q];
      const anLen = q - an;
      while (isWs(c)) c = b[++q];
      if (c !== 61) throw corrupt(`${part}: malformed attribute in <c>`);
      c = b[++q];
      while (isWs(c)) c = b[++q];
      if (c !== 34 && c !== 39) throw corrupt(`${part}: unquoted attribute value in <c>`);
      const vs = q + 1;
      const ve = b.indexOf(c, vs);
      if (ve < 0) throw corrupt(`${part}: unterminated attribute value`);
      q = ve + 1;
      if (anLen !== 1) continue; // only unprefixed r, t, s matter
      const a0 = b[an];
      if (a0 === 114 /* r */ && cellReference(b, vs, ve)) {
        if (ref.col > 0) col = ref.col - 1;
        if (ref.row > 0) row = ref.row - 1;
      } else if (a0 === 116 /* t */) type = typeOf(b, vs, ve);
      else if (a0 === 115 /* s */) style = digitsAt(b, vs, ve);
    }
    curRow = row;
    nextCol = col + 1;
    p = gt + 1;
    if (selfClosing) continue; // a styled empty cell

    // ---- children: the plain <v>text</v>, <is><t>text</t></is> and </c> here, others in readChild ----
    let vs = -1;
    let ve = -1;
    let v: string | undefined;
    let inline: string | undefined;
    let formula = false;
    for (;;) {
      const lt2 = b[p] === 60 ? p : b.indexOf(60, p);
      if (lt2 < 0) throw corrupt(`${part}: unterminated <c>`);
      const d1 = b[lt2 + 1];
      if (d1 === 118 /* v */ && b[lt2 + 2] === 62) {
        let e = lt2 + 3;
        while (e < n && b[e] !== 60) e++;
        if (b[e + 1] === 47) {
          vs = lt2 + 3;
          ve = e;
          v = undefined;
          p = b[e + 2] === 118 && b[e + 3] === 62 ? e + 4 : e;
          continue;
        }
      } else if (d1 === 47 && b[lt2 + 2] === 99 && b[lt2 + 3] === 62) {
        p = lt2 + 4; // </c>
        break;
      } else if (d1 === 105 && b[lt2 + 2] === 115 && b[lt2 + 3] === 62 && plainInline(b, lt2 + 4)) {
        // <is><t>text</t></is> (or <t xml:space="preserve">): the usual inline string, read
        // straight from the bytes; runs, phonetics and comments take readChild.
        inline = decodeEntities(text(b, inlineText.start, inlineText.end));
        p = inlineText.after;
        continue;
      }
      child.vs = vs;
      child.v = v;
      child.inline = inline;
      child.formula = formula;
      p = readChild(b, lt2, part);
      ({ vs, v, inline, formula } = child);
      if (child.closed) break; // </x:c>
    }

    // ---- value: fast paths straight from the bytes, else from the decoded text ----
    let val: Cell = null;
    if (vs >= 0) {
      if (type === T_N) {
        const num = numberAt(b, vs, ve);
        if (num === num) val = dateStyles[style] === 1 ? { kind: 'date', serial: num + dateOffset } : num;
        else if (ve > vs) v = decodeEntities(text(b, vs, ve));
      } else if (type === T_S) {
        val = sharedString(b, vs, ve, sharedStrings, part);
      } else {
        v = decodeEntities(text(b, vs, ve));
      }
    }
    if (val === null) val = decodedValue(type, style, v, inline, vs, part, ctx);
    // A formula the writing program never calculated (no cached value at all): not an empty
    // cell — the person would be told to fill in what they did fill in.
    if (val === null && formula && vs < 0 && v === undefined && inline === undefined)
      val = { kind: 'error', code: NO_CACHED_VALUE };
    if (val !== null) storeCell(result, row, col, val, ctx);
  }
  return p;
}

// What readTag found at a '<' inside <sheetData>.
/** A cell's start tag: `tag.at` is just after its element name. */
const TAG_CELL = 0;
/** A `<row>`: `tag.at` is after it, `tag.row` its 1-based `r` (0 when absent or not a number). */
const TAG_ROW = 1;
/** Any other tag, comment or processing instruction: `tag.at` is after it. */
const TAG_OTHER = 2;
/** `</sheetData>`, or an end tag never closed: the scan ends. */
const TAG_STOP = 3;
const tag = { kind: TAG_OTHER, at: 0, row: 0 };

/** Classifies the markup at `b[lt] === '<'` (not an unprefixed `<c`) into `tag`. */
function readTag(b: Uint8Array, lt: number, part: string): void {
  const c1 = b[lt + 1];
  if (c1 === 47) {
    readEndTag(b, lt);
  } else if (c1 === 33 || c1 === 63) {
    tag.kind = TAG_OTHER;
    tag.at = skipSpecialB(b, lt);
  } else {
    readStartTag(b, lt, part);
  }
}

/** An end tag inside `<sheetData>`: stop at `</sheetData>`. */
function readEndTag(b: Uint8Array, lt: number): void {
  const n = b.length;
  let ls = lt + 2;
  let ne = ls;
  for (; ne < n; ne++) {
    const c = b[ne];
    if (c === 58) ls = ne + 1;
    else if (isNameEnd(c)) break;
  }
  const gt = ne - ls === 9 && bytesAre(b, ls, 'sheetData') ? -1 : b.indexOf(62, ne);
  tag.kind = gt < 0 ? TAG_STOP : TAG_OTHER;
  tag.at = gt + 1;
}

/** A start tag other than the unprefixed `<c`: a prefixed `<x:c>`, a `<row>`, or one skipped. */
function readStartTag(b: Uint8Array, lt: number, part: string): void {
  const n = b.length;
  let ls = lt + 1;
  let ne = ls;
  for (; ne < n; ne++) {
    const c = b[ne];
    if (isNameEnd(c)) break;
    if (c === 58) ls = ne + 1;
  }
  const len = ne - ls;
  if (len === 1 && b[ls] === 99) {
    tag.kind = TAG_CELL; // a prefixed <x:c>
    tag.at = ne;
    return;
  }
  const gt = tagEndB(b, ne, n);
  if (gt < 0) throw corrupt(`${part}: unterminated tag`);
  tag.at = gt + 1;
  if (len === 3 && bytesAre(b, ls, 'row')) {
    tag.kind = TAG_ROW;
    tag.row = rowNumber(b, ne, b[gt - 1] === 47 ? gt - 1 : gt);
  } else {
    tag.kind = TAG_OTHER;
  }
}

/** The `r` of a `<row>` whose attributes lie in b[from, end): 0 when absent or not digits. */
function rowNumber(b: Uint8Array, from: number, end: number): number {
  for (let a = nextAttrB(b, from, end); a >= 0; a = nextAttrB(b, a, end)) {
    if (battr.nameEnd - battr.nameStart !== 1 || b[battr.nameStart] !== 114) continue;
    let rn = 0;
    for (let i = battr.valueStart; i < battr.valueEnd && rn < 1e9; i++) {
      const c = b[i]!;
      if (c < 48 || c > 57) return 0;
      rn = rn * 10 + (c - 48);
    }
    return rn;
  }
  return 0;
}

const oneLetterType = (t0: number | undefined): number =>
  t0 === 115 ? T_S : t0 === 98 ? T_B : t0 === 101 ? T_E : t0 === 100 ? T_D : T_N;

/** The leading digits of b[vs, ve) as a number (0 when none; stops past 1e9). */
function digitsAt(b: Uint8Array, vs: number, ve: number): number {
  let v = 0;
  for (let i = vs; i < ve && v < 1e9; i++) {
    const ch = b[i]!;
    if (ch < 48 || ch > 57) break;
    v = v * 10 + (ch - 48);
  }
  return v;
}

/** Filled by cellReference: the 1-based column and row of a reference (0 when absent). */
const ref = { col: 0, row: 0 };

/** Is b[vs, ve) a cell reference — "B3" (or "b3", "$B$3"): letters then digits? Fills `ref` when so. */
function cellReference(b: Uint8Array, vs: number, ve: number): boolean {
  let i = vs;
  if (b[i] === 36) i++;
  let cn = 0;
  for (; i < ve && i - vs < 5; i++) {
    const ch = b[i]! | 0x20;
    if (ch < 97 || ch > 122) break;
    cn = cn * 26 + (ch - 96);
  }
  if (b[i] === 36) i++;
  const ds = i;
  let rn = 0;
  for (; i < ve && i - ds < 12; i++) {
    const ch = b[i]!;
    if (ch < 48 || ch > 57) break;
    rn = rn * 10 + (ch - 48);
  }
  ref.col = cn;
  ref.row = rn;
  return i === ve;
}

/** The cell type named by the `t` value in b[vs, ve). */
function typeOf(b: Uint8Array, vs: number, ve: number): number {
  const tl = ve - vs;
  if (tl === 1) return oneLetterType(b[vs]);
  if (tl === 3 && bytesAre(b, vs, 'str')) return T_STR;
  if (tl === 9 && bytesAre(b, vs, 'inlineStr')) return T_INLINE;
  return T_N;
}

/**
 * What readChild read of a cell's children; the scan hands in what it had and takes it back:
 * `<v>` as a raw byte range (vs ≥ 0) or decoded (`v`), the inline string, whether a formula was
 * seen, and whether the tag read was the cell's own end tag (`closed`).
 */
const child = {
  vs: -1,
  v: undefined as string | undefined,
  inline: undefined as string | undefined,
  formula: false,
  closed: false,
};

/** Any child markup at b[lt] but the plain `<v>text</v>` and `</c>`: the position after it. */
function readChild(b: Uint8Array, lt: number, part: string): number {
  child.closed = false;
  const d1 = b[lt + 1];
  if (d1 === 118 && b[lt + 2] === 62) {
    // comments or CDATA inside <v>: decode through the end tag and use the string reader
    const endLt = findEndTagB(b, lt + 3, 'v');
    const endGt = endLt < 0 ? -1 : b.indexOf(62, endLt);
    if (endGt < 0) throw corrupt(`${part}: unterminated <v>`);
    child.v = readText(text(b, lt + 3, endGt + 1), 0);
    child.vs = -1;
    return endGt + 1;
  }
  if (d1 === 47) return readChildEnd(b, lt, part);
  if (d1 === 33 || d1 === 63) return skipSpecialB(b, lt);
  return readChildStart(b, lt, part);
}

/** An end tag among a cell's children: the position after it; `child.closed` when it is `</x:c>`. */
function readChildEnd(b: Uint8Array, lt: number, part: string): number {
  const n = b.length;
  let l2 = lt + 2;
  let e2 = l2;
  for (; e2 < n; e2++) {
    const c = b[e2];
    if (c === 58) l2 = e2 + 1;
    else if (isNameEnd(c)) break;
  }
  const gt2 = b.indexOf(62, e2);
  if (gt2 < 0) throw corrupt(`${part}: unterminated tag`);
  child.closed = e2 - l2 === 1 && b[l2] === 99;
  return gt2 + 1;
}

/** A child's start tag at b[lt] (not the plain `<v>`): `<v attr>`, `<x:v>`, `<is>`, `<f>` or one skipped. */
function readChildStart(b: Uint8Array, lt: number, part: string): number {
  const n = b.length;
  let l2 = lt + 1;
  let e2 = l2;
  for (; e2 < n; e2++) {
    const c = b[e2];
    if (isNameEnd(c)) break;
    if (c === 58) l2 = e2 + 1;
  }
  const gt2 = tagEndB(b, e2, n);
  if (gt2 < 0) throw corrupt(`${part}: unterminated tag`);
  const len2 = e2 - l2;
  const k = b[l2];
  const isV = len2 === 1 && k === 118;
  const isIs = len2 === 2 && k === 105 && b[l2 + 1] === 115;
  if (len2 === 1 && k === 102) child.formula = true; // <f>: only its cached <v> is ever read
  if (b[gt2 - 1] === 47) {
    if (isV) {
      child.vs = -1;
      child.v = '';
    } else if (isIs) {
      child.inline = '';
    }
    return gt2 + 1;
  }
  if (isIs && plainInline(b, gt2 + 1)) {
    // <is><t>text</t></is> (or <t xml:space="preserve">): the usual inline string, read
    // straight from the bytes; runs, phonetics and comments take the general path below.
    child.inline = decodeEntities(text(b, inlineText.start, inlineText.end));
    return inlineText.after;
  }
  if (!isV && !isIs) return gt2 + 1; // <f>, <extLst> and the like: their text is skipped by the scan
  const local = isV ? 'v' : 'is';
  const endLt = findEndTagB(b, gt2 + 1, local);
  const endGt = endLt < 0 ? -1 : b.indexOf(62, endLt);
  if (endGt < 0) throw corrupt(`${part}: unterminated <${local}>`);
  const inner = text(b, gt2 + 1, endGt + 1);
  if (isV) {
    child.vs = -1;
    child.v = readText(inner, 0);
  } else {
    child.inline = readRichText(inner, 0, 'is');
  }
  return endGt + 1;
}

/**
 * A cell's value from its decoded `<v>` text or inline string, by its type; `vs` ≥ 0 when its
 * `<v>` was a raw byte range (a shared string index already looked up).
 */
function decodedValue(
  type: number,
  style: number,
  v: string | undefined,
  inline: string | undefined,
  vs: number,
  part: string,
  ctx: SheetContext,
): Cell {
  switch (type) {
    case T_N:
      if (v !== undefined) {
        const num = numberOf(v);
        if (num === num)
          return ctx.dateStyles[style] === 1 ? { kind: 'date', serial: num + ctx.dateOffset } : num;
        return v !== '' ? v : null; // not a number after all: keep the text
      }
      return inline !== undefined ? decodeXstring(inline) : null;
    case T_S:
      return v !== undefined && vs < 0 ? sharedStringOf(v, ctx.sharedStrings, part) : null;
    case T_INLINE:
      return inline !== undefined ? decodeXstring(inline) : v !== undefined ? decodeXstring(v) : null;
    case T_STR:
      return v !== undefined ? decodeXstring(v) : inline !== undefined ? decodeXstring(inline) : null;
    case T_B: {
      if (v === undefined) return null;
      const t = v.trim();
      return t === '1' || t === 'true' ? true : t === '0' || t === 'false' ? false : null;
    }
    case T_E:
      return v !== undefined && v.trim() !== '' ? { kind: 'error', code: v.trim() } : null;
    case T_D: {
      if (v === undefined || v.trim() === '') return null;
      const serial = isoToSerial(v.trim());
      return serial === undefined ? v : { kind: 'date', serial };
    }
  }
  return null;
}

/** Puts a value at (row, col) of the grid, unless beyond the limits or the budget (then says so). */
function storeCell(result: ParsedSheet, row: number, col: number, val: Cell, ctx: SheetContext): void {
  const { rows } = result;
  const { budget } = ctx;
  if (row >= ctx.maxRows) {
    result.droppedRows = true;
    return;
  }
  if (col >= ctx.maxCols) {
    result.droppedCols = true;
    return;
  }
  let r = rows[row];
  const cost =
    (row < rows.length ? 0 : row + 1 - rows.length) + (r && col < r.length ? 0 : col + 1 - (r?.length ?? 0));
  if (cost > 1 && budget.slots + cost > budget.allowance + budget.perCell * (budget.cells + 1)) {
    result.droppedFar ??= `${columnLetters(col)}${row + 1}`;
    return;
  }
  budget.slots += cost;
  budget.cells++;
  while (rows.length <= row) rows.push(EMPTY_ROW);
  if (r === undefined || r === EMPTY_ROW) r = rows[row] = [];
  if (col < r.length) r[col] = val;
  else {
    while (r.length < col) r.push(null);
    r.push(val);
  }
}

/** Filled by `plainInline`: the text's byte range and the position after `</is>`. */
const inlineText = { start: 0, end: 0, after: 0 };
const T_PLAIN = '<t>';
const T_PRESERVE = '<t xml:space="preserve">';
const T_CLOSE = '</t></is>';

/** Does b[at…] hold `<t>text</t></is>` with no markup in the text? Fills `inlineText` when so. */
function plainInline(b: Uint8Array, at: number): boolean {
  let s: number;
  if (bytesAre(b, at, T_PLAIN)) s = at + T_PLAIN.length;
  else if (bytesAre(b, at, T_PRESERVE)) s = at + T_PRESERVE.length;
  else return false;
  // A short text: a plain loop beats a native indexOf call here.
  let e = s;
  const n = b.length;
  while (e < n && b[e] !== 60) e++;
  if (e >= n || !bytesAre(b, e, T_CLOSE)) return false;
  inlineText.start = s;
  inlineText.end = e;
  inlineText.after = e + T_CLOSE.length;
  return true;
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** ISO 8601 date/time text (t="d" cells) → 1900-system serial; time zone suffixes are ignored. */
export function isoToSerial(text: string): number | undefined {
  const m =
    /^(?:(\d{4})-(\d{2})-(\d{2}))?(?:[T ]?(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(
      text,
    );
  if (!m || (m[1] === undefined && m[4] === undefined)) return undefined;
  const y = m[1] !== undefined ? +m[1] : 1899;
  const mo = m[2] !== undefined ? +m[2] : 12;
  const d = m[3] !== undefined ? +m[3] : 30;
  const h = m[4] !== undefined ? +m[4] : 0;
  const mi = m[5] !== undefined ? +m[5] : 0;
  const sec = m[6] !== undefined ? +m[6] : 0;
  const ms = m[7] !== undefined ? Math.round(+m[7] * 1000) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || sec > 60) return undefined;
  let serial = (Date.UTC(y, mo - 1, d, h, mi, sec, ms) - EPOCH_1900) / 86_400_000;
  // Excel's fictitious 1900-02-29: serials before 1900-03-01 are one less than the real day count.
  if (m[1] !== undefined && serial >= 1 && serial < 61) serial -= 1;
  return serial;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** The number in b[vs, ve), or NaN when it is not one (empty or whitespace-only is NaN too). */
function numberAt(b: Uint8Array, vs: number, ve: number): number {
  // Fast path: [-]digits[.digits] with at most 15 digits in all. The mantissa and 10^k are exact
  // doubles, so one correctly rounded division gives exactly what Number() would.
  let i = vs;
  const neg = b[i] === 45;
  if (neg) i++;
  let mant = 0;
  let digits = 0;
  let frac = -1;
  for (; i < ve; i++) {
    const c = b[i]!;
    if (c >= 48 && c <= 57) {
      mant = mant * 10 + (c - 48);
      digits++;
    } else if (c === 46 && frac < 0) {
      frac = digits;
    } else break;
  }
  if (i === ve && digits > 0 && digits <= 15) {
    const v = frac < 0 ? mant : mant / POW10[digits - frac]!;
    return neg ? -v : v;
  }
  // General case: exponents, long mantissas, whitespace (and NaN for anything else).
  let ascii = '';
  for (let j = vs; j < ve; j++) {
    const c = b[j]!;
    if (c >= 0x80 || c === 38 /* & */) return NaN;
    ascii += String.fromCharCode(c);
  }
  return numberOf(ascii);
}

function numberOf(text: string): number {
  if (!/[0-9]/.test(text)) return NaN;
  const num = +text;
  return Number.isFinite(num) ? num : NaN;
}

function sharedString(
  b: Uint8Array,
  vs: number,
  ve: number,
  table: readonly string[] | undefined,
  part: string,
): string | null {
  let idx = 0;
  let digits = 0;
  for (let i = vs; i < ve; i++) {
    const c = b[i]!;
    if (c >= 48 && c <= 57) {
      idx = idx * 10 + (c - 48);
      digits++;
    } else if (!isWs(c)) {
      throw corrupt(`${part}: bad shared string index ${JSON.stringify(text(b, vs, Math.min(ve, vs + 20)))}`);
    }
  }
  if (digits === 0) return null;
  const str = digits <= 15 ? table?.[idx] : undefined;
  if (str === undefined) throw corrupt(`${part}: shared string ${idx} does not exist`);
  return str;
}

function sharedStringOf(v: string, table: readonly string[] | undefined, part: string): string | null {
  const t = v.trim();
  if (t === '') return null;
  if (!/^[0-9]{1,15}$/.test(t))
    throw corrupt(`${part}: bad shared string index ${JSON.stringify(t.slice(0, 20))}`);
  const str = table?.[Number(t)];
  if (str === undefined) throw corrupt(`${part}: shared string ${t} does not exist`);
  return str;
}
