/**
 * Byte-level scanning helpers for worksheet parts. Worksheets are parsed straight from the
 * inflated UTF-8 bytes: markup is ASCII, and typed-array reads are several times cheaper than
 * `String#charCodeAt` on this workload. Only the text of a value is ever decoded.
 */
import { UnusableFileError } from '../errors.js';
import { corrupt } from './xml.js';

const utf8 = new TextDecoder('utf-8');
/** Node's Buffer, when there is one (the task pane reads workbooks in a browser too). */
type NodeBufferClass = abstract new (
  ...args: never[]
) => Uint8Array & { toString(encoding: 'utf8', start: number, end: number): string };
const NodeBuffer = (globalThis as { Buffer?: NodeBufferClass }).Buffer;

export const isNameEnd = (c: number | undefined): boolean =>
  c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;

/** Decode b[s, e) as UTF-8 (short ASCII runs without a TextDecoder call). */
export function text(b: Uint8Array, s: number, e: number): string {
  if (e - s <= 32) {
    let out = '';
    let i = s;
    for (; i < e; i++) {
      const c = b[i]!;
      if (c >= 0x80) break;
      out += String.fromCharCode(c);
    }
    if (i === e) return out;
  }
  // Buffer#toString decodes a range without making a view object first.
  return NodeBuffer !== undefined && b instanceof NodeBuffer
    ? b.toString('utf8', s, e)
    : utf8.decode(b.subarray(s, e));
}

/** Does b[at...] spell the ASCII string `word`? */
export function bytesAre(b: Uint8Array, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (b[at + i] !== word.charCodeAt(i)) return false;
  return true;
}

/** Index of the ASCII string `word` at or after `from`, or -1. */
function indexOfWord(b: Uint8Array, word: string, from: number): number {
  const first = word.charCodeAt(0);
  for (let i = b.indexOf(first, from); i >= 0; i = b.indexOf(first, i + 1)) {
    if (bytesAre(b, i, word)) return i;
  }
  return -1;
}

/** Throws `file.doctype` if `<!DOCTYPE` or `<!ENTITY` (any case) occurs anywhere in the bytes. */
export function assertNoDtdBytes(b: Uint8Array, part: string): void {
  for (let i = b.indexOf(0x21); i >= 0; i = b.indexOf(0x21, i + 1)) {
    if (b[i - 1] !== 0x3c) continue;
    let word = '';
    for (let k = 1; k <= 7; k++) word += String.fromCharCode(b[i + k] ?? 32);
    word = word.toUpperCase();
    if (word === 'DOCTYPE' || word.startsWith('ENTITY')) {
      throw new UnusableFileError('file.doctype', `${part} contains a document type declaration or entity`);
    }
  }
}

/** Index of the `>` ending a tag whose name ends at `from`, honouring quoted attribute values. */
export function tagEndB(b: Uint8Array, from: number, n: number): number {
  for (let i = from; i < n; i++) {
    const c = b[i];
    if (c === 62) return i;
    if (c === 34 || c === 39) {
      const q = b.indexOf(c, i + 1);
      if (q < 0) return -1;
      i = q;
    }
  }
  return -1;
}

/** Skip `<!-- -->`, `<![CDATA[ ]]>` or `<? ?>` starting at `lt`; returns the index after it. */
export function skipSpecialB(b: Uint8Array, lt: number): number {
  if (bytesAre(b, lt, '<!--')) {
    const e = indexOfWord(b, '-->', lt + 4);
    if (e < 0) throw corrupt('unterminated comment');
    return e + 3;
  }
  if (bytesAre(b, lt, '<![CDATA[')) {
    const e = indexOfWord(b, ']]>', lt + 9);
    if (e < 0) throw corrupt('unterminated CDATA section');
    return e + 3;
  }
  if (b[lt + 1] === 63) {
    const e = indexOfWord(b, '?>', lt + 2);
    if (e < 0) throw corrupt('unterminated processing instruction');
    return e + 2;
  }
  assertNoDtdBytes(b.subarray(lt, lt + 10), 'worksheet');
  throw corrupt(`unexpected markup ${JSON.stringify(text(b, lt, Math.min(b.length, lt + 12)))}`);
}

/**
 * Index of the `<` of the end tag `</local>` (any prefix) at or after `from`, skipping comments
 * and CDATA; -1 if none. Elements of that name must not nest (true for `v`, `is`).
 */
export function findEndTagB(b: Uint8Array, from: number, local: string): number {
  for (let i = from; ;) {
    const lt = b.indexOf(60, i);
    if (lt < 0) return -1;
    const c1 = b[lt + 1];
    if (c1 === 33) {
      i = skipSpecialB(b, lt);
      continue;
    }
    if (c1 === 47) {
      let ls = lt + 2;
      let ne = ls;
      for (; ne < b.length; ne++) {
        const c = b[ne];
        if (c === 58) ls = ne + 1;
        else if (isNameEnd(c)) break;
      }
      if (ne - ls === local.length && bytesAre(b, ls, local)) return lt;
    }
    i = lt + 1;
  }
}

/** Position just after the name of the first start tag with local name `local` (any prefix), or -1. */
export function findStartTagB(b: Uint8Array, local: string): number {
  for (let i = indexOfWord(b, local, 0); i >= 0; i = indexOfWord(b, local, i + 1)) {
    if (!isNameEnd(b[i + local.length])) continue;
    let j = i - 1;
    if (b[j] === 58) {
      j--;
      while (j >= 0 && isNameChar(b[j]!)) j--;
    }
    if (j >= 0 && b[j] === 60) return i + local.length;
  }
  return -1;
}

const isNameChar = (c: number) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46;

/** Attribute iteration state, filled by `nextAttrB`. */
export const battr = { nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0 };

const isWs = (c: number | undefined) => c === 32 || c === 9 || c === 10 || c === 13;

/** Parse the attribute at or after `p` (before `end`); returns the position after it, or -1 if none. */
export function nextAttrB(b: Uint8Array, p: number, end: number): number {
  while (p < end && isWs(b[p])) p++;
  if (p >= end || b[p] === 47) return -1;
  const ns = p;
  while (p < end && b[p] !== 61 && !isWs(b[p])) p++;
  const ne = p;
  while (p < end && isWs(b[p])) p++;
  if (p >= end || b[p] !== 61) throw corrupt('malformed attribute');
  p++;
  while (p < end && isWs(b[p])) p++;
  const q = b[p];
  if (q !== 34 && q !== 39) throw corrupt('unquoted attribute value');
  const close = b.indexOf(q, p + 1);
  if (close < 0 || close > end) throw corrupt('unterminated attribute value');
  battr.nameStart = ns;
  battr.nameEnd = ne;
  battr.valueStart = p + 1;
  battr.valueEnd = close;
  return close + 1;
}
