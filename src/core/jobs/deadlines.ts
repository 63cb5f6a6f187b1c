import { Meetings } from '../calendar/meetings.js';
import { weeksOfYear, yearSchedule, type PeriodSchedule, type WeekSchedule } from '../calendar/schedule.js';
import { calendarWarnings } from '../calendar/warnings.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import { masterMeetings } from '../master/meetings.js';
import type { MasterData } from '../master/types.js';
import type { RuleSet } from '../rules/ruleset.js';
import { issue, type Issue } from '../issues/issue.js';

/** The years a schedule can be made for. */
const DEADLINE_YEARS = { from: 2000, to: 2100 } as const;

interface DeadlinesInput {
  readonly year: number;
  readonly calendar: WorkCalendar;
  readonly rules: RuleSet;
  /** The master, when given: its 例会 sheet says which meetings are held. */
  readonly master?: MasterData;
  /** The weekly lines too: meeting, topic cut-off, agents' report due. */
  readonly weekly?: boolean;
  /** What reading the calendar found (a holiday row not understood …). */
  readonly issues?: readonly Issue[];
}

export interface DeadlinesJob {
  readonly result: {
    readonly year: number;
    /** Where the year's holidays come from. */
    readonly source: 'builtin' | 'office' | 'none';
    readonly periods: readonly PeriodSchedule[];
    readonly weeks?: readonly WeekSchedule[];
  };
  /** What the clerk must be told: the calendar's problems and a year without holiday data. */
  readonly issues: readonly Issue[];
}

/**
 * kpd deadlines: the half-month reports' due and bulletin dates of a year (and its weeks), as
 * the calendar and the rule set make them; a year out of range is refused.
 */
export function deadlinesJob(input: DeadlinesInput): DeadlinesJob | { refused: Issue } {
  const { year, calendar, rules } = input;
  if (!Number.isInteger(year) || year < DEADLINE_YEARS.from || year > DEADLINE_YEARS.to)
    return { refused: issue('cli.yearRange', {}, { year }) };
  const meetings = input.master ? masterMeetings(input.master, calendar) : new Meetings(rules, calendar);
  return {
    result: {
      year,
      source: calendar.source(year),
      periods: yearSchedule(year, calendar, rules),
      ...(input.weekly && { weeks: weeksOfYear(year, rules, calendar, meetings) }),
    },
    issues: [
      ...(input.issues ?? []).filter((i) => i.severity !== 'info'),
      ...calendarWarnings(calendar, [year]),
    ],
  };
}
