import { resolve } from 'node:path';
import { parseCommandArgs } from '../args.js';
import { parseReportPeriod } from '../../core/calendar/periods.js';
import { DEFAULT_OFFICE } from '../../core/jobs/remind.js';
import { formatMessage, message, type Locale } from '../../core/issues/issue.js';
import { isIssue } from '../../core/workbook/identify.js';
import { needSection } from '../../adapters/mail/config.js';
import { serverPassword } from '../../adapters/mail/credentials.js';
import { MailError } from '../../adapters/mail/errors.js';
import { sendMails, writeOutbox } from '../../adapters/mail/smtp.js';
import { calendarContext, loadMaster, yearWarnings } from '../context.js';
import { displayPath } from '../format.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { localeOf } from '../lang.js';
import {
  clockAt,
  loadConfig,
  prepareReminders,
  reportStatus,
  type PreparedReminders,
} from '../mail-common.js';

const OPTIONS = {
  master: { type: 'string' },
  period: { type: 'string' },
  reports: { type: 'string', multiple: true },
  config: { type: 'string' },
  send: { type: 'boolean' },
  outbox: { type: 'string' },
  at: { type: 'string' },
  office: { type: 'string' },
  holidays: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
} as const;

/** kpd mail remind: reminders before the due date, 催报 after it; shown, written or sent. */
export async function remindCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const { values } = parseCommandArgs({ args: [...argv], options: OPTIONS });
  const locale = localeOf(values.lang, io.env);
  const say = (code: Parameters<typeof formatMessage>[0], params = {}): string =>
    formatMessage(code, params, locale);
  if (!values.master) throw new UsageError(say('mail.usage.master'));
  const period = values.period !== undefined ? parseReportPeriod(values.period) : undefined;
  if (!period) throw new UsageError(say('mail.usage.period', { value: values.period ?? '' }));
  if (values.send && !values.config) throw new UsageError(say('mail.usage.config'));
  const at = clockAt(values.at, locale);
  const config = values.config ? await loadConfig(values.config, io.cwd, locale) : undefined;
  const smtp = config && needSection(config, 'smtp', 'kpd mail remind --send');
  if (values.send && (!smtp || isIssue(smtp)))
    throw new UsageError(smtp && isIssue(smtp) ? message(smtp, locale) : '');
  const { master } = await loadMaster(resolve(io.cwd, values.master), locale);
  const holidays = values.holidays ? resolve(io.cwd, values.holidays) : config?.schedule.holidays;
  const ctx = await calendarContext({ master, holidays }, locale);
  const status = values.reports?.length
    ? await reportStatus(values.reports, io.cwd, master, period, ctx.calendar, locale)
    : undefined;
  const prepared = await prepareReminders({
    master,
    period,
    calendar: ctx.calendar,
    at,
    status,
    office: values.office ?? config?.schedule.office ?? DEFAULT_OFFICE,
    from: smtp && !isIssue(smtp) ? smtp.from : '',
    locale,
  });
  const errors = prepared.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new UsageError(errors.map((i) => message(i, locale)).join('\n'));
  const years = yearWarnings(ctx.calendar, [period.year]);
  for (const w of [...years, ...prepared.issues, ...ctx.issues.filter((i) => i.severity !== 'info')])
    io.err(message(w, locale) + '\n');

  let sent = 0;
  let outbox: string[] = [];
  try {
    if (values.send && smtp && !isIssue(smtp))
      sent = await sendMails(smtp, await serverPassword(smtp, io.env), prepared.mails);
    else if (values.outbox) outbox = await writeOutbox(resolve(io.cwd, values.outbox), prepared.mails);
  } catch (e) {
    if (!(e instanceof MailError)) throw e;
    io.err(e.text(locale) + '\n');
    return EXIT.unusable;
  }
  if (values.json)
    io.out(
      JSON.stringify({
        ...prepared.result,
        sent,
        outbox: outbox.map((f) => displayPath(io.cwd, f)),
        messages: prepared.mails.map((m) => ({ hq: m.hq, to: m.to, subject: m.subject })),
      }) + '\n',
    );
  else io.out(formatReminders(prepared, { sent: values.send === true, outbox: values.outbox }, locale));
  return EXIT.ok;
}

/** Exactly what goes (or would go) to whom: every message in full. */
function formatReminders(
  p: PreparedReminders,
  done: { sent: boolean; outbox?: string | undefined },
  locale: Locale,
): string {
  const say = (code: Parameters<typeof formatMessage>[0], params = {}): string =>
    formatMessage(code, params, locale);
  const kind = say(p.result.phase === 'before' ? 'mail.remind.kindBefore' : 'mail.remind.kindAfter');
  if (p.mails.length === 0) return say('mail.remind.none', { period: p.result.period, what: kind }) + '\n';
  const head = done.sent
    ? say('mail.remind.sentHeader', { count: p.mails.length })
    : say('mail.remind.preview', { count: p.mails.length });
  const body = p.result.reminders.map(
    (r) =>
      `${say('mail.remind.envelope', { to: r.to.join(', '), subject: r.subject, attachment: r.attachment })}\n\n${r.text}`,
  );
  const tail = done.outbox ? [say('mail.remind.outbox', { count: p.mails.length, dir: done.outbox })] : [];
  return [head, ...body, ...tail].join('\n' + '-'.repeat(40) + '\n') + '\n';
}
