/** sharedStrings.xml: one string per `<si>`, rich-text runs concatenated, phonetic runs ignored. */
import {
  TagCursor,
  corrupt,
  decodeEntities,
  decodeXstring,
  readText,
  skipSpecial,
  tagEnd,
  textEnd,
} from './xml.js';

/**
 * Collect the text of the `<t>` elements up to the end tag whose local name is `endLocal`
 * (`si` or `is`), skipping text inside `<rPh>` (phonetic guides). Returns the text; the position
 * after the end tag is left in `richEnd`.
 */
let richEnd = 0;

export function readRichText(s: string, from: number, endLocal: string): string {
  let out = '';
  let p = from;
  let phonetic = 0;
  const n = s.length;
  for (;;) {
    const lt = s.indexOf('<', p);
    if (lt < 0) throw corrupt(`unterminated <${endLocal}>`);
    const c1 = s.charCodeAt(lt + 1);
    if (c1 === 33 || c1 === 63) {
      p = skipSpecial(s, lt);
      continue;
    }
    const end = c1 === 47;
    const ns = end ? lt + 2 : lt + 1;
    let ne = ns;
    let ls = ns;
    for (; ne < n; ne++) {
      const c = s.charCodeAt(ne);
      if (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13) break;
      if (c === 58) ls = ne + 1;
    }
    const gt = tagEnd(s, ne);
    if (gt < 0) throw corrupt(`unterminated <${endLocal}>`);
    const len = ne - ls;
    if (end) {
      if (len === endLocal.length && s.startsWith(endLocal, ls)) {
        richEnd = gt + 1;
        return out;
      }
      if (len === 3 && s.startsWith('rPh', ls)) phonetic--;
      p = gt + 1;
      continue;
    }
    const selfClosing = s.charCodeAt(gt - 1) === 47;
    if (len === 1 && s.charCodeAt(ls) === 116 /* t */) {
      if (!selfClosing) {
        const t = readText(s, gt + 1);
        if (phonetic === 0) out = out === '' ? t : out + t;
        p = textEnd;
        continue;
      }
    } else if (len === 3 && s.startsWith('rPh', ls)) {
      if (!selfClosing) phonetic++;
    }
    p = gt + 1;
  }
}

/**
 * A copy of `s` that does not keep the whole part alive: V8 makes substrings views into their
 * parent, so one kept project name would otherwise pin a file's entire sharedStrings.xml. With a
 * thousand submissions that is the difference between holding their rows and holding their XML.
 */
function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const cur = new TagCursor(xml);
  while (cur.next()) {
    if (cur.isEnd || !cur.is('si')) continue;
    if (cur.selfClosing) {
      out.push('');
      continue;
    }
    // Fast path: <si><t>text</t></si>
    const p = cur.pos;
    if (xml.startsWith('<t>', p)) {
      const e = xml.indexOf('<', p + 3);
      if (e >= 0 && xml.startsWith('</t></si>', e)) {
        out.push(detach(decodeXstring(decodeEntities(xml.slice(p + 3, e)))));
        cur.pos = e + 9;
        continue;
      }
    }
    out.push(detach(decodeXstring(readRichText(xml, cur.pos, 'si'))));
    cur.pos = richEnd;
  }
  return out;
}
