/**
 * Our own .xlsx reader: bytes in, `WorkbookGrid` of plain cell values out.
 *
 * Hostile input never crashes or hangs it: every failure is an `UnusableFileError` with a stable
 * code. Only cached values are read (formulas are ignored), merged cells are not expanded, styles
 * are consulted only to tell dates from numbers.
 */
import { unzipSync } from 'fflate';
import type { Cell, SheetGrid, WorkbookGrid } from '../../core/values/grid.js';
import type { ByteBudget } from '../budget.js';
import { UnusableFileError } from '../errors.js';
import { looksLikeZip, openZip, type ZipArchive, type ZipLimits } from '../zip.js';
import {
  parseApplication,
  parseRels,
  parseWorkbook,
  rejectOle,
  relTypeIs,
  relsPathFor,
  type Relationship,
} from './package.js';
import { parseSharedStrings } from './shared-strings.js';
import { newGridBudget, parseSheet } from './sheet.js';
import { parseDateStyles } from './styles.js';
import { decodeXmlPart, partEncoding } from './xml.js';

export { UnusableFileError, type UnusableFileCode } from '../errors.js';
export { isBuiltinDateFormat, isDateFormatCode } from './styles.js';
export { isoToSerial } from './sheet.js';

export interface ReadXlsxOptions {
  /** Parse only the sheets this accepts; the others are omitted from `workbook.sheets`. */
  readonly sheets?: (name: string) => boolean;
  /** Cells in rows at or beyond this (0-based) are dropped; default 100,000. */
  readonly maxRows?: number;
  /** Cells in columns at or beyond this (0-based) are dropped; default 256. */
  readonly maxCols?: number;
  readonly zipLimits?: Partial<ZipLimits>;
  /** The run's size budget (../budget.ts): every part inflated draws on it. */
  readonly budget?: ByteBudget;
}

interface TruncationNote {
  readonly sheet: string;
  /**
   * `rows`/`cols`: cells beyond `limit` rows or columns; `far`: cells so far from the others
   * that storing them would cost more memory than the cells present pay for (from `cell` on).
   */
  readonly kind: 'rows' | 'cols' | 'far';
  readonly limit?: number;
  /** The first cell not read, e.g. "IV60000" (kind `far`). */
  readonly cell?: string;
}

export interface PackageFlags {
  /** A VBA project part (xl/vbaProject.bin) or Excel 4.0 macro sheets present. */
  readonly macros: boolean;
  /** xl/externalLinks/ parts or externalLink relationships. */
  readonly externalLinks: boolean;
  /** The workbook uses the 1904 date system (serials were already converted to 1900). */
  readonly date1904: boolean;
  readonly truncated: TruncationNote[];
  /** Every sheet name in workbook order, including hidden and unselected sheets. */
  readonly sheetNames: string[];
  /**
   * docProps/app.xml `<Application>`, e.g. "Microsoft Excel", "WPS 表格"; undefined when absent
   * or unreadable. A getter: the part is only inflated when this is first read.
   */
  readonly application?: string | undefined;
}

export interface XlsxReadResult {
  readonly workbook: WorkbookGrid;
  readonly flags: PackageFlags;
}

const DEFAULT_MAX_ROWS = 100_000;
const DEFAULT_MAX_COLS = 256;
const DATE1904_OFFSET = 1462;

const corrupt = (detail: string) => new UnusableFileError('file.corrupt', detail);

/** An exception thrown by the caller's own `sheets` callback, passed through untouched. */
class CallerError {
  constructor(readonly error: unknown) {}
}

