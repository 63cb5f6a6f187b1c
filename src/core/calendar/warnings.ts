import { issue, message, type Issue } from '../issues/issue.js';
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

/**
 * What a document's dates stand on, year by year (DOMAIN §3): the built-in State Council data,
 * with the office's own entries, or only those, or nothing — the last two being the loud
 * warnings above. A document prints these on its first sheet so the warning travels with it.
 */
export function calendarBasis(cal: WorkCalendar, years: Iterable<number>): Issue[] {
  const out: Issue[] = [];
  for (const year of [...new Set(years)].sort()) {
    const [warning] = calendarWarnings(cal, [year]);
    if (warning) out.push(warning);
    else if (cal.officeDays(year) > 0)
      out.push(issue('calendar.basisOffice', {}, { year, count: cal.officeDays(year) }));
    else out.push(issue('calendar.basisBuiltin', {}, { year }));
  }
  return out;
}

/** The basis as one line of text, for a document's {{节假日依据}}. */
export function calendarBasisText(cal: WorkCalendar, years: Iterable<number>): string {
  return calendarBasis(cal, years)
    .map((i) => message(i, 'zh'))
    .join('');
}
