/**
 * The small parts of a package (workbook, styles, content types, relationships) edited as XML:
 * parsed into a namespace-aware DOM (@xmldom/xmldom, which also runs in the task pane's bundle),
 * changed there, serialised again. Elements are found by namespace and local name, so
 * `<x:workbook xmlns:x="…">` (the Open XML SDK's way) and `<workbook xmlns="…">` are the same,
 * and entities (`&apos;`, `&#26399;`) are decoded before any text is looked at. Hand-written
 * string edits assumed Excel's exact layout and broke on other producers' files.
 */
import { DOMParser, XMLSerializer, type Document, type Element, type Node as XmlNode } from '@xmldom/xmldom';
import { UnusableFileError } from '../errors.js';
import { assertNoDtd } from '../xlsx-read/xml.js';

export type { Document, Element } from '@xmldom/xmldom';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  strictMain: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  strictRel: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  pkgRels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
  xmlns: 'http://www.w3.org/2000/xmlns/',
} as const;

/** XML 1.0 line-end handling only (xmldom's default also folds U+2028, U+2029 and U+0085 into \n). */
const xml10LineEnds = (s: string): string => s.replace(/\r\n?/gu, '\n');

/**
 * Parses one part; a DTD or entity declaration is refused (`file.doctype`), anything not
 * well-formed is `file.corrupt` — never half a tree.
 */
export function parseXml(text: string, part: string): Document {
  assertNoDtd(text, part);
  try {
    return new DOMParser({
      locator: false,
      normalizeLineEndings: xml10LineEnds,
      onError: (level, msg) => {
        if (level !== 'warning') throw new Error(msg);
      },
    }).parseFromString(text, 'text/xml');
  } catch (e) {
    throw new UnusableFileError(
      'file.corrupt',
      `${part} is not well-formed XML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
    );
  }
}

/** The document as text, declared UTF-8 (a UTF-16 part is written back as UTF-8). */
export function serializeXml(doc: Document): string {
  const first = doc.firstChild;
  if (first && first.nodeType === 7 /* processing instruction */ && first.nodeName === 'xml') {
    const pi = first as unknown as { data: string; nodeValue: string };
    const data = pi.data.replace(/encoding\s*=\s*(["'])[^"']*\1/u, 'encoding="UTF-8"');
    pi.data = data;
    pi.nodeValue = data;
  }
  // A carriage return in text is written as a reference (xmldom writes it raw, and a parser
  // reads a raw one back as a line feed): marked, serialised, then replaced.
  const withCr: { node: XmlNode; data: string }[] = [];
  const walk = (n: XmlNode): void => {
    if ((n.nodeType === 3 || n.nodeType === 4) && (n.nodeValue ?? '').includes('\r'))
      withCr.push({ node: n, data: n.nodeValue ?? '' });
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(doc);
  if (withCr.length === 0) return new XMLSerializer().serializeToString(doc);
  let marker = 0xe000;
  const all = new XMLSerializer().serializeToString(doc);
  while (all.includes(String.fromCharCode(marker))) marker++;
  const m = String.fromCharCode(marker);
  for (const w of withCr) setData(w.node, w.data.replace(/\r/gu, m));
  const out = new XMLSerializer().serializeToString(doc);
  for (const w of withCr) setData(w.node, w.data);
  return out.replace(new RegExp(m, 'gu'), '&#13;');
}

function setData(n: XmlNode, data: string): void {
  const t = n as unknown as { data: string; nodeValue: string };
  t.data = data;
  t.nodeValue = data;
}

export function rootOf(doc: Document): Element {
  const root = doc.documentElement;
  if (!root) throw new UnusableFileError('file.corrupt', 'XML part without a root element');
  return root;
}

const isElement = (n: XmlNode | null): n is Element => n !== null && n.nodeType === 1;

/** Child elements of `parent` in namespace `ns` (or any namespace with ns undefined) named `local`. */
export function childElements(parent: Element, local?: string, ns?: string | null): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (!isElement(n)) continue;
    if (local !== undefined && n.localName !== local) continue;
    if (ns !== undefined && n.namespaceURI !== ns) continue;
    out.push(n);
  }
  return out;
}

export function firstChild(parent: Element, local: string, ns?: string | null): Element | undefined {
  return childElements(parent, local, ns)[0];
}

/**
 * A new element in the root's namespace, written with the root's prefix, so that a prefixed
 * part (`<x:sheets>`) gains `<x:sheet>` and an unprefixed one `<sheet>`.
 */
const docOf = (el: Element): Document => {
  const doc = el.ownerDocument;
  if (!doc) throw new Error('element without a document');
  return doc;
};

export function createLike(root: Element, local: string): Element {
  const doc = docOf(root);
  const ns = root.namespaceURI;
  const prefix = root.prefix;
  return doc.createElementNS(ns, prefix ? `${prefix}:${local}` : local);
}

/**
 * The qualified name to write an attribute in namespace `ns` with at `root` (e.g. `r:id`):
 * the prefix already bound there, else `preferred`, declared on the root — never an undeclared
 * prefix (openpyxl declares `xmlns:r` on each `<sheet>` only, not on the workbook).
 */
export function attrNameFor(root: Element, ns: string, preferred: string, local: string): string {
  const bound = root.lookupPrefix(ns);
  if (bound) return `${bound}:${local}`;
  let prefix = preferred;
  for (let k = 1; root.lookupNamespaceURI(prefix) !== null; k++) prefix = `${preferred}${k}`;
  root.setAttributeNS(NS.xmlns, `xmlns:${prefix}`, ns);
  return `${prefix}:${local}`;
}

/**
 * Inserts `child` into `parent` before the first child whose local name comes later in
 * `order` (the schema's sequence), or at the end.
 */
export function insertInOrder(parent: Element, child: Element, order: readonly string[]): void {
  const at = order.indexOf(child.localName ?? '');
  const later = new Set(at < 0 ? [] : order.slice(at + 1));
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (isElement(n) && later.has(n.localName ?? '')) {
      parent.insertBefore(child, n);
      return;
    }
  }
  parent.appendChild(child);
}

/**
 * A copy of `node` (from another document) for `root`'s document, its elements of namespace
 * `fromNs` rewritten into the root's namespace and prefix (a style from our results workbook put
 * into a prefixed styles.xml comes out prefixed like its neighbours).
 */
export function adopt(node: Element, root: Element, fromNs: string | null): Element {
  const doc = docOf(root);
  const copy = (n: XmlNode): XmlNode => {
    if (!isElement(n)) return doc.importNode(n, false);
    const el =
      n.namespaceURI === fromNs
        ? createLike(root, n.localName ?? n.nodeName)
        : doc.createElementNS(n.namespaceURI, n.nodeName);
    for (let i = 0; i < n.attributes.length; i++) {
      const a = n.attributes.item(i);
      if (!a) continue;
      // Namespace declarations of the source are not needed: names are re-qualified here.
      if (a.namespaceURI === NS.xmlns) continue;
      if (a.namespaceURI) el.setAttributeNS(a.namespaceURI, a.nodeName, a.value);
      else el.setAttribute(a.nodeName, a.value);
    }
    for (let c = n.firstChild; c; c = c.nextSibling) el.appendChild(copy(c));
    return el;
  };
  return copy(node) as Element;
}

/** Removes `el` and the whitespace-only text right before it (keeps pretty-printed parts tidy). */
export function removeElement(el: Element): void {
  const prev = el.previousSibling;
  if (prev && prev.nodeType === 3 && (prev.nodeValue ?? '').trim() === '') prev.parentNode?.removeChild(prev);
  el.parentNode?.removeChild(el);
}
