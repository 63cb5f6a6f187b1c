/** styles.xml: which cell formats (cellXfs indexes) display numbers as dates or times. */
import { TagCursor } from './xml.js';

/**
 * Built-in number formats that are dates or times: 14–22 everywhere, 27–36 and 50–58 in the
 * CJK locales (e.g. 27 = `yyyy"年"m"月"`, 31 = `yyyy"年"m"月"d"日"`), 45–47 minute/second formats.
 */
export function isBuiltinDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/**
 * Does a custom format code show a date or time? Looks for y, m, d, h, s (or the CJK era letters
 * e, g) outside quoted text, backslash escapes, `_x` / `*x` padding and bracketed sections such as
 * `[Red]` or `[$-804]`; the elapsed-time brackets `[h]`, `[mm]`, `[ss]` count as time. Only the
 * first section (before `;`) decides. `General` is never a date.
 */
export function isDateFormatCode(code: string): boolean {
  const n = code.length;
  for (let i = 0; i < n; i++) {
    const c = code.charCodeAt(i);
    switch (c) {
      case 0x22: {
        // "quoted literal"
        const q = code.indexOf('"', i + 1);
        if (q < 0) return false;
        i = q;
        break;
      }
      case 0x5c: // \x escape
      case 0x5f: // _x padding
      case 0x2a: // *x fill
        i++;
        break;
      case 0x5b: {
        // [Red], [$-804], [DBNum1] are decorations; [h], [mm], [ss] are elapsed time.
        const close = code.indexOf(']', i + 1);
        if (close < 0) return false;
        const inner = code.slice(i + 1, close).toLowerCase();
        if (/^(h+|m+|s+)$/.test(inner)) return true;
        i = close;
        break;
      }
      case 0x3b: // ;  only the positive section decides
        return false;
      default: {
        const l = c | 0x20;
        if (l === 0x67 /* g */ && code.startsWith('eneral', i + 1)) {
          i += 6;
          break;
        }
        if (l === 0x79 || l === 0x6d || l === 0x64 || l === 0x68 || l === 0x73 || l === 0x65 || l === 0x67) {
          // y m d h s e g — but not the "E" of scientific notation like 0.00E+00
          if (l === 0x65 && (code.charCodeAt(i + 1) === 0x2b || code.charCodeAt(i + 1) === 0x2d)) break;
          return true;
        }
      }
    }
  }
  return false;
}

/**
 * Parse styles.xml into a lookup: `dateStyle[xfIndex] === 1` when cell format `s=xfIndex`
 * shows a date or time.
 */
export function parseDateStyles(xml: string): Uint8Array {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  const cur = new TagCursor(xml);
  let inXfs = false;
  while (cur.next()) {
    if (cur.isEnd) {
      if (cur.is('cellXfs')) inXfs = false;
      continue;
    }
    if (cur.is('numFmt')) {
      const id = Number(cur.attr('numFmtId'));
      const code = cur.attr('formatCode');
      if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
    } else if (cur.is('cellXfs')) {
      inXfs = !cur.selfClosing;
    } else if (inXfs && cur.is('xf')) {
      const id = Number(cur.attr('numFmtId') ?? 0);
      xfFormats.push(Number.isInteger(id) ? id : 0);
    }
  }
  const out = new Uint8Array(xfFormats.length);
  xfFormats.forEach((id, i) => {
    const code = custom.get(id);
    out[i] = (code !== undefined ? isDateFormatCode(code) : isBuiltinDateFormat(id)) ? 1 : 0;
  });
  return out;
}
