import { compareText } from '../values/collate.js';
/**
 * Competition ranking (1, 2, 2, 4) with a stable order among equals.
 */

// Ties are ordered by name as text is ordered everywhere (values/collate.ts: pinyin, then code
// points), the order a clerk expects in a list of names; it also makes the output independent of
// the order of the input rows.

export interface Ranked<T> {
  readonly item: T;
  /** 1 + the number of items with a strictly higher score. */
  readonly rank: number;
  /** 1 + the number of items with a strictly lower score (名次 counted from the bottom). */
  readonly rankFromBottom: number;
}

/**
 * Ranks items by an integer score, highest first.
 * @example competitionRanks([{ n: 'a', s: 9 }, { n: 'b', s: 9 }, { n: 'c', s: 5 }], (x) => x.s, (x) => x.n)
 *   // ranks 1, 1, 3; from the bottom 2, 2, 1
 */
export function competitionRanks<T>(
  items: readonly T[],
  score: (t: T) => number,
  name: (t: T) => string,
): Ranked<T>[] {
  const sorted = [...items].sort((a, b) => score(b) - score(a) || compareText(name(a), name(b)));
  const out: Ranked<T>[] = [];
  let rank = 0;
  let prev: number | undefined;
  for (let i = 0; i < sorted.length; i++) {
    const item = sorted[i] as T;
    const s = score(item);
    if (s !== prev) rank = i + 1;
    prev = s;
    out.push({ item, rank, rankFromBottom: 0 });
  }
  // From the bottom: walk the same list backwards.
  let bottom = 0;
  let next: number | undefined;
  for (let i = out.length - 1; i >= 0; i--) {
    const r = out[i] as Ranked<T>;
    const s = score(r.item);
    if (s !== next) bottom = out.length - i;
    next = s;
    out[i] = { ...r, rankFromBottom: bottom };
  }
  return out;
}
