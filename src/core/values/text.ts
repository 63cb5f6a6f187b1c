/**
 * Text normalisation for matching what people type against what we expect.
 * NFKC folds full-width digits, letters and punctuation (（１２）→ (12)), which is what
 * WPS and Chinese input methods produce half the time.
 */
export function normalizeText(s: string): string {
  // Most cells are plain ASCII or ordinary CJK: skip the costly NFKC pass when it cannot change anything.
  if (!NEEDS_WORK.test(s)) return s;
  return s.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/**
 * Characters NFKC may change (full-width forms, compatibility ideographs, ligatures, other
 * spaces), plus whitespace to collapse or trim. Text without any is already normal.
 */
const NEEDS_WORK = /[^\u0021-\u007e\u4e00-\u9fff\u3001-\u3002\u300a-\u3011\u3014-\u301b]|^\s|\s$|\s\s/u;
const KEY_NEEDS_WORK = /[^\u0021-\u0039\u003b-\u007e\u4e00-\u9fff]/u;

/** Key for matching names (headers, HQ names, labels): NFKC, no whitespace at all, no trailing colon. */
export function matchKey(s: string): string {
  if (!KEY_NEEDS_WORK.test(s)) return s;
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000]+/gu, '')
    .replace(/[:：]+$/u, '');
}

/** True when text would be taken as a formula by a spreadsheet if typed (= + - @). */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@]/u.test(s.trimStart());
}
