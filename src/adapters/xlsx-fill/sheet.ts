import { columnIndex, columnLetters } from '../../core/values/grid.js';
import type { SheetSpec } from '../../core/schema/types.js';
import { matchKey } from '../../core/values/text.js';
import type { RowValues } from '../../core/template/samples.js';
import { displayWidth, numberFormat } from '../../core/template/layout.js';
import { readRichText } from '../xlsx-read/shared-strings.js';
import { decodeEntities, findAttr } from '../xlsx-read/xml.js';
import { needsPreserve, valueCellXml, xmlText } from './text.js';
import { ByteSink } from './sink.js';

/**
 * Fills one table of one worksheet, keeping everything around it: the rows above the header
 * (a masthead), the header, and the rows after the table (a 合计 row, footers), which move
 * down. Merged cells, conditional formats and validations of the prepared rows stretch over
 * the rows written; those below shift with them.
 */

interface RawRow {
  readonly r: number;
  readonly xml: string;
  /** Cell column (0-based) → its style index, as text. */
  readonly styles: Map<number, string>;
  /** Cell column → text, for cells holding strings. */
  readonly texts: Map<number, string>;
  readonly hasValues: boolean;
  /** The `<row …>` start tag's attributes other than r and spans. */
  readonly attrs: string;
}

const ROW_RE = /<row\b([^>]*?)(\/>|>([\s\S]*?)<\/row>)/gu;
const CELL_RE = /<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/gu;

