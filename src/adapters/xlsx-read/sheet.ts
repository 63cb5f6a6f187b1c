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

export interface SheetContext {
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
export interface GridBudget {
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

export interface ParsedSheet {
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
 */
export function parseSheet(b: Uint8Array, part: string, ctx: SheetContext): ParsedSheet {
  const rows: Cell[][] = [];
  const result: ParsedSheet = { rows, droppedRows: false, droppedCols: false, droppedFar: undefined };
  const n = b.length;
  const { maxRows, maxCols, dateStyles, dateOffset, sharedStrings, budget } = ctx;

  let p = findStartTagB(b, 'sheetData');
  if (p < 0) {
    assertNoDtdBytes(b, part);
    return result;
  }
  assertNoDtdBytes(b.subarray(0, p), part);
  {
    const gt = tagEndB(b, p, n);
    if (gt < 0) throw corrupt(`${part}: unterminated <sheetData>`);
    if (b[gt - 1] === 47) {
      assertNoDtdBytes(b.subarray(gt), part);
      return result;
    }
    p = gt + 1;
  }

  let curRow = -1;
  let nextCol = 0;

  while (p < n) {
    const lt = b[p] === 60 ? p : b.indexOf(60, p);
    if (lt < 0) break;
    const c1 = b[lt + 1];
    // Position just after the element name of a cell start tag, or -1 when this tag is not a cell.
    let cellNameEnd = -1;
    if (c1 === 99 /* c */ && isNameEnd(b[lt + 2])) {
      cellNameEnd = lt + 2; // the common, unprefixed <c ...>
    } else if (c1 === 47) {
      // end tag: stop at </sheetData>
      let ls = lt + 2;
      let ne = ls;
      for (; ne < n; ne++) {
        const c = b[ne];
        if (c === 58) ls = ne + 1;
        else if (isNameEnd(c)) break;
      }
      if (ne - ls === 9 && bytesAre(b, ls, 'sheetData')) break;
      const gt = b.indexOf(62, ne);
      if (gt < 0) break;
      p = gt + 1;
      continue;
    } else if (c1 === 33 || c1 === 63) {
      p = skipSpecialB(b, lt);
      continue;
    } else {
      let ls = lt + 1;
      let ne = ls;
      for (; ne < n; ne++) {
        const c = b[ne];
        if (isNameEnd(c)) break;
        if (c === 58) ls = ne + 1;
      }
      const len = ne - ls;
      if (len === 1 && b[ls] === 99) {
        cellNameEnd = ne; // a prefixed <x:c>
      } else {
        const gt = tagEndB(b, ne, n);
        if (gt < 0) throw corrupt(`${part}: unterminated tag`);
        if (len === 3 && bytesAre(b, ls, 'row')) {
          const attrEnd = b[gt - 1] === 47 ? gt - 1 : gt;
          let rn = 0;
          for (let a = nextAttrB(b, ne, attrEnd); a >= 0; a = nextAttrB(b, a, attrEnd)) {
            if (battr.nameEnd - battr.nameStart === 1 && b[battr.nameStart] === 114) {
              for (let i = battr.valueStart; i < battr.valueEnd && rn < 1e9; i++) {
                const c = b[i]!;
                if (c < 48 || c > 57) {
                  rn = 0;
                  break;
                }
                rn = rn * 10 + (c - 48);
              }
              break;
            }
          }
          curRow = rn > 0 ? rn - 1 : curRow + 1;
          nextCol = 0;
        }
        p = gt + 1;
        continue;
      }
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
        } else if (c === 116 /* t */) {
          const t0 = b[i];
          if (b[i + 1] === 34) {
            type = t0 === 115 ? T_S : t0 === 98 ? T_B : t0 === 101 ? T_E : t0 === 100 ? T_D : T_N;
            q = i + 2;
            continue;
          }
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
      if (a0 === 114 /* r */) {
        // "B3" (or "b3", "$B$3"): letters then digits
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
        if (i === ve) {
          if (cn > 0) col = cn - 1;
          if (rn > 0) row = rn - 1;
        }
      } else if (a0 === 116 /* t */) {
        const tl = ve - vs;
        const t0 = b[vs];
        if (tl === 1) type = t0 === 115 ? T_S : t0 === 98 ? T_B : t0 === 101 ? T_E : t0 === 100 ? T_D : T_N;
        else if (tl === 3 && bytesAre(b, vs, 'str')) type = T_STR;
        else if (tl === 9 && bytesAre(b, vs, 'inlineStr')) type = T_INLINE;
        else type = T_N;
      } else if (a0 === 115 /* s */) {
        let v = 0;
        for (let i = vs; i < ve && v < 1e9; i++) {
          const ch = b[i]!;
          if (ch < 48 || ch > 57) break;
          v = v * 10 + (ch - 48);
        }
        style = v;
      }
    }
    curRow = row;
    nextCol = col + 1;
    p = gt + 1;
    if (selfClosing) continue; // a styled empty cell

    // ---- children: <v> (raw byte range kept when simple), <is>, <f> (ignored), others skipped ----
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
        // <v>text</v>
        let e = lt2 + 3;
        while (e < n && b[e] !== 60) e++;
        if (b[e + 1] === 47) {
          vs = lt2 + 3;
          ve = e;
          v = undefined;
          p = b[e + 2] === 118 && b[e + 3] === 62 ? e + 4 : e;
        } else {
          // comments or CDATA inside <v>: decode through the end tag and use the string reader
          const endLt = findEndTagB(b, lt2 + 3, 'v');
          const endGt = endLt < 0 ? -1 : b.indexOf(62, endLt);
          if (endGt < 0) throw corrupt(`${part}: unterminated <v>`);
          v = readText(text(b, lt2 + 3, endGt + 1), 0);
          vs = -1;
          p = endGt + 1;
        }
        continue;
      }
      if (d1 === 47) {
        if (b[lt2 + 2] === 99 && b[lt2 + 3] === 62) {
          p = lt2 + 4; // </c>
          break;
        }
        let l2 = lt2 + 2;
        let e2 = l2;
        for (; e2 < n; e2++) {
          const c = b[e2];
          if (c === 58) l2 = e2 + 1;
          else if (isNameEnd(c)) break;
        }
        const gt2 = b.indexOf(62, e2);
        if (gt2 < 0) throw corrupt(`${part}: unterminated tag`);
        p = gt2 + 1;
        if (e2 - l2 === 1 && b[l2] === 99) break; // </x:c>
        continue;
      }
      if (d1 === 33 || d1 === 63) {
        p = skipSpecialB(b, lt2);
        continue;
      }
      let l2 = lt2 + 1;
      let e2 = l2;
      for (; e2 < n; e2++) {
        const c = b[e2];
        if (isNameEnd(c)) break;
        if (c === 58) l2 = e2 + 1;
      }
      const gt2 = tagEndB(b, e2, n);
      if (gt2 < 0) throw corrupt(`${part}: unterminated tag`);
      const sc2 = b[gt2 - 1] === 47;
      const len2 = e2 - l2;
      const k = b[l2];
      if (len2 === 1 && k === 102) formula = true; // <f>: only its cached <v> is ever read
      if (sc2) {
        if (len2 === 1 && k === 118) {
          vs = -1;
          v = '';
        } else if (len2 === 2 && k === 105 && b[l2 + 1] === 115) {
          inline = '';
        }
        p = gt2 + 1;
      } else if (len2 === 2 && k === 105 && b[l2 + 1] === 115 && plainInline(b, gt2 + 1)) {
        // <is><t>text</t></is> (or <t xml:space="preserve">): the usual inline string, read
        // straight from the bytes; runs, phonetics and comments take the general path below.
        inline = decodeEntities(text(b, inlineText.start, inlineText.end));
        p = inlineText.after;
      } else if (
        (len2 === 1 && k === 118) /* <x:v> or <v attr> */ ||
        (len2 === 2 && k === 105 && b[l2 + 1] === 115) /* is */
      ) {
        const local = len2 === 1 ? 'v' : 'is';
        const endLt = findEndTagB(b, gt2 + 1, local);
        const endGt = endLt < 0 ? -1 : b.indexOf(62, endLt);
        if (endGt < 0) throw corrupt(`${part}: unterminated <${local}>`);
        const inner = text(b, gt2 + 1, endGt + 1);
        if (local === 'v') {
          vs = -1;
          v = readText(inner, 0);
        } else {
          inline = readRichText(inner, 0, 'is');
        }
        p = endGt + 1;
      } else {
        p = gt2 + 1; // <f>, <extLst> and the like: their text is skipped by the scan
      }
    }

