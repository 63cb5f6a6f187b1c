import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DOMParser, XMLSerializer, type Element, type Node as XmlNode } from '@xmldom/xmldom';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import XlsxPopulate from 'xlsx-populate';
import * as XLSX from 'xlsx';
import { convertWithLibreOffice } from '../helpers/libreoffice.js';

/**
 * The PRODUCERS corpus, made by test code (no committed binaries): a workbook of ours re-saved
 * by each program a county office may have used on it — LibreOffice, openpyxl (Debian's
 * python3-openpyxl, as pandas writes), exceljs, xlsx-populate, SheetJS, gnumeric's ssconvert —
 * and re-serialised the ways the Open XML SDK and scripts write packages: SpreadsheetML under
 * an `x:` prefix with `xmlns:r` declared per sheet, texts as character references and `&apos;`,
 * the workbook part elsewhere with backslash part names and UTF-16 parts, and no styles.xml.
 */

export type ProducerName =
  | 'libreoffice'
  | 'openpyxl'
  | 'exceljs'
  | 'xlsx-populate'
  | 'sheetjs'
  | 'gnumeric'
  | 'prefixed'
  | 'charrefs'
  | 'relocated'
  | 'nostyles';

export interface Producer {
  readonly name: ProducerName;
  /** Debian programs it needs (for requireTool). */
  readonly tools: readonly string[];
  /** Re-saves `bytes` (an .xlsx) as this producer would; returns the new package. */
  readonly resave: (bytes: Uint8Array) => Promise<Uint8Array>;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XMLNS = 'http://www.w3.org/2000/xmlns/';

async function viaFile(
  bytes: Uint8Array,
  run: (input: string, output: string, dir: string) => void | Promise<void>,
): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'kpd-producer-'));
  try {
    const input = join(dir, 'in.xlsx');
    const output = join(dir, 'out', 'in.xlsx');
    await mkdir(join(dir, 'out'));
    await writeFile(input, bytes);
    await run(input, output, dir);
    return new Uint8Array(await readFile(output));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function spawnOrThrow(cmd: string, args: readonly string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} exited ${r.status}: ${r.stderr}`);
}

const OPENPYXL = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
wb.save(sys.argv[2])
`;

// ---- package re-serialisations (the Open XML SDK's and scripts' ways) --------------------

type Files = Record<string, Uint8Array>;

const isMainPart = (name: string, text: string): boolean =>
  name.endsWith('.xml') && !name.endsWith('.rels') && text.includes(`xmlns="${MAIN}"`);

/** Every element of the SpreadsheetML namespace renamed to `x:local`; `r:` declared per <sheet>. */
function prefixPart(text: string): string {
  const doc = new DOMParser().parseFromString(text, 'text/xml');
  const rename = (el: Element): Element => {
    const out =
      el.namespaceURI === MAIN
        ? doc.createElementNS(MAIN, `x:${el.localName}`)
        : doc.createElementNS(el.namespaceURI, el.nodeName);
    for (let i = 0; i < el.attributes.length; i++) {
      const a = el.attributes.item(i);
      if (!a) continue;
      if (a.nodeName === 'xmlns' || a.nodeName === 'xmlns:r') continue;
      if (a.namespaceURI) out.setAttributeNS(a.namespaceURI, a.nodeName, a.value);
      else out.setAttribute(a.nodeName, a.value);
    }
    // openpyxl's habit: the relationships namespace declared on each sheet, not on the workbook.
    if (el.localName === 'sheet' && el.namespaceURI === MAIN) out.setAttributeNS(XMLNS, 'xmlns:r', REL);
    for (let c: XmlNode | null = el.firstChild; c; c = c.nextSibling)
      out.appendChild(c.nodeType === 1 ? rename(c as Element) : c.cloneNode(true));
    return out;
  };
  const root = doc.documentElement;
  if (!root) return text;
  const fresh = rename(root);
  fresh.setAttributeNS(XMLNS, 'xmlns:x', MAIN);
  if (root.localName !== 'workbook' && text.includes(`xmlns:r="${REL}"`))
    fresh.setAttributeNS(XMLNS, 'xmlns:r', REL);
  doc.replaceChild(fresh, root);
  return new XMLSerializer().serializeToString(doc);
}

function prefixed(files: Files): Files {
  const out: Files = {};
  for (const [name, data] of Object.entries(files)) {
    const text = strFromU8(data);
    out[name] = isMainPart(name, text) ? strToU8(prefixPart(text)) : data;
  }
  return out;
}

/** Every non-ASCII character of texts as a character reference; quotes in names as &apos;. */
function charrefs(files: Files): Files {
  const out: Files = {};
  for (const [name, data] of Object.entries(files)) {
    let text = strFromU8(data);
    if (name.endsWith('.xml') && !name.endsWith('.rels')) {
      text = text.replace(
        /(<(?:\w+:)?t\b[^>]*>)([^<]*)(<\/(?:\w+:)?t>)/gu,
        (_a, o: string, t: string, c: string) =>
          `${o}${t.replace(/[\u{80}-\u{10FFFF}]/gu, (ch) => `&#${ch.codePointAt(0) ?? 0};`)}${c}`,
      );
      text = text.replace(
        /(<definedName\b[^>]*>)([^<]*)(<\/definedName>)/gu,
        (_a, o: string, t: string, c: string) => `${o}${t.replace(/'/gu, '&apos;')}${c}`,
      );
    }
    out[name] = strToU8(text);
  }
  return out;
}

const utf16 = (text: string): Uint8Array => {
  const body = text.replace(/^<\?xml[^>]*\?>/u, '<?xml version="1.0" encoding="UTF-16" standalone="yes"?>');
  const out = new Uint8Array(2 + body.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    out[2 + i * 2] = c & 0xff;
    out[3 + i * 2] = c >> 8;
  }
  return out;
};

/** The workbook part at xl/book.xml, entries named with backslashes, the small parts in UTF-16. */
function relocated(files: Files): Files {
  const out: Files = {};
  for (const [name, data] of Object.entries(files)) {
    let text = strFromU8(data);
    let to = name;
    if (name === 'xl/workbook.xml') to = 'xl/book.xml';
    if (name === 'xl/_rels/workbook.xml.rels') to = 'xl/_rels/book.xml.rels';
    if (name === '_rels/.rels' || name === '[Content_Types].xml')
      text = text.replace(/\/?xl\/workbook\.xml/gu, (m) => m.replace('workbook.xml', 'book.xml'));
    const bytes =
      /^xl\/(book|workbook|styles|sharedStrings)\.xml$/u.test(name) || name === 'xl/worksheets/sheet1.xml'
        ? utf16(text)
        : strToU8(text);
    out[to.includes('/') && !to.startsWith('[') && !to.startsWith('_rels') ? to.replace(/\//gu, '\\') : to] =
      bytes;
  }
  return out;
}

/** No styles.xml at all (and no cell formats): legal, and what some scripts write. */
function nostyles(files: Files): Files {
  const out: Files = {};
  for (const [name, data] of Object.entries(files)) {
    if (name === 'xl/styles.xml') continue;
    let text = strFromU8(data);
    if (name === 'xl/_rels/workbook.xml.rels')
      text = text.replace(/<Relationship\b[^>]*\/styles"[^>]*\/>/u, '');
    if (name === '[Content_Types].xml') text = text.replace(/<Override\b[^>]*styles\.xml"[^>]*\/>/u, '');
    if (name.startsWith('xl/worksheets/'))
      text = text
        .replace(/(<c\b[^>]*?)\s+s="\d+"/gu, '$1')
        .replace(/(<row\b[^>]*?)\s+s="\d+"\s+customFormat="1"/gu, '$1')
        .replace(/(<col\b[^>]*?)\s+style="\d+"/gu, '$1')
        .replace(/<conditionalFormatting\b[\s\S]*?<\/conditionalFormatting>/gu, '');
    out[name] = strToU8(text);
  }
  return out;
}

const repack = (fn: (f: Files) => Files) => (bytes: Uint8Array) =>
  Promise.resolve(zipSync(fn(unzipSync(bytes)) as Record<string, Uint8Array>));

export const PRODUCERS: readonly Producer[] = [
  {
    name: 'libreoffice',
    tools: ['soffice'],
    resave: (bytes) =>
      viaFile(bytes, (input, output) => {
        convertWithLibreOffice([input], 'xlsx:Calc MS Excel 2007 XML', join(output, '..'), 300_000);
      }),
  },
  {
    name: 'openpyxl',
    tools: ['/usr/bin/python3'],
    resave: (bytes) =>
      viaFile(bytes, async (input, output, dir) => {
        await writeFile(join(dir, 'resave.py'), OPENPYXL);
        spawnOrThrow('/usr/bin/python3', [join(dir, 'resave.py'), input, output]);
      }),
  },
  {
    name: 'exceljs',
    tools: [],
    resave: async (bytes) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      return new Uint8Array(await wb.xlsx.writeBuffer());
    },
  },
  {
    name: 'xlsx-populate',
    tools: [],
    resave: async (bytes) => {
      const wb = (await XlsxPopulate.fromDataAsync(Buffer.from(bytes))) as unknown as {
        outputAsync(): Promise<Uint8Array>;
      };
      return new Uint8Array(await wb.outputAsync());
    },
  },
  {
    name: 'sheetjs',
    tools: [],
    resave: (bytes) => {
      const wb = XLSX.read(bytes, { type: 'array', cellDates: false, cellNF: true, bookVBA: false });
      return Promise.resolve(
        new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer),
      );
    },
  },
  {
    name: 'gnumeric',
    tools: ['ssconvert'],
    resave: (bytes) =>
      viaFile(bytes, (input, output) => {
        spawnOrThrow('ssconvert', ['--export-type=Gnumeric_Excel:xlsx2', input, output]);
      }),
  },
  { name: 'prefixed', tools: [], resave: repack(prefixed) },
  { name: 'charrefs', tools: [], resave: repack(charrefs) },
  { name: 'relocated', tools: [], resave: repack(relocated) },
  { name: 'nostyles', tools: [], resave: repack(nostyles) },
];

/** Writes `file` re-saved by `producer` to `dir/<producer>-<name>`; returns that path. */
export async function resaveFile(producer: Producer, file: string, dir: string): Promise<string> {
  const out = join(dir, `${producer.name}-${basename(file)}`);
  await writeFile(out, await producer.resave(new Uint8Array(await readFile(file))));
  return out;
}
