import { resolve } from 'node:path';
import { parseCommandArgs } from '../args.js';
import { parseReportPeriod } from '../../core/calendar/periods.js';
import type { IntakeWant } from '../../core/jobs/intake.js';
import { heldMeetingsOf } from '../../core/jobs/schedule.js';
import { weekSchedule } from '../../core/calendar/schedule.js';
import { DEFAULT_RULES } from '../../core/rules/ruleset.js';
import { parseDate } from '../../core/values/parse.js';
import { formatMessage, message } from '../../core/issues/issue.js';
import { MailError } from '../../adapters/mail/errors.js';
import { runIntake } from '../../adapters/mail/intake.js';
import { calendarContext, loadMaster, yearWarnings } from '../context.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { localeOf } from '../lang.js';
import { fetchLines, loadConfig } from '../mail-common.js';
export { MAIL_USAGE } from '../usage.js';

/** kpd mail fetch | kpd mail remind. */
export async function mailCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const [sub, ...rest] = argv;
  if (sub === 'fetch') return fetchCommand(rest, io);
  if (sub === 'remind') return (await import('./mail-remind.js')).remindCommand(rest, io);
  const lang = argv.includes('--lang') ? argv[argv.indexOf('--lang') + 1] : undefined;
  throw new UsageError(formatMessage('mail.usage.sub', {}, localeOf(lang, io.env)));
}

const FETCH_OPTIONS = {
  config: { type: 'string' },
  period: { type: 'string' },
  meeting: { type: 'string' },
  into: { type: 'string' },
  master: { type: 'string' },
  holidays: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
} as const;

async function fetchCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const { values } = parseCommandArgs({ args: [...argv], options: FETCH_OPTIONS });
  const locale = localeOf(values.lang, io.env);
  const say = (code: Parameters<typeof formatMessage>[0], params = {}): string =>
    formatMessage(code, params, locale);
  if (!values.config) throw new UsageError(say('mail.usage.config'));
  if ((values.period === undefined) === (values.meeting === undefined))
    throw new UsageError(say('mail.usage.which'));
  if (!values.into) throw new UsageError(say('mail.usage.into'));
  const config = await loadConfig(values.config, io.cwd, locale);
  const master = values.master
    ? (await loadMaster(resolve(io.cwd, values.master), locale)).master
    : undefined;
  const holidays = values.holidays ? resolve(io.cwd, values.holidays) : config.schedule.holidays;
  const ctx = await calendarContext({ master, holidays }, locale);
  const rules = master?.data.rules ?? DEFAULT_RULES;
  let want: IntakeWant;
  if (values.period !== undefined) {
    const period = parseReportPeriod(values.period);
    if (!period) throw new UsageError(say('mail.usage.period', { value: values.period }));
    want = { kind: 'report', period };
  } else {
    const day = parseDate(values.meeting ?? '');
    if (!day.ok || weekSchedule(day.value, rules, ctx.calendar).meeting !== day.value)
      throw new UsageError(
        say('mail.usage.meeting', { value: values.meeting ?? '', weekday: rules.schedule.meetingWeekday }),
      );
    want = { kind: 'topics', meeting: day.value };
  }
  const into = resolve(io.cwd, values.into);
  try {
    const run = await runIntake({
      config,
      want,
      into,
      env: io.env,
      calendar: ctx.calendar,
      rules,
      heldMeetings: master ? heldMeetingsOf(master.data) : [],
      what: 'kpd mail fetch',
    });
    const year = want.kind === 'report' ? want.period.year : Number(want.meeting.slice(0, 4));
    for (const w of [
      ...yearWarnings(ctx.calendar, [year]),
      ...ctx.issues.filter((i) => i.severity !== 'info'),
    ])
      io.err(message(w, locale) + '\n');
    if (values.json) io.out(JSON.stringify({ since: run.since, ...run.report }) + '\n');
    else io.out(fetchLines(run, into, io.cwd, locale).join('\n') + '\n');
    return EXIT.ok;
  } catch (e) {
    if (!(e instanceof MailError)) throw e;
    io.err(e.text(locale) + '\n');
    return EXIT.unusable;
  }
}
