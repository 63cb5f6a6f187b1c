/**
 * Characters a person cannot see: control characters (C0, DEL, C1 — the terminal's escape
 * sequences among them), format characters (zero-width spaces and joiners, bidi overrides and
 * isolates, the BOM, the soft hyphen) and the line/paragraph separators. In a file name or an ID
 * they make two different texts look the same (`AY-2026-005` and `AY-2026-005\u200B`), or, on a
 * terminal, rewrite what is shown. Wherever such text is shown it is shown as `<U+200B>`.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const INVISIBLE_ALL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
/** The same, but tab and line feed are layout, not hidden text. */
const INVISIBLE_BUT_LAYOUT = /(?![\t\n])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

const codePoint = (ch: string): string =>
  `<U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`;

/** Whether `s` holds a character a person cannot see (tab and line feed included). */
export const hasInvisible = (s: string): boolean => INVISIBLE.test(s);

const HIDDEN = /(?![\t\n\r])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/**
 * Whether `s` holds a character that hides in it: as `hasInvisible`, but the line breaks and tabs
 * of a multi-line cell are layout, not hidden text.
 */
export const hasHidden = (s: string): boolean => HIDDEN.test(s);

/**
 * `s` with every invisible character written out, e.g. `visible('AY-2026-005\u200B')` →
 * `'AY-2026-005<U+200B>'`. Text without any is returned as it is.
 */
export function visible(s: string): string {
  return INVISIBLE.test(s) ? s.replace(INVISIBLE_ALL, codePoint) : s;
}

/** As `visible`, keeping tabs and line breaks: for whole messages and tables printed on a terminal. */
export function visibleText(s: string): string {
  return INVISIBLE.test(s) ? s.replace(INVISIBLE_BUT_LAYOUT, codePoint) : s;
}

/**
 * JSON with every invisible character escaped as `\uXXXX`: the same value for a program, nothing
 * a terminal acts on when a person prints it.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(INVISIBLE_ALL, (ch) => {
    let out = '';
    for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return out;
  });
}