export function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions = {}): XlsxReadResult {
  try {
    return readPackage(bytes, options);
  } catch (e) {
    if (e instanceof UnusableFileError) throw e;
    if (e instanceof CallerError) throw e.error;
    // Never let a damaged file surface as a TypeError/RangeError from deep inside.
    throw corrupt(`unexpected failure while reading: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function readPackage(bytes: Uint8Array, options: ReadXlsxOptions): XlsxReadResult {
  rejectOle(bytes);
  if (!looksLikeZip(bytes))
    throw new UnusableFileError('file.notZip', 'the file does not start with a ZIP signature');
  const zip = openZip(bytes, options.zipLimits, options.budget);
  if (zip.hasDuplicateNames) throw corrupt('two parts share one name');
  const readXml = (part: string) => decodeXmlPart(zip.readTransient(part), part);

  // The workbook part: via the package's officeDocument relationship, else the usual place.
  let wbPath: string | undefined;
  let appPath = 'docProps/app.xml';
  if (zip.has('_rels/.rels')) {
    for (const rel of parseRels(readXml('_rels/.rels'), '')) {
      if (rel.external) continue;
      if (relTypeIs(rel, 'officeDocument') && wbPath === undefined) wbPath = rel.target;
      else if (relTypeIs(rel, 'extended-properties')) appPath = rel.target;
    }
  }
  if (wbPath === undefined || !zip.has(wbPath))
    wbPath = zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : wbPath;
  if (wbPath === undefined || !zip.has(wbPath) || !/\.xml$/i.test(wbPath)) throw notWorkbook(zip, wbPath);

  const wb = parseWorkbook(readXml(wbPath), wbPath);
  const relsPath = relsPathFor(wbPath);
  const rels: Relationship[] = zip.has(relsPath) ? parseRels(readXml(relsPath), wbPath) : [];
  const relById = new Map<string, Relationship>();
  for (const r of rels) if (!relById.has(r.id)) relById.set(r.id, r);
  const relOfType = (t: string) => rels.find((r) => !r.external && relTypeIs(r, t));

  const names = zip.entries.map((e) => e.name.toLowerCase());
  // Macros are parts: a VBA project or Excel 4.0 macro sheets. A content type alone is not one:
  // SheetJS lists a macro-enabled binary type as the Default of every .bin in every file it saves.
  const macros =
    names.some((n) => n.endsWith('vbaproject.bin')) ||
    rels.some((r) => ['vbaProject', 'xlMacrosheet', 'xlIntlMacrosheet'].some((t) => relTypeIs(r, t)));
  const externalLinks =
    names.some((n) => n.startsWith('xl/externallinks/')) || rels.some((r) => relTypeIs(r, 'externalLink'));

  const truncated: TruncationNote[] = [];
  const sheets: SheetGrid[] = [];
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const maxCols = options.maxCols ?? DEFAULT_MAX_COLS;
  let sharedStrings: string[] | undefined;
  let dateStyles: Uint8Array | undefined;
  const budget = newGridBudget();
  /** A part listed for two sheets would be parsed (and held) twice: no program writes that. */
  const partsRead = new Set<string>();

  wb.sheets.forEach((sheet, i) => {
    if (options.sheets && !wanted(options.sheets, sheet.name)) return;
    const rel = sheet.relId !== undefined ? relById.get(sheet.relId) : undefined;
    let part: string | undefined;
    if (rel && !rel.external) {
      part = relTypeIs(rel, 'worksheet') ? rel.target : undefined; // chart/dialog/macro sheets: no cells
    } else if (rels.length === 0) {
      part = `xl/worksheets/sheet${i + 1}.xml`; // a script that wrote no workbook rels
    } else {
      throw corrupt(`sheet ${JSON.stringify(sheet.name)} has no relationship to its part`);
    }
    let rows: Cell[][] = [];
    if (part !== undefined) {
      if (!zip.has(part)) throw corrupt(`sheet ${JSON.stringify(sheet.name)}: part ${part} is missing`);
      const key = (zip.find(part)?.name ?? part).toLowerCase();
      if (partsRead.has(key)) throw corrupt(`two sheets share the part ${part}`);
      partsRead.add(key);
      if (sharedStrings === undefined) {
        const ssPath = relOfType('sharedStrings')?.target ?? 'xl/sharedStrings.xml';
        sharedStrings = zip.has(ssPath) ? parseSharedStrings(readXml(ssPath)) : [];
      }
      if (dateStyles === undefined) {
        const stPath = relOfType('styles')?.target ?? 'xl/styles.xml';
        dateStyles = zip.has(stPath) ? parseDateStyles(readXml(stPath)) : new Uint8Array(0);
      }
      const parsed = parseSheet(sheetBytes(zip.readTransient(part), part), part, {
        sharedStrings,
        dateStyles,
        dateOffset: wb.date1904 ? DATE1904_OFFSET : 0,
        maxRows,
        maxCols,
        budget,
      });
      rows = parsed.rows;
      if (parsed.droppedRows) truncated.push({ sheet: sheet.name, kind: 'rows', limit: maxRows });
      if (parsed.droppedCols) truncated.push({ sheet: sheet.name, kind: 'cols', limit: maxCols });
      if (parsed.droppedFar !== undefined)
        truncated.push({ sheet: sheet.name, kind: 'far', cell: parsed.droppedFar });
    }
    sheets.push(sheet.hidden ? { name: sheet.name, rows, hidden: true } : { name: sheet.name, rows });
  });

  // docProps/app.xml is read on first access only: it is informational, and inflating one more
  // small part costs ~10% of the time of a 60-row workbook. A damaged app.xml reads as undefined.
  let application: string | undefined | null = null;
  const flags: PackageFlags = {
    macros,
    externalLinks,
    date1904: wb.date1904,
    truncated,
    sheetNames: wb.sheets.map((s) => s.name),
    get application(): string | undefined {
      if (application === null) {
        try {
          application = zip.has(appPath) ? parseApplication(readXml(appPath)) : undefined;
        } catch {
          application = undefined;
        }
      }
      return application;
    },
  };
  return { workbook: { sheets, definedNames: wb.definedNames }, flags };
}

function wanted(filter: (name: string) => boolean, name: string): boolean {
  try {
    return filter(name);
  } catch (e) {
    throw new CallerError(e);
  }
}

/** Worksheets are parsed as UTF-8 bytes: re-encode the rare UTF-16 (or GBK-declared) part. */
function sheetBytes(bytes: Uint8Array, part: string): Uint8Array {
  if (partEncoding(bytes) !== 'utf-8') return new TextEncoder().encode(decodeXmlPart(bytes, part));
  return bytes; // parseSheet refuses DTDs itself
}

function notWorkbook(zip: ZipArchive, officeDocument: string | undefined): UnusableFileError {
  let what = 'no xl/workbook.xml';
  if (zip.has('xl/workbook.bin') || officeDocument?.toLowerCase().endsWith('.bin'))
    what = 'a binary .xlsb workbook';
  else if (zip.has('word/document.xml')) what = 'a Word document';
  else if (zip.has('ppt/presentation.xml')) what = 'a PowerPoint presentation';
  else if (zip.has('content.xml') && zip.has('mimetype')) what = 'an OpenDocument file (.ods/.odt)';
  else if (officeDocument !== undefined)
    what = `officeDocument ${officeDocument} is missing or not a workbook`;
  return new UnusableFileError('file.notWorkbook', `ZIP archive but not an Excel workbook: ${what}`);
}

const FLOOR_PART = /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/;

/**
 * Benchmark floor: only unzip a workbook's worksheet parts and shared strings with fflate
 * (`unzipSync`, no limits, no parsing) and return their total uncompressed length.
 */
export function unzipFloor(bytes: Uint8Array): number {
  const files = unzipSync(bytes, { filter: (f) => FLOOR_PART.test(f.name) });
  let total = 0;
  for (const k of Object.keys(files)) total += files[k]!.length;
  return total;
}
