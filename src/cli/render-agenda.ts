import type { Agenda } from '../core/agenda/index.js';
import { reasonLines } from '../core/bulletin/model.js';
import type { AgendaJob } from '../core/jobs/agenda.js';
import { message, type Locale } from '../core/issues/issue.js';
import { table } from './format.js';
import { columns, say } from './say.js';

/** What kpd agenda prints: the agenda as JSON (--json), or its summary for a person. */
/** The machine-readable agenda. */
export function agendaJson(a: Agenda, locale: Locale = 'zh') {
  return {
    meeting: a.meeting,
    previousMeeting: a.previousMeeting,
    topicCutoff: a.cutoff,
    basis: a.basis ?? null,
    decisions: a.decisions.map((d) => ({
      itemId: d.itemId,
      unit: d.unit,
      deadline: d.deadline,
      doneDate: d.doneDate ?? null,
      state: d.state,
      overdueDays: d.overdueDays ?? null,
    })),
    topics: a.topics.map((x) => ({
      group: x.group,
      unit: x.unit,
      projectId: x.projectId ?? null,
      topic: x.topic,
      file: x.file,
      notes: x.notes,
    })),
    behindSchedule: a.behind.map((p) => ({
      hq: p.hq,
      projectId: p.projectId,
      reasons: reasonLines(p.reasons, locale),
    })),
    files: a.files,
    problems: a.problems.map((p) => ({
      file: p.file,
      sheet: p.sheet,
      cell: p.cell,
      code: p.code,
      severity: p.severity,
      message: p.message,
    })),
    // What the agenda's first sheet says about its dates: a year's missing holiday data travels with it.
    calendar: a.calendarBasis.map((i) => ({
      code: i.code,
      severity: i.severity,
      message: message(i, locale),
    })),
    warnings: a.warnings.map((i) => ({ code: i.code, severity: i.severity, message: message(i, locale) })),
  };
}

export function formatAgenda(job: AgendaJob, out: string, locale: Locale): string {
  const { result: a, counts: c } = job;
  let s = say('say.agenda.title', locale, { meeting: a.meeting, cutoff: a.cutoff.slice(0, 16) }) + '\n\n';
  s += say('say.agenda.decisions', locale, {
    total: c.decisions,
    done: c.done,
    notDue: c.notDue,
    overdue: c.overdue,
  });
  const basis = a.basis
    ? say('say.agenda.basis', locale, { period: locale === 'en' ? a.basis.period : a.basis.label })
    : '';
  s +=
    '\n' +
    say('say.agenda.topics', locale, {
      topics: c.topics,
      received: c.received,
      used: c.used,
      behind: c.behind,
      basis,
    }) +
    '\n';
  const rows = a.groups
    .map((g) => [
      g,
      String(a.topics.filter((x) => x.group === g).length),
      String(a.behind.filter((x) => x.hq === g).length),
    ])
    .filter((r) => r[1] !== '0' || r[2] !== '0');
  if (rows.length > 0) s += table(columns('say.agenda.columns', locale), rows) + '\n';
  const problems = a.problems.filter((p) => p.severity !== 'info' || p.code === 'agenda.topicsDeferred');
  for (const p of problems) s += `  ${p.file} ${p.cell ?? ''} ${p.message}\n`;
  s += `\n${say('cli.wrote', locale, { out })}\n`;
  return s;
}
