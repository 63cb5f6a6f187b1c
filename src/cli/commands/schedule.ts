import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseCommandArgs } from '../args.js';
import { instantToCst } from '../../core/values/dates.js';
import type { IssueCode } from '../../core/issues/codes.js';
import { formatMessage, message, type IssueParams } from '../../core/issues/issue.js';
import { isIssue } from '../../core/workbook/identify.js';
import { needSection } from '../../adapters/mail/config.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { localeOf } from '../lang.js';
import { clockAt, loadConfig } from '../mail-common.js';
import { realClock, scheduleLoop, scheduleRun, type ScheduleClock } from '../schedule-run.js';
export { SCHEDULE_USAGE } from '../usage.js';

/** kpd schedule: the fortnight's routine, long-running or one look at the clock (--once). */
export async function scheduleCommand(
  argv: readonly string[],
  io: Io,
  clock?: ScheduleClock,
): Promise<ExitCode> {
  const { values } = parseCommandArgs({
    args: [...argv],
    options: {
      master: { type: 'string' },
      config: { type: 'string' },
      send: { type: 'boolean' },
      once: { type: 'boolean' },
      at: { type: 'string' },
      'dry-run': { type: 'boolean' },
      lang: { type: 'string' },
    },
  });
  const locale = localeOf(values.lang, io.env);
  const say = (code: IssueCode, params: IssueParams = {}): string => formatMessage(code, params, locale);
  if (!values.master) throw new UsageError(say('mail.usage.master'));
  if (!values.config) throw new UsageError(say('mail.usage.config'));
  if (values.at !== undefined && !values.once && !values['dry-run'])
    throw new UsageError(say('mail.usage.at', { value: values.at }));
  const fixed = values.at !== undefined ? clockAt(values.at, locale) : undefined;
  const config = await loadConfig(values.config, io.cwd, locale);
  // Every step reads the mailbox; --send needs the outgoing server too.
  for (const section of values.send ? (['imap', 'smtp'] as const) : (['imap'] as const)) {
    const need = needSection(config, section, 'kpd schedule');
    if (isIssue(need)) throw new UsageError(message(need, locale));
  }
  const dry = values['dry-run'] === true;
  const run = await scheduleRun({
    config,
    masterPath: resolve(io.cwd, values.master),
    io,
    locale,
    send: values.send === true,
    dry,
    once: values.once === true,
  });
  if (values.once || dry) {
    const r = await run.tick(fixed?.instant ?? clock?.now() ?? new Date());
    return !r.go ? EXIT.unusable : run.failed() ? EXIT.findings : EXIT.ok;
  }
  const c = clock ?? realClock();
  const log = config.schedule.log;
  const send = say(values.send ? 'schedule.sendOn' : 'schedule.sendOff');
  const started = say('schedule.started', { master: values.master, config: values.config, send });
  io.out(started + '\n');
  await mkdir(dirname(log), { recursive: true });
  await appendFile(log, `${instantToCst(c.now())} ${started}\n`);
  const asked = await scheduleLoop(run, c);
  return !asked ? EXIT.unusable : run.failed() ? EXIT.findings : EXIT.ok;
}
