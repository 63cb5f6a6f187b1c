/**
 * Minimal, allocation-light XML scanning over a decoded string: just enough for SpreadsheetML.
 *
 * Not a validating parser. It never expands entities: a part containing `<!DOCTYPE` or `<!ENTITY`
 * is refused before scanning (`file.doctype`); only the five predefined entities and numeric
 * character references are decoded, anything else is left as literal text. Element names are
 * matched by local name, so `x:c` and `c` are the same element (some writers use prefixes).
 */
import { UnusableFileError } from '../errors.js';

const utf8 = new TextDecoder('utf-8');

export const corrupt = (detail: string) => new UnusableFileError('file.corrupt', detail);

/**
 * Decode a whole XML part at once and refuse DTDs. UTF-8 normally; UTF-16 by its BOM; and, for
 * scripts that write e.g. `encoding="GBK"` (not allowed by OOXML, but seen), the declared one.
 */
export function decodeXmlPart(bytes: Uint8Array, part: string): string {
  const enc = partEncoding(bytes);
  const s = enc === 'utf-8' ? utf8.decode(bytes) : new TextDecoder(enc).decode(bytes);
  assertNoDtd(s, part);
  return s;
}

/** 'utf-8' unless a BOM or the XML declaration says otherwise (and TextDecoder knows the label). */
export function partEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // <?xml ... encoding="..." ?> in ASCII at the very start
  if (bytes[0] !== 0x3c || bytes[1] !== 0x3f) return 'utf-8';
  let decl = '';
  for (let i = 0; i < 200 && i < bytes.length; i++) {
    decl += String.fromCharCode(bytes[i]!);
    if (bytes[i] === 0x3e) break;
  }
  const m = /encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(decl);
  if (!m) return 'utf-8';
  const label = m[1]!.toLowerCase();
  if (label === 'utf-8' || label === 'utf8') return 'utf-8';
  try {
    return new TextDecoder(label === 'gb2312' ? 'gbk' : label).encoding;
  } catch {
    return 'utf-8'; // unknown label: read as UTF-8 like Excel would try to
  }
}

/** Throws `file.doctype` if `<!DOCTYPE` or `<!ENTITY` (any case) occurs anywhere in the text. */
export function assertNoDtd(s: string, part: string): void {
  for (let i = s.indexOf('<!'); i >= 0; i = s.indexOf('<!', i + 2)) {
    const c = s.charCodeAt(i + 2) | 0x20;
    if (c === 0x64 /* d */ || c === 0x65 /* e */) {
      const word = s.slice(i + 2, i + 9).toUpperCase();
      if (word === 'DOCTYPE' || word.startsWith('ENTITY')) {
        throw new UnusableFileError('file.doctype', `${part} contains a document type declaration or entity`);
      }
    }
  }
}

/** Decode the five predefined entities and numeric references; anything else stays literal. */
export function decodeEntities(raw: string): string {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    // Look for the ';' within the next 10 characters only (no quadratic scans on '&&&&...').
    let semi = -1;
    for (let k = amp + 1, stop = Math.min(raw.length, amp + 11); k < stop; k++) {
      if (raw.charCodeAt(k) === 59) {
        semi = k;
        break;
      }
    }
    let rep: string | undefined;
    if (semi > 0) {
      const c = raw.charCodeAt(amp + 1);
      if (c === 0x23 /* # */) {
        const hex = (raw.charCodeAt(amp + 2) | 0x20) === 0x78;
        const digits = raw.slice(amp + (hex ? 3 : 2), semi);
        if (digits.length > 0 && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) {
          const cp = parseInt(digits, hex ? 16 : 10);
          if (cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff)) rep = String.fromCodePoint(cp);
        }
      } else {
        switch (raw.slice(amp + 1, semi)) {
          case 'lt':
            rep = '<';
            break;
          case 'gt':
            rep = '>';
            break;
          case 'amp':
            rep = '&';
            break;
          case 'quot':
            rep = '"';
            break;
          case 'apos':
            rep = "'";
            break;
        }
      }
    }
    if (rep !== undefined) {
      out += raw.slice(last, amp) + rep;
      last = semi + 1;
      amp = raw.indexOf('&', last);
    } else {
      amp = raw.indexOf('&', amp + 1);
    }
  }
  return last === 0 ? raw : out + raw.slice(last);
}

const hexVal = (c: number): number =>
  c >= 48 && c <= 57 ? c - 48 : (c | 0x20) >= 97 && (c | 0x20) <= 102 ? (c | 0x20) - 87 : -1;

