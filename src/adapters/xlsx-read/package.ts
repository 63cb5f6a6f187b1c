/** Package-level parts: file sniffing, relationships, workbook.xml, app.xml. */
import { UnusableFileError } from '../errors.js';
import { TagCursor, resolveTarget } from './xml.js';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Refuse OLE compound files before unzipping: a password-protected .xlsx is an OLE file holding
 * `EncryptionInfo` + `EncryptedPackage` streams; any other OLE file is taken as an old .xls.
 * Directory entries are 128-byte records at 128-aligned offsets with a UTF-16LE name, its byte
 * length (including the terminating NUL) at +64 and the object type (2 = stream) at +66.
 */
export function rejectOle(bytes: Uint8Array): void {
  if (bytes.length < 8 || !OLE_MAGIC.every((b, i) => bytes[i] === b)) return;
  if (hasOleStream(bytes, 'EncryptionInfo') || hasOleStream(bytes, 'EncryptedPackage')) {
    throw new UnusableFileError(
      'file.encrypted',
      'OLE compound file with an EncryptionInfo stream (password-protected workbook)',
    );
  }
  throw new UnusableFileError(
    'file.xls',
    'OLE compound file (Excel 97-2003 .xls or another old Office format)',
  );
}

function hasOleStream(bytes: Uint8Array, name: string): boolean {
  const nameBytes = (name.length + 1) * 2;
  for (let off = 512; off + 128 <= bytes.length; off += 128) {
    if (bytes[off + 64] !== nameBytes || bytes[off + 65] !== 0 || bytes[off + 66] !== 2) continue;
    let ok = true;
    for (let i = 0; i < name.length && ok; i++) {
      ok = bytes[off + i * 2] === name.charCodeAt(i) && bytes[off + i * 2 + 1] === 0;
    }
    if (ok) return true;
  }
  return false;
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Resolved ZIP entry name (for internal targets) or the raw target (external). */
  readonly target: string;
  readonly external: boolean;
}

/** The relationships part that belongs to `part`, e.g. `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPathFor(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function parseRels(xml: string, sourcePart: string): Relationship[] {
  const out: Relationship[] = [];
  const cur = new TagCursor(xml);
  while (cur.next()) {
    if (cur.isEnd || !cur.is('Relationship')) continue;
    const id = cur.attr('Id') ?? '';
    const type = cur.attr('Type') ?? '';
    const target = cur.attr('Target') ?? '';
    const external = (cur.attr('TargetMode') ?? '').toLowerCase() === 'external';
    out.push({ id, type, target: external ? target : resolveTarget(sourcePart, target), external });
  }
  return out;
}

/** Relationship types compared by their last segment, so transitional and strict namespaces both match. */
export const relTypeIs = (rel: Relationship, last: string): boolean =>
  rel.type.endsWith(`/${last}`) || rel.type === last;

interface SheetEntry {
  readonly name: string;
  readonly relId: string | undefined;
  readonly hidden: boolean;
}

interface WorkbookInfo {
  readonly sheets: SheetEntry[];
  readonly date1904: boolean;
  readonly definedNames: Map<string, string>;
}

export function parseWorkbook(xml: string, part: string): WorkbookInfo {
  const cur = new TagCursor(xml);
  const sheets: SheetEntry[] = [];
  const definedNames = new Map<string, string>();
  let date1904 = false;
  let root = true;
  while (cur.next()) {
    if (cur.isEnd) continue;
    if (root) {
      if (!cur.is('workbook')) {
        throw new UnusableFileError('file.notWorkbook', `${part} is a <${cur.name}>, not a <workbook>`);
      }
      root = false;
      continue;
    }
    if (cur.is('sheet')) {
      const state = cur.attr('state');
      sheets.push({
        name: cur.attr('name') ?? '',
        relId: cur.attr('id'),
        hidden: state === 'hidden' || state === 'veryHidden',
      });
    } else if (cur.is('workbookPr')) {
      const v = cur.attr('date1904');
      date1904 = v === '1' || v === 'true';
    } else if (cur.is('definedName')) {
      const name = cur.attr('name');
      const local = cur.attr('localSheetId');
      const text = cur.text();
      // Only workbook-level names; sheet-level ones (Print_Area and the like) would collide.
      if (name !== undefined && local === undefined && !definedNames.has(name)) definedNames.set(name, text);
    }
  }
  if (root) throw new UnusableFileError('file.notWorkbook', `${part} has no root element`);
  return { sheets, date1904, definedNames };
}

/** `<Application>` of docProps/app.xml, e.g. "Microsoft Excel", "WPS 表格". */
export function parseApplication(xml: string): string | undefined {
  const cur = new TagCursor(xml);
  while (cur.next()) {
    if (!cur.isEnd && cur.is('Application')) {
      const t = cur.text().trim();
      return t === '' ? undefined : t;
    }
  }
  return undefined;
}
