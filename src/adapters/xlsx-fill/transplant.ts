import { strFromU8, strToU8, unzipSync } from 'fflate';
import { parseRels, parseWorkbook, relsPathFor, relTypeIs } from '../xlsx-read/package.js';
import { parseSharedStrings } from '../xlsx-read/shared-strings.js';
import { reproducible } from '../zip-writer.js';
import { xmlText } from './text.js';

/**
 * Puts whole sheets of one workbook (our generated results) into another (the clerk's master):
 * a sheet of the same name is replaced in place, a new one is added at the end. Everything else
 * of the target stays as it was, part for part — only styles.xml gains the sheets' formats and
 * workbook.xml their entries. This is how `kpd score` writes "a copy of the master with these
 * sheets added or replaced, and nothing else changed".
 */

type Parts = Record<string, Uint8Array>;

const text = (parts: Parts, name: string): string => (parts[name] ? strFromU8(parts[name]) : '');

interface Section {
  readonly start: number;
  readonly end: number;
  readonly inner: string;
  readonly count: number;
}

/** A <tag>…</tag> section of styles.xml: its bounds, its inner XML, its element count. */
function section(xml: string, tag: string, child: string): Section | undefined {
  const open = new RegExp(`<${tag}\\b[^>]*?(/>|>)`, 'u').exec(xml);
  if (!open) return undefined;
  if (open[1] === '/>') return { start: open.index, end: open.index + open[0].length, inner: '', count: 0 };
  const close = xml.indexOf(`</${tag}>`, open.index);
  const inner = xml.slice(open.index + open[0].length, close);
  const count = (inner.match(new RegExp(`<${child}\\b`, 'gu')) ?? []).length;
  return { start: open.index, end: close + tag.length + 3, inner, count };
}

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

/** Replaces a section's content (or inserts it where the schema wants it). */
function putSection(xml: string, tag: string, child: string, inner: string, count: number): string {
  const s = section(xml, tag, child);
  const block = `<${tag} count="${count}">${inner}</${tag}>`;
  if (s) return xml.slice(0, s.start) + block + xml.slice(s.end);
  const later = ORDER.slice(ORDER.indexOf(tag) + 1)
    .map((t) => new RegExp(`<${t}\\b`, 'u').exec(xml)?.index)
    .find((i) => i !== undefined);
  const at = later ?? xml.lastIndexOf('</styleSheet>');
  return xml.slice(0, at) + block + xml.slice(at);
}

interface StyleMap {
  readonly xf: number;
  readonly dxf: number;
}

