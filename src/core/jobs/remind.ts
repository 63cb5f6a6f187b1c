import type { IsoDate, IsoDateTime } from '../values/dates.js';
import type { PeriodSchedule } from '../calendar/schedule.js';
import type { Bulletin } from '../bulletin/model.js';
import type { Located, Project } from '../master/types.js';
import { PROJECTS } from '../schema/master.js';
import { formatMessage, issue, type Issue, type Locale } from '../issues/issue.js';
import type { IssueCode } from '../issues/codes.js';
import { PROGRESS_STATUS } from '../rules/vocab.js';

/**
 * Reminders and 催报 (issue #17): before the due date a short message to every HQ's contact
 * (联系邮箱 in 项目登记); after it, to those whose report is missing or unsigned or lacks projects.
 * Pure: the shell gathers the register and what has arrived (the merge of the reports received),
 * sends or shows the result.
 */

/** 编制单位 when the office names none (as the bulletin and the agenda sign): the schema's. */
export { DEFAULT_OFFICE } from '../schema/chart.js';

type ReminderPhase = 'before' | 'after';

/** Why an HQ is written to. */
type ReminderReason = 'due' | 'received' | 'missing' | 'unsigned' | 'projectsMissing';

interface ReminderInput {
  readonly schedule: PeriodSchedule;
  readonly projects: readonly Located<Project>[];
  /** The day the messages are written (China time). */
  readonly today: IsoDate;
  /** What has arrived, as the merge of the reports received says; required after the due date. */
  readonly status?: Bulletin;
  /** 编制单位, signed under every message. */
  readonly office: string;
  /** The name of the attached blank 半月进展报表. */
  readonly attachmentName: string;
  readonly locale?: Locale;
}

interface Reminder {
  readonly hq: string;
  readonly to: readonly string[];
  readonly reasons: readonly ReminderReason[];
  readonly subject: string;
  readonly text: string;
  readonly attachment: string;
}

/** One line of the 催报名单: an HQ chased after the due date, and why. */
export interface ChaseLine {
  readonly hq: string;
  readonly reasons: readonly ReminderReason[];
  readonly to: readonly string[];
  /** The projects of a report received that have no figures (未报) or a rejected row (有误). */
  readonly projects: readonly string[];
}

export interface RemindersResult {
  readonly phase: ReminderPhase;
  readonly period: string;
  readonly due: IsoDate;
  readonly reminders: readonly Reminder[];
  /** After the due date: everyone chased, whether or not an address is known. */
  readonly chase: readonly ChaseLine[];
}

const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/u;

