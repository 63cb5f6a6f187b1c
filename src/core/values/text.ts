/**
 * Text normalisation for matching what people type against what we expect.
 * NFKC folds full-width digits, letters and punctuation (（１２）→ (12)), which is what
 * WPS and Chinese input methods produce half the time.
 */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/** Key for matching names (headers, HQ names, labels): NFKC, no whitespace at all, no trailing colon. */
export function matchKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000]+/gu, '')
    .replace(/[:：]+$/u, '');
}

/** True when text would be taken as a formula by a spreadsheet if typed (= + - @). */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@]/u.test(s.trimStart());
}