/** Appends the source's formats to the target's styles.xml; returns the index offsets. */
function mergeStyles(target: string, source: string): { xml: string; offsets: StyleMap } {
  const t = (tag: string, child: string): Section =>
    section(target, tag, child) ?? { start: 0, end: 0, inner: '', count: 0 };
  const s = (tag: string, child: string): Section =>
    section(source, tag, child) ?? { start: 0, end: 0, inner: '', count: 0 };
  const [tFonts, tFills, tBorders, tXfs, tDxfs, tNum] = [
    t('fonts', 'font'),
    t('fills', 'fill'),
    t('borders', 'border'),
    t('cellXfs', 'xf'),
    t('dxfs', 'dxf'),
    t('numFmts', 'numFmt'),
  ];
  const [sFonts, sFills, sBorders, sXfs, sDxfs, sNum] = [
    s('fonts', 'font'),
    s('fills', 'fill'),
    s('borders', 'border'),
    s('cellXfs', 'xf'),
    s('dxfs', 'dxf'),
    s('numFmts', 'numFmt'),
  ];

  // Custom number formats get fresh ids above the target's.
  const used = [...tNum.inner.matchAll(/numFmtId="(\d+)"/gu)].map((m) => Number(m[1]));
  let nextId = Math.max(163, ...used) + 1;
  const numMap = new Map<number, number>();
  const addedNum = sNum.inner.replace(/numFmtId="(\d+)"/gu, (_, id: string) => {
    const n = nextId++;
    numMap.set(Number(id), n);
    return `numFmtId="${n}"`;
  });
  const xfs = sXfs.inner.replace(/<xf\b([^>]*?)(\/?>)/gu, (_, attrs: string, end: string) => {
    const a = attrs
      .replace(/\bfontId="(\d+)"/u, (_m, v: string) => `fontId="${Number(v) + tFonts.count}"`)
      .replace(/\bfillId="(\d+)"/u, (_m, v: string) => `fillId="${Number(v) + tFills.count}"`)
      .replace(/\bborderId="(\d+)"/u, (_m, v: string) => `borderId="${Number(v) + tBorders.count}"`)
      .replace(/\bnumFmtId="(\d+)"/u, (_m, v: string) => `numFmtId="${numMap.get(Number(v)) ?? v}"`)
      .replace(/\bxfId="\d+"/u, 'xfId="0"');
    return `<xf${a}${end}`;
  });
  // Each section gets the source's entries after its own, with the summed count.
  let xml = target;
  const append = (tag: string, child: string, added: string, count: number): void => {
    xml = putSection(xml, tag, child, (section(xml, tag, child)?.inner ?? '') + added, count);
  };
  append('numFmts', 'numFmt', addedNum, tNum.count + sNum.count);
  append('fonts', 'font', sFonts.inner, tFonts.count + sFonts.count);
  append('fills', 'fill', sFills.inner, tFills.count + sFills.count);
  append('borders', 'border', sBorders.inner, tBorders.count + sBorders.count);
  append('cellXfs', 'xf', xfs, tXfs.count + sXfs.count);
  if (sDxfs.count > 0) append('dxfs', 'dxf', sDxfs.inner, tDxfs.count + sDxfs.count);
  return { xml, offsets: { xf: tXfs.count, dxf: tDxfs.count } };
}

/** A source sheet made self-contained for the target: styles re-indexed, shared strings inlined. */
function adaptSheet(xml: string, sst: readonly string[], o: StyleMap): string {
  return xml
    .replace(
      /<c\b([^>]*?)\bt="s"([^>]*)>\s*<v>(\d+)<\/v>\s*<\/c>/gu,
      (_, a: string, b: string, i: string) => {
        const t = sst[Number(i)] ?? '';
        return `<c${a}t="inlineStr"${b}><is><t xml:space="preserve">${xmlText(t)}</t></is></c>`;
      },
    )
    .replace(
      /(<(?:c|row)\b[^>]*?\s)s="(\d+)"/gu,
      (_, pre: string, n: string) => `${pre}s="${Number(n) + o.xf}"`,
    )
    .replace(
      /(<col\b[^>]*?\s)style="(\d+)"/gu,
      (_, pre: string, n: string) => `${pre}style="${Number(n) + o.xf}"`,
    )
    .replace(/\bdxfId="(\d+)"/gu, (_, n: string) => `dxfId="${Number(n) + o.dxf}"`);
}

