import { strFromU8, strToU8 } from 'fflate';
import { columnLetters, isBlank, type Cell, type SheetGrid } from '../../core/values/grid.js';
import type { ChartSpec } from '../../core/document/chart.js';
import { findHeaderRow } from '../../core/table/header.js';
import { cellText } from '../../core/values/parse.js';
import type { FilledParts } from '../xlsx-fill/parts.js';
import { parseRels, parseWorkbook, relsPathFor, relTypeIs } from '../xlsx-read/package.js';
import { parseSharedStrings } from '../xlsx-read/shared-strings.js';
import { newGridBudget, parseSheet } from '../xlsx-read/sheet.js';
import { UnusableFileError } from '../errors.js';
import { chartPartXml, esc, NS, type BoundChart, type CellRange } from './chart-xml.js';

/**
 * Native charts added to a filled workbook package: for each ChartSpec, the table rows it names
 * are found on its sheet by their headers (in our template or an office's own), a chart part is
 * written pointing at those cells, and a drawing anchors it under the table. Only the parts
 * involved change (the sheet, its relationships, [Content_Types].xml); big filled sheets stay
 * lazy. Works on the unzipped parts, so the CLI and the task pane add the same charts.
 */

export interface ChartsAdded {
  readonly parts: FilledParts;
  /** Charts placed, by id. */
  readonly placed: readonly string[];
  /** Charts whose table or columns were not found (an office template without them). */
  readonly skipped: readonly { readonly id: string; readonly sheet: string }[];
}

const REL = {
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
};
const CT = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};

/** How many rows and columns a chart covers on the sheet. */
// Two charts and the gap between them fit one A4 landscape page at the sheet's print scale.
const CHART_ROWS = 17;
const CHART_COLS = 10;

type Entry = readonly [string, Uint8Array | Iterable<string | Uint8Array>];

export function materialise(content: Entry[1]): string {
  if (content instanceof Uint8Array) return strFromU8(content);
  let s = '';
  for (const piece of content) s += typeof piece === 'string' ? piece : strFromU8(piece);
  return s;
}

const quoteSheet = (name: string): string => `'${name.replace(/'/gu, "''")}'`;
const absolute = (col0: number, row1: number): string => `$${columnLetters(col0)}$${row1}`;

/** The chart's rows and columns as they stand on the sheet, or undefined when not all are there. */
function bind(spec: ChartSpec, grid: SheetGrid): BoundChart | undefined {
  const header = findHeaderRow(grid, spec.source.sheet);
  if (!header) return undefined;
  const catCol = header.columns.get(spec.source.category);
  const cols = spec.series.map((s) => header.columns.get(s.column));
  const where = spec.source.where;
  const whereCol = where ? header.columns.get(where.column) : undefined;
  if (catCol === undefined || cols.some((c) => c === undefined) || (where && whereCol === undefined))
    return undefined;
  // The table runs from under its header to its first empty row.
  const used = [catCol, ...(cols as number[]), ...(whereCol !== undefined ? [whereCol] : [])];
  const rows: number[] = [];
  for (let r = header.index + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    if (used.every((c) => isBlank(row[c]))) break;
    if (where && whereCol !== undefined && cellText(row[whereCol]) !== where.value) continue;
    rows.push(r);
  }
  if (rows.length === 0) return undefined;
  const first = rows[0] as number;
  const last = rows[rows.length - 1] as number;
  if (last - first + 1 !== rows.length) return undefined; // one range per series, as charts want
  const sheet = quoteSheet(grid.name);
  const range = <T>(col: number, value: (c: Cell | undefined) => T): CellRange<T> => ({
    ref: `${sheet}!${absolute(col, first + 1)}:${absolute(col, last + 1)}`,
    values: rows.map((r) => value(grid.rows[r]?.[col])),
  });
  return {
    spec,
    categories: range(catCol, (c) => cellText(c)),
    series: cols.map((col) => ({
      name: {
        ref: `${sheet}!${absolute(col as number, header.index + 1)}`,
        // As the cell shows it (cellText folds full-width brackets): the legend reads like the header.
        values: [shown(grid.rows[header.index]?.[col as number])],
      },
      values: range(col as number, (c) => (typeof c === 'number' && Number.isFinite(c) ? c : null)),
    })),
  };
}

