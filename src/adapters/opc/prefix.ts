import { NS } from './xml.js';

/**
 * A SpreadsheetML part written under a prefix (`<x:worksheet xmlns:x="…main">…<x:row>`, as the
 * .NET Open XML SDK writes) turned into the usual default-namespace form, which is the same XML
 * to every reader: the streaming sheet code (rows, cells, shared strings) then sees `<row>` and
 * `<c>` whoever wrote the file. Left as it is when the part also binds the default namespace
 * (then unprefixed names mean something else) or is not prefixed SpreadsheetML at all.
 */
export function unprefixSpreadsheetMl(xml: string): string {
  const start = rootStart(xml);
  if (start < 0) return xml;
  const root = /^<([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*\b([^>]*)>/u.exec(xml.slice(start, start + 4096));
  if (!root) return xml;
  const p = escapeRe(root[1] ?? '');
  const decl = new RegExp(`\\sxmlns:${p}\\s*=\\s*(["'])([^"']*)\\1`, 'u').exec(root[2] ?? '');
  const ns = decl?.[2];
  if (ns !== NS.main && ns !== NS.strictMain) return xml;
  if (/\sxmlns\s*=/u.test(xml)) return xml;
  // The prefix's own declaration stays (mc:Ignorable or an attribute may still name it).
  const body = xml.slice(start).replace(new RegExp(`<(/?)${p}:`, 'gu'), '<$1');
  const nameEnd = (/^<[A-Za-z_][\w.-]*/u.exec(body)?.[0] ?? '<').length;
  return `${xml.slice(0, start)}${body.slice(0, nameEnd)} xmlns="${ns}"${body.slice(nameEnd)}`;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\-]/gu, '\\$&');

/** Index of the root element's `<`: the XML declaration, comments and PIs skipped; -1 if none. */
function rootStart(xml: string): number {
  let i = 0;
  for (;;) {
    while (i < xml.length && /[\s\ufeff]/u.test(xml.charAt(i))) i++;
    if (xml.startsWith('<?', i)) {
      const e = xml.indexOf('?>', i);
      if (e < 0) return -1;
      i = e + 2;
    } else if (xml.startsWith('<!--', i)) {
      const e = xml.indexOf('-->', i);
      if (e < 0) return -1;
      i = e + 3;
    } else return xml.charAt(i) === '<' ? i : -1;
  }
}