const escapeAttr = (s: string): string => xmlText(s).replace(/'/gu, '&apos;');

export function transplantSheets(
  targetBytes: Uint8Array,
  sourceBytes: Uint8Array,
  names: readonly string[],
): Uint8Array {
  const target = unzipSync(targetBytes);
  const source = unzipSync(sourceBytes);
  const wbPart = 'xl/workbook.xml';
  let wbXml = text(target, wbPart);
  const tWb = parseWorkbook(wbXml, wbPart);
  const tRelsPart = relsPathFor(wbPart);
  let tRelsXml = text(target, tRelsPart);
  const tRels = parseRels(tRelsXml, wbPart);
  const sWb = parseWorkbook(text(source, wbPart), wbPart);
  const sRels = parseRels(text(source, relsPathFor(wbPart)), wbPart);
  const sSstRel = sRels.find((r) => relTypeIs(r, 'sharedStrings'));
  const sst = sSstRel ? parseSharedStrings(text(source, sSstRel.target)) : [];

  const tStylesRel = tRels.find((r) => relTypeIs(r, 'styles'));
  const sStylesRel = sRels.find((r) => relTypeIs(r, 'styles'));
  if (!tStylesRel || !sStylesRel) throw new Error('workbook without styles');
  const merged = mergeStyles(text(target, tStylesRel.target), text(source, sStylesRel.target));
  target[tStylesRel.target] = strToU8(merged.xml);

  let contentTypes = text(target, '[Content_Types].xml');
  const sSheetNames = sWb.sheets.map((x) => x.name);
  const sDefined = [...text(source, wbPart).matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/gu)];
  let ridMax = Math.max(0, ...tRels.map((r) => Number(/\d+$/u.exec(r.id)?.[0] ?? 0)));
  let sheetIdMax = Math.max(
    0,
    ...[...wbXml.matchAll(/<sheet\b[^>]*\bsheetId="(\d+)"/gu)].map((m) => Number(m[1])),
  );
  let partNo = Math.max(
    0,
    ...Object.keys(target).map((k) => Number(/^xl\/worksheets\/sheet(\d+)\.xml$/u.exec(k)?.[1] ?? 0)),
  );
  const sheetCount = tWb.sheets.length;
  let added = 0;

  for (const name of names) {
    const sIndex = sSheetNames.indexOf(name);
    const sEntry = sWb.sheets[sIndex];
    const sRel = sRels.find((r) => r.id === sEntry?.relId);
    if (!sEntry || !sRel) continue;
    const sheetXml = adaptSheet(text(source, sRel.target), sst, merged.offsets);
    let index = tWb.sheets.findIndex((x) => x.name === name);
    if (index >= 0) {
      // Same name: new content in the same part, same place in the tab order.
      const rel = tRels.find((r) => r.id === tWb.sheets[index]?.relId);
      if (!rel) continue;
      target[rel.target] = strToU8(sheetXml);
      delete target[relsPathFor(rel.target)];
      wbXml = wbXml.replace(
        new RegExp(`<definedName\\b[^>]*\\blocalSheetId="${index}"[^>]*>[^<]*</definedName>`, 'gu'),
        '',
      );
    } else {
      index = sheetCount + added++;
      partNo++;
      ridMax++;
      sheetIdMax++;
      const part = `xl/worksheets/sheet${partNo}.xml`;
      target[part] = strToU8(sheetXml);
      tRelsXml = tRelsXml.replace(
        '</Relationships>',
        `<Relationship Id="rId${ridMax}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${partNo}.xml"/></Relationships>`,
      );
      contentTypes = contentTypes.replace(
        '</Types>',
        `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      );
      wbXml = wbXml.replace(
        '</sheets>',
        `<sheet name="${escapeAttr(name)}" sheetId="${sheetIdMax}" r:id="rId${ridMax}"/></sheets>`,
      );
    }
    // The sheet's own print titles come along, pointing at its new place.
    for (const d of sDefined) {
      const attrs = d[1] ?? '';
      if (!new RegExp(`\\blocalSheetId="${sIndex}"`, 'u').test(attrs)) continue;
      const entry = `<definedName${attrs.replace(/\blocalSheetId="\d+"/u, `localSheetId="${index}"`)}>${d[2] ?? ''}</definedName>`;
      wbXml = /<definedNames>/u.test(wbXml)
        ? wbXml.replace('</definedNames>', `${entry}</definedNames>`)
        : wbXml.replace('</sheets>', `</sheets><definedNames>${entry}</definedNames>`);
    }
  }
  // Formula positions may have moved with the replaced sheets: Excel rebuilds the chain.
  const calc = tRels.find((r) => relTypeIs(r, 'calcChain'));
  if (calc) {
    delete target[calc.target];
    tRelsXml = tRelsXml.replace(/<Relationship\b[^>]*calcChain[^>]*\/>/u, '');
    contentTypes = contentTypes.replace(/<Override\b[^>]*calcChain[^>]*\/>/u, '');
  }
  target[wbPart] = strToU8(wbXml);
  target[tRelsPart] = strToU8(tRelsXml);
  target['[Content_Types].xml'] = strToU8(contentTypes);
  // Untouched parts go back as they were (no renumbering of anything of the master's).
  return reproducible(target, { renumberGuids: false });
}
