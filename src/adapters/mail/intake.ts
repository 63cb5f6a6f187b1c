/** One mailbox intake: settings checked, password found, the window worked out, the fetch run. */
import type { IsoDate, IsoDateTime } from '../../core/values/dates.js';
import type { WorkCalendar } from '../../core/calendar/workdays.js';
import { intakeSince, type IntakeWant } from '../../core/jobs/intake.js';
import type { RuleSet } from '../../core/rules/ruleset.js';
import { isIssue } from '../../core/workbook/identify.js';
import { needSection, type ImapSettings, type MailConfig } from './config.js';
import { serverPassword } from './credentials.js';
import { MailError } from './errors.js';
import { fetchMail, type FetchReport } from './imap.js';

interface IntakeOptions {
  readonly config: MailConfig;
  readonly want: IntakeWant;
  readonly into: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly calendar: WorkCalendar;
  readonly rules: RuleSet;
  readonly heldMeetings?: readonly IsoDate[];
  /** Who needs the [imap] section (said when it is missing). */
  readonly what: string;
}

export interface IntakeRun {
  readonly since: IsoDateTime;
  readonly settings: ImapSettings;
  readonly report: FetchReport;
}

export async function runIntake(o: IntakeOptions): Promise<IntakeRun> {
  const settings = needSection(o.config, 'imap', o.what);
  if (isIssue(settings)) throw new MailError(settings);
  const password = await serverPassword(settings, o.env);
  const since = intakeSince(o.want, o.calendar, o.rules, o.heldMeetings);
  const report = await fetchMail({ settings, password, into: o.into, want: o.want, since });
  return { since, settings, report };
}
