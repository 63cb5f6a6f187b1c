import type { IsoDate } from '../calendar/dates.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import type { Approval, Located } from '../master/types.js';
import { issue, type Issue } from '../validate/issue.js';

/**
 * Due dates of approvals (DOMAIN §7 Decision: 开始日期 plus 时限 in working days), computed once
 * per (start, limit) pair: many approvals share both, and each computation walks the calendar.
 */
export interface DueDates {
  due(a: Located<Approval>): IsoDate;
  /** One 'calendar.yearMissing' per year a due date was counted through without holiday data. */
  readonly issues: readonly Issue[];
}

export function dueDates(calendar: WorkCalendar): DueDates {
  const cache = new Map<string, IsoDate>();
  const checkedYears = new Set<number>();
  const issues: Issue[] = [];
  const checkYears = (first: number, last: number): void => {
    for (let y = first; y <= last; y++) {
      if (checkedYears.has(y)) continue;
      checkedYears.add(y);
      if (!calendar.covers(y)) issues.push(issue('calendar.yearMissing', {}, { year: y }));
    }
  };
  return {
    due(a) {
      const { startDate, limitDays } = a.record;
      const key = `${startDate}|${limitDays}`;
      let d = cache.get(key);
      if (d === undefined) {
        d = calendar.addWorkdays(startDate, limitDays);
        cache.set(key, d);
        checkYears(Number(startDate.slice(0, 4)), Number(d.slice(0, 4)));
      }
      return d;
    },
    issues,
  };
}
