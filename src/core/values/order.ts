/**
 * The order of the files a run collects (folder entries, zip entries, the reports picked or
 * named): UTF-16 code units, the same on every machine and in every browser — the same inputs
 * give the same bulletin, byte for byte. (Names shown to people in a list are ordered by the
 * zh-CN collator instead: core/scoring/rank.ts.)
 */
export const codeUnitOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Things read from files, in the order of their display paths. */
export const byFile = <T extends { readonly file: string }>(a: T, b: T): number =>
  codeUnitOrder(a.file, b.file);
