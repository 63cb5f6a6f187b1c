import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/**
 * The statutory holidays and 调休 working days of the State Council's yearly notices, as kept
 * by the maintained package chinese-days (2004 onward). Pure data: no clock, no I/O.
 */
export interface HolidayData {
  /** Date → name of a statutory rest day (holiday), e.g. "2026-10-01" → "国庆节". */
  readonly holidays: ReadonlyMap<string, string>;
  /** Date → name of a weekend day made a working day by 调休. */
  readonly workdays: ReadonlyMap<string, string>;
  /** Years the data covers. */
  readonly years: ReadonlySet<number>;
}

const chineseName = (v: string): string => v.split(',')[1] ?? v;

function load(): HolidayData {
  const holidays = new Map(Object.entries(data.holidays).map(([d, v]) => [d, chineseName(v)]));
  const workdays = new Map(Object.entries(data.workdays).map(([d, v]) => [d, chineseName(v)]));
  const years = new Set([...holidays.keys()].map((d) => Number(d.slice(0, 4))));
  return { holidays, workdays, years };
}

export const BUILTIN_HOLIDAYS: HolidayData = load();
