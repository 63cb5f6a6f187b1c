import { resolve } from 'node:path';
import { parseCommandArgs } from '../args.js';
import { deadlinesJob } from '../../core/jobs/deadlines.js';
import { HOLIDAYS } from '../../core/schema/master.js';
import { message } from '../../core/issues/issue.js';
import { calendarContext, loadMaster } from '../context.js';
export { DEADLINES_USAGE } from '../usage.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { localeOf } from '../lang.js';
import { say, warningLine } from '../say.js';
import { deadlinesJson, deadlinesText } from '../render-deadlines.js';

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
  const warnings = job.issues;
  // Holiday rows are named by sheet (or file) and row, so the clerk can find them.
  const where = (w: (typeof warnings)[number]): string =>
    w.row !== undefined
      ? say('say.deadlines.where', locale, { sheet: w.sheet ?? values.holidays ?? HOLIDAYS.name, row: w.row })
      : '';
  for (const w of warnings) io.err(warningLine(where(w) + message(w, locale), locale));
  io.out(
    values.json
      ? JSON.stringify(deadlinesJson(job.result, warnings, locale)) + '\n'
      : deadlinesText(job.result, ctx.calendar, locale),
  );
  return EXIT.ok;
}
