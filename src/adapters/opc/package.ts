/**
 * A workbook package opened for editing, whoever saved it: part names with backslashes
 * (`xl\worksheets\sheet1.xml`) or in another case than their relationships spell them are
 * found all the same; the workbook part is wherever `_rels/.rels` says (not only
 * `xl/workbook.xml`); UTF-16 parts are decoded and written back as UTF-8. The small parts are
 * edited as XML (./xml.ts); parts nobody touched go back byte for byte. No Node API: the task
 * pane uses it too.
 */
import { strToU8, unzipSync } from 'fflate';
import { UnusableFileError } from '../errors.js';
import { decodeXmlPart, resolveTarget } from '../xlsx-read/xml.js';
import {
  childElements,
  NS,
  parseXml,
  removeElement,
  rootOf,
  serializeXml,
  type Document,
  type Element,
} from './xml.js';

export const REL_TYPES = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
} as const;

export const CONTENT_TYPES = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
} as const;

const CT_PART = '[Content_Types].xml';

/** `xl\worksheets\Sheet1.xml`, `/xl/x.xml` → `xl/worksheets/Sheet1.xml`, `xl/x.xml`. */
const normalizePartName = (name: string): string => name.replace(/\\/gu, '/').replace(/^\/+/u, '');

interface PackageRel {
  readonly id: string;
  readonly type: string;
  /** The part it points to (resolved, normalised) or the raw target of an external one. */
  readonly target: string;
  readonly external: boolean;
  readonly element: Element;
}

/** Relationship types compared by their last segment: transitional and strict both match. */
export const relIs = (rel: Pick<PackageRel, 'type'>, last: string): boolean =>
  rel.type.endsWith(`/${last}`) || rel.type === last;

/** The relationships part of `part`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target for `target` written from `source` (relative when below its folder). */
function relativeTarget(source: string, target: string): string {
  const dir = source.slice(0, source.lastIndexOf('/') + 1);
  return target.startsWith(dir) ? target.slice(dir.length) : `/${target}`;
}

export class OpcPackage {
  /** Part name (normalised, original case) → bytes, in the package's order. */
  private readonly parts = new Map<string, Uint8Array>();
  /** Lower-case name → name. */
  private readonly names = new Map<string, string>();
  /** Parts edited as XML: serialised when the package is written. */
  private readonly docs = new Map<string, Document>();
  /** Parts replaced by text or by pieces made later (big sheets). */
  private readonly replaced = new Map<string, string | Iterable<string | Uint8Array>>();
  readonly workbookPart: string;

