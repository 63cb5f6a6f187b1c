import { matchKey } from '../values/text.js';

/**
 * `matchKey` (NFKC, no spaces) with a memory: the same few hundred names and ids are matched
 * tens of thousands of times in a run.
 */
export function keyMemo(): (s: string) => string {
  const memo = new Map<string, string>();
  return (s) => {
    let k = memo.get(s);
    if (k === undefined) {
      k = matchKey(s);
      memo.set(s, k);
    }
    return k;
  };
}
