/**
 * What each step of kpd schedule does (the plan is the core's, core/jobs/schedule.ts). Every
 * step goes through the code the clerk's own commands use: runIntake as kpd mail fetch,
 * mergeCommand and agendaCommand as kpd merge / kpd agenda (called, not copied), prepareReminders
 * as kpd mail remind. Nothing is sent without --send: the messages are written to the outbox.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseReportPeriod, type ReportPeriod } from '../core/calendar/periods.js';
import { periodSchedule } from '../core/calendar/schedule.js';
import type { WorkCalendar } from '../core/calendar/workdays.js';
import type { IntakeWant } from '../core/jobs/intake.js';
import type { ChaseLine } from '../core/jobs/remind.js';
import { heldMeetingsOf, type PlannedStep } from '../core/jobs/schedule.js';
import type { MasterRead } from '../core/master/read.js';
import type { IssueCode } from '../core/issues/codes.js';
import { formatMessage, type IssueParams, type Locale } from '../core/issues/issue.js';
import { writeAtomic } from '../adapters/files.js';
import type { MailConfig } from '../adapters/mail/config.js';
import { serverPassword } from '../adapters/mail/credentials.js';
import { runIntake } from '../adapters/mail/intake.js';
import { sendMails, writeOutbox } from '../adapters/mail/smtp.js';
import { displayPath } from './format.js';
import { agendaCommand } from './commands/agenda.js';
import { mergeCommand } from './commands/merge.js';
import { EXIT, type Io } from './io.js';
import { prepareReminders, reportStatus } from './mail-common.js';
import { MERGE_USAGE } from './usage.js';
import { JOINERS } from '../core/schema/punctuation.js';

export interface StepContext {
  readonly config: MailConfig;
  readonly masterPath: string;
  readonly master: MasterRead;
  readonly calendar: WorkCalendar;
  readonly send: boolean;
  readonly io: Io;
  readonly locale: Locale;
  readonly at: { readonly cst: string; readonly instant: Date };
  /** One line of the log (and of the terminal). */
  readonly log: (line: string) => Promise<void>;
}

/** A step that could not complete: its reason, said in the clerk's language. */
export class StepError extends Error {
  override readonly name = 'StepError';
}

const say = (c: StepContext, code: IssueCode, params: IssueParams = {}): string =>
  formatMessage(code, params, c.locale);

function paths(step: PlannedStep, c: StepContext) {
  const s = c.config.schedule;
  const period = parseReportPeriod(step.key);
  const number = period ? periodSchedule(period, c.calendar, c.master.data.rules).number : 0;
  const out = join(s.output, step.key);
  return {
    period,
    reports: join(s.reports, step.key),
    topics: join(s.topics, step.key),
    draft: join(out, `${say(c, 'schedule.file.draft', { number })}.xlsx`),
    final: join(out, `${say(c, 'schedule.file.final', { number })}.xlsx`),
    doc: join(out, `${say(c, 'schedule.file.final', { number })}.docx`),
    chase: join(out, `${say(c, 'schedule.file.chase', { key: step.key })}.txt`),
    agenda: join(s.output, `${say(c, 'schedule.file.agenda', { key: step.key })}.xlsx`),
    outbox: join(s.output, say(c, 'schedule.file.outbox'), step.key),
  };
}

const rel = (c: StepContext, p: string): string => displayPath(c.io.cwd, p);