    // ---- value ----
    let val: Cell = null;
    if (vs >= 0) {
      // Fast paths straight from the bytes.
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
    if (val === null) {
      switch (type) {
        case T_N:
          if (v !== undefined) {
            const num = numberOf(v);
            if (num === num) val = dateStyles[style] === 1 ? { kind: 'date', serial: num + dateOffset } : num;
            else if (v !== '') val = v; // not a number after all: keep the text
          } else if (inline !== undefined) {
            val = decodeXstring(inline);
          }
          break;
        case T_S:
          if (v !== undefined && vs < 0) val = sharedStringOf(v, sharedStrings, part);
          break;
        case T_INLINE:
          val = inline !== undefined ? decodeXstring(inline) : v !== undefined ? decodeXstring(v) : null;
          break;
        case T_STR:
          val = v !== undefined ? decodeXstring(v) : inline !== undefined ? decodeXstring(inline) : null;
          break;
        case T_B:
          if (v !== undefined) {
            const t = v.trim();
            val = t === '1' || t === 'true' ? true : t === '0' || t === 'false' ? false : null;
          }
          break;
        case T_E:
          if (v !== undefined && v.trim() !== '') val = { kind: 'error', code: v.trim() };
          break;
        case T_D:
          if (v !== undefined && v.trim() !== '') {
            const serial = isoToSerial(v.trim());
            val = serial === undefined ? v : { kind: 'date', serial };
          }
          break;
      }
    }
    // A formula the writing program never calculated (no cached value at all): not an empty
    // cell — the person would be told to fill in what they did fill in.
    if (val === null && formula && vs < 0 && v === undefined && inline === undefined)
      val = { kind: 'error', code: NO_CACHED_VALUE };
    if (val === null) continue;
    if (row >= maxRows) {
      result.droppedRows = true;
      continue;
    }
    if (col >= maxCols) {
      result.droppedCols = true;
      continue;
    }
    let r = rows[row];
    const cost =
      (row < rows.length ? 0 : row + 1 - rows.length) +
      (r && col < r.length ? 0 : col + 1 - (r?.length ?? 0));
    if (cost > 1 && budget.slots + cost > budget.allowance + budget.perCell * (budget.cells + 1)) {
      result.droppedFar ??= `${columnLetters(col)}${row + 1}`;
      continue;
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

  assertNoDtdBytes(b.subarray(p), part);

  // Trailing empty rows (styled but valueless) are not kept.
  let last = rows.length - 1;
  while (last >= 0 && rows[last]!.length === 0) last--;
  rows.length = last + 1;
  return result;
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
