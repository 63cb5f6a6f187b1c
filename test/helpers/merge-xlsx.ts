import { deflateSync, strToU8, zipSync, type Zippable } from 'fflate';
import { columnLetters, isDateCell, type Cell } from '../../src/core/values/grid.js';

/**
 * 半月进展报表 written by hand as SpreadsheetML, for what the template writer will not make:
 * the 1904 date system, macros, external links, DOCTYPEs, lying ZIP headers, odd headers.
 * Fast (no exceljs), so the property tests can make many.
 */

/** A cell, or a formula with the value Excel cached for it. */
export type HandCell = Cell | { readonly formula: string; readonly cached: string | number };

export const PROGRESS_HEADERS = [
  '项目编号',
  '本期完成投资(万元)',
  '年度累计完成投资(万元)',
  '形象进度',
  '存在问题及需协调事项',
];
export const VISIT_HEADERS = ['日期', '姓名', '职务', '项目编号', '现场办公事项'];

export interface HandReport {
  /** 填报单位, 报告期, 填报日期, 指挥长签字 … as label → value rows above the header. */
  readonly fields: Readonly<Record<string, HandCell>>;
  readonly progress: readonly (readonly HandCell[])[];
  readonly visits?: readonly (readonly HandCell[])[];
  readonly progressHeaders?: readonly string[];
  readonly visitHeaders?: readonly string[];
  /** The template mark in the hidden _kpd sheet; null for none. Default kpd.report@1. */
  readonly mark?: { readonly id: string; readonly version: number } | null;
  readonly date1904?: boolean;
  /** Extra parts (vbaProject.bin, externalLinks …) and workbook relationships [type, target]. */
  readonly extraParts?: Readonly<Record<string, string | Uint8Array>>;
  readonly extraRels?: readonly (readonly [string, string])[];
  readonly contentType?: string;
  /** Before a part is zipped: DOCTYPEs, dimensions, stray cells. */
  readonly transform?: (part: string, xml: string) => string;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const SHEET_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
export const MACRO_CT = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const esc = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

function cellXml(ref: string, c: HandCell, date1904: boolean): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
  if (typeof c === 'boolean') return `<c r="${ref}" t="b"><v>${c ? 1 : 0}</v></c>`;
  if (typeof c === 'string')
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(c)}</t></is></c>`;
  if ('formula' in c) {
    const t = typeof c.cached === 'string' ? ' t="str"' : '';
    return `<c r="${ref}"${t}><f>${esc(c.formula)}</f><v>${esc(String(c.cached))}</v></c>`;
  }
  if (isDateCell(c)) return `<c r="${ref}" s="1"><v>${c.serial - (date1904 ? 1462 : 0)}</v></c>`;
  return `<c r="${ref}" t="e"><v>${esc(c.code)}</v></c>`;
}

/** A worksheet part from rows of cells (row 1 first). */
export function sheetXml(rows: readonly (readonly HandCell[])[], date1904 = false): string {
  const body = rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">${cells.map((c, i) => cellXml(`${columnLetters(i)}${r + 1}`, c, date1904)).join('')}</row>`,
    )
    .join('');
  return `${DECL}<worksheet xmlns="${NS}" xmlns:r="${RNS}"><dimension ref="A1"/><sheetData>${body}</sheetData></worksheet>`;
}

/** The parts of a hand-made report, by name. */
export function reportParts(r: HandReport): Record<string, string | Uint8Array> {
  const d1904 = r.date1904 ?? false;
  const progress = [
    ['重点项目建设进展情况表'],
    ...Object.entries(r.fields).map(([label, v]) => [label, v]),
    [...(r.progressHeaders ?? PROGRESS_HEADERS)],
    ...r.progress,
  ];
  const visits = [
    ['指挥部一线工作（现场办公）记录'],
    [...(r.visitHeaders ?? VISIT_HEADERS)],
    ...(r.visits ?? []),
  ];
  const mark = r.mark === undefined ? { id: 'kpd.report', version: 1 } : r.mark;
  const sheets: [string, string, boolean][] = [
    ['进展情况', sheetXml(progress, d1904), false],
    ['一线工作', sheetXml(visits, d1904), false],
    ...(mark
      ? [
          [
            '_kpd',
            sheetXml([
              ['模板编号', mark.id],
              ['模板版本', mark.version],
            ]),
            true,
          ] as [string, string, boolean],
        ]
      : []),
  ];
  const rels = sheets.map((_, i) => [`worksheet`, `worksheets/sheet${i + 1}.xml`] as const);
  const allRels = [...rels, ['styles', 'styles.xml'] as const, ...(r.extraRels ?? [])];
  const parts: Record<string, string | Uint8Array> = {
    '[Content_Types].xml':
      `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${r.contentType ?? SHEET_CT}"/></Types>`,
    '_rels/.rels': `${DECL}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${RNS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/_rels/workbook.xml.rels': `${DECL}<Relationships xmlns="${PKG}">${allRels
      .map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${RNS}/${type}" Target="${target}"/>`)
      .join('')}</Relationships>`,
    'xl/workbook.xml':
      `${DECL}<workbook xmlns="${NS}" xmlns:r="${RNS}">${d1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>` +
      sheets
        .map(
          ([name, , hidden], i) =>
            `<sheet name="${name}" sheetId="${i + 1}"${hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
        )
        .join('') +
      `</sheets></workbook>`,
    'xl/styles.xml':
      `${DECL}<styleSheet xmlns="${NS}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>` +
      `<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ...r.extraParts,
  };
  sheets.forEach(([, xml], i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = xml));
  if (r.transform)
    for (const [k, v] of Object.entries(parts)) if (typeof v === 'string') parts[k] = r.transform(k, v);
  return parts;
}

export function reportXlsx(r: HandReport): Uint8Array {
  const z: Zippable = {};
  for (const [k, v] of Object.entries(reportParts(r))) z[k] = typeof v === 'string' ? strToU8(v) : v;
  return zipSync(z, { mtime: new Date(Date.UTC(2026, 10, 1)) });
}

export interface RawEntry {
  readonly name: string;
  readonly data: Uint8Array;
  /** The uncompressed size written in the headers, when it should lie. */
  readonly declaredSize?: number;
}

/** A ZIP written byte by byte, so its headers can say whatever a bomb says. All entries deflated. */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const comp = deflateSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = new Uint8Array(30 + name.length + comp.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x800, true);
    lv.setUint16(8, 8, true);
    lv.setUint16(12, 0x5b61, true);
    lv.setUint32(18, comp.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(comp, 30 + name.length);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x800, true);
    cv.setUint16(10, 8, true);
    cv.setUint16(14, 0x5b61, true);
    cv.setUint32(20, comp.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, Math.min(entries.length, 0xfffe), true);
  ev.setUint16(10, Math.min(entries.length, 0xfffe), true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** The parts of a hand-made report as raw entries, e.g. to make one of them lie about its size. */
export const rawEntries = (r: HandReport): RawEntry[] =>
  Object.entries(reportParts(r)).map(([name, v]) => ({ name, data: typeof v === 'string' ? strToU8(v) : v }));