/** What the step would do, one line each (--dry-run). */
export function describeStep(step: PlannedStep, c: StepContext): string[] {
  const p = paths(step, c);
  const folder = c.config.imap?.folder ?? 'INBOX';
  const fetch = (kind: 'report' | 'topics'): string =>
    say(c, kind === 'report' ? 'schedule.do.fetchReports' : 'schedule.do.fetchTopics', {
      key: step.key,
      folder,
      into: rel(c, kind === 'report' ? p.reports : p.topics),
    });
  const how = c.send ? say(c, 'schedule.do.send') : say(c, 'schedule.do.outbox', { dir: rel(c, p.outbox) });
  const remind = (code: IssueCode): string => say(c, 'schedule.do.remind', { what: say(c, code), how });
  switch (step.kind) {
    case 'remind':
      return [fetch('report'), remind('mail.remind.kindBefore')];
    case 'draft':
      return [
        fetch('report'),
        say(c, 'schedule.do.merge', { from: rel(c, p.reports), out: rel(c, p.draft) }),
      ];
    case 'final':
      return [
        fetch('report'),
        say(c, 'schedule.do.merge', { from: rel(c, p.reports), out: rel(c, p.final) }),
        say(c, 'schedule.do.chaseList', { out: rel(c, p.chase) }),
        remind('mail.remind.kindAfter'),
      ];
    case 'topics':
      return [fetch('topics')];
    case 'agenda':
      return [fetch('topics'), say(c, 'schedule.do.agenda', { key: step.key, out: rel(c, p.agenda) })];
  }
}

async function intake(c: StepContext, want: IntakeWant, into: string): Promise<void> {
  await mkdir(into, { recursive: true });
  const run = await runIntake({
    config: c.config,
    want,
    into,
    env: c.io.env,
    calendar: c.calendar,
    rules: c.master.data.rules,
    heldMeetings: heldMeetingsOf(c.master.data),
    what: 'kpd schedule',
  });
  const saved = run.report.lines.filter((l) => l.saved).length;
  await c.log(
    say(c, 'schedule.result.fetch', { saved, skipped: run.report.lines.length - saved, into: rel(c, into) }),
  );
}

/** Runs kpd merge or kpd agenda in this process (the very functions), its output kept for the log. */
async function command(c: StepContext, name: 'merge' | 'agenda', argv: string[]): Promise<string> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { ...c.io, interactive: false, out: (t) => void out.push(t), err: (t) => void err.push(t) };
  const args = [...argv, '--json', '--lang', c.locale];
  let code: number;
  try {
    code = name === 'merge' ? await mergeCommand(args, io) : await agendaCommand(args, io);
  } catch (e) {
    // What kpd would say at the prompt (UsageError, OutputError …), said in the log instead.
    if (!(e instanceof Error) || e.name === 'Error' || e.name === 'TypeError') throw e;
    err.push(e.message);
    code = EXIT.unusable;
  }
  if (code !== EXIT.ok)
    throw new StepError(
      say(c, 'schedule.result.command', { command: `kpd ${name}`, detail: err.join('').trim() }),
    );
  return out.join('');
}

async function merge(
  step: PlannedStep,
  c: StepContext,
  reports: string,
  out: string,
  doc?: string,
): Promise<void> {
  const s = c.config.schedule;
  const json = JSON.parse(
    await command(c, 'merge', [
      reports,
      ...['--master', c.masterPath, '--period', step.key, '--out', out],
      ...(s.office ? ['--office', s.office] : []),
      ...(s.holidays ? ['--holidays', s.holidays] : []),
      ...(doc && MERGE_USAGE.includes('--doc') ? ['--doc', doc] : []),
    ]),
  ) as { submissions: { replaced: boolean }[]; missing: string[]; late: string[]; unsigned: string[] };
  const taken = json.submissions.filter((x) => !x.replaced).length;
  await c.log(
    say(c, 'schedule.result.merge', {
      out: rel(c, out),
      expected: taken + json.missing.length,
      onTime: taken - json.late.length,
      late: json.late.length,
      missing: json.missing.length,
      unsigned: json.unsigned.length,
    }),
  );
}

