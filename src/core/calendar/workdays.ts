import { BUILTIN_HOLIDAYS, type HolidayData } from './builtin.js';
import { addDays, isoWeekday, yearOf, type IsoDate } from '../values/dates.js';
import { DAY_TYPE, type DayType } from '../rules/vocab.js';

/** One line of a 节假日 sheet or --holidays file: 休 = a day off, 班 = a working day. */
export interface DayOverride {
  readonly date: IsoDate;
  readonly type: DayType;
  readonly note?: string;
}

/**
 * Working days: Monday–Friday, minus statutory holidays, plus 调休 working weekends; the
 * office's own entries (节假日 sheet, --holidays file) override the built-in data.
 */
export class WorkCalendar {
  private readonly overrides: ReadonlyMap<IsoDate, DayOverride>;
  private readonly overrideYears: ReadonlySet<number>;

  constructor(
    overrides: readonly DayOverride[] = [],
    private readonly data: HolidayData = BUILTIN_HOLIDAYS,
  ) {
    this.overrides = new Map(overrides.map((o) => [o.date, o]));
    this.overrideYears = new Set(overrides.map((o) => yearOf(o.date)));
  }

  /** Whether the year's holidays are known (built in, or entered by the office). */
  covers(year: number): boolean {
    return this.data.years.has(year) || this.overrideYears.has(year);
  }

  /** Whether the built-in State Council data covers the year. */
  hasBuiltin(year: number): boolean {
    return this.data.years.has(year);
  }

  /** How many days of the year the office entered itself. */
  officeDays(year: number): number {
    let n = 0;
    for (const d of this.overrides.keys()) if (yearOf(d) === year) n++;
    return n;
  }

  /** The source of a year's calendar: 内置数据, 节假日表, or none. */
  source(year: number): 'builtin' | 'office' | 'none' {
    if (this.overrideYears.has(year)) return 'office';
    return this.data.years.has(year) ? 'builtin' : 'none';
  }

  isWorkday(date: IsoDate): boolean {
    const o = this.overrides.get(date);
    if (o) return o.type === DAY_TYPE.work;
    if (this.data.holidays.has(date)) return false;
    if (this.data.workdays.has(date)) return true;
    return isoWeekday(date) <= 5;
  }

  /**
   * A statutory rest day (法定节假日, with the weekend days of its span): not an ordinary weekend.
   * The office's entries decide first, as for working days.
   */
  isRestDay(date: IsoDate): boolean {
    const o = this.overrides.get(date);
    if (o) return o.type === DAY_TYPE.rest;
    return this.data.holidays.has(date);
  }

  /** Name of the holiday or 调休 day, if any. */
  dayName(date: IsoDate): string | undefined {
    return this.overrides.get(date)?.note ?? this.data.holidays.get(date) ?? this.data.workdays.get(date);
  }

  /** The last working day on or before `date` ("遇节假日提前"). */
  onOrBefore(date: IsoDate): IsoDate {
    let d = date;
    for (let i = 0; i < 60 && !this.isWorkday(d); i++) d = addDays(d, -1);
    return d;
  }

  /** The first working day on or after `date`. */
  onOrAfter(date: IsoDate): IsoDate {
    let d = date;
    for (let i = 0; i < 60 && !this.isWorkday(d); i++) d = addDays(d, 1);
    return d;
  }

  /**
   * `start` plus `n` working days: the day on which the n-th working day after `start` falls.
   * @example cal.addWorkdays('2026-09-30', 1) // '2026-10-08' (after the 国庆 holidays)
   */
  addWorkdays(start: IsoDate, n: number): IsoDate {
    let d = start;
    let left = n;
    while (left > 0) {
      d = addDays(d, 1);
      if (this.isWorkday(d)) left--;
    }
    return d;
  }
}
