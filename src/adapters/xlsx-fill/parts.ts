import { strToU8, zipSync } from 'fflate';
import { OpcPackage, relIs } from '../opc/package.js';
import { unprefixSpreadsheetMl } from '../opc/prefix.js';
import { dateStyleMaker, wrapStyleIndexes } from '../opc/styles.js';
import { WorkbookXml } from '../opc/workbook.js';
import { rootOf } from '../opc/xml.js';
import { parseSharedStrings } from '../xlsx-read/shared-strings.js';
import { decodeEntities } from '../xlsx-read/xml.js';
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

const PLACEHOLDER = /\{\{([^{}]{1,80})\}\}/gu;

/**
 * {{name}} → its value in every text of a part. Texts are compared decoded, so a producer that
 * stores the characters as references (`{{&#26399;&#25968;}}`) is filled the same; a value is
 * written escaped.
 */
function replacePlaceholders(xml: string, values: ReadonlyMap<string, string>): string {
  if (!xml.includes('{{') && !xml.includes('&#123;') && !xml.includes('&#x7')) return xml;
  const fill = (text: string): string =>
    text.replace(PLACEHOLDER, (all, k: string) => {
      const key = k.trim();
      return values.has(key) ? (values.get(key) ?? '') : all;
    });
  // Cell and shared-string texts: decoded, filled, encoded again.
  const out = xml.replace(/(<t\b[^>]*>)([^<]*)(<\/t>)/gu, (all, open: string, raw: string, close: string) => {
    if (!raw.includes('{') && !raw.includes('&#')) return all;
    const text = decodeEntities(raw);
    if (!text.includes('{{')) return all;
    const filled = fill(text);
    return filled === text ? all : `${open}${xmlText(filled)}${close}`;
  });
  // Anything else (page headers and footers): the placeholder's name compared decoded.
  return out.replace(PLACEHOLDER, (all, k: string) => {
    const key = decodeEntities(k).trim();
    return values.has(key) ? xmlText(values.get(key) ?? '') : all;
  });
}

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
  const pkg = new OpcPackage(template);
  const wb = new WorkbookXml(pkg);
  const rels = pkg.rels(pkg.workbookPart).filter((r) => !r.external && pkg.has(r.target));
  const sstRel = rels.find((r) => relIs(r, 'sharedStrings'));
  let sst: string[] = [];
  if (sstRel) {
    const sstXml = replacePlaceholders(
      joinSplitPlaceholders(unprefixSpreadsheetMl(pkg.text(sstRel.target) ?? '')),
      job.placeholders,
    );
    pkg.set(sstRel.target, sstXml);
    sst = parseSharedStrings(sstXml);
  }
  const missing: string[] = [];
  const stylesRel = rels.find((r) => relIs(r, 'styles'));
  const styles = stylesRel ? rootOf(pkg.xml(stylesRel.target)) : undefined;
  const formats = styles ? dateStyleMaker(styles) : undefined;

  wb.sheets().forEach((entry, sheetIndex) => {
    if (!entry.part || !entry.isWorksheet || !pkg.has(entry.part)) return;
    const xml = replacePlaceholders(unprefixSpreadsheetMl(pkg.text(entry.part) ?? ''), job.placeholders);
    const fill = job.tables.find((t) => t.sheet.name === entry.name);
    if (!fill) {
      pkg.set(entry.part, xml);
      return;
    }
    const res = fillSheet(xml, sst, fill, wrapStyleIndexes(styles), formats);
    if (!res.found) missing.push(fill.sheet.name);
    else adjustDefinedNames(wb, sheetIndex, entry.name, res);
    pkg.set(entry.part, res.pieces);
  });
  const names = new Set(wb.sheets().map((s) => s.name));
  for (const t of job.tables) if (!names.has(t.sheet.name)) missing.push(t.sheet.name);

  // The calculation chain lists formula cells by position; Excel rebuilds it, a stale one it "repairs".
  wb.dropCalcChain();
  return { entries: pkg.entries(), missing };
}

/**
 * Print areas and other names that point into a filled sheet follow its rows. Names are read
 * decoded (a print area stored as `&apos;通报&apos;!$A$1:$H$20` is the same as one with quotes).
 */
function adjustDefinedNames(
  wb: WorkbookXml,
  sheetIndex: number,
  sheetName: string,
  res: { area: { first: number; last: number }; shift: { by: number }; lastRow: number },
): void {
  const span = {
    first: res.area.first,
    areaLast: res.area.last,
    newLast: Math.max(res.area.first, res.area.last + res.shift.by),
    delta: res.shift.by,
  };
  for (const d of wb.definedNames()) {
    if (d.localSheetId !== undefined && d.localSheetId !== sheetIndex) continue;
    const body = d.text;
    const fixed = body.replace(
      /('(?:[^']|'')+'|[^'!,()\s=]+)!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)/gu,
      (m, sheet: string, ref: string) => {
        const name = sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/gu, "'") : sheet;
        return name === sheetName ? `${sheet}!${adjustRange(ref, span) ?? ref}` : m;
      },
    );
    if (fixed !== body) d.text = fixed;
  }
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
