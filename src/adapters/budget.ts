/**
 * One size budget for a whole run: every byte read from disk, inflated from an archive (a
 * workbook's parts, a .zip's entries, a .zip inside a .zip), or decoded from an e-mail draws on
 * it, whatever file it came from. Each archive also keeps its own limits (zip.ts); this is the
 * bound that holds across them, so a few small files that each stay within their own limits
 * (zips of zips, several medium zips side by side) cannot together take the run past it.
 *
 * The check comes before the bytes exist (`take` with the size an archive declares, before it is
 * inflated) and the inflater is stopped at that size, so the budget is never passed, even by a
 * lying header. No Node API: the task pane uses it too.
 */
import { UnusableFileError } from './errors.js';

export interface ByteBudget {
  /** Bytes drawn so far. */
  readonly used: number;
  readonly limit: number;
  /**
   * Draw `n` bytes for `what` (a name, for the detail); throws `UnusableFileError('file.runBudget')`
   * and draws nothing when the run would pass its limit.
   */
  take(n: number, what: string): void;
  /** Whether `n` more bytes fit. */
  fits(n: number): boolean;
}

/** The default for a run: far above what a county's reports take (1,000 reports and a 60,000-project master: ~0.2 GB). */
export const RUN_BUDGET_BYTES = 1024 * 1024 * 1024;

export function byteBudget(limit: number = RUN_BUDGET_BYTES): ByteBudget {
  let used = 0;
  return {
    get used() {
      return used;
    },
    limit,
    fits: (n) => used + n <= limit,
    take(n, what) {
      if (used + n > limit) {
        throw new UnusableFileError(
          'file.runBudget',
          `${what}: ${n} more bytes would pass the run's limit of ${limit} bytes (${used} used)`,
        );
      }
      used += n;
    },
  };
}
