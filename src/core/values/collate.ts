/**
 * THE order of text in kpd: every sort of strings goes through this file, so that the same inputs
 * give the same output on every machine, in the CLI and in either pane (never `localeCompare` with
 * the machine's locale, never a second collator; test/architecture/collate.test.ts keeps it so).
 * Text people read in order — names, units, sheets, codes, dates — by compareText; paths and file
 * names by compareCodePoints (the order inputs are read and listed in, as it has always been).
 *
 * Chinese collation (pinyin), the order a clerk expects in a list of names, then code points:
 * two strings the collator holds equal (a zero-width space, full- and half-width forms…) still
 * come in one fixed order, so sorting never depends on the order of the input.
 */
const ZH = new Intl.Collator('zh-CN');

export function compareText(a: string, b: string): number {
  return ZH.compare(a, b) || compareCodePoints(a, b);
}

/**
 * Code-point order (not UTF-16 units: 𠀀 U+20000 after 豈 U+F900). For paths and file names, for
 * canonical forms that must not depend on the collation data of a Node or browser version (the
 * rule set's id hashes its keys in this order), and compareText's tie-break.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const x = a[Symbol.iterator]();
  const y = b[Symbol.iterator]();
  for (;;) {
    const p = x.next();
    const q = y.next();
    if (p.done === true || q.done === true) return p.done === true ? (q.done === true ? 0 : -1) : 1;
    const d = (p.value.codePointAt(0) ?? 0) - (q.value.codePointAt(0) ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
}
