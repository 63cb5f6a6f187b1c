import { resolve } from 'node:path';
import { compareCodePoints } from '../../core/values/collate.js';
import { byFile } from '../../core/values/order.js';
import { parseCommandArgs } from '../args.js';
import { finishAgenda, readTopicFile, startAgenda, type TopicFileRead } from '../../core/jobs/agenda.js';
import { parseDate } from '../../core/values/parse.js';
import { formatMessage, message, type IgnoredFile } from '../../core/issues/issue.js';
import { AGENDA } from '../../core/schema/agenda.js';
import { outputTemplate } from '../../adapters/bundled.js';
import { walkInputs } from '../../adapters/inputs.js';
import { writeAtomic } from '../../adapters/files.js';
import { jsonText } from '../../core/values/visible.js';
import { guardOutput, requireExisting } from '../guard.js';
import { fillWorkbook } from '../../adapters/xlsx-fill/index.js';
import { calendarContext, loadMaster, outputPath, runBudget } from '../context.js';
import { displayPath } from '../format.js';
import { progressCounter } from '../progress.js';
import { loadPrepared } from '../merge-read.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { localeOf } from '../lang.js';
import { agendaJson, formatAgenda } from '../render-agenda.js';
import { say, warningLine } from '../say.js';
export { AGENDA_USAGE } from '../usage.js';

const OPTIONS = {
  master: { type: 'string' },
  meeting: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  holidays: { type: 'string' },
  office: { type: 'string' },
  lang: { type: 'string' },
} as const;

export async function agendaCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    allowPositionals: true,
    options: OPTIONS,
  });
  const locale = localeOf(values.lang, io.env);
  if (!values.master)
    throw new UsageError(
      say('cli.missingOption', locale, { option: '--master', example: say('example.master', locale) }),
    );
  if (!values.out)
    throw new UsageError(
      say('cli.missingOption', locale, { option: '--out', example: say('example.agenda', locale) }),
    );
  const day = values.meeting !== undefined ? parseDate(values.meeting) : undefined;
  if (!day?.ok) throw new UsageError(say('cli.meetingMissing', locale));
  const named = [values.master, values.holidays, ...positionals];
  await requireExisting(
    named.filter((p): p is string => p !== undefined && p !== values.master),
    io.cwd,
    locale,
  );
  const out = outputPath(io.cwd, values.out, locale);
  await guardOutput(io.cwd, values.out, named, locale, 'example.agenda');
  const budget = runBudget(io.env);
  const { master } = await loadMaster(resolve(io.cwd, values.master), locale, budget);
  const ctx = await calendarContext(
    { master, holidays: values.holidays && resolve(io.cwd, values.holidays) },
    locale,
  );
  // A rest-day Saturday has no meeting unless 例会 lists it (DOMAIN §5).
  const started = startAgenda({ meeting: day.value, master: master.data, calendar: ctx.calendar, locale });
  if ('refused' in started) throw new UsageError(message(started.refused, locale));

  const rel = (f: string): string => displayPath(io.cwd, f);
  // One file at a time: its topics kept, its workbook dropped before the next is read.
  const reads: { file: string; read: TopicFileRead }[] = [];
  const ignored: IgnoredFile[] = [];
  const bar = progressCounter(io, 'agenda', locale, values.json);
  try {
    for await (const found of walkInputs(positionals.map((p) => resolve(io.cwd, p)).sort(compareCodePoints), {
      budget,
    })) {
      if (found.kind === 'ignored') {
        ignored.push({ file: rel(found.ignored.file), reason: found.ignored.reason });
        continue;
      }
      const { file: path, bytes, receivedAt, mtime, sender, badMailDate } = found.item;
      const file = rel(path);
      const received = loadPrepared(
        {
          file,
          bytes,
          ...(receivedAt && { receivedAt }),
          ...(mtime && { mtime }),
          ...(sender !== undefined && { sender }),
          ...(badMailDate !== undefined && { badMailDate }),
        },
        budget,
      );
      const read = readTopicFile(received, started.context);
      reads.push({ file, read });
      bar.tick(read.topics.length);
    }
  } finally {
    bar.done();
  }
  reads.sort(byFile);
  ignored.sort(byFile);
  const job = finishAgenda(
    started.context,
    reads.map((r) => r.read),
    ignored,
    { ...(values.office !== undefined && { office: values.office }) },
  );
  const filled = await fillWorkbook(await outputTemplate(AGENDA), job.sheets);
  await writeAtomic(out, filled.bytes);

  for (const w of [...job.issues, ...ctx.issues.filter((i) => i.severity !== 'info')])
    io.err(warningLine(message(w, locale), locale));
  for (const o of job.sheets.overflow ?? [])
    io.err(
      warningLine(
        formatMessage(
          'output.sheetCapped',
          { sheet: o.sheet, total: o.total, kept: o.kept, omitted: o.total - o.kept },
          locale,
        ),
        locale,
      ),
    );
  if (values.json) io.out(jsonText(agendaJson(job.result, locale)) + '\n');
  else io.out(formatAgenda(job, values.out, locale));
  return EXIT.ok;
}