/** The addresses typed in 联系邮箱 cells: split on ; ， , and spaces (as people type lists). */
export function splitAddresses(cell: string): string[] {
  return cell
    .split(/[;；,，、\s]+/u)
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

/** Every HQ of the register in order, with the valid addresses of its projects' 联系邮箱. */
export function hqContacts(projects: readonly Located<Project>[]): {
  hqs: { hq: string; to: string[] }[];
  issues: Issue[];
} {
  const byHq = new Map<string, string[]>();
  const issues: Issue[] = [];
  const column = PROJECTS.columns.findIndex((c) => c.key === 'contactEmail') + 1;
  for (const { record, row } of projects) {
    const hq = record.hq;
    if (!hq) continue;
    const list = byHq.get(hq) ?? [];
    byHq.set(hq, list);
    for (const a of splitAddresses(record.contactEmail ?? '')) {
      if (!ADDRESS.test(a)) {
        issues.push(issue('mail.badAddress', { sheet: PROJECTS.name, row, column }, { hq, address: a }));
        continue;
      }
      if (!list.some((x) => x.toLowerCase() === a.toLowerCase())) list.push(a);
    }
  }
  for (const [hq, to] of byHq)
    if (to.length === 0) issues.push(issue('mail.noContact', { sheet: PROJECTS.name }, { hq }));
  return { hqs: [...byHq].map(([hq, to]) => ({ hq, to })), issues };
}

/** What the reports received say about each HQ (nothing known: undefined). */
function standing(
  b: Bulletin,
  hq: string,
): { reasons: ReminderReason[]; file?: string; at?: IsoDateTime; projects: string[] } {
  if (b.missing.includes(hq)) return { reasons: ['missing'], projects: [] };
  const taken = b.submissions.find((s) => s.hq === hq && s.replacedBy === undefined);
  const reasons: ReminderReason[] = [];
  if (b.unsigned.includes(hq)) reasons.push('unsigned');
  const projects = b.projects
    .filter(
      (p) => p.hq === hq && (p.status === PROGRESS_STATUS.missing || p.status === PROGRESS_STATUS.faulty),
    )
    .map((p) => `${p.projectId} ${p.name}`);
  if (projects.length > 0) reasons.push('projectsMissing');
  return {
    reasons,
    // The HQ knows its file by the name it gave it, not by where the office keeps it.
    ...(taken && { file: taken.file.split(' › ').pop()?.split(/[/\\]/u).pop() ?? taken.file }),
    ...(taken?.receivedAt && { at: taken.receivedAt }),
    projects,
  };
}

/**
 * The messages to write for a period on a day.
 * @example composeReminders({ schedule, projects, today: '2026-11-11', office, attachmentName }).result
 *   .reminders.length // every HQ with a contact, the day before the due date
 */
export function composeReminders(input: ReminderInput): {
  result: RemindersResult;
  issues: Issue[];
} {
  const { schedule: s, today, status } = input;
  const locale = input.locale ?? 'zh';
  const phase: ReminderPhase = today <= s.due ? 'before' : 'after';
  const { hqs, issues } = hqContacts(input.projects);
  const result = { phase, period: s.period, due: s.due };
  if (phase === 'after' && !status) {
    issues.push(issue('mail.remindNeedsReports', {}, { due: s.due }));
    return { result: { ...result, reminders: [], chase: [] }, issues };
  }
  const say = (code: IssueCode, params: Record<string, string | number> = {}): string =>
    formatMessage(code, { label: s.label, due: s.due, bulletin: s.bulletin, today, ...params }, locale);

  const reminders: Reminder[] = [];
  const chase: ChaseLine[] = [];
  for (const { hq, to } of hqs) {
    const st = status ? standing(status, hq) : undefined;
    if (phase === 'after') {
      if (!st || st.reasons.length === 0) continue;
      chase.push({ hq, reasons: st.reasons, to, projects: st.projects });
    }
    const known = st?.reasons ?? [];
    const reasons: ReminderReason[] =
      phase === 'before'
        ? ['due', ...(st?.at ? (['received'] as const) : []), ...known.filter((r) => r !== 'missing')]
        : known;
    const lines = [say('mail.remind.greeting', { hq })];
    if (phase === 'before') lines.push(say('mail.remind.before'));
    if (st?.at) lines.push(say('mail.remind.received', { at: st.at.slice(0, 16) }));
    if (phase === 'after' && st?.reasons.includes('missing')) lines.push(say('mail.remind.missing'));
    if (st?.reasons.includes('unsigned')) lines.push(say('mail.remind.unsigned', { file: st.file ?? '' }));
    if (st && st.projects.length > 0)
      lines.push(
        say('mail.remind.projectsMissing', { projects: st.projects.join(say('values.listSeparator')) }),
      );
    if (phase === 'after') lines.push(say('mail.remind.attached'));
    lines.push(say('mail.remind.bulletinDay'), '', input.office, today);
    if (to.length === 0) continue; // said once, as mail.noContact
    reminders.push({
      hq,
      to,
      reasons,
      subject: say(phase === 'before' ? 'mail.remind.subjectBefore' : 'mail.remind.subjectAfter'),
      text: lines.join('\n') + '\n',
      attachment: input.attachmentName,
    });
  }
  return { result: { ...result, reminders, chase }, issues };
}
