import { issue, type Issue } from '../validate/issue.js';
import type { WorkCalendar } from './workdays.js';

/**
 * The loud warnings of DOMAIN §3 for the years a computation used: no holiday data at all, or
 * only the office's own entries for a year the built-in State Council data does not cover
 * (two typed days must not pass for a whole year's 放假安排).
 */
export function calendarWarnings(cal: WorkCalendar, years: Iterable<number>): Issue[] {
  const out: Issue[] = [];
  for (const year of new Set(years)) {
    if (!cal.covers(year)) out.push(issue('calendar.yearMissing', {}, { year }));
    else if (!cal.hasBuiltin(year))
      out.push(issue('calendar.yearOfficeOnly', {}, { year, count: cal.officeDays(year) }));
  }
  return out;
}
