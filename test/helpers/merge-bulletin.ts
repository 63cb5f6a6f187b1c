import { strFromU8, unzipSync } from 'fflate';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { serialToIsoDateTime } from '../../src/core/values/dates.js';
import { isDateCell, type Cell, type SheetGrid, type WorkbookGrid } from '../../src/core/values/grid.js';

/** Reading a written bulletin back: with our own reader, as a clerk's next program would. */

export const BULLETIN_SHEETS = [
  '汇总',
  '项目进展',
  '滞后项目',
  '报送情况',
  '一线工作',
  '一线工作明细',
  '数据问题',
  '来源',
] as const;
export type BulletinSheet = (typeof BULLETIN_SHEETS)[number];

/** The header each bulletin table starts with (its first column). */
const FIRST_HEADER: Readonly<Record<BulletinSheet, string>> = {
  汇总: '分组',
  项目进展: '序号',
  滞后项目: '序号',
  报送情况: '序号',
  一线工作: '序号',
  一线工作明细: '序号',
  数据问题: '序号',
  来源: '项目编号',
};

export type Row = Readonly<Record<string, Cell>>;

export function gridSheet(wb: WorkbookGrid, name: string): SheetGrid {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`bulletin has no sheet ${name}: ${wb.sheets.map((x) => x.name).join(', ')}`);
  return s;
}

/** The rows of a table under its header, keyed by header text; stops at the first blank row. */
export function tableRows(sheet: SheetGrid, firstHeader: string): Row[] {
  const h = sheet.rows.findIndex(
    (r) => r[0] === firstHeader && r.filter((c) => typeof c === 'string').length > 2,
  );
  if (h < 0) throw new Error(`no table headed 「${firstHeader}」 in ${sheet.name}`);
  const headers = (sheet.rows[h] ?? []).map((c) => (typeof c === 'string' ? c : ''));
  const out: Row[] = [];
  for (const r of sheet.rows.slice(h + 1)) {
    if (r.every((c) => c === null || c === '')) break;
    out.push(Object.fromEntries(headers.flatMap((k, i) => (k === '' ? [] : [[k, r[i] ?? null]]))));
  }
  return out;
}

export interface Bulletin {
  readonly grid: WorkbookGrid;
  /** Each sheet's data rows (a 合计 row included where the table has one). */
  readonly tables: Readonly<Record<BulletinSheet, Row[]>>;
  /** Every cell text of a sheet above its table: title, masthead, lead lines. */
  readonly heading: (sheet: BulletinSheet) => string[];
}

export function readBulletin(bytes: Uint8Array): Bulletin {
  const grid = readXlsx(bytes).workbook;
  const tables = Object.fromEntries(
    BULLETIN_SHEETS.map((s) => [s, tableRows(gridSheet(grid, s), FIRST_HEADER[s])]),
  ) as Record<BulletinSheet, Row[]>;
  const heading = (s: BulletinSheet): string[] => {
    const rows = gridSheet(grid, s).rows;
    const h = rows.findIndex((r) => r[0] === FIRST_HEADER[s]);
    return rows.slice(0, h).flatMap((r) => r.filter((c): c is string => typeof c === 'string'));
  };
  return { grid, tables, heading };
}

/** Rows of 项目进展 by 项目编号 (the 合计 row left out). */
export const progressById = (b: Bulletin): Map<string, Row> =>
  new Map(
    b.tables.项目进展.filter((r) => typeof r['序号'] === 'number').map((r) => [String(r['项目编号']), r]),
  );

/** The worksheet XML of a sheet, found through the workbook and its relationships. */
export function sheetPartXml(bytes: Uint8Array, sheet: string): string {
  const parts = unzipSync(bytes);
  const text = (p: string): string => strFromU8(parts[p] ?? new Uint8Array());
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`, 'u').exec(
    text('xl/workbook.xml'),
  )?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`, 'u').exec(
    text('xl/_rels/workbook.xml.rels'),
  )?.[1];
  if (id === undefined || target === undefined) throw new Error(`no part for sheet ${sheet}`);
  return text(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
}

/** Every worksheet part of a package, by part name. */
export function worksheetParts(bytes: Uint8Array): Record<string, string> {
  const parts = unzipSync(bytes, {
    filter: (f) => f.name.startsWith('xl/worksheets/') && f.name.endsWith('.xml'),
  });
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strFromU8(v)]));
}

/** The XML of the cell holding exactly `text` in a worksheet part, or undefined. */
export function cellHolding(xml: string, text: string): string | undefined {
  const esc = text
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;');
  return [...xml.matchAll(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/gu)]
    .map((m) => m[0])
    .find((c) => c.includes(`>${esc}<`));
}

/** A cell as plain JSON for golden files: dates as ISO text, numbers and text as they are. */
export function jsonCell(c: Cell | undefined): string | number | boolean | null {
  if (c === undefined || c === null) return null;
  if (isDateCell(c)) return `date:${serialToIsoDateTime(c.serial)}`;
  if (typeof c === 'object') return `error:${c.code}`;
  return c;
}

/** All sheets' cell values, trailing empty cells and rows dropped: what a bulletin says. */
export function bulletinContent(grid: WorkbookGrid): Record<string, (string | number | boolean | null)[][]> {
  const out: Record<string, (string | number | boolean | null)[][]> = {};
  for (const s of grid.sheets) {
    const rows = s.rows.map((r) => {
      const cells = r.map(jsonCell);
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      return cells;
    });
    while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
    out[s.hidden ? `${s.name} (hidden)` : s.name] = rows;
  }
  return out;
}
