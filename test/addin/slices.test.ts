import { describe, expect, it } from 'vitest';
import { inSlices, isCancelled, type WorkStep } from '../../src/addin/slices.js';

/** Long work in slices: every step said in order, the page given turns, 取消 before anything is used. */
describe('work in slices', () => {
  const busy = (n: number): number => {
    // A file's work that takes a while (the slice gives the event loop back between files).
    let x = 0;
    for (let i = 0; i < 200_000; i++) x += i % 7;
    return n + (x > 0 ? 1 : 0);
  };

  it('says each file read, in order, then writing; gives the event loop back meanwhile', async () => {
    const steps: WorkStep[] = [];
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const out = await inSlices(
      Array.from({ length: 300 }, (_, i) => i),
      busy,
      () => 2,
      { step: (s) => steps.push(s), cancelled: () => false },
    );
    clearInterval(ticker);
    expect(out).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(steps.slice(0, 300).map((s) => (s.phase === 'reading' ? s.done : -1))).toEqual(
      Array.from({ length: 300 }, (_, i) => i + 1),
    );
    expect(steps[299]).toEqual({ phase: 'reading', done: 300, total: 300, rows: 600 });
    expect(steps[300]).toEqual({ phase: 'writing', total: 300, rows: 600 });
    expect(steps).toHaveLength(301);
    // Other work ran between the slices (a timer here; the page's clicks in the browser test).
    expect(turns).toBeGreaterThan(0);
  });

  it('stops between files once cancelled, before any result is used', async () => {
    const seen: number[] = [];
    let stop = false;
    const run = inSlices(
      Array.from({ length: 1000 }, (_, i) => i),
      (n) => {
        seen.push(n);
        return busy(n);
      },
      () => 1,
      {
        step: (s) => {
          if (s.phase === 'reading' && s.done === 10) stop = true;
        },
        cancelled: () => stop,
      },
    );
    const e: unknown = await run.catch((x: unknown) => x);
    expect(isCancelled(e)).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(10);
    expect(seen.length).toBeLessThan(1000);
  });

  it('without progress, is plain work over the items', async () => {
    expect(
      await inSlices(
        [1, 2, 3],
        (n) => n * 2,
        () => 0,
      ),
    ).toEqual([2, 4, 6]);
  });
});