/** Decode the OOXML `_xHHHH_` escapes in string content (`_x000D_` → CR, `_x005F_` → `_`). */
export function decodeXstring(s: string): string {
  let i = s.indexOf('_x');
  if (i < 0) return s;
  let out = '';
  let last = 0;
  while (i >= 0) {
    if (i + 6 < s.length && s.charCodeAt(i + 6) === 0x5f) {
      const a = hexVal(s.charCodeAt(i + 2));
      const b = hexVal(s.charCodeAt(i + 3));
      const c = hexVal(s.charCodeAt(i + 4));
      const d = hexVal(s.charCodeAt(i + 5));
      if ((a | b | c | d) >= 0) {
        out += s.slice(last, i) + String.fromCharCode((a << 12) | (b << 8) | (c << 4) | d);
        last = i + 7;
        i = s.indexOf('_x', last);
        continue;
      }
    }
    i = s.indexOf('_x', i + 1);
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Index of the `>` that closes the tag whose name ends at `from`, honouring quoted attribute values. */
export function tagEnd(s: string, from: number): number {
  const n = s.length;
  for (let i = from; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 62) return i;
    if (c === 34 || c === 39) {
      const q = s.indexOf(c === 34 ? '"' : "'", i + 1);
      if (q < 0) return -1;
      i = q;
    }
  }
  return -1;
}

/**
 * Skip markup starting at `lt` that begins with `<!` or `<?` (comment, CDATA, PI).
 * Returns the index just after it.
 */
export function skipSpecial(s: string, lt: number): number {
  if (s.startsWith('<!--', lt)) {
    const e = s.indexOf('-->', lt + 4);
    if (e < 0) throw corrupt('unterminated comment');
    return e + 3;
  }
  if (s.startsWith('<![CDATA[', lt)) {
    const e = s.indexOf(']]>', lt + 9);
    if (e < 0) throw corrupt('unterminated CDATA section');
    return e + 3;
  }
  if (s.charCodeAt(lt + 1) === 63 /* ? */) {
    const e = s.indexOf('?>', lt + 2);
    if (e < 0) throw corrupt('unterminated processing instruction');
    return e + 2;
  }
  throw corrupt(`unexpected markup ${JSON.stringify(s.slice(lt, lt + 12))}`);
}

/** Position where the last `readText` stopped: the `<` of the tag that ended the text. */
export let textEnd = 0;

/** Read character data starting at `from` up to the next tag; comments skipped, CDATA kept verbatim. */
export function readText(s: string, from: number): string {
  const lt = s.indexOf('<', from);
  if (lt < 0) throw corrupt('unterminated element');
  if (s.charCodeAt(lt + 1) !== 33) {
    textEnd = lt;
    return decodeEntities(s.slice(from, lt));
  }
  let out = decodeEntities(s.slice(from, lt));
  let p = lt;
  for (;;) {
    if (s.startsWith('<![CDATA[', p)) {
      const e = s.indexOf(']]>', p + 9);
      if (e < 0) throw corrupt('unterminated CDATA section');
      out += s.slice(p + 9, e);
      p = e + 3;
    } else if (s.startsWith('<!--', p)) {
      p = skipSpecial(s, p);
    } else {
      throw corrupt(`unexpected markup ${JSON.stringify(s.slice(p, p + 12))}`);
    }
    const next = s.indexOf('<', p);
    if (next < 0) throw corrupt('unterminated element');
    out += decodeEntities(s.slice(p, next));
    p = next;
    if (s.charCodeAt(p + 1) !== 33) {
      textEnd = p;
      return out;
    }
  }
}

/**
 * A forward-only tag cursor for the small parts (workbook, rels, styles, shared strings).
 * After `next()` returns true, the fields describe one start or end tag.
 */
export class TagCursor {
  pos = 0;
  /** True for `</name>`. */
  isEnd = false;
  /** True for `<name ... />`. */
  selfClosing = false;
  /** Local name bounds (after any `prefix:`). */
  localStart = 0;
  localEnd = 0;
  /** Attribute region: from after the name to the closing `>` (or `/>`). */
  attrStart = 0;
  attrEnd = 0;

  constructor(readonly s: string) {}

  next(): boolean {
    const s = this.s;
    for (;;) {
      const lt = s.indexOf('<', this.pos);
      if (lt < 0) return false;
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === 33 || c1 === 63) {
        this.pos = skipSpecial(s, lt);
        continue;
      }
      const end = c1 === 47;
      const ns = end ? lt + 2 : lt + 1;
      let ne = ns;
      let ls = ns;
      for (const n = s.length; ne < n; ne++) {
        const c = s.charCodeAt(ne);
        if (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13) break;
        if (c === 58) ls = ne + 1;
      }
      if (ne === ns) throw corrupt('empty tag name');
      const gt = tagEnd(s, ne);
      if (gt < 0) throw corrupt('unterminated tag');
      this.isEnd = end;
      this.selfClosing = !end && s.charCodeAt(gt - 1) === 47;
      this.localStart = ls;
      this.localEnd = ne;
      this.attrStart = ne;
      this.attrEnd = this.selfClosing ? gt - 1 : gt;
      this.pos = gt + 1;
      return true;
    }
  }

  /** Is the current tag's local name `name`? */
  is(name: string): boolean {
    return this.localEnd - this.localStart === name.length && this.s.startsWith(name, this.localStart);
  }

  get name(): string {
    return this.s.slice(this.localStart, this.localEnd);
  }

  /** Decoded value of an attribute, matched by local name (any prefix); undefined when absent. */
  attr(name: string): string | undefined {
    const v = findAttr(this.s, this.attrStart, this.attrEnd, name);
    return v === undefined ? undefined : decodeEntities(v);
  }

  /** Text content of the current start tag (its direct character data up to the next tag). */
  text(): string {
    if (this.selfClosing || this.isEnd) return '';
    const t = readText(this.s, this.pos);
    this.pos = textEnd;
    return t;
  }
}

