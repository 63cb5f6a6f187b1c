import { addDays, type IsoDate, type IsoDateTime } from '../values/dates.js';
import { previousReportPeriod, reportPeriodId, type ReportPeriod } from '../calendar/periods.js';
import { periodSchedule, weekSchedule } from '../calendar/schedule.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import type { RuleSet } from '../rules/ruleset.js';
import { REPORT } from '../schema/report.js';
import { TOPICS } from '../schema/topics.js';
import type { IssueCode } from '../issues/codes.js';
import { formatMessage } from '../issues/issue.js';
import { previousHeldMeeting } from './schedule.js';

/**
 * Which messages of the mailbox a fetch keeps (issue #17). The shell reads each message's
 * attachments and says what forms they are; this decides, from the kind of fetch, whether the
 * message is saved and, if not, why — so that nothing is dropped without a reason.
 */

/** What one attachment (or a workbook inside an attached .zip or message) is. */
export type FoundForm =
  | { readonly kind: 'report'; readonly period?: string }
  | { readonly kind: 'topics' }
  /** A workbook-like file that cannot be read: .xls, encrypted, damaged, .et … (a report, likely). */
  | { readonly kind: 'unusable' }
  /** A readable workbook that is none of the forms (a master, a bulletin, someone's own table). */
  | { readonly kind: 'other' };

/** A fetch of the reports of a period, or of the topic forms for a meeting. */
export type IntakeWant =
  | { readonly kind: 'report'; readonly period: ReportPeriod }
  | { readonly kind: 'topics'; readonly meeting: IsoDate };

interface IntakeRoute {
  readonly save: boolean;
  /** Said for every message: what it holds, or why it is not kept. */
  readonly code: IssueCode;
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * From when a fetch looks at the mailbox: a period's reports from the day after the previous
 * period's due date (an early report counts); a meeting's topics from the cut-off of the last
 * meeting held before it (a topic meant for a meeting cancelled for a holiday is not lost).
 * @example intakeSince({ kind: 'report', period: { year: 2026, month: 11, half: 1 } }, cal, rules)
 * // '2026-10-24 00:00:00' (2026-10-2 was due on Friday 23 October)
 */
export function intakeSince(
  want: IntakeWant,
  calendar: WorkCalendar,
  rules: RuleSet,
  heldMeetings: readonly IsoDate[] = [],
): IsoDateTime {
  if (want.kind === 'report') {
    const prev = periodSchedule(previousReportPeriod(want.period), calendar, rules);
    return `${addDays(prev.due, 1)} 00:00:00`;
  }
  const prev = previousHeldMeeting(want.meeting, calendar, heldMeetings) ?? addDays(want.meeting, -7);
  return weekSchedule(prev, rules, calendar).topicCutoff;
}

/** Whether a message holding these forms is kept by this fetch, and what to say about it. */
export function routeMessage(forms: readonly FoundForm[], want: IntakeWant): IntakeRoute {
  if (want.kind === 'report') {
    const reports = forms.filter((f): f is Extract<FoundForm, { kind: 'report' }> => f.kind === 'report');
    if (reports.length > 0) {
      const id = reportPeriodId(want.period);
      const periods = [...new Set(reports.map((r) => r.period))];
      // A report whose 报告期 cannot be read is kept: the merge says what is wrong with it.
      if (periods.includes(id) || periods.includes(undefined))
        return { save: true, code: 'mail.route.report', params: {} };
      return {
        save: false,
        code: 'mail.route.otherPeriod',
        params: { periods: periods.join(formatMessage('values.listSeparator', {})), period: id },
      };
    }
  } else if (forms.some((f) => f.kind === 'topics'))
    return { save: true, code: 'mail.route.topics', params: {} };
  if (forms.some((f) => f.kind === 'unusable'))
    return { save: true, code: 'mail.route.unusable', params: {} };
  return {
    save: false,
    code: 'mail.route.noForm',
    params: { want: want.kind === 'report' ? REPORT.title : TOPICS.title },
  };
}