const shown = (c: Cell | undefined): string => (typeof c === 'string' ? c.trim() : cellText(c));

/** The name of a chart's frame on the sheet: how a run finds the chart an earlier run placed. */
const frameName = (id: string): string => `kpd-${id}`;

/** The chart relationship of the frame an earlier run placed for `id`, if the drawing has it. */
function placedBefore(drawingXml: string, id: string): string | undefined {
  for (const anchor of drawingXml.split(/<\/xdr:twoCellAnchor>/u)) {
    if (!anchor.includes(`name="${esc(frameName(id))}"`)) continue;
    return /<c:chart\b[^>]*\br:id="([^"]+)"/u.exec(anchor)?.[1];
  }
  return undefined;
}

function anchorXml(
  id: number,
  relId: string,
  chartId: string,
  title: string,
  fromRow: number,
  cols: number,
): string {
  const at = (col: number, row: number): string =>
    `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${at(0, fromRow)}</xdr:from>` +
    `<xdr:to>${at(cols, fromRow + CHART_ROWS)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${esc(frameName(chartId))}" descr="${esc(title)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${relId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

const relXml = (id: string, type: string, target: string): string =>
  `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
const emptyRels =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/** The next free rIdN of a relationships part. */
const nextRelId = (rels: string): number =>
  1 + Math.max(0, ...[...rels.matchAll(/Id="rId(\d+)"/gu)].map((m) => Number(m[1])));

/** The worksheet elements a <drawing> must come before (CT_Worksheet's sequence). */
const AFTER_DRAWING = [
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** The worksheet elements <rowBreaks> must come before (CT_Worksheet's sequence). */
const AFTER_ROW_BREAKS = [
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
];

/**
 * A manual page break under row `row` (1-based): the charts start a page of their own, so that no
 * chart is cut in two by the table's last page. A sheet with breaks of its own keeps them.
 */
function insertPageBreak(sheetXml: string, row: number): string {
  if (/<(\w+:)?rowBreaks[\s/>]/u.test(sheetXml)) return sheetXml;
  const prefix = /^<\?xml[^>]*>\s*<(\w+):worksheet\b/u.exec(sheetXml)?.[1];
  const tag = (name: string): string => (prefix ? `${prefix}:${name}` : name);
  const el = `<${tag('rowBreaks')} count="1" manualBreakCount="1"><${tag('brk')} id="${row}" max="16383" man="1"/></${tag('rowBreaks')}>`;
  let at = sheetXml.lastIndexOf('</');
  for (const name of [...AFTER_ROW_BREAKS, ...AFTER_DRAWING]) {
    const i = sheetXml.search(new RegExp(`<(\\w+:)?${name}[\\s/>]`, 'u'));
    if (i >= 0 && i < at) at = i;
  }
  return sheetXml.slice(0, at) + el + sheetXml.slice(at);
}

function insertDrawing(sheetXml: string, relId: string): string {
  const prefix =
    /<worksheet\b[^>]*\sxmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/u.exec(
      sheetXml,
    )?.[1];
  const el = prefix ? `<drawing ${prefix}:id="${relId}"/>` : `<drawing xmlns:r="${NS.r}" r:id="${relId}"/>`;
  let at = sheetXml.lastIndexOf('</worksheet>');
  for (const name of AFTER_DRAWING) {
    const i = sheetXml.search(new RegExp(`<(\\w+:)?${name}[\\s/>]`, 'u'));
    if (i >= 0 && i < at) at = i;
  }
  return sheetXml.slice(0, at) + el + sheetXml.slice(at);
}

/** Adds the charts to the filled package's parts; charts whose table is not found are skipped. */
export function addCharts(filled: FilledParts, charts: readonly ChartSpec[]): ChartsAdded {
  try {
    return placeCharts(filled, charts);
  } catch (e) {
    // A workbook another program laid out (its workbook part elsewhere, prefixed XML): left as
    // it is, every chart said as not placed.
    if (!(e instanceof UnusableFileError)) throw e;
    return {
      parts: filled,
      placed: [],
      skipped: charts.map((c) => ({ id: c.id, sheet: c.source.sheet.name })),
    };
  }
}

function placeCharts(filled: FilledParts, charts: readonly ChartSpec[]): ChartsAdded {
  if (charts.length === 0) return { parts: filled, placed: [], skipped: [] };
  const pkg = new ChartPackage(filled);
  const placed: string[] = [];
  const skipped: { id: string; sheet: string }[] = [];
  const bySheet = new Map<string, ChartSpec[]>();
  for (const c of charts) bySheet.set(c.source.sheet.name, [...(bySheet.get(c.source.sheet.name) ?? []), c]);
  for (const [sheetName, specs] of bySheet) {
    const r = pkg.placeOnSheet(sheetName, specs);
    placed.push(...r.placed);
    skipped.push(...r.skipped.map((id) => ({ id, sheet: sheetName })));
  }
  return { parts: pkg.result(), placed, skipped };
}

/** A filled package being given charts: its parts, its content types and the numbers taken. */
class ChartPackage {
  private readonly parts: Map<string, Entry[1]>;
  private readonly wb: ReturnType<typeof parseWorkbook>;
  private readonly wbRels: ReturnType<typeof parseRels>;
  private readonly sst: readonly string[];
  private contentTypes: string;
  private chartNo: number;
  private drawingNo: number;

  constructor(private readonly filled: FilledParts) {
    this.parts = new Map<string, Entry[1]>(filled.entries);
    const wbPart = 'xl/workbook.xml';
    this.wb = parseWorkbook(this.text(wbPart) ?? '', wbPart);
    this.wbRels = parseRels(this.text(relsPathFor(wbPart)) ?? '', wbPart);
    const sstRel = this.wbRels.find((r) => relTypeIs(r, 'sharedStrings'));
    this.sst = sstRel ? parseSharedStrings(this.text(sstRel.target) ?? '') : [];
    this.contentTypes = this.text('[Content_Types].xml') ?? '';
    this.chartNo = this.taken('charts');
    this.drawingNo = this.taken('drawings');
  }

  private text(name: string): string | undefined {
    const c = this.parts.get(name);
    return c === undefined ? undefined : materialise(c);
  }

  /** The highest number a part of xl/<dir>/ already has. */
  private taken(dir: string): number {
    const pattern = new RegExp(`^xl/${dir}/\\w+?(\\d+)\\.xml$`, 'u');
    return Math.max(0, ...[...this.parts.keys()].map((n) => Number(pattern.exec(n)?.[1] ?? 0)));
  }

  private override(path: string, contentType: string): void {
    this.contentTypes = this.contentTypes.replace(
      '</Types>',
      `<Override PartName="/${path}" ContentType="${contentType}"/></Types>`,
    );
  }

  /** The charts of one sheet, under everything on it; ids of those whose table is not there skipped. */
  placeOnSheet(sheetName: string, specs: readonly ChartSpec[]): { placed: string[]; skipped: string[] } {
    const entry = this.wb.sheets.find((s) => s.name === sheetName);
    const target = entry && this.wbRels.find((r) => r.id === entry.relId)?.target;
    const sheetXml = target ? this.text(target) : undefined;
    if (!target || sheetXml === undefined) return { placed: [], skipped: specs.map((s) => s.id) };
    // Read once (a filled sheet's XML is made as it is read): kept as bytes from here on.
    this.parts.set(target, strToU8(sheetXml));
    const parsed = parseSheet(strToU8(sheetXml), target, {
      sharedStrings: this.sst,
      dateStyles: new Uint8Array(0),
      dateOffset: 0,
      maxRows: 100_000,
      maxCols: 256,
      budget: newGridBudget(),
    });
    const grid: SheetGrid = { name: sheetName, rows: parsed.rows };
    const bound = specs.map((s) => ({ s, b: bind(s, grid) }));
    const skipped = bound.flatMap((x) => (x.b ? [] : [x.s.id]));
    const toPlace = bound.flatMap((x) => (x.b ? [x.b] : []));
    if (toPlace.length === 0) return { placed: [], skipped };
    const d = this.drawingOf(target, sheetXml);
    const placed = this.drawCharts(d, toPlace, grid.rows.length + 1);
    this.parts.set(d.path, strToU8(d.xml));
    this.parts.set(d.relsPath, strToU8(d.rels));
    this.parts.set(d.sheetRelsPath, strToU8(d.sheetRels));
    this.parts.set(target, strToU8(insertPageBreak(d.sheetXml, grid.rows.length)));
    return { placed, skipped };
  }

  /** The sheet's drawing: its own if it has one (an office's logo), else a new one. */
  private drawingOf(target: string, sheetXml: string): SheetDrawing {
    const sheetRelsPath = relsPathFor(target);
    const sheetRels = this.text(sheetRelsPath) ?? emptyRels;
    const existing = /<drawing\b[^>]*\bid="([^"]+)"/u.exec(sheetXml)?.[1];
    const existingTarget =
      existing !== undefined
        ? parseRels(sheetRels, target).find((r) => r.id === existing)?.target
        : undefined;
    const own = existingTarget !== undefined ? this.text(existingTarget) : undefined;
    const base = { sheetXml, sheetRels, sheetRelsPath };
    if (existingTarget !== undefined && own !== undefined)
      return this.withRels({ ...base, path: existingTarget, xml: own });
    const path = `xl/drawings/drawing${++this.drawingNo}.xml`;
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"></xdr:wsDr>`;
    const id = `rId${nextRelId(sheetRels)}`;
    const rels = sheetRels.replace(
      '</Relationships>',
      `${relXml(id, REL.drawing, `../drawings/${path.slice('xl/drawings/'.length)}`)}</Relationships>`,
    );
    this.override(path, CT.drawing);
    return this.withRels({ ...base, sheetXml: insertDrawing(sheetXml, id), sheetRels: rels, path, xml });
  }

  private withRels(d: Omit<SheetDrawing, 'rels' | 'relsPath'>): SheetDrawing {
    const relsPath = relsPathFor(d.path);
    return { ...d, relsPath, rels: this.text(relsPath) ?? emptyRels };
  }

  /** Each chart into the drawing, one below the other from `row`; the ids placed. */
  private drawCharts(d: SheetDrawing, toPlace: readonly BoundChart[], firstRow: number): string[] {
    const placed: string[] = [];
    let shapeId = Math.max(
      1,
      ...[...d.xml.matchAll(/<xdr:cNvPr\b[^>]*\bid="(\d+)"/gu)].map((m) => Number(m[1])),
    );
    let row = firstRow;
    let anchors = '';
    for (const b of toPlace) {
      placed.push(b.spec.id);
      // Placed by an earlier run (kpd score again): the chart is redrawn where it is, where the
      // person may have moved it; never a second one.
      const before = placedBefore(d.xml, b.spec.id);
      const beforeTarget =
        before !== undefined ? parseRels(d.rels, d.path).find((r) => r.id === before)?.target : undefined;
      if (beforeTarget !== undefined && this.parts.has(beforeTarget)) {
        this.parts.set(beforeTarget, strToU8(chartPartXml(b)));
        continue;
      }
      const chartPath = `xl/charts/chart${++this.chartNo}.xml`;
      this.parts.set(chartPath, strToU8(chartPartXml(b)));
      this.override(chartPath, CT.chart);
      const relId = `rId${nextRelId(d.rels)}`;
      d.rels = d.rels.replace(
        '</Relationships>',
        `${relXml(relId, REL.chart, `../charts/chart${this.chartNo}.xml`)}</Relationships>`,
      );
      anchors += anchorXml(++shapeId, relId, b.spec.id, b.spec.title, row, CHART_COLS);
      row += CHART_ROWS + 1;
    }
    d.xml = d.xml.replace('</xdr:wsDr>', `${anchors}</xdr:wsDr>`);
    return placed;
  }

  /** The parts in the original order (Content_Types leads), new parts after. */
  result(): FilledParts {
    this.parts.set('[Content_Types].xml', strToU8(this.contentTypes));
    const order = [
      ...this.filled.entries.map(([n]) => n),
      ...[...this.parts.keys()].filter((n) => !this.filled.entries.some(([e]) => e === n)),
    ];
    return {
      entries: order.map((n) => [n, this.parts.get(n) as Entry[1]] as const),
      missing: this.filled.missing,
    };
  }
}

/** A sheet's drawing while charts are added: its XML and relationships, and the sheet's. */
interface SheetDrawing {
  sheetXml: string;
  sheetRels: string;
  readonly sheetRelsPath: string;
  readonly path: string;
  xml: string;
  readonly relsPath: string;
  rels: string;
}
