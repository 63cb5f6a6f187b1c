/** Fixture builders for the adapter tests: no committed binaries, everything is made here. */
import { deflateSync, strToU8, zipSync, type Zippable } from 'fflate';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const tempDir = (prefix: string): string => mkdtempSync(path.join(tmpdir(), `kpd-${prefix}-`));

export const u8 = (s: string): Uint8Array => new TextEncoder().encode(s);

// ---------------------------------------------------------------------------------------------
// GBK encoding (Node has no GBK encoder; build a reverse map from TextDecoder once).

let gbkTable: Map<string, number[]> | undefined;

export function gbk(s: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [hi, lo]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else out.push(...(gbkTable.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}

export const concat = (...parts: (Uint8Array | string)[]): Uint8Array => {
  const arrays = parts.map((p) => (typeof p === 'string' ? u8(p) : p));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let o = 0;
  for (const a of arrays) {
    out.set(a, o);
    o += a.length;
  }
  return out;
};

// ---------------------------------------------------------------------------------------------
// A tiny ZIP writer for hostile archives: raw name bytes, any flags, lying sizes, ZIP64.

export interface RawEntry {
  name: string | Uint8Array;
  data: Uint8Array;
  /** 0 stored, 8 deflate (default). */
  method?: number;
  flags?: number;
  /** Override the uncompressed size written in both headers. */
  declaredSize?: number;
  /** Write sizes as 0xFFFFFFFF with a ZIP64 extra field. */
  zip64?: boolean;
  /** Already-compressed data to write as is (the entry's `data` is then ignored). */
  compressed?: Uint8Array;
  /** DOS date/time override. */
  dosDate?: number;
  dosTime?: number;
}

export function buildZip(
  entries: RawEntry[],
  opts: { zip64End?: boolean; prefix?: Uint8Array } = {},
): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = opts.prefix?.length ?? 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? u8(e.name) : e.name;
    const method = e.method ?? 8;
    const comp = e.compressed ?? (method === 8 ? deflateSync(e.data) : e.data);
    const usize = e.declaredSize ?? e.data.length;
    const flags = e.flags ?? (typeof e.name === 'string' && /[^\p{ASCII}]/u.test(e.name) ? 0x800 : 0);
    const extra = e.zip64 ? new Uint8Array(28) : new Uint8Array(0);
    if (e.zip64) {
      const dv = new DataView(extra.buffer);
      dv.setUint16(0, 1, true);
      dv.setUint16(2, 24, true);
      dv.setBigUint64(4, BigInt(usize), true);
      dv.setBigUint64(12, BigInt(comp.length), true);
      dv.setBigUint64(20, BigInt(offset), true);
    }
    const u32 = (v: number) => (e.zip64 ? 0xffffffff : v);
    const local = new Uint8Array(30 + name.length + comp.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, e.dosTime ?? 0x6000, true);
    lv.setUint16(12, e.dosDate ?? 0x5b7c, true);
    lv.setUint32(18, comp.length, true);
    lv.setUint32(22, usize, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(comp, 30 + name.length);
    locals.push(local);

    const central = new Uint8Array(46 + name.length + extra.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, e.dosTime ?? 0x6000, true);
    cv.setUint16(14, e.dosDate ?? 0x5b7c, true);
    cv.setUint32(20, u32(comp.length), true);
    cv.setUint32(24, u32(usize), true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, extra.length, true);
    cv.setUint32(42, u32(offset), true);
    central.set(name, 46);
    central.set(extra, 46 + name.length);
    centrals.push(central);
    offset += local.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const cdOffset = offset;
  const tail: Uint8Array[] = [];
  if (opts.zip64End) {
    const rec = new Uint8Array(56);
    const rv = new DataView(rec.buffer);
    rv.setUint32(0, 0x06064b50, true);
    rv.setBigUint64(4, 44n, true);
    rv.setUint16(12, 45, true);
    rv.setUint16(14, 45, true);
    rv.setBigUint64(24, BigInt(entries.length), true);
    rv.setBigUint64(32, BigInt(entries.length), true);
    rv.setBigUint64(40, BigInt(cdSize), true);
    rv.setBigUint64(48, BigInt(cdOffset), true);
    const loc = new Uint8Array(20);
    const lv = new DataView(loc.buffer);
    lv.setUint32(0, 0x07064b50, true);
    lv.setBigUint64(8, BigInt(cdOffset + cdSize), true);
    lv.setUint32(16, 1, true);
    tail.push(rec, loc);
  }
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, opts.zip64End ? 0xffff : entries.length, true);
  ev.setUint16(10, opts.zip64End ? 0xffff : entries.length, true);
  ev.setUint32(12, opts.zip64End ? 0xffffffff : cdSize, true);
  ev.setUint32(16, opts.zip64End ? 0xffffffff : cdOffset, true);
  return concat(...(opts.prefix ? [opts.prefix] : []), ...locals, ...centrals, ...tail, eocd);
}

// ---------------------------------------------------------------------------------------------
// Minimal SpreadsheetML packages written by hand (for what exceljs cannot or will not write).

export const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const sheetXml = (rows: string, head = ''): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${RNS}">${head}<sheetData>${rows}</sheetData></worksheet>`;

export const sstXml = (items: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`;

/** cellXfs entries by numFmtId, with optional custom formats. */
export const stylesXml = (xfNumFmts: number[], custom: Record<number, string> = {}): string => {
  const fmts = Object.entries(custom)
    .map(
      ([id, code]) =>
        `<numFmt numFmtId="${id}" formatCode="${code.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}">` +
    (fmts ? `<numFmts count="${Object.keys(custom).length}">${fmts}</numFmts>` : '') +
    `<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>` +
    `<cellXfs count="${xfNumFmts.length}">${xfNumFmts.map((id) => `<xf numFmtId="${id}" xfId="0"/>`).join('')}</cellXfs>` +
    `</styleSheet>`
  );
};

export interface PackageSpec {
  sheets: { name: string; xml: string; state?: string }[];
  sst?: string;
  styles?: string;
  workbookPr?: string;
  definedNames?: string;
  app?: string;
  /** Extra parts, written as given. */
  extra?: Record<string, string | Uint8Array>;
  /** Extra relationships of the workbook: [type-suffix, target]. */
  extraRels?: [string, string][];
  contentTypes?: string;
  /** Target prefix for sheets in the workbook rels, e.g. "/xl/" for absolute targets. */
  targetPrefix?: string;
  omit?: string[];
}

export function xlsxPackage(spec: PackageSpec): Uint8Array {
  const files: Record<string, string | Uint8Array> = {};
  files['[Content_Types].xml'] =
    spec.contentTypes ??
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
  files['_rels/.rels'] =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${RNS}/officeDocument" Target="xl/workbook.xml"/>` +
    (spec.app !== undefined
      ? `<Relationship Id="rId2" Type="${RNS}/extended-properties" Target="docProps/app.xml"/>`
      : '') +
    `</Relationships>`;
  const prefix = spec.targetPrefix ?? '';
  const rels: string[] = [];
  const sheetEls: string[] = [];
  spec.sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = s.xml;
    rels.push(
      `<Relationship Id="rId${i + 1}" Type="${RNS}/worksheet" Target="${prefix}worksheets/sheet${i + 1}.xml"/>`,
    );
    sheetEls.push(
      `<sheet name="${s.name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
    );
  });
  let n = spec.sheets.length;
  if (spec.sst !== undefined) {
    files['xl/sharedStrings.xml'] = spec.sst;
    rels.push(`<Relationship Id="rId${++n}" Type="${RNS}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  if (spec.styles !== undefined) {
    files['xl/styles.xml'] = spec.styles;
    rels.push(`<Relationship Id="rId${++n}" Type="${RNS}/styles" Target="styles.xml"/>`);
  }
  for (const [type, target] of spec.extraRels ?? []) {
    rels.push(`<Relationship Id="rId${++n}" Type="${RNS}/${type}" Target="${target}"/>`);
  }
  files['xl/_rels/workbook.xml.rels'] =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_RELS}">${rels.join('')}</Relationships>`;
  files['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${RNS}">` +
    (spec.workbookPr ?? '') +
    `<sheets>${sheetEls.join('')}</sheets>` +
    (spec.definedNames ? `<definedNames>${spec.definedNames}</definedNames>` : '') +
    `</workbook>`;
  if (spec.app !== undefined) {
    files['docProps/app.xml'] =
      `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${spec.app}</Application></Properties>`;
  }
  Object.assign(files, spec.extra ?? {});
  for (const o of spec.omit ?? []) delete files[o];
  const zippable: Zippable = {};
  for (const [k, v] of Object.entries(files)) zippable[k] = typeof v === 'string' ? strToU8(v) : v;
  return zipSync(zippable);
}

/** One-sheet package from sheetData rows (and optional shared strings / styles). */
export const oneSheet = (rows: string, extra: Partial<PackageSpec> = {}): Uint8Array =>
  xlsxPackage({ sheets: [{ name: 'Sheet1', xml: sheetXml(rows) }], ...extra });

/**
 * A raw deflate stream of `total` zero bytes, written by hand with fixed Huffman codes (one
 * literal, then length-258 distance-1 matches): ~13 bits per 258 bytes, so fast to make.
 */
export function zerosDeflate(total: number): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let nb = 0;
  const bits = (v: number, n: number) => {
    for (let i = 0; i < n; i++) {
      acc |= ((v >> i) & 1) << nb;
      if (++nb === 8) {
        out.push(acc);
        acc = 0;
        nb = 0;
      }
    }
  };
  const huff = (code: number, len: number) => {
    for (let i = len - 1; i >= 0; i--) bits((code >> i) & 1, 1);
  };
  bits(1, 1); // BFINAL
  bits(1, 2); // fixed Huffman
  huff(0b00110000, 8); // literal 0
  let left = total - 1;
  for (; left >= 258; left -= 258) {
    huff(0b11000101, 8); // length 258
    huff(0, 5); // distance 1
  }
  for (; left > 0; left--) huff(0b00110000, 8);
  huff(0, 7); // end of block
  if (nb) out.push(acc);
  return new Uint8Array(out);
}

/** A ZIP whose one entry is pre-compressed deflate data with whatever size it claims. */
export const zipWithRawDeflate = (name: string, deflated: Uint8Array, declaredSize: number): Uint8Array =>
  buildZip([{ name, data: new Uint8Array(0), compressed: deflated, declaredSize }]);
