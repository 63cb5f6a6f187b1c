/**
 * styles.xml edited as XML: another workbook's formats appended (sheets moved across keep their
 * look), a cell format derived with a date format, the formats that wrap text. Works the same on
 * Excel's, LibreOffice's, openpyxl's or a prefixed (`<x:styleSheet>`) part.
 */
import { isBuiltinDateFormat, isDateFormatCode } from '../xlsx-read/styles.js';
import type { OpcPackage } from './package.js';
import { CONTENT_TYPES, REL_TYPES, relIs } from './package.js';
import { adopt, childElements, createLike, firstChild, insertInOrder, rootOf, type Element } from './xml.js';

/** CT_Stylesheet's sequence. */
const ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

/** What a workbook without styles.xml looks like to Excel: one font, the two reserved fills, one border, one format. */
const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/**
 * The workbook's styles part, created (with the defaults every cell already has) when the
 * workbook has none — legal, and what some scripts write.
 */
function stylesPart(pkg: OpcPackage): string {
  const wb = pkg.workbookPart;
  const rel = pkg.rels(wb).find((r) => !r.external && relIs(r, 'styles') && pkg.has(r.target));
  if (rel) return rel.target;
  const dir = wb.slice(0, wb.lastIndexOf('/') + 1);
  const part = pkg.freshName(dir, 'styles', '.xml').replace(/styles1\.xml$/u, 'styles.xml');
  pkg.set(part, MINIMAL_STYLES);
  pkg.addRel(wb, REL_TYPES.styles, part);
  pkg.addOverride(part, CONTENT_TYPES.styles);
  return part;
}

/** The `<tag>` section of the style sheet, created in its schema place when missing. */
function section(root: Element, tag: string): Element {
  const found = firstChild(root, tag, root.namespaceURI);
  if (found) return found;
  const el = createLike(root, tag);
  insertInOrder(root, el, ORDER);
  return el;
}

const items = (sec: Element | undefined, child: string): Element[] =>
  sec ? childElements(sec, child, sec.namespaceURI) : [];

function setCount(sec: Element, child: string): void {
  sec.setAttribute('count', String(items(sec, child).length));
}

export interface StyleOffsets {
  /** Added to a source cell format index (s="…") to get the target's. */
  readonly xf: number;
  /** Added to a source differential format index (dxfId). */
  readonly dxf: number;
}

const sectionOf = (root: Element, tag: string): Element | undefined =>
  firstChild(root, tag, root.namespaceURI);

/** Appends the source style sheet's fonts, fills, borders, number and cell formats to the target's. */
export function appendStyles(target: Element, source: Element): StyleOffsets {
  const counts = {
    fonts: items(sectionOf(target, 'fonts'), 'font').length,
    fills: items(sectionOf(target, 'fills'), 'fill').length,
    borders: items(sectionOf(target, 'borders'), 'border').length,
    hasStyleXfs: items(sectionOf(target, 'cellStyleXfs'), 'xf').length > 0,
  };
  const offsets = {
    xf: items(sectionOf(target, 'cellXfs'), 'xf').length,
    dxf: items(sectionOf(target, 'dxfs'), 'dxf').length,
  };
  const numMap = appendNumFmts(target, source);
  for (const [tag, child] of [
    ['fonts', 'font'],
    ['fills', 'fill'],
    ['borders', 'border'],
  ] as const)
    appendAll(target, source, tag, child);
  appendCellXfs(target, source, counts, numMap);
  appendAll(target, source, 'dxfs', 'dxf');
  return offsets;
}

/** Custom number formats get fresh ids above the target's: source id → target id. */
function appendNumFmts(target: Element, source: Element): Map<string, string> {
  const numMap = new Map<string, string>();
  const sNums = items(sectionOf(source, 'numFmts'), 'numFmt');
  if (sNums.length === 0) return numMap;
  const tNums = section(target, 'numFmts');
  const used = items(tNums, 'numFmt').map((n) => Number(n.getAttribute('numFmtId')));
  let next = Math.max(163, ...used.filter(Number.isFinite)) + 1;
  for (const n of sNums) {
    const copy = adopt(n, target, source.namespaceURI);
    numMap.set(n.getAttribute('numFmtId') ?? '', String(next));
    copy.setAttribute('numFmtId', String(next++));
    tNums.appendChild(copy);
  }
  setCount(tNums, 'numFmt');
  return numMap;
}

/** Every `child` of the source's `tag` section appended to the target's, as it is. */
function appendAll(target: Element, source: Element, tag: string, child: string): void {
  const from = items(sectionOf(source, tag), child);
  if (from.length === 0) return;
  const into = section(target, tag);
  for (const el of from) into.appendChild(adopt(el, target, source.namespaceURI));
  setCount(into, child);
}

