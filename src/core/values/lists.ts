/**
 * List helpers that hold for lists of any length. `Math.max(...list)` and `out.push(...list)`
 * pass every element as an argument on the stack and fail past about 100,000 elements
 * ("Maximum call stack size exceeded") — a report with 180,000 findings is such a list.
 */

/** Appends every element of `items` to `out`; returns `out`. */
export function pushAll<T>(out: T[], items: Iterable<T>): T[] {
  for (const x of items) out.push(x);
  return out;
}

/** The largest of `values`, or `empty` when there are none. */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let m = -Infinity;
  let any = false;
  for (const v of values) {
    any = true;
    if (v > m) m = v;
  }
  return any ? m : empty;
}

/** The smallest of `values`, or `empty` when there are none. */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  let m = Infinity;
  let any = false;
  for (const v of values) {
    any = true;
    if (v < m) m = v;
  }
  return any ? m : empty;
}
