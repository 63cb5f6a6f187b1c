import { loadPrepared } from '../../adapters/received.js';
import { agendaSheets, buildAgenda, meetingDayProblem } from '../../core/agenda/index.js';
import { AGENDA_PROBLEMS } from '../../core/schema/agenda.js';
import type { RowValues } from '../../core/template/samples.js';
import { parseDate } from '../../core/values/parse.js';
import { message, type Locale } from '../../core/validate/issue.js';
import {
  hostOf,
  type PaneHost,
  type PaneResult,
  tr,
  openMaster,
  refused,
  layoutNotes,
  finding,
  type PickedFile,
  openPicked,
} from './common.js';

/** The pane writes the agenda's 数据问题 under this name: 「数据问题」 is 计算排名's. */
export const PANE_AGENDA_PROBLEMS = '议题数据问题';

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
  const t = tr(locale);
  const day = parseDate(meetingText.trim());
  if (!day.ok)
    return {
      summary: t(
        `例会日期「${meetingText}」无法识别，请写成 2026-11-14。`,
        `Meeting date "${meetingText}" not understood: write 2026-11-14.`,
      ),
      lines: [],
      ok: false,
    };
  // The files are read before Excel is asked for anything: a broken one is listed, never fatal.
  const { items, ignored } = openPicked(picked);
  const files = items.map((item) => loadPrepared(item));
  const host = hostOf(excel);

  const opened = await openMaster(host, locale);
  if ('why' in opened) return refused(opened.why);
  const { master, calendar } = opened;
  // A rest-day Saturday has no meeting unless 例会 lists it (DOMAIN §5).
  const notHeld = meetingDayProblem(day.value, master.data, calendar);
  if (notHeld) return refused(message(notHeld, locale));
  const agenda = buildAgenda({ meeting: day.value, master: master.data, calendar, files, ignored, locale });
  const sheets = agendaSheets(agenda);
  // With no forms picked there is nothing for 数据问题 to say about files; with forms, it is
  // written under its own name.
  const tables = sheets.tables
    .flatMap((x) =>
      x.sheet !== AGENDA_PROBLEMS
        ? [x]
        : picked.length > 0
          ? [{ ...x, sheet: { ...x.sheet, name: PANE_AGENDA_PROBLEMS, title: `议题${x.sheet.title}` } }]
          : [],
    )
    .map((x) => ({
      sheet: x.sheet,
      rows: Array.from({ length: x.rows.length }, (_, i): RowValues => x.rows.at(i) ?? {}),
    }));
  await host.writeSheets(tables, sheets.placeholders, { dropDowns: false });
  const overdue = agenda.decisions.filter((d) => d.state === '逾期未完成');
  const written = tables.map((x) => `「${x.sheet.name}」`).join('');
  const topicLine =
    picked.length === 0
      ? t(
          '未选择议题申报表：议程中只有督办事项和滞后项目。要列入各单位申报的议题，请先选择收到的议题申报表（可多选，.xlsx、.eml 或 .zip）。',
          'No topic forms chosen: the agenda has the decisions and the projects behind only. To add the topics sent in, choose the forms received (.xlsx, .eml or .zip) first.',
        )
      : t(
          `所选文件 ${picked.length} 个，其中议题申报表 ${agenda.files.received} 份，列入本次会议 ${agenda.files.used} 份，议题 ${agenda.topics.length} 项；未列入的文件和行及提示 ${agenda.problems.length} 条，见「${PANE_AGENDA_PROBLEMS}」。`,
          `${picked.length} files chosen: ${agenda.files.received} topic forms, ${agenda.files.used} used for this meeting, ${agenda.topics.length} topics; ${agenda.problems.length} files, rows or notes not used, listed in 「${PANE_AGENDA_PROBLEMS}」.`,
        );
  return {
    ...(tables[0] && { sheet: tables[0].sheet.name }),
    summary: t(
      `${day.value} 例会议程已写入${written}：督办事项 ${agenda.decisions.length} 项（逾期未完成 ${overdue.length} 项），议题 ${agenda.topics.length} 项，滞后项目 ${agenda.behind.length} 个。`,
      `Agenda of ${day.value} written to ${written}: ${agenda.decisions.length} decisions tracked (${overdue.length} overdue), ${agenda.topics.length} topics, ${agenda.behind.length} projects behind.`,
    ),
    lines: [
      topicLine,
      ...overdue.map((d) =>
        t(
          `逾期未完成　${d.itemId}　${d.unit}　逾期 ${d.overdueDays ?? 0} 天`,
          `Overdue　${d.itemId}　${d.unit}　${d.overdueDays ?? 0} days`,
        ),
      ),
      // Every file and row left out, and every note on them: there are few, and each needs a look.
      ...agenda.problems.map(
        (p) => `${p.file}${p.sheet ? `　${p.sheet}` : ''}${p.cell ? `!${p.cell}` : ''}　${p.message}`,
      ),
      // A year without holiday data: said here as on the agenda's first sheet (DOMAIN §3).
      ...agenda.warnings.map((w) => finding(w, locale)),
      ...layoutNotes(host, locale),
    ],
    ok: true,
  };
}
