import { dayNumber, fromDayNumber, type IsoDate } from '../values/dates.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import type { Approval, Located } from '../master/types.js';
import type { Issue } from '../issues/issue.js';
import { calendarWarnings } from '../calendar/warnings.js';

/**
 * Due dates of approvals (DOMAIN §7 Decision: 开始日期 plus 时限 in working days, i.e.
 * `calendar.addWorkdays(start, limit)`). Walking the calendar day by day for each of thousands
 * of approvals is slow, so the calendar's working days are laid out once in a table covering
 * the approvals' dates; the n-th working day after a start is then one lookup. The table asks
 * the same `calendar.isWorkday` that `addWorkdays` asks, so the results are the same (tested).
 */
interface DueDates {
  due(a: Located<Approval>): IsoDate;
  /** One 'calendar.yearMissing' per year a due date was counted through without holiday data. */
  readonly issues: readonly Issue[];
}

/** Working days from a first day on, extended forward on demand. */
class WorkdayTable {
  /** Day number of index 0. */
  private base: number;
  /** Index (day − base) of each working day, ascending. */
  private readonly workdays: number[] = [];
  /** For each index so far: how many working days have an index ≤ it. */
  private readonly upTo: number[] = [];

  constructor(
    private readonly calendar: WorkCalendar,
    firstDay: number,
  ) {
    this.base = firstDay;
  }

  /** The day number of the n-th working day after `start` (n ≥ 1), as addWorkdays counts. */
  nthAfter(start: number, n: number): number {
    if (start < this.base) this.restart(start);
    const i = start - this.base;
    this.extendTo(i);
    const k = (this.upTo[i] ?? 0) + n - 1;
    while (this.workdays.length <= k) this.extendTo(this.upTo.length);
    return this.base + (this.workdays[k] ?? 0);
  }

  private extendTo(i: number): void {
    while (this.upTo.length <= i) {
      const idx = this.upTo.length;
      if (this.calendar.isWorkday(fromDayNumber(this.base + idx))) this.workdays.push(idx);
      this.upTo.push(this.workdays.length);
    }
  }

  private restart(firstDay: number): void {
    this.base = firstDay;
    this.workdays.length = 0;
    this.upTo.length = 0;
  }
}

export function dueDates(calendar: WorkCalendar, approvals: readonly Located<Approval>[]): DueDates {
  let first = Infinity;
  for (const a of approvals) first = Math.min(first, dayNumber(a.record.startDate));
  const table = new WorkdayTable(calendar, Number.isFinite(first) ? first : 0);
  const cache = new Map<string, IsoDate>();
  const checkedYears = new Set<number>();
  const issues: Issue[] = [];
  const checkYears = (from: number, to: number): void => {
    for (let y = from; y <= to; y++) {
      if (checkedYears.has(y)) continue;
      checkedYears.add(y);
      issues.push(...calendarWarnings(calendar, [y]));
    }
  };
  return {
    due(a) {
      const { startDate, limitDays } = a.record;
      const key = `${startDate}|${limitDays}`;
      let d = cache.get(key);
      if (d === undefined) {
        d =
          limitDays >= 1
            ? fromDayNumber(table.nthAfter(dayNumber(startDate), limitDays))
            : calendar.addWorkdays(startDate, limitDays);
        cache.set(key, d);
        checkYears(Number(startDate.slice(0, 4)), Number(d.slice(0, 4)));
      }
      return d;
    },
    issues,
  };
}
