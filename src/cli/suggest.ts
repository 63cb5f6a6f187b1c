import { distance } from 'fastest-levenshtein';

/**
 * The known name a mistyped one most likely meant, or nothing when none is close: commander's
 * rule (at most 3 edits, and at least 40% of the name alike), so `merg` → `merge`, `mastr` →
 * `master`, but `frobnicate` → nothing. Ties go to the first name in `known` (a stable order).
 *
 * @example closestName('merg', ['merge', 'score']) // 'merge'
 */
export function closestName(typed: string, known: readonly string[]): string | undefined {
  const word = typed.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    const d = distance(word, name.toLowerCase());
    const alike = (Math.max(word.length, name.length) - d) / Math.max(word.length, name.length);
    if (d > 3 || alike <= 0.4) continue;
    if (!best || d < best.d) best = { name, d };
  }
  return best?.name;
}