async function remind(
  c: StepContext,
  period: ReportPeriod,
  reports: string,
  outbox: string,
): Promise<ChaseLine[]> {
  const status = await reportStatus([reports], c.io.cwd, c.master, period, c.calendar, c.locale);
  const prepared = await prepareReminders({
    master: c.master,
    period,
    calendar: c.calendar,
    at: c.at,
    status,
    office: c.config.schedule.office,
    from: c.config.smtp?.from ?? '',
    locale: c.locale,
  });
  for (const i of prepared.issues) await c.log(formatMessage(i.code, i.params, c.locale));
  const what = say(
    c,
    prepared.result.phase === 'before' ? 'mail.remind.kindBefore' : 'mail.remind.kindAfter',
  );
  let how: string;
  if (prepared.mails.length === 0) how = '';
  else if (c.send && c.config.smtp) {
    await sendMails(c.config.smtp, await serverPassword(c.config.smtp, c.io.env), prepared.mails);
    how = prepared.mails.map((m) => `${m.hq} <${m.to.join(', ')}>`).join(JOINERS[c.locale].semicolon);
  } else
    how = (await writeOutbox(outbox, prepared.mails)).map((f) => rel(c, f)).join(JOINERS[c.locale].semicolon);
  await c.log(say(c, 'schedule.result.remind', { what, count: prepared.mails.length, how }));
  return [...prepared.result.chase];
}

function chaseText(c: StepContext, step: PlannedStep, chase: readonly ChaseLine[]): string {
  const period = parseReportPeriod(step.key);
  const label = period ? periodSchedule(period, c.calendar, c.master.data.rules).label : step.key;
  const head = say(c, 'mail.chase.header', { label, due: step.due ?? '', at: c.at.cst.slice(0, 16) });
  if (chase.length === 0) return `${head}\n\n${say(c, 'mail.chase.nobody')}\n`;
  const lines = chase.map((l) =>
    say(c, 'mail.chase.line', {
      hq: l.hq,
      what: l.reasons
        .map((r) =>
          r === 'projectsMissing'
            ? say(c, 'mail.chase.projectsMissing', {
                projects: l.projects.join(say(c, 'values.listSeparator')),
              })
            : say(c, r === 'missing' ? 'mail.chase.missing' : 'mail.chase.unsigned'),
        )
        .join(JOINERS[c.locale].comma),
      to: l.to.length > 0 ? l.to.join(', ') : say(c, 'mail.chase.noAddress'),
    }),
  );
  return `${head}\n\n${lines.join('\n')}\n`;
}

/** Runs a step; a failure is thrown (MailError or StepError) and the schedule tries again later. */
export async function runStep(step: PlannedStep, c: StepContext): Promise<void> {
  const p = paths(step, c);
  if (p.period) {
    // Every step looks at the mailbox first: a reminder says what has arrived.
    await intake(c, { kind: 'report', period: p.period }, p.reports);
    if (step.kind === 'draft') await merge(step, c, p.reports, p.draft);
    if (step.kind === 'final')
      await merge(step, c, p.reports, p.final, c.config.schedule.doc ? p.doc : undefined);
    const chase = await (step.kind === 'draft'
      ? Promise.resolve([])
      : remind(c, p.period, p.reports, p.outbox));
    if (step.kind === 'final') await writeAtomic(p.chase, chaseText(c, step, chase));
    return;
  }
  await intake(c, { kind: 'topics', meeting: step.key }, p.topics);
  if (step.kind !== 'agenda') return;
  const json = JSON.parse(
    await command(c, 'agenda', [
      p.topics,
      ...['--master', c.masterPath, '--meeting', step.key, '--out', p.agenda],
      ...(c.config.schedule.office ? ['--office', c.config.schedule.office] : []),
      ...(c.config.schedule.holidays ? ['--holidays', c.config.schedule.holidays] : []),
    ]),
  ) as { topics: unknown[]; behindSchedule: unknown[]; decisions: unknown[] };
  await c.log(
    say(c, 'schedule.result.agenda', {
      out: rel(c, p.agenda),
      topics: json.topics.length,
      behind: json.behindSchedule.length,
      decisions: json.decisions.length,
    }),
  );
}