/** Attribute iteration state, filled by `nextAttr` (module-level to avoid allocating per tag). */
const attr = { nameStart: 0, localStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0 };

const isWs = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Parse the attribute at or after `p` (before `end`); returns the position after it, or -1 if none. */
function nextAttr(s: string, p: number, end: number): number {
  while (p < end && isWs(s.charCodeAt(p))) p++;
  if (p >= end || s.charCodeAt(p) === 47 /* / */) return -1;
  const ns = p;
  let ls = p;
  while (p < end) {
    const c = s.charCodeAt(p);
    if (c === 61 /* = */ || isWs(c)) break;
    if (c === 58) ls = p + 1;
    p++;
  }
  const ne = p;
  while (p < end && isWs(s.charCodeAt(p))) p++;
  if (p >= end || s.charCodeAt(p) !== 61) {
    throw corrupt(`malformed attribute ${JSON.stringify(s.slice(ns, Math.min(end, ns + 20)))}`);
  }
  p++;
  while (p < end && isWs(s.charCodeAt(p))) p++;
  const q = s.charCodeAt(p);
  if (q !== 34 && q !== 39) throw corrupt('unquoted attribute value');
  const close = s.indexOf(q === 34 ? '"' : "'", p + 1);
  if (close < 0 || close > end) throw corrupt('unterminated attribute value');
  attr.nameStart = ns;
  attr.localStart = ls;
  attr.nameEnd = ne;
  attr.valueStart = p + 1;
  attr.valueEnd = close;
  return close + 1;
}

/** Raw (undecoded) value of the attribute whose local name is `name`. */
export function findAttr(s: string, start: number, end: number, name: string): string | undefined {
  for (let p = nextAttr(s, start, end); p >= 0; p = nextAttr(s, p, end)) {
    if (attr.nameEnd - attr.localStart === name.length && s.startsWith(name, attr.localStart)) {
      // `xmlns:name` is a namespace declaration, not the attribute.
      if (attr.localStart > attr.nameStart && s.startsWith('xmlns:', attr.nameStart)) continue;
      return s.slice(attr.valueStart, attr.valueEnd);
    }
  }
  return undefined;
}

/** Resolve a relationship target against the folder of its source part; returns a ZIP entry name. */
export function resolveTarget(sourcePart: string, target: string): string {
  const dir = sourcePart.slice(0, sourcePart.lastIndexOf('/') + 1);
  if (/^[\w/-]+(\.[\w-]+)*$/.test(target) && !target.includes('//')) {
    // The usual case: "worksheets/sheet1.xml" or "/xl/workbook.xml".
    return target.startsWith('/') ? target.slice(1) : dir + target;
  }
  let t = target.replace(/\\/g, '/');
  try {
    if (t.includes('%')) t = decodeURIComponent(t);
  } catch {
    // keep the raw target
  }
  const hash = t.indexOf('#');
  if (hash >= 0) t = t.slice(0, hash);
  const parts = t.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}