  constructor(bytes: Uint8Array) {
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes);
    } catch (e) {
      throw new UnusableFileError('file.corrupt', `not a readable ZIP package: ${String(e)}`);
    }
    for (const [raw, data] of Object.entries(files)) {
      if (raw.endsWith('/') || raw.endsWith('\\')) continue; // folder entries
      const name = normalizePartName(raw);
      const key = name.toLowerCase();
      if (this.names.has(key)) throw new UnusableFileError('file.corrupt', `two parts named ${name}`);
      this.names.set(key, name);
      this.parts.set(name, data);
    }
    const office = this.has('_rels/.rels')
      ? this.rels('').find((r) => !r.external && relIs(r, 'officeDocument'))
      : undefined;
    const wb = office && this.has(office.target) ? office.target : 'xl/workbook.xml';
    if (!this.has(wb)) throw new UnusableFileError('file.notWorkbook', 'no workbook part');
    this.workbookPart = this.nameOf(wb) ?? wb;
  }

  /** The stored spelling of a part name, found case-insensitively. */
  nameOf(part: string): string | undefined {
    return this.names.get(normalizePartName(part).toLowerCase());
  }

  has(part: string): boolean {
    return this.nameOf(part) !== undefined;
  }

  /** Every part name, in package order. */
  partNames(): string[] {
    return [...this.parts.keys()];
  }

  bytes(part: string): Uint8Array | undefined {
    const name = this.nameOf(part);
    return name === undefined ? undefined : this.parts.get(name);
  }

  /** A part's text, decoded by its BOM or declaration (UTF-8, UTF-16); DTDs refused. */
  text(part: string): string | undefined {
    const name = this.nameOf(part);
    if (name === undefined) return undefined;
    const doc = this.docs.get(name);
    if (doc) return serializeXml(doc);
    const r = this.replaced.get(name);
    if (typeof r === 'string') return r;
    const b = this.parts.get(name);
    // Whatever it was stored in, the text is written back as UTF-8, and says so.
    return b === undefined ? undefined : declareUtf8(decodeXmlPart(b, name));
  }

  /** A part as a live DOM: edits made to it are what the package writes. */
  xml(part: string): Document {
    const name = this.nameOf(part);
    if (name === undefined) throw new UnusableFileError('file.corrupt', `part ${part} is missing`);
    let doc = this.docs.get(name);
    if (!doc) {
      doc = parseXml(this.text(name) ?? '', name);
      this.replaced.delete(name);
      this.docs.set(name, doc);
    }
    return doc;
  }

  /** Adds or replaces a part (text is written as UTF-8; pieces are passed on as they come). */
  set(part: string, content: string | Uint8Array | Iterable<string | Uint8Array>): void {
    const name = this.nameOf(part) ?? normalizePartName(part);
    this.names.set(name.toLowerCase(), name);
    this.docs.delete(name);
    if (content instanceof Uint8Array) {
      this.replaced.delete(name);
      this.parts.set(name, content);
    } else {
      this.replaced.set(name, content);
      if (!this.parts.has(name)) this.parts.set(name, new Uint8Array(0));
    }
  }

  delete(part: string): void {
    const name = this.nameOf(part);
    if (name === undefined) return;
    this.names.delete(name.toLowerCase());
    this.parts.delete(name);
    this.docs.delete(name);
    this.replaced.delete(name);
  }

  /** A new part name like `xl/worksheets/sheet7.xml` that no part has (case-insensitively). */
  freshName(dir: string, stem: string, ext: string): string {
    for (let n = 1; ; n++) {
      const name = `${dir}${stem}${n}${ext}`;
      if (!this.has(name)) return name;
    }
  }

  // ---- relationships -------------------------------------------------------------------

  private relsDoc(source: string, create: boolean): Document | undefined {
    const part = relsPartOf(source);
    if (!this.has(part)) {
      if (!create) return undefined;
      this.set(
        part,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRels}"/>`,
      );
      this.addOverride(part, CONTENT_TYPES.rels, true);
    }
    return this.xml(part);
  }

  /** The relationships of `source` ('' for the package's own `_rels/.rels`). */
  rels(source: string): PackageRel[] {
    const doc = this.relsDoc(source, false);
    if (!doc) return [];
    const out: PackageRel[] = [];
    for (const el of childElements(rootOf(doc), 'Relationship')) {
      const target = el.getAttribute('Target') ?? '';
      const external = (el.getAttribute('TargetMode') ?? '').toLowerCase() === 'external';
      const resolved = external ? target : resolveTarget(source, target);
      out.push({
        id: el.getAttribute('Id') ?? '',
        type: el.getAttribute('Type') ?? '',
        target: external ? target : (this.nameOf(resolved) ?? normalizePartName(resolved)),
        external,
        element: el,
      });
    }
    return out;
  }

  /** Adds a relationship from `source` to the part `target`; returns its new Id. */
  addRel(source: string, type: string, target: string): string {
    const doc = this.relsDoc(source, true) as Document;
    const root = rootOf(doc);
    const used = new Set(this.rels(source).map((r) => r.id));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const el = doc.createElementNS(
      root.namespaceURI,
      root.prefix ? `${root.prefix}:Relationship` : 'Relationship',
    );
    el.setAttribute('Id', `rId${n}`);
    el.setAttribute('Type', type);
    el.setAttribute('Target', relativeTarget(source, target));
    root.appendChild(el);
    return `rId${n}`;
  }

  removeRel(rel: PackageRel): void {
    removeElement(rel.element);
  }

  // ---- content types -------------------------------------------------------------------

  /** Declares `part`'s content type (an Override), unless a Default already gives it that type. */
  addOverride(part: string, type: string, defaultSuffices = false): void {
    const doc = this.xml(CT_PART);
    const root = rootOf(doc);
    const name = `/${normalizePartName(part)}`;
    if (defaultSuffices) {
      const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
      const d = childElements(root, 'Default').find(
        (e) => (e.getAttribute('Extension') ?? '').toLowerCase() === ext,
      );
      if (d?.getAttribute('ContentType') === type) return;
    }
    this.removeOverride(part);
    const el = doc.createElementNS(root.namespaceURI, root.prefix ? `${root.prefix}:Override` : 'Override');
    el.setAttribute('PartName', name);
    el.setAttribute('ContentType', type);
    root.appendChild(el);
  }

  removeOverride(part: string): void {
    const root = rootOf(this.xml(CT_PART));
    const name = `/${normalizePartName(part)}`.toLowerCase();
    for (const el of childElements(root, 'Override'))
      if (normalizeOverride(el.getAttribute('PartName') ?? '') === name) removeElement(el);
  }

  /** The content type `part` is declared with (its Override, else its extension's Default). */
  contentTypeOf(part: string): string | undefined {
    if (!this.has(CT_PART)) return undefined;
    const root = rootOf(this.xml(CT_PART));
    const name = `/${normalizePartName(part)}`.toLowerCase();
    const o = childElements(root, 'Override').find(
      (el) => normalizeOverride(el.getAttribute('PartName') ?? '') === name,
    );
    if (o) return o.getAttribute('ContentType') ?? undefined;
    const ext = name.slice(name.lastIndexOf('.') + 1);
    const d = childElements(root, 'Default').find(
      (e) => (e.getAttribute('Extension') ?? '').toLowerCase() === ext,
    );
    return d?.getAttribute('ContentType') ?? undefined;
  }

  // ---- writing -------------------------------------------------------------------------

  /**
   * The parts to zip, `[Content_Types].xml` first (as Office writes it), then the package's
   * order. Untouched parts are their original bytes; edited ones are serialised now.
   */
  entries(): [string, Uint8Array | Iterable<string | Uint8Array>][] {
    const out: [string, Uint8Array | Iterable<string | Uint8Array>][] = [];
    for (const name of this.parts.keys()) {
      const doc = this.docs.get(name);
      const r = this.replaced.get(name);
      const content = doc
        ? strToU8(serializeXml(doc))
        : typeof r === 'string'
          ? strToU8(r)
          : (r ?? this.parts.get(name));
      if (content === undefined) continue;
      if (name === CT_PART) out.unshift([name, content]);
      else out.push([name, content]);
    }
    return out;
  }
}

const declareUtf8 = (xml: string): string =>
  xml.replace(/^(\s*<\?xml\b[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2/u, '$1$2UTF-8$2');

/** A PartName as compared: `/xl\Sheet.xml` and `/xl/sheet.xml` are one part. */
const normalizeOverride = (name: string): string => `/${normalizePartName(name)}`.toLowerCase();