function parseRows(sheetData: string, sst: readonly string[]): RawRow[] {
  const rows: RawRow[] = [];
  let next = 1;
  for (const m of sheetData.matchAll(ROW_RE)) {
    const attrs = m[1] ?? '';
    const rAttr = findAttr(attrs, 0, attrs.length, 'r');
    const r = rAttr ? Number(rAttr) : next;
    next = r + 1;
    const styles = new Map<number, string>();
    const texts = new Map<number, string>();
    let hasValues = false;
    let col = 0;
    for (const c of (m[3] ?? '').matchAll(CELL_RE)) {
      const ca = c[1] ?? '';
      const ref = findAttr(ca, 0, ca.length, 'r');
      col = ref ? columnIndex(ref.replace(/\d+$/u, '')) : col;
      const s = findAttr(ca, 0, ca.length, 's');
      if (s !== undefined) styles.set(col, s);
      const body = c[3] ?? '';
      const t = findAttr(ca, 0, ca.length, 't');
      const v = /<v>([\s\S]*?)<\/v>/u.exec(body)?.[1];
      if (v !== undefined || body.includes('<is>')) hasValues = true;
      if (t === 's' && v !== undefined) texts.set(col, sst[Number(v)] ?? '');
      else if (t === 'inlineStr') {
        const i = body.indexOf('<is>');
        if (i >= 0) texts.set(col, readRichText(body, i + 4, 'is'));
      } else if (t === 'str' && v !== undefined) texts.set(col, decodeEntities(v));
      col++;
    }
    rows.push({ r, xml: m[0], styles, texts, hasValues, attrs: attrs.replace(/\s(r|spans)="[^"]*"/gu, '') });
  }
  return rows;
}

/** Renumbers a row's XML by `delta` rows (row tag and every cell reference). */
function shiftRow(xml: string, delta: number): string {
  if (delta === 0) return xml;
  return xml
    .replace(
      /(<row\b[^>]*?\sr=")(\d+)(")/u,
      (_, a: string, n: string, b: string) => `${a}${Number(n) + delta}${b}`,
    )
    .replace(
      /(<c\b[^>]*?\sr="[A-Z]+)(\d+)(")/gu,
      (_, a: string, n: string, b: string) => `${a}${Number(n) + delta}${b}`,
    );
}

type RowSource = Pick<readonly RowValues[], 'length' | 'at'>;

export interface TableFill {
  readonly sheet: SheetSpec;
  /** An array, or rows made on demand (`at`), so a big table is never held twice in memory. */
  readonly rows: RowSource;
  /** Values for a 合计 row, when the template has one below the table. */
  readonly totals?: RowValues;
  /** Rows styled like the template's 合计 row (subtotals within the table). */
  readonly subtotal?: (i: number) => boolean;
}

interface FilledSheet {
  /** The sheet XML in pieces: head, data rows as UTF-8 chunks, tail (never one huge string). */
  readonly pieces: Iterable<string | Uint8Array>;
  readonly firstDataRow: number;
  readonly lastRow: number;
  /** Rows moved down below the table, from the template's row number on. */
  readonly shift: { readonly from: number; readonly by: number };
  /** Template rows of the prepared data area (replaced). */
  readonly area: { readonly first: number; readonly last: number };
  readonly found: boolean;
}

/** Bytes of rows handed to the zip writer at a time. */
const PIECE = 256 * 1024;

function findHeader(
  rows: readonly RawRow[],
  spec: SheetSpec,
): { row: RawRow; columns: Map<string, number> } | undefined {
  const keys = new Map(spec.columns.map((c) => [matchKey(c.header), c.key]));
  let best: { row: RawRow; columns: Map<string, number> } | undefined;
  for (const row of rows.slice(0, 40)) {
    const columns = new Map<string, number>();
    for (const [col, text] of row.texts) {
      const k = keys.get(matchKey(text));
      if (k !== undefined && !columns.has(k)) columns.set(k, col);
    }
    if (columns.size > 0 && (!best || columns.size > best.columns.size)) best = { row, columns };
  }
  return best;
}

const TOTAL_WORDS = new Set(['合计', '总计']);

/** Column widths (in characters) declared by the sheet's <cols>. */
function columnWidths(xml: string): Map<number, number> {
  const widths = new Map<number, number>();
  for (const m of xml.matchAll(/<col\b([^>]*)\/?>/gu)) {
    const a = m[1] ?? '';
    const min = Number(findAttr(a, 0, a.length, 'min'));
    const max = Number(findAttr(a, 0, a.length, 'max'));
    const width = Number(findAttr(a, 0, a.length, 'width'));
    if (!Number.isFinite(min) || !Number.isFinite(max) || !Number.isFinite(width)) continue;
    for (let c = min; c <= Math.min(max, min + 300); c++) widths.set(c - 1, width);
  }
  return widths;
}

const LINE_HEIGHT = 15;

/** The sheet as it was: no table of this spec found in it. */
const notFound = (xml: string): FilledSheet => ({
  pieces: [xml],
  firstDataRow: 0,
  lastRow: 0,
  shift: { from: 0, by: 0 },
  area: { first: 0, last: 0 },
  found: false,
});

export function fillSheet(
  xml: string,
  sst: readonly string[],
  fill: TableFill,
  wrapStyles: ReadonlySet<string> = new Set(),
  /** The format to write a date with, given the template cell's (one showing dates). */
  dateStyle?: (style: string | undefined, formatCode: string) => string,
): FilledSheet {
  const open = xml.indexOf('<sheetData');
  const close = xml.indexOf('</sheetData>');
  if (open < 0 || close < 0) return notFound(xml);
  const bodyStart = xml.indexOf('>', open) + 1;
  const rows = parseRows(xml.slice(bodyStart, close), sst);
  const header = findHeader(rows, fill.sheet);
  if (!header) return notFound(xml);

  const h = header.row.r;
  const { styleRow, lastAreaRow, rest, totalRow } = dataArea(rows, header.row);
  const n = fill.rows.length;
  const first = h + 1;
  const delta = n - (lastAreaRow - h);
  const widths = columnWidths(xml.slice(0, open));
  const cols = columnPlans({ fill, header, styleRow, totalRow, widths, wrapStyles, dateStyle });
  const tailRows = rest.map((r) =>
    r === totalRow && fill.totals
      ? totalRowXml(r, r.r + delta, fill.totals, header.columns, cols)
      : shiftRow(r.xml, delta),
  );
  const lastRow = Math.max(h, ...rest.map((r) => r.r + delta), n > 0 ? first + n - 1 : h);
  const span = { first, areaLast: lastAreaRow, newLast: Math.max(first, first + n - 1), delta };
  const maxCol = Math.max(0, ...cols.ordered);
  // Only the parts around the rows carry ranges; the rows themselves are written as built.
  const head =
    xml
      .slice(0, bodyStart)
      .replace(/<dimension ref="[^"]*"\/>/u, `<dimension ref="A1:${columnLetters(maxCol)}${lastRow}"/>`) +
    rows
      .filter((r) => r.r <= h)
      .map((r) => r.xml)
      .join('');
  const tail = tailRows.join('') + adjustRanges(xml.slice(close), span);
  return {
    pieces: filledPieces(head, tail, fill, first, cols, rowWriter(cols.plan, styleRow?.attrs ?? '')),
    firstDataRow: first,
    lastRow,
    shift: { from: lastAreaRow + 1, by: delta },
    area: { first, last: lastAreaRow },
    found: true,
  };
}

/** The filled sheet's XML: its head, the table's rows as UTF-8 chunks of about PIECE bytes, its tail. */
function* filledPieces(
  head: string,
  tail: string,
  fill: TableFill,
  first: number,
  cols: ColumnPlans,
  writeRow: ReturnType<typeof rowWriter>,
): Generator<string | Uint8Array> {
  yield head;
  const sink = new ByteSink(PIECE);
  for (let k = 0; k < fill.rows.length; k++) {
    writeRow(
      sink,
      fill.rows.at(k) ?? {},
      first + k,
      fill.subtotal?.(k) === true ? cols.subtotalPlan : cols.plan,
    );
    if (sink.length >= PIECE) yield sink.take();
  }
  if (sink.length > 0) yield sink.take();
  yield tail;
}

/**
 * The prepared data area under the header row (its first row gives the styles), its last row,
 * the rows below it, and the 合计 row right under it when there is one.
 */
function dataArea(
  rows: readonly RawRow[],
  headerRow: RawRow,
): { styleRow: RawRow | undefined; lastAreaRow: number; rest: RawRow[]; totalRow: RawRow | undefined } {
  const h = headerRow.r;
  const after = rows.filter((r) => r.r > h);
  // The prepared data area: empty rows right under the header; the first gives the styles.
  const area: RawRow[] = [];
  for (const r of after) {
    if (r.hasValues || r.r !== h + 1 + area.length) break;
    area.push(r);
  }
  // A producer that drops empty rows (styled or not) leaves the 合计 row where it stood, below
  // a gap: the gap is the prepared area all the same, so the 合计 row follows the data.
  const firstValued = after.find((r) => r.hasValues);
  const gapToTotal =
    firstValued !== undefined &&
    firstValued.r > h + 1 + area.length &&
    after.filter((r) => r.r < firstValued.r).every((r) => !r.hasValues) &&
    [...firstValued.texts.values()].some((t) => TOTAL_WORDS.has(matchKey(t)));
  const styleRow = area[0];
  const lastAreaRow = gapToTotal ? firstValued.r - 1 : area.length > 0 ? h + area.length : h;
  const rest = after.filter((r) => r.r > lastAreaRow);
  const totalRow = rest.find(
    (r) => r.r === lastAreaRow + 1 && [...r.texts.values()].some((t) => TOTAL_WORDS.has(matchKey(t))),
  );

  return { styleRow, lastAreaRow, rest, totalRow };
}

type Header = NonNullable<ReturnType<typeof findHeader>>;

/** Per column, what never changes from row to row: its letters, style, key and spec. */
function columnPlans(a: {
  readonly fill: TableFill;
  readonly header: Header;
  readonly styleRow: RawRow | undefined;
  readonly totalRow: RawRow | undefined;
  readonly widths: ReadonlyMap<number, number>;
  readonly wrapStyles: ReadonlySet<string>;
  readonly dateStyle: ((style: string | undefined, formatCode: string) => string) | undefined;
}) {
  const { fill, header, styleRow, totalRow, widths, wrapStyles, dateStyle } = a;
  const styleOf = (col: number): string | undefined =>
    styleRow?.styles.get(col) ?? header.row.styles.get(col);
  const byKey = new Map(fill.sheet.columns.map((c) => [c.key, c]));
  const colOfKey = header.columns;
  const allCols = new Set<number>([
    ...(styleRow?.styles.keys() ?? []),
    ...header.row.styles.keys(),
    ...colOfKey.values(),
  ]);
  const keyOfCol = new Map([...colOfKey].map(([k, c]) => [c, k]));
  const ordered = [...allCols].sort((a, b) => a - b);
  // Per column, what never changes from row to row: its letters, style, key and spec.
  const planWith = (styleAt: (col: number) => string | undefined) =>
    ordered.map((col) => {
      const key = keyOfCol.get(col);
      const spec = key === undefined ? undefined : byKey.get(key);
      const format =
        spec && (spec.type === 'date' || spec.type === 'datetime') ? numberFormat(spec) : undefined;
      // A date in a cell whose format is not a date's would show as a serial (46000).
      const style = format && dateStyle ? dateStyle(styleAt(col), format) : styleAt(col);
      return {
        col,
        // What never changes from row to row: the start of the reference and the style attribute.
        pre: `<c r="${columnLetters(col)}`,
        sAttr: style !== undefined ? ` s="${style}"` : '',
        // The rest of a cell's start, after its row number, for each kind of cell.
        emptyTail: `"${style !== undefined ? ` s="${style}"` : ''}/>`,
        numberHead: `"${style !== undefined ? ` s="${style}"` : ''}><v>`,
        stringHead: `"${style !== undefined ? ` s="${style}"` : ''} t="inlineStr"><is><t>`,
        style,
        key,
        spec,
        // Dates and date-times typed as ISO text become serials; other columns write values as they are.
        dated: spec?.type === 'date' || spec?.type === 'datetime',
        wraps: style !== undefined && wrapStyles.has(style),
        width: widths.get(col) ?? 10,
      };
    });
  const plan = planWith(styleOf);
  // Subtotal rows take the 合计 row's look (bold, its fill and borders) where the template has one.
  const subtotalPlan = totalRow ? planWith((col) => totalRow.styles.get(col) ?? styleOf(col)) : plan;

  return { plan, subtotalPlan, ordered, keyOfCol, byKey };
}

type ColumnPlans = ReturnType<typeof columnPlans>;
type ColumnPlan = ColumnPlans['plan'];

/**
 * The hot loop of a big bulletin (a million cells): bytes written straight into the sink,
 * no per-cell objects and no strings to encode afterwards.
 */
function rowWriter(
  plan: ColumnPlan,
  rowAttrs: string,
): (sink: ByteSink, values: RowValues, rn: number, plan: ColumnPlan) => void {
  const baseHeight = Number(/\sht="([\d.]+)"/u.exec(rowAttrs)?.[1] ?? 0);
  const plainAttrs = rowAttrs.replace(/\s(ht|customHeight)="[^"]*"/gu, '');
  const wrapCols = plan.filter((p) => p.wraps && p.key !== undefined && !p.dated);
  const writeRow = (sink: ByteSink, values: RowValues, rn: number, plan: ColumnPlan): void => {
    // Rows grow with their wrapped text, as the template's own rows would in Excel.
    let lines = 1;
    for (const p of wrapCols) {
      const v = values[p.key as string];
      if (typeof v === 'string' && v.length * 2 > p.width)
        lines = Math.max(lines, Math.ceil(displayWidth(v) / Math.max(1, p.width - 1)));
    }
    const r = String(rn);
    sink.ascii('<row r="');
    sink.ascii(r);
    sink.ascii('"');
    sink.text(
      lines > 1
        ? `${plainAttrs} ht="${Math.max(baseHeight, lines * LINE_HEIGHT + 4)}" customHeight="1"`
        : rowAttrs,
    );
    sink.ascii('>');
    for (const p of plan) {
      const v = p.key === undefined ? undefined : values[p.key];
      if (v === undefined || v === null || (typeof v === 'number' && !Number.isFinite(v))) {
        if (p.sAttr === '') continue;
        sink.ascii(p.pre);
        sink.ascii(r);
        sink.ascii(p.emptyTail);
      } else if (typeof v === 'number') {
        sink.ascii(p.pre);
        sink.ascii(r);
        sink.ascii(p.numberHead);
        sink.ascii(String(v));
        sink.ascii('</v></c>');
      } else if (typeof v === 'string' && !p.dated) {
        sink.ascii(p.pre);
        sink.ascii(r);
        const mark = sink.length;
        sink.ascii(p.stringHead);
        if (!sink.plainText(v)) {
          // Escapes or significant spaces: the careful path.
          sink.rewind(mark);
          sink.ascii(p.stringHead.slice(0, -'<t>'.length));
          sink.ascii(needsPreserve(v) ? '<t xml:space="preserve">' : '<t>');
          sink.text(xmlText(v));
        }
        sink.ascii('</t></is></c>');
      } else {
        sink.text(valueCellXml(`${columnLetters(p.col)}${rn}`, p.style, v, p.spec));
      }
    }
    sink.ascii('</row>');
  };

  return writeRow;
}

/** The 合计 row with the run's totals, its labels kept, at its new row number. */
function totalRowXml(
  r: RawRow,
  rn: number,
  totals: RowValues,
  colOfKey: ReadonlyMap<string, number>,
  cols: ColumnPlans,
): string {
  const { keyOfCol, byKey } = cols;
  let cells = '';
  const totalCols = new Set([...r.styles.keys(), ...colOfKey.values()]);
  for (const col of [...totalCols].sort((a, b) => a - b)) {
    const key = keyOfCol.get(col);
    const label = r.texts.get(col);
    const v =
      label !== undefined && key === undefined
        ? label
        : key !== undefined
          ? (totals[key] ?? label ?? undefined)
          : undefined;
    cells += valueCellXml(
      `${columnLetters(col)}${rn}`,
      r.styles.get(col),
      v,
      key === undefined ? undefined : byKey.get(key),
    );
  }
  return `<row r="${rn}"${r.attrs}>${cells}</row>`;
}

interface Span {
  readonly first: number;
  readonly areaLast: number;
  readonly newLast: number;
  readonly delta: number;
}

/** One A1 range moved: stretched when it covers the prepared rows, shifted when below them. */
export function adjustRange(ref: string, s: Span): string | undefined {
  const m = /^(\$?[A-Z]+)(\$?)(\d+)(?::(\$?[A-Z]+)(\$?)(\d+))?$/u.exec(ref);
  if (!m) return ref;
  const [c1, d1, r1s, c2, d2, r2s] = [
    m[1] ?? '',
    m[2] ?? '',
    Number(m[3]),
    m[4],
    m[5] ?? '',
    m[6] ? Number(m[6]) : undefined,
  ];
  const r2 = r2s ?? r1s;
  const shift = (r: number): number => (r > s.areaLast ? r + s.delta : r);
  let a = r1s;
  let b = r2;
  if (a >= s.first && a <= s.areaLast && b <= s.areaLast) {
    a = s.first;
    b = s.newLast;
  } else {
    a = a >= s.first && a <= s.areaLast ? a : shift(a);
    b = b >= s.first && b <= s.areaLast ? s.newLast : shift(b);
  }
  return c2 === undefined && a === b ? `${c1}${d1}${a}` : `${c1}${d1}${a}:${c2 ?? c1}${d2}${b}`;
}

function adjustSqref(sqref: string, s: Span): string {
  return sqref
    .split(/\s+/u)
    .map((r) => adjustRange(r, s))
    .filter((r): r is string => r !== undefined)
    .join(' ');
}

function adjustRanges(xml: string, s: Span): string {
  // Merges inside the prepared rows belong to them and go; others stay or move.
  let out = xml.replace(/<mergeCell ref="([^"]+)"\/>/gu, (_all, ref: string) => {
    const m = /^[A-Z]+(\d+):[A-Z]+(\d+)$/u.exec(ref);
    if (m && Number(m[1]) >= s.first && Number(m[2]) <= s.areaLast) return '';
    return `<mergeCell ref="${adjustRange(ref, s) ?? ref}"/>`;
  });
  out = out.replace(
    /<mergeCells count="\d+"/u,
    () => `<mergeCells count="${(out.match(/<mergeCell ref=/gu) ?? []).length}"`,
  );
  out = out.replace(
    /(<(?:conditionalFormatting|dataValidation|x14:conditionalFormatting)\b[^>]*?\ssqref=")([^"]+)(")/gu,
    (_, a: string, q: string, b: string) => `${a}${adjustSqref(q, s)}${b}`,
  );
  out = out.replace(
    /(<xm:sqref>)([^<]+)(<\/xm:sqref>)/gu,
    (_, a: string, q: string, b: string) => `${a}${adjustSqref(q, s)}${b}`,
  );
  out = out.replace(
    /(<autoFilter\b[^>]*?\sref=")([^"]+)(")/u,
    (_, a: string, q: string, b: string) => `${a}${adjustSqref(q, s)}${b}`,
  );
  return out;
}
