import { loadPrepared } from '../../adapters/received.js';
import { agendaJob } from '../../core/jobs/agenda.js';
import { AGENDA_PROBLEMS, PANE_AGENDA_PREFIX } from '../../core/schema/agenda.js';
import type { RowValues } from '../../core/template/samples.js';
import { parseDate } from '../../core/values/parse.js';
import { formatMessage, message, type Locale } from '../../core/issues/issue.js';
import { addinText } from '../messages.js';
import {
  hostOf,
  type PaneHost,
  type PaneResult,
  openMaster,
  refused,
  layoutNotes,
  finding,
  type PickedFile,
  openPicked,
} from './common.js';
import { DEADLINE_STATE } from '../../core/rules/vocab.js';
import { JOINERS } from '../../core/schema/punctuation.js';

/** The pane writes the agenda's 数据问题 under this name (议题数据问题): 「数据问题」 is 计算排名's. */
const PREFIX = PANE_AGENDA_PREFIX;
export const PANE_AGENDA_PROBLEMS = PREFIX + AGENDA_PROBLEMS.name;

/**
 * 生成议程: the Saturday meeting's agenda (DOMAIN §5) into sheets of the master: the decisions'
 * state, HQ by HQ the topics of the forms the clerk picked (as kpd agenda reads them: .xlsx,
 * .eml, .zip) and every project behind 序时进度. With forms picked, what was not used is listed
 * in 「议题数据问题」, file by file and row by row.
 */
export async function buildMeetingAgenda(
  excel: PaneHost,
  meetingText: string,
  locale: Locale = 'zh',
  picked: readonly PickedFile[] = [],
): Promise<PaneResult> {
  const day = parseDate(meetingText.trim());
  if (!day.ok) return refused(addinText('agenda.badDate', locale, { text: meetingText }));
  // The files are read before Excel is asked for anything: a broken one is listed, never fatal.
  const { items, ignored } = openPicked(picked);
  const files = items.map((item) => loadPrepared(item));
  const host = hostOf(excel);

  const opened = await openMaster(host, locale);
  if ('why' in opened) return refused(opened.why);
  const { master, calendar } = opened;
  // A rest-day Saturday has no meeting unless 例会 lists it (DOMAIN §5). With no forms picked
  // there is nothing for 数据问题 to say about files; with forms, it has its own name.
  const job = agendaJob(
    { meeting: day.value, master: master.data, calendar, files, ignored, locale },
    { problemsSheet: picked.length > 0 ? { prefix: PREFIX } : null },
  );
  if ('refused' in job) return refused(message(job.refused, locale));
  const { result: agenda, counts } = job;
  const { gap } = JOINERS.zh;
  const tables = job.sheets.tables.map((x) => ({
    sheet: x.sheet,
    rows: Array.from({ length: x.rows.length }, (_, i): RowValues => x.rows.at(i) ?? {}),
  }));
  await host.writeSheets(tables, job.sheets.placeholders, { dropDowns: false });
  const overdue = agenda.decisions.filter((d) => d.state === DEADLINE_STATE.overdue);
  const sheets = tables.map((x) => formatMessage('values.quoted', { name: x.sheet.name }, 'zh')).join('');
  const topicLine =
    picked.length === 0
      ? addinText('agenda.noForms', locale)
      : addinText('agenda.forms', locale, { ...counts, picked: picked.length, sheet: PANE_AGENDA_PROBLEMS });
  return {
    ...(tables[0] && { sheet: tables[0].sheet.name }),
    summary: addinText('agenda.written', locale, { ...counts, day: day.value, sheets }),
    lines: [
      topicLine,
      ...overdue.map((d) =>
        addinText('agenda.overdue', locale, { item: d.itemId, unit: d.unit, days: d.overdueDays ?? 0 }),
      ),
      // Every file and row left out, and every note on them: there are few, and each needs a look.
      ...agenda.problems.map(
        (p) => `${p.file}${p.sheet ? gap + p.sheet : ''}${p.cell ? `!${p.cell}` : ''}${gap}${p.message}`,
      ),
      // A year without holiday data: said here as on the agenda's first sheet (DOMAIN §3).
      ...job.issues.map((w) => finding(w, locale)),
      ...layoutNotes(host, locale),
    ],
    ok: true,
  };
}
