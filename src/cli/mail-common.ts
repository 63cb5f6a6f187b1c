/** What kpd mail and kpd schedule share: the settings file, the clock, the intake's lines, reminders. */
import { compareCodePoints } from '../core/values/collate.js';
import { resolve } from 'node:path';
import { instantToCst, type IsoDateTime } from '../core/values/dates.js';
import type { ReportPeriod } from '../core/calendar/periods.js';
import { periodSchedule } from '../core/calendar/schedule.js';
import type { WorkCalendar } from '../core/calendar/workdays.js';
import { assembleBulletin, bulletinContext, type Bulletin } from '../core/bulletin/index.js';
import { composeReminders, type RemindersResult } from '../core/jobs/remind.js';
import type { MasterRead } from '../core/master/read.js';
import { REPORT } from '../core/schema/report.js';
import { formatMessage, message, type Issue, type Locale } from '../core/issues/issue.js';
import { outputTemplate } from '../adapters/bundled.js';
import { collectInputs } from '../adapters/inputs.js';
import { loadMailConfig, type MailConfig } from '../adapters/mail/config.js';
import type { IntakeRun } from '../adapters/mail/intake.js';
import { composeMail, type ComposedMail } from '../adapters/mail/smtp.js';
import { displayPath } from './format.js';
import { UsageError } from './io.js';
import { readPrepared } from './merge-read.js';

/** 邮箱.toml, or every correction it needs (exit 2). */
export async function loadConfig(file: string, cwd: string, locale: Locale): Promise<MailConfig> {
  const { config, issues } = await loadMailConfig(resolve(cwd, file), locale);
  if (config) return config;
  const head =
    issues.length > 1
      ? formatMessage('mail.usage.configInvalid', { count: issues.length }, locale) + '\n'
      : '';
  throw new UsageError(
    head + issues.map((i) => (issues.length > 1 ? '  ' : '') + message(i, locale)).join('\n'),
  );
}

/** --at 2026-11-11T09:00 (China time), or now. */
export function clockAt(value: string | undefined, locale: Locale): { cst: IsoDateTime; instant: Date } {
  if (value === undefined) {
    const instant = new Date();
    return { cst: instantToCst(instant), instant };
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?$/u.exec(value.trim());
  const instant = m
    ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]! - 8, +m[5]!, +(m[6] ?? 0)))
    : new Date(Number.NaN);
  if (Number.isNaN(instant.getTime()) || instantToCst(instant).slice(0, 10) !== value.trim().slice(0, 10))
    throw new UsageError(formatMessage('mail.usage.at', { value }, locale));
  return { cst: instantToCst(instant), instant };
}

/** The lines a fetch prints (and the schedule logs): each message looked at, then the summary. */
export function fetchLines(run: IntakeRun, into: string, cwd: string, locale: Locale): string[] {
  const out = run.report.lines.map((l) =>
    l.saved
      ? formatMessage(
          'mail.fetch.saved',
          {
            file: l.file ?? '',
            from: l.from,
            at: l.at.slice(0, 16),
            what: formatMessage(l.code, l.params, locale),
          },
          locale,
        )
      : formatMessage(
          'mail.fetch.skipped',
          {
            subject: l.subject,
            from: l.from,
            at: l.at.slice(0, 16),
            why: formatMessage(l.code, l.params, locale),
          },
          locale,
        ),
  );
  const saved = run.report.lines.filter((l) => l.saved).length;
  out.push(
    formatMessage(
      'mail.fetch.summary',
      {
        user: run.settings.user,
        folder: run.settings.folder,
        since: run.since.slice(0, 16),
        total: run.report.total,
        saved,
        skipped: run.report.lines.length - saved,
        known: run.report.known,
        into: displayPath(cwd, into),
      },
      locale,
    ),
  );
  return out;
}

/** What has arrived for a period: the reports merged as kpd merge merges them (the same functions). */
export async function reportStatus(
  inputs: readonly string[],
  cwd: string,
  master: MasterRead,
  period: ReportPeriod,
  calendar: WorkCalendar,
  locale: Locale,
): Promise<Bulletin> {
  const collected = await collectInputs(inputs.map((p) => resolve(cwd, p)));
  const byPath = <T extends { file: string }>(a: T, b: T): number => compareCodePoints(a.file, b.file);
  const ctx = bulletinContext({ period, master: master.data, calendar, locale });
  const reads = collected.items.sort(byPath).map((item) =>
    readPrepared(
      {
        file: displayPath(cwd, item.file),
        bytes: item.bytes,
        ...(item.receivedAt && { receivedAt: item.receivedAt }),
        ...(item.mtime && { mtime: item.mtime }),
        ...(item.sender !== undefined && { sender: item.sender }),
      },
      ctx,
    ),
  );
  return assembleBulletin(ctx, reads, collected.ignored.sort(byPath));
}

export interface PreparedReminders {
  readonly result: RemindersResult;
  readonly issues: readonly Issue[];
  readonly mails: readonly (ComposedMail & { name: string; hq: string })[];
}

/** The reminders of a period at a moment, composed into the messages that would go. */
export async function prepareReminders(o: {
  master: MasterRead;
  period: ReportPeriod;
  calendar: WorkCalendar;
  at: { cst: IsoDateTime; instant: Date };
  status?: Bulletin | undefined;
  office: string;
  from: string;
  locale: Locale;
}): Promise<PreparedReminders> {
  const schedule = periodSchedule(o.period, o.calendar, o.master.data.rules);
  const { result, issues } = composeReminders({
    schedule,
    projects: o.master.data.projects,
    today: o.at.cst.slice(0, 10),
    ...(o.status && { status: o.status }),
    office: o.office,
    attachmentName: REPORT.fileName,
    locale: o.locale,
  });
  const template = result.reminders.length > 0 ? await outputTemplate(REPORT) : new Uint8Array();
  const mails = [];
  for (const r of result.reminders) {
    const mail = await composeMail(o.from, {
      to: r.to,
      subject: r.subject,
      text: r.text,
      attachments: [{ filename: r.attachment, content: template }],
      date: o.at.instant,
    });
    const kind = formatMessage(
      result.phase === 'before' ? 'mail.remind.kindBefore' : 'mail.remind.kindAfter',
      {},
      o.locale,
    );
    mails.push({ ...mail, hq: r.hq, name: `${result.period}-${kind}-${r.hq}` });
  }
  return { result, issues, mails };
}
