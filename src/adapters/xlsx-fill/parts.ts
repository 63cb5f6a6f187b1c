import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parseRels, parseWorkbook, relsPathFor, relTypeIs } from '../xlsx-read/package.js';
import { parseSharedStrings } from '../xlsx-read/shared-strings.js';
import { adjustRange, fillSheet, type TableFill } from './sheet.js';
import { xmlText } from './text.js';

export type { TableFill } from './sheet.js';

export interface FillJob {
  /** {{name}} → text, replaced in every string of the workbook. */
  readonly placeholders: ReadonlyMap<string, string>;
  readonly tables: readonly TableFill[];
}

export interface FillResult {
  readonly bytes: Uint8Array;
  /** Sheets of the job the template lacks, or whose table was not found. */
  readonly missing: readonly string[];
}

/** A filled package before it is zipped: its parts in the order they are written. */
export interface FilledParts {
  /** Part name → bytes, or a filled sheet's XML in pieces (made as they are read). */
  readonly entries: readonly (readonly [string, Uint8Array | Iterable<string | Uint8Array>])[];
  readonly missing: readonly string[];
}

const replacePlaceholders = (xml: string, values: ReadonlyMap<string, string>): string =>
  xml.includes('{{')
    ? xml.replace(/\{\{([^{}]{1,40})\}\}/gu, (all, k: string) =>
        values.has(k.trim()) ? xmlText(values.get(k.trim()) ?? '') : all,
      )
    : xml;

/**
 * A shared string whose placeholder a program split into formatting runs (LibreOffice and WPS
 * do: `<r><t>{{</t></r><r><t>期数}}</t></r>`) becomes one plain run, so the placeholder is seen.
 * Such a string keeps its first run's look; every other string is kept byte for byte.
 */
function joinSplitPlaceholders(sstXml: string): string {
  if (!sstXml.includes('<r>') && !sstXml.includes('<r ')) return sstXml;
  return sstXml.replace(/<si>([\s\S]*?)<\/si>/gu, (si: string, inner: string) => {
    if (!/<r[\s>]/u.test(inner) || /\{\{[^{}]{1,40}\}\}/u.test(inner)) return si;
    const text = parseSharedStrings(`<sst>${si}</sst>`)[0] ?? '';
    if (!/\{\{[^{}]{1,40}\}\}/u.test(text)) return si;
    // The first run's look (font, size, bold) is kept for the whole text.
    const rPr = /<rPr>[\s\S]*?<\/rPr>/u.exec(inner)?.[0];
    const t = `<t xml:space="preserve">${xmlText(text)}</t>`;
    return rPr ? `<si><r>${rPr}${t}</r></si>` : `<si>${t}</si>`;
  });
}

/**
 * Fills a workbook template — ours, or an office's own styled copy made in Excel — with tables
 * and placeholder values, keeping all its formatting. The template bytes are not modified.
 * The parts come back unzipped (no Node API here: the task pane fills bulletins in a browser);
 * `fillWorkbook` (./index.ts) zips them.
 */
