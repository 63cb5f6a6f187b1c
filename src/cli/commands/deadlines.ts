import { resolve } from 'node:path';
import { parseCommandArgs } from '../args.js';
import { isoWeekday } from '../../core/values/dates.js';
import { deadlinesJob } from '../../core/jobs/deadlines.js';
import { HOLIDAYS } from '../../core/schema/master.js';
import { formatMessage, message } from '../../core/issues/issue.js';
import { calendarContext, loadMaster } from '../context.js';
export { DEADLINES_USAGE } from '../usage.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { localeOf } from '../lang.js';
import { columns, say, warningLine } from '../say.js';
import { table } from '../format.js';

export async function deadlinesCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      holidays: { type: 'string' },
      master: { type: 'string' },
      weekly: { type: 'boolean' },
      lang: { type: 'string' },
    },
  });
  const locale = localeOf(values.lang, io.env);
  const year = Number(positionals[0]);
  if (positionals.length !== 1 || !Number.isInteger(year))
    throw new UsageError(say('cli.yearMissing', locale));
  const master = values.master
    ? (await loadMaster(resolve(io.cwd, values.master), locale)).master
    : undefined;
  const ctx = await calendarContext(
    { master, holidays: values.holidays && resolve(io.cwd, values.holidays) },
    locale,
  );
  const job = deadlinesJob({
    year,
    calendar: ctx.calendar,
    rules: ctx.rules,
    ...(master && { master: master.data }),
    ...(values.weekly && { weekly: true }),
    issues: ctx.issues,
  });
  if ('refused' in job) throw new UsageError(message(job.refused, locale));
  const { periods, weeks, source } = job.result;
  const warnings = job.issues;

  // Holiday rows are named by sheet (or file) and row, so the clerk can find them.
  const where = (w: (typeof warnings)[number]): string =>
    w.row !== undefined
      ? say('say.deadlines.where', locale, { sheet: w.sheet ?? values.holidays ?? HOLIDAYS.name, row: w.row })
      : '';
  for (const w of warnings) io.err(warningLine(where(w) + message(w, locale), locale));
  if (values.json) {
    io.out(
      JSON.stringify({
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
      }) + '\n',
    );
    return EXIT.ok;
  }
  io.out(
    say('say.deadlines.title', locale, { year, source: say(`say.deadlines.${source}`, locale) }) + '\n\n',
  );
  const weekdays = columns('say.weekdays', locale);
  const day = (d: string): string => `${d.slice(5)} ${weekdays[isoWeekday(d)]}`;
  io.out(
    table(
      columns('say.deadlines.columns', locale),
      periods.map((p) => [
        locale === 'en' ? p.period : p.label,
        say('say.deadlines.number', locale, { number: p.number }),
        day(p.nominal),
        day(p.due),
        day(p.bulletin),
        p.due !== p.nominal
          ? say('say.deadlines.earlier', locale, {
              day: ctx.calendar.dayName(p.nominal) ?? say('say.deadlines.restDay', locale),
            })
          : '',
      ]),
    ),
  );
  if (weeks) {
    io.out('\n');
    io.out(
      table(
        columns('say.deadlines.weekColumns', locale),
        weeks.map((w) => [
          w.week,
          // A rest-day Saturday has no meeting (DOMAIN §5): said, with no cut-off.
          w.held
            ? w.meeting
            : formatMessage(
                'meeting.notHeldShort',
                { date: w.meeting, name: ctx.calendar.dayName(w.meeting) ?? '' },
                locale,
              ),
          w.held ? w.topicCutoff.slice(0, 16) : '',
          w.agentReportDue.slice(0, 16),
        ]),
      ),
    );
  }
  return EXIT.ok;
}
