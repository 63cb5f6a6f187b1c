import { isoWeekday } from '../core/values/dates.js';
import type { DeadlinesJob } from '../core/jobs/deadlines.js';
import type { WorkCalendar } from '../core/calendar/workdays.js';
import { formatMessage, message, type Locale } from '../core/issues/issue.js';
import { table } from './format.js';
import { columns, say } from './say.js';

/** What kpd deadlines prints: the year's dates as JSON (--json), or its tables for a person. */

export function deadlinesJson(
  result: DeadlinesJob['result'],
  warnings: DeadlinesJob['issues'],
  locale: Locale,
) {
  const { year, source, periods, weeks } = result;
  return {
    year,
    calendar: source,
    periods: periods.map((p) => ({
      period: p.period,
      nominal: p.nominal,
      due: p.due,
      bulletin: p.bulletin,
    })),
    ...(weeks && {
      weeks: weeks.map((w) => ({
        week: w.week,
        meeting: w.meeting,
        meetingHeld: w.held,
        topicCutoff: w.topicCutoff,
        agentReportDue: w.agentReportDue,
      })),
    }),
    warnings: warnings.map((w) => ({
      code: w.code,
      sheet: w.sheet ?? null,
      row: w.row ?? null,
      message: message(w, locale),
    })),
  };
}

/** The title, the half-months' table and (with --weekly) the weeks'. */
export function deadlinesText(
  result: DeadlinesJob['result'],
  calendar: WorkCalendar,
  locale: Locale,
): string {
  const { year, source, periods, weeks } = result;
  const weekdays = columns('say.weekdays', locale);
  const day = (d: string): string => `${d.slice(5)} ${weekdays[isoWeekday(d)]}`;
  const title = say('say.deadlines.title', locale, { year, source: say(`say.deadlines.${source}`, locale) });
  const halves = table(
    columns('say.deadlines.columns', locale),
    periods.map((p) => [
      locale === 'en' ? p.period : p.label,
      say('say.deadlines.number', locale, { number: p.number }),
      day(p.nominal),
      day(p.due),
      day(p.bulletin),
      p.due !== p.nominal
        ? say('say.deadlines.earlier', locale, {
            day: calendar.dayName(p.nominal) ?? say('say.deadlines.restDay', locale),
          })
        : '',
    ]),
  );
  if (!weeks) return `${title}\n\n${halves}`;
  const weekTable = table(
    columns('say.deadlines.weekColumns', locale),
    weeks.map((w) => [
      w.week,
      // A rest-day Saturday has no meeting (DOMAIN §5): said, with no cut-off.
      w.held
        ? w.meeting
        : formatMessage(
            'meeting.notHeldShort',
            { date: w.meeting, name: calendar.dayName(w.meeting) ?? '' },
            locale,
          ),
      w.held ? w.topicCutoff.slice(0, 16) : '',
      w.agentReportDue.slice(0, 16),
    ]),
  );
  return `${title}\n\n${halves}\n${weekTable}`;
}
