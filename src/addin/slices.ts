import type { SubmissionRead } from '../core/bulletin/build.js';

/**
 * Long work in the pane done in slices: between files the page gets the event loop back (it
 * paints the counts, answers clicks, sees 取消), so 1,000 reports never freeze it.
 */

/** Where a long action is: files read of all, rows read so far, or writing the result. */
export type WorkStep =
  | { readonly phase: 'reading'; readonly done: number; readonly total: number; readonly rows: number }
  | { readonly phase: 'writing'; readonly total: number; readonly rows: number };

/** What the page gives a long action: where to say each step, and whether 取消 was clicked. */
export interface WorkProgress {
  step(s: WorkStep): void;
  cancelled(): boolean;
}

/** Thrown between slices once 取消 was clicked: nothing has been written by then. */
export class WorkCancelled extends Error {
  /** Known by this mark too: in ES5 (Babel) an Error subclass's prototype may be lost. */
  readonly kpdCancelled = true;
  constructor() {
    super('cancelled');
    Object.setPrototypeOf(this, WorkCancelled.prototype);
  }
}

export const isCancelled = (e: unknown): boolean =>
  e instanceof WorkCancelled ||
  (typeof e === 'object' && e !== null && (e as { kpdCancelled?: unknown }).kpdCancelled === true);

/** The event loop back to the page (a timer: IE11 has no scheduler API). */
const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** How long the page goes without the event loop at most (apart from one file's work). */
const SLICE_MS = 25;

/**
 * `work` over `items` one at a time, the page given the event loop whenever a slice's time is
 * spent; each step said through `progress`, which may stop the work before any result is used.
 * `rowsOf` counts the rows a result holds (for the count shown).
 */
export async function inSlices<T, R>(
  items: readonly T[],
  work: (item: T) => R,
  rowsOf: (result: R) => number,
  progress?: WorkProgress,
): Promise<R[]> {
  const out: R[] = [];
  let rows = 0;
  let sliceStart = Date.now();
  const total = items.length;
  for (const item of items) {
    if (progress) {
      if (Date.now() - sliceStart >= SLICE_MS) {
        await yieldToPage();
        sliceStart = Date.now();
      }
      if (progress.cancelled()) throw new WorkCancelled();
    }
    const r = work(item);
    rows += rowsOf(r);
    out.push(r);
    progress?.step({ phase: 'reading', done: out.length, total, rows });
  }
  if (progress) {
    await yieldToPage();
    if (progress.cancelled()) throw new WorkCancelled();
    // From here on the result is made and handed over: 取消 no longer applies.
    progress.step({ phase: 'writing', total, rows });
    await yieldToPage();
  }
  return out;
}

/** Rows a report held: used, and not used (rows in = progress + site visits + rejected). */
export function rowsOfSubmission(s: SubmissionRead): number {
  return s.kind === 'candidate' || s.kind === 'setAside'
    ? s.read.progress.length + s.read.siteVisits.length + s.read.rejected.length
    : 0;
}