export function fillParts(template: Uint8Array, job: FillJob): FilledParts {
  const parts = unzipSync(template);
  const text = (name: string): string | undefined => (parts[name] ? strFromU8(parts[name]) : undefined);
  const wbPart = 'xl/workbook.xml';
  let wbXml = text(wbPart) ?? '';
  const wb = parseWorkbook(wbXml, wbPart);
  const rels = parseRels(text(relsPathFor(wbPart)) ?? '', wbPart);
  const sstRel = rels.find((r) => relTypeIs(r, 'sharedStrings'));
  let sstXml = sstRel ? text(sstRel.target) : undefined;
  if (sstXml !== undefined) {
    sstXml = replacePlaceholders(joinSplitPlaceholders(sstXml), job.placeholders);
    parts[sstRel?.target ?? ''] = strToU8(sstXml);
  }
  const sst = sstXml !== undefined ? parseSharedStrings(sstXml) : [];
  const missing: string[] = [];
  const stylesRel = rels.find((r) => relTypeIs(r, 'styles'));
  const wrapStyles = wrapStyleIndexes(stylesRel ? (text(stylesRel.target) ?? '') : '');

  const filled = new Map<string, Iterable<string | Uint8Array>>();
  wb.sheets.forEach((entry, sheetIndex) => {
    const rel = rels.find((r) => r.id === entry.relId);
    if (!rel) return;
    let xml = text(rel.target);
    if (xml === undefined) return;
    xml = replacePlaceholders(xml, job.placeholders);
    const fill = job.tables.find((t) => t.sheet.name === entry.name);
    if (!fill) {
      parts[rel.target] = strToU8(xml);
      return;
    }
    const res = fillSheet(xml, sst, fill, wrapStyles);
    if (!res.found) missing.push(fill.sheet.name);
    else wbXml = adjustDefinedNames(wbXml, sheetIndex, entry.name, res);
    filled.set(rel.target, res.pieces);
  });
  for (const t of job.tables) if (!wb.sheets.some((s) => s.name === t.sheet.name)) missing.push(t.sheet.name);

  // The calculation chain lists formula cells by position; Excel rebuilds it, a stale one it "repairs".
  const calc = rels.find((r) => relTypeIs(r, 'calcChain'));
  if (calc) {
    delete parts[calc.target];
    const relsPart = relsPathFor(wbPart);
    parts[relsPart] = strToU8((text(relsPart) ?? '').replace(/<Relationship\b[^>]*calcChain[^>]*\/>/u, ''));
    const ct = text('[Content_Types].xml') ?? '';
    parts['[Content_Types].xml'] = strToU8(ct.replace(/<Override\b[^>]*calcChain[^>]*\/>/u, ''));
  }
  parts[wbPart] = strToU8(wbXml);

  // [Content_Types].xml first, as Office writes it; then every part in its original order.
  const names = Object.keys(parts).sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0,
  );
  return {
    entries: names.map((name) => [name, filled.get(name) ?? (parts[name] as Uint8Array)] as const),
    missing,
  };
}

/** Indexes of the cell formats (cellXfs) that wrap text. */
function wrapStyleIndexes(stylesXml: string): Set<string> {
  const out = new Set<string>();
  const start = stylesXml.indexOf('<cellXfs');
  const end = stylesXml.indexOf('</cellXfs>', start);
  if (start < 0 || end < 0) return out;
  let i = 0;
  for (const m of stylesXml.slice(start, end).matchAll(/<xf\b[^>]*?(\/>|>([\s\S]*?)<\/xf>)/gu)) {
    if (/wrapText="(1|true)"/u.test(m[2] ?? '')) out.add(String(i));
    i++;
  }
  return out;
}

/** Print areas and other names that point into a filled sheet follow its rows. */
function adjustDefinedNames(
  wbXml: string,
  sheetIndex: number,
  sheetName: string,
  res: { area: { first: number; last: number }; shift: { by: number }; lastRow: number },
): string {
  const quoted = `'${sheetName.replace(/'/gu, "''")}'!`;
  const span = {
    first: res.area.first,
    areaLast: res.area.last,
    newLast: Math.max(res.area.first, res.area.last + res.shift.by),
    delta: res.shift.by,
  };
  return wbXml.replace(
    /(<definedName\b([^>]*)>)([^<]*)(<\/definedName>)/gu,
    (all, open: string, attrs: string, body: string, end: string) => {
      const local = /localSheetId="(\d+)"/u.exec(attrs)?.[1];
      if (local !== undefined && Number(local) !== sheetIndex) return all;
      if (!/_xlnm\.Print_Area/u.test(attrs)) return all;
      const fixed = body.replace(
        /('(?:[^']|'')+'!|[^'!,]+!)(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)/gu,
        (m, sheet: string, ref: string) => {
          const isThis = sheet === quoted || sheet === `${sheetName}!`;
          return isThis
            ? `${sheet}${adjustRange(ref.replace(/\$/gu, ''), span)?.replace(/([A-Z]+)(\d+)/gu, '$$$1$$$2') ?? ref}`
            : m;
        },
      );
      return `${open}${fixed}${end}`;
    },
  );
}

/** 2026-01-01, as the Node writer stamps every part: the same inputs give the same bytes. */
const FIXED_TIME = new Date(2026, 0, 1);

/**
 * The filled parts zipped in memory with fflate: the task pane's way (no Node there). Node's
 * fillWorkbook streams big sheets through native zlib instead; the packages read the same.
 */
export function zipFilledParts(filled: FilledParts): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 6; mtime: Date }]> = {};
  for (const [name, content] of filled.entries) {
    let bytes: Uint8Array;
    if (content instanceof Uint8Array) bytes = content;
    else {
      const chunks = [...content].map((p) => (typeof p === 'string' ? strToU8(p) : p));
      bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        bytes.set(c, at);
        at += c.length;
      }
    }
    files[name] = [bytes, { level: 6, mtime: FIXED_TIME }];
  }
  return zipSync(files);
}
