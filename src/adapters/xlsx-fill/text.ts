import { isDateCell, type Cell } from '../../core/values/grid.js';
import { isoDateTimeToSerial, isoDateToSerial } from '../../core/values/dates.js';
import type { ColumnSpec } from '../../core/schema/types.js';

/** Writing values into SpreadsheetML safely. */

/** Excel's limit for the text of one cell. */
const MAX_CELL_TEXT = 32_767;

/**
 * Text as XML character data: escaped, with the characters XML 1.0 forbids (control
 * characters, lone surrogates) encoded as Excel's _xHHHH_ escapes, never passed through.
 */
/* eslint-disable no-control-regex -- these are exactly the characters to replace */
// Code units, no u flag and no lookbehind, so the task panes' ES5 build keeps it as it is: a
// surrogate pair is matched whole (and kept), so a surrogate matched alone is a lone one.
const UNSAFE =
  /[&<>"]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]|_(?=x[0-9A-Fa-f]{4}_)/g;
/** Cheap test first: almost every cell needs no escaping at all. */
const MAYBE_UNSAFE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]|_x/u;
/* eslint-enable no-control-regex */

export function xmlText(s: string): string {
  const t = s.length > MAX_CELL_TEXT ? s.slice(0, MAX_CELL_TEXT) : s;
  if (!MAYBE_UNSAFE.test(t)) return t;
  return t.replace(UNSAFE, (ch) => {
    if (ch.length === 2) return ch; // a character outside the BMP, written as it is
    switch (ch) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case '_':
        // Text that looks like Excel's own escape (_x0041_) keeps its underscore.
        return '_x005F_';
      default:
        return `_x${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}_`;
    }
  });
}

const NEEDS_PRESERVE = /^\s|\s$|[\t\n\r]/u;

/** Whether the text's spaces and line breaks must be kept explicitly (xml:space="preserve"). */
export const needsPreserve = (text: string): boolean => NEEDS_PRESERVE.test(text);

/** An inline string cell: always text, never a formula, whatever it starts with (= + - @). */
export function inlineStringCell(ref: string, style: string | undefined, text: string): string {
  const s = style !== undefined ? ` s="${style}"` : '';
  const t = needsPreserve(text) ? '<t xml:space="preserve">' : '<t>';
  return `<c r="${ref}"${s} t="inlineStr"><is>${t}${xmlText(text)}</t></is></c>`;
}

function numberCell(ref: string, style: string | undefined, n: number): string {
  const s = style !== undefined ? ` s="${style}"` : '';
  return Number.isFinite(n) ? `<c r="${ref}"${s}><v>${n}</v></c>` : `<c r="${ref}"${s}/>`;
}

function emptyCell(ref: string, style: string | undefined): string {
  return style !== undefined ? `<c r="${ref}" s="${style}"/>` : '';
}

/** A cell holding `v` as its column's type wants it: numbers, dates as serials, text inline. */
export function valueCellXml(
  ref: string,
  style: string | undefined,
  v: Cell | undefined,
  col: ColumnSpec | undefined,
): string {
  if (v === undefined || v === null) return emptyCell(ref, style);
  if (typeof v === 'number') return numberCell(ref, style, v);
  if (typeof v === 'boolean') return numberCell(ref, style, v ? 1 : 0);
  if (isDateCell(v)) return numberCell(ref, style, v.serial);
  if (typeof v === 'object') return inlineStringCell(ref, style, v.code);
  if (col?.type === 'date' && /^\d{4}-\d{2}-\d{2}$/u.test(v))
    return numberCell(ref, style, isoDateToSerial(v));
  if (col?.type === 'datetime' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/u.test(v))
    return numberCell(ref, style, isoDateTimeToSerial(v));
  return inlineStringCell(ref, style, v);
}
