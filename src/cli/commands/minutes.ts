import { basename, dirname, join, resolve } from 'node:path';
import { parseCommandArgs } from '../args.js';
import { buildAgenda, meetingDayProblem } from '../../core/agenda/index.js';
import { draftMinutes, meetingNumber } from '../../core/jobs/minutes.js';
import { DECISION_FORM } from '../../core/schema/decisions.js';
import { formatMessage, message, type Locale } from '../../core/issues/issue.js';
import { parseDate } from '../../core/values/parse.js';
import { officialDocx } from '../../adapters/docx/index.js';
import { writeTemplate } from '../../adapters/exceljs/write-template.js';
import { sameFile, writeAtomic } from '../../adapters/files.js';
import { calendarContext, documentPath, loadMaster, outputPath } from '../context.js';
import { displayPath } from '../format.js';
import { decisionsOf } from '../decisions-input.js';
import { topicFiles } from '../topic-files.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { localeOf } from '../lang.js';
import { DEADLINE_STATE } from '../../core/rules/vocab.js';
export { MINUTES_USAGE } from '../usage.js';

const say =
  (locale: Locale) =>
  (code: Parameters<typeof formatMessage>[0], params = {}) =>
    formatMessage(code, params, locale);

const OPTIONS = {
  master: { type: 'string' },
  meeting: { type: 'string' },
  out: { type: 'string' },
  decisions: { type: 'string' },
  form: { type: 'string' },
  json: { type: 'boolean' },
  holidays: { type: 'string' },
  office: { type: 'string' },
  lang: { type: 'string' },
} as const;

export async function minutesCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    allowPositionals: true,
    options: OPTIONS,
  });
  const locale = localeOf(values.lang, io.env);
  const s = say(locale);
  if (!values.master) throw new UsageError(s('minutes.needMaster'));
  if (!values.out) throw new UsageError(s('minutes.needOut'));
  const day = values.meeting !== undefined ? parseDate(values.meeting) : undefined;
  if (!day?.ok) throw new UsageError(s('minutes.needMeeting'));
  const meeting = day.value;
  const masterPath = resolve(io.cwd, values.master);
  const inputs = [masterPath, ...positionals, ...(values.decisions ? [values.decisions] : [])].map((p) =>
    resolve(io.cwd, p),
  );
  const out = await documentPath(io.cwd, values.out, inputs, locale);
  const formName =
    values.form ??
    join(dirname(values.out), basename(values.out, '.docx') + formatMessage('example.minutesFormSuffix', {}));
  const form = outputPath(io.cwd, formName, locale);

  const { master } = await loadMaster(masterPath, locale);
  const ctx = await calendarContext(
    { master, holidays: values.holidays && resolve(io.cwd, values.holidays) },
    locale,
  );
  const rules = master.data.rules;
  // A rest-day Saturday has no meeting unless 例会 lists it (DOMAIN §5), as for kpd agenda.
  const notHeld = meetingDayProblem(meeting, master.data, ctx.calendar);
  if (notHeld) throw new UsageError(message(notHeld, locale));
  const decided = await decisionsOf(values.decisions, meeting, master.data, io, locale);

  // The agenda of the day, as kpd agenda makes it: the minutes follow it.
  const { files, ignored } = await topicFiles(positionals, io);
  const agenda = buildAgenda({
    meeting,
    master: master.data,
    calendar: ctx.calendar,
    files,
    ignored,
    locale,
  });
  const issueNo = meetingNumber(meeting, rules, ctx.calendar);
  const minutes = draftMinutes({
    agenda,
    rules,
    issueNo,
    decided,
    ...(values.office !== undefined && { office: values.office }),
  });

  await writeAtomic(out, await officialDocx(minutes.result.document));
  const keepForm = (await Promise.all(inputs.map((p) => sameFile(form, p)))).some(Boolean);
  if (!keepForm)
    await writeAtomic(
      form,
      await writeTemplate(DECISION_FORM, {
        rows: { decisionList: minutes.result.form.rows },
        fields: { decisionList: { meeting } },
      }),
    );

  for (const w of [...agenda.warnings, ...ctx.issues.filter((i) => i.severity !== 'info')])
    io.err(`${message(w, locale)}\n`);
  const summary = {
    meeting,
    n: issueNo,
    tracked: agenda.decisions.length,
    overdue: agenda.decisions.filter((d) => d.state === DEADLINE_STATE.overdue).length,
    topics: agenda.topics.length,
    behind: agenda.behind.length,
    decided: decided.length,
  };
  if (values.json)
    io.out(
      JSON.stringify({
        ...summary,
        document: displayPath(io.cwd, out),
        form: keepForm ? null : displayPath(io.cwd, form),
        numbers: minutes.result.form.rows.map((r) => r['itemId']),
      }) + '\n',
    );
  else
    io.out(
      [
        s('minutes.summary', summary),
        s('doc.written', { path: values.out }),
        keepForm ? s('minutes.formKept', { path: formName }) : s('minutes.formWritten', { path: formName }),
      ].join('\n') + '\n',
    );
  return EXIT.ok;
}
