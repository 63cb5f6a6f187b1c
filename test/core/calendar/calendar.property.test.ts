import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_HOLIDAYS } from '../../../src/core/calendar/builtin.js';
import {
  addDays,
  dayNumber,
  fromDayNumber,
  isoDate,
  isoWeekday,
  type IsoDate,
} from '../../../src/core/values/dates.js';
import { periodSchedule } from '../../../src/core/calendar/schedule.js';
import { WorkCalendar, type DayOverride } from '../../../src/core/calendar/workdays.js';
import { DEFAULT_RULES } from '../../../src/core/rules/ruleset.js';

const RUNS = { seed: 42, numRuns: 300 } as const;

const dayArb = fc.integer({ min: dayNumber('2005-01-01'), max: dayNumber('2026-12-31') }).map(fromDayNumber);

/** Office entries near a day, so that they actually move deadlines. */
const overridesNear = (center: IsoDate): fc.Arbitrary<DayOverride[]> =>
  fc
    .uniqueArray(
      fc.record({
        offset: fc.integer({ min: -20, max: 20 }),
        type: fc.constantFrom('休' as const, '班' as const),
      }),
      { maxLength: 15, selector: (o) => o.offset },
    )
    .map((os) => os.map((o) => ({ date: addDays(center, o.offset), type: o.type })));

const periodArb = fc.record({
  year: fc.integer({ min: 2005, max: 2026 }),
  month: fc.integer({ min: 1, max: 12 }),
  half: fc.constantFrom(1 as const, 2 as const),
});

/** Working days as DOMAIN §3 defines them, written independently of WorkCalendar. */
function oracle(overrides: readonly DayOverride[]): (d: IsoDate) => boolean {
  const mine = new Map(overrides.map((o) => [o.date, o.type]));
  return (d) => {
    const o = mine.get(d);
    if (o !== undefined) return o === '班';
    if (BUILTIN_HOLIDAYS.holidays.has(d)) return false;
    if (BUILTIN_HOLIDAYS.workdays.has(d)) return true;
    return isoWeekday(d) <= 5;
  };
}

const daysBetween = (from: IsoDate, to: IsoDate): IsoDate[] => {
  const out: IsoDate[] = [];
  for (let d = addDays(from, 1); d < to; d = addDays(d, 1)) out.push(d);
  return out;
};

describe('working-day calendar properties (2005–2026, random office overrides)', () => {
  it('agrees with the definition of a working day', () => {
    fc.assert(
      fc.property(
        dayArb.chain((d) => fc.tuple(fc.constant(d), overridesNear(d), fc.integer({ min: -25, max: 25 }))),
        ([center, overrides, offset]) => {
          const day = addDays(center, offset);
          expect(new WorkCalendar(overrides).isWorkday(day)).toBe(oracle(overrides)(day));
        },
      ),
      RUNS,
    );
  });

  it('steps to the nearest working day on or before / on or after any date', () => {
    fc.assert(
      fc.property(
        dayArb.chain((d) => fc.tuple(fc.constant(d), overridesNear(d))),
        ([day, overrides]) => {
          const cal = new WorkCalendar(overrides);
          const before = cal.onOrBefore(day);
          const after = cal.onOrAfter(day);
          expect(cal.isWorkday(before) && cal.isWorkday(after)).toBe(true);
          expect(before <= day && day <= after).toBe(true);
          expect(daysBetween(before, addDays(day, 1)).some((d) => cal.isWorkday(d))).toBe(false);
          expect(daysBetween(addDays(day, -1), after).some((d) => cal.isWorkday(d))).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('gives every report period a due date and a bulletin date as DOMAIN §3 decides', () => {
    const arb = periodArb.chain((p) =>
      fc.tuple(fc.constant(p), overridesNear(isoDate(p.year, p.month, p.half === 1 ? 12 : 25))),
    );
    fc.assert(
      fc.property(arb, ([p, overrides]) => {
        const cal = new WorkCalendar(overrides);
        const s = periodSchedule(p, cal, DEFAULT_RULES);
        const bulletinDay = isoDate(p.year, p.month, p.half === 1 ? 13 : 26);
        // The due date: a working day, never after the 12th/25th, the last one before it.
        expect(cal.isWorkday(s.due)).toBe(true);
        expect(s.due <= s.nominal).toBe(true);
        expect(daysBetween(s.due, s.nominal).filter((d) => cal.isWorkday(d))).toEqual([]);
        if (cal.isWorkday(s.nominal)) expect(s.due).toBe(s.nominal);
        // The bulletin: a working day on or after the 13th/26th, the first one.
        expect(cal.isWorkday(s.bulletin)).toBe(true);
        expect(s.bulletin >= bulletinDay).toBe(true);
        expect(daysBetween(addDays(bulletinDay, -1), s.bulletin).filter((d) => cal.isWorkday(d))).toEqual([]);
      }),
      RUNS,
    );
  });
});
