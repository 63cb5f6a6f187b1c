import { resolve } from 'node:path';
import { parseCommandArgs } from '../args.js';
import {
  agendaContext,
  agendaSheets,
  assembleAgenda,
  meetingDayProblem,
  readTopicFile,
  type Agenda,
  type TopicFileRead,
} from '../../core/agenda/index.js';
import { parseDate } from '../../core/values/parse.js';
import { formatMessage, message, type Locale } from '../../core/validate/issue.js';
import { reasonLines } from '../../core/bulletin/model.js';
import { AGENDA } from '../../core/schema/agenda.js';
import { outputTemplate } from '../../adapters/bundled.js';
import { walkInputs } from '../../adapters/inputs.js';
import { writeAtomic } from '../../adapters/files.js';
import { jsonText } from '../../core/values/visible.js';
import { guardOutput, requireExisting } from '../guard.js';
import { fillWorkbook } from '../../adapters/xlsx-fill/index.js';
import { calendarContext, loadMaster, outputPath, runBudget } from '../context.js';
import { displayPath, table } from '../format.js';
import { progressCounter } from '../progress.js';
import { loadPrepared } from '../merge-read.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { localeOf, t } from '../lang.js';
export { AGENDA_USAGE } from '../usage.js';

export async function agendaCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      master: { type: 'string' },
      meeting: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      holidays: { type: 'string' },
      office: { type: 'string' },
      lang: { type: 'string' },
    },
  });
  const locale = localeOf(values.lang, io.env);
  if (!values.master) throw new UsageError(t(locale, '缺少 --master 总台账.xlsx。', 'Missing --master.'));
  if (!values.out) throw new UsageError(t(locale, '缺少 --out 周例会议程.xlsx。', 'Missing --out.'));
  const day = values.meeting !== undefined ? parseDate(values.meeting) : undefined;
  if (!day?.ok)
    throw new UsageError(
      t(locale, '请用 --meeting 给出例会日期，如 2026-11-14。', 'Give --meeting, e.g. 2026-11-14.'),
    );
  const meeting = day.value;
  const named = [values.master, values.holidays, ...positionals];
  await requireExisting(
    named.filter((p): p is string => p !== undefined && p !== values.master),
    io.cwd,
    locale,
  );
  const out = outputPath(io.cwd, values.out, locale);
  await guardOutput(io.cwd, values.out, named, locale, '周例会议程.xlsx');
  const budget = runBudget(io.env);
  const { master } = await loadMaster(resolve(io.cwd, values.master), locale, budget);
  const ctx = await calendarContext(
    { master, holidays: values.holidays && resolve(io.cwd, values.holidays) },
    locale,
  );
  // A rest-day Saturday has no meeting unless 例会 lists it (DOMAIN §5).
  const notHeld = meetingDayProblem(meeting, master.data, ctx.calendar);
  if (notHeld) throw new UsageError(message(notHeld, locale));

  const rel = (f: string): string => displayPath(io.cwd, f);
  const byPath = <T extends { file: string }>(a: T, b: T): number =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
  const actx = agendaContext({ meeting, master: master.data, calendar: ctx.calendar, locale });
  // One file at a time: its topics kept, its workbook dropped before the next is read.
  const reads: { file: string; read: TopicFileRead }[] = [];
  const ignored: { file: string; reason: string }[] = [];
  const bar = progressCounter(io, 'agenda', locale, values.json);
  try {
    for await (const found of walkInputs(positionals.map((p) => resolve(io.cwd, p)).sort(), {
      budget,
      locale,
    })) {
      if (found.kind === 'ignored') {
        ignored.push({ file: rel(found.ignored.file), reason: found.ignored.reason });
        continue;
      }
      const item = found.item;
      const file = rel(item.file);
      const received = loadPrepared(
        {
          file,
          bytes: item.bytes,
          ...(item.receivedAt && { receivedAt: item.receivedAt }),
          ...(item.mtime && { mtime: item.mtime }),
          ...(item.sender !== undefined && { sender: item.sender }),
          ...(item.badMailDate !== undefined && { badMailDate: item.badMailDate }),
        },
        budget,
      );
      const read = readTopicFile(received, actx);
      reads.push({ file, read });
      bar.tick(read.topics.length);
    }
  } finally {
    bar.done();
  }
  reads.sort(byPath);
  ignored.sort(byPath);
  const agenda = assembleAgenda(
    actx,
    reads.map((r) => r.read),
    ignored,
  );
  const sheets = agendaSheets(agenda, { ...(values.office !== undefined && { office: values.office }) });
  const filled = await fillWorkbook(await outputTemplate(AGENDA), sheets);
  await writeAtomic(out, filled.bytes);

  for (const w of [...agenda.warnings, ...ctx.issues.filter((i) => i.severity !== 'info')])
    io.err(`${t(locale, '警告', 'Warning')}：${message(w, locale)}\n`);
  for (const o of sheets.overflow ?? [])
    io.err(
      `${t(locale, '警告', 'Warning')}：${formatMessage('output.sheetCapped', { sheet: o.sheet, total: o.total, kept: o.kept, omitted: o.total - o.kept }, locale)}\n`,
    );
  if (values.json) io.out(jsonText(agendaJson(agenda, locale)) + '\n');
  else io.out(formatAgenda(agenda, values.out, locale));
  return EXIT.ok;
}

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

export function formatAgenda(a: Agenda, out: string, locale: Locale): string {
  const count = (s: string): number => a.decisions.filter((d) => d.state === s).length;
  let s = t(
    locale,
    `周例会议程（${a.meeting}，议题截止 ${a.cutoff.slice(0, 16)}）\n\n`,
    `Weekly meeting agenda (${a.meeting}, topic cut-off ${a.cutoff.slice(0, 16)})\n\n`,
  );
  s += t(
    locale,
    `一、督办事项 ${a.decisions.length} 项：已完成 ${count('已完成') + count('逾期完成')}，未到期 ${count('未到期')}，逾期未完成 ${count('逾期未完成')}\n`,
    `1. Decisions tracked: ${a.decisions.length} (done ${count('已完成') + count('逾期完成')}, not yet due ${count('未到期')}, overdue ${count('逾期未完成')})\n`,
  );
  s += t(
    locale,
    `二、议题 ${a.topics.length} 个（收到申报表 ${a.files.received} 份，列入 ${a.files.used} 份），滞后项目 ${a.behind.length} 个${a.basis ? `（按${a.basis.label}的进展）` : ''}\n`,
    `2. Topics ${a.topics.length} (${a.files.used} of ${a.files.received} files), projects behind ${a.behind.length}${a.basis ? ` (progress of ${a.basis.period})` : ''}\n`,
  );
  const rows = a.groups
    .map((g) => [
      g,
      String(a.topics.filter((x) => x.group === g).length),
      String(a.behind.filter((x) => x.hq === g).length),
    ])
    .filter((r) => r[1] !== '0' || r[2] !== '0');
  if (rows.length > 0) s += table(['指挥部', '议题', '滞后项目'], rows) + '\n';
  const problems = a.problems.filter((p) => p.severity !== 'info' || p.code === 'agenda.topicsDeferred');
  for (const p of problems) s += `  ${p.file} ${p.cell ?? ''} ${p.message}\n`;
  s += t(locale, `\n已生成 ${out}\n`, `\nWrote ${out}\n`);
  return s;
}