/** The cell formats, pointing at the fonts, fills, borders and number formats as appended. */
function appendCellXfs(
  target: Element,
  source: Element,
  counts: { fonts: number; fills: number; borders: number; hasStyleXfs: boolean },
  numMap: ReadonlyMap<string, string>,
): void {
  const xfs = items(sectionOf(source, 'cellXfs'), 'xf');
  if (xfs.length === 0) return;
  const into = section(target, 'cellXfs');
  for (const xf of xfs) {
    const copy = adopt(xf, target, source.namespaceURI);
    const shift = (attr: string, by: number): void => {
      const v = copy.getAttribute(attr);
      if (v !== null && v !== '') copy.setAttribute(attr, String(Number(v) + by));
    };
    shift('fontId', counts.fonts);
    shift('fillId', counts.fills);
    shift('borderId', counts.borders);
    const num = copy.getAttribute('numFmtId');
    if (num !== null && numMap.has(num)) copy.setAttribute('numFmtId', numMap.get(num) ?? num);
    if (counts.hasStyleXfs) copy.setAttribute('xfId', '0');
    else copy.removeAttribute('xfId');
    into.appendChild(copy);
  }
  setCount(into, 'xf');
}

/** The number format code of each cell format (cellXfs index → code or built-in id). */
function formatOf(root: Element, xf: Element | undefined): { id: number; code: string | undefined } {
  const id = Number(xf?.getAttribute('numFmtId') ?? 0);
  const custom = items(firstChild(root, 'numFmts', root.namespaceURI), 'numFmt').find(
    (n) => Number(n.getAttribute('numFmtId')) === id,
  );
  return { id, code: custom?.getAttribute('formatCode') ?? undefined };
}

/** Whether cell format `index` shows numbers as dates or times. */
function isDateStyle(root: Element, index: number): boolean {
  const xf = items(firstChild(root, 'cellXfs', root.namespaceURI), 'xf')[index];
  if (!xf) return false;
  const f = formatOf(root, xf);
  return f.code !== undefined ? isDateFormatCode(f.code) : isBuiltinDateFormat(f.id);
}

/**
 * A cell format like `base` (its font, fill, borders, alignment) showing numbers with
 * `formatCode`: found when one exists, else added. For a date written into a cell a person
 * formatted without a date format.
 */
function styleWithFormat(root: Element, base: number, formatCode: string): number {
  const xfSec = section(root, 'cellXfs');
  const xfs = items(xfSec, 'xf');
  const baseXf = xfs[base] ?? xfs[0];
  let id: number | undefined;
  const nums = firstChild(root, 'numFmts', root.namespaceURI);
  for (const n of items(nums, 'numFmt'))
    if (n.getAttribute('formatCode') === formatCode) id = Number(n.getAttribute('numFmtId'));
  if (id === undefined) {
    const into = section(root, 'numFmts');
    const used = items(into, 'numFmt').map((n) => Number(n.getAttribute('numFmtId')));
    id = Math.max(163, ...used.filter(Number.isFinite)) + 1;
    const n = createLike(root, 'numFmt');
    n.setAttribute('numFmtId', String(id));
    n.setAttribute('formatCode', formatCode);
    into.appendChild(n);
    setCount(into, 'numFmt');
  }
  const want = String(id);
  const same = (a: Element, b: Element | undefined): boolean =>
    ['fontId', 'fillId', 'borderId', 'xfId'].every(
      (k) => (a.getAttribute(k) ?? '0') === (b?.getAttribute(k) ?? '0'),
    ) && a.getAttribute('numFmtId') === want;
  const existing = xfs.findIndex(
    (x) => same(x, baseXf) && x.childNodes.length === (baseXf?.childNodes.length ?? 0),
  );
  if (existing >= 0) return existing;
  const copy = (baseXf ? baseXf.cloneNode(true) : createLike(root, 'xf')) as Element;
  copy.setAttribute('numFmtId', want);
  copy.setAttribute('applyNumberFormat', '1');
  xfSec.appendChild(copy);
  setCount(xfSec, 'xf');
  return xfs.length;
}

/** Indexes (as text, as cells carry them) of the cell formats that wrap text. */
export function wrapStyleIndexes(root: Element | undefined): Set<string> {
  const out = new Set<string>();
  if (!root) return out;
  items(firstChild(root, 'cellXfs', root.namespaceURI), 'xf').forEach((xf, i) => {
    const al = firstChild(xf, 'alignment', xf.namespaceURI);
    const w = al?.getAttribute('wrapText');
    if (w === '1' || w === 'true') out.add(String(i));
  });
  return out;
}

export const stylesRoot = (pkg: OpcPackage): Element => rootOf(pkg.xml(stylesPart(pkg)));

/**
 * The cell format to write a date with, given the format the template's cell has: that one when
 * it shows dates, else a copy of it with the date format added to styles.xml.
 */
export function dateStyleMaker(styles: Element): (style: string | undefined, formatCode: string) => string {
  const made = new Map<string, string>();
  return (style, formatCode) => {
    const base = Number(style ?? 0);
    if (style !== undefined && isDateStyle(styles, base)) return style;
    const key = `${base}\u0000${formatCode}`;
    let s = made.get(key);
    if (s === undefined) {
      s = String(styleWithFormat(styles, base, formatCode));
      made.set(key, s);
    }
    return s;
  };
}
