import type { ExcelHost, ExcelRun } from '../adapters/office/requirements.js';
import { OfficeHost, type WorkbookDelivery } from '../adapters/office/host.js';
import type { Delivery, WorkbookHost } from '../core/host.js';
import { addinText, type AddinCode } from './messages.js';
import { formOfSheet, rowsOfAddress, sheetsChecked, type LiveCheck, type SheetEdit } from './live-check.js';
import { expandFiles, type IgnoredInput, type InputItem } from '../adapters/expand.js';
import { loadPrepared, loadWorkbookBytes } from '../adapters/received.js';
import { importBulletin } from '../core/ledger/import.js';
import { fillParts, zipFilledParts } from '../adapters/xlsx-fill/parts.js';
import { assembleBulletin, bulletinContext, readSubmission } from '../core/bulletin/index.js';
import { bulletinSheets } from '../core/bulletin/render.js';
import { agendaSheets, buildAgenda, meetingDayProblem } from '../core/agenda/index.js';
import { AGENDA_PROBLEMS } from '../core/schema/agenda.js';
import type { RowValues } from '../core/template/samples.js';
import { parseDate } from '../core/values/parse.js';
import {
  parseRankPeriod,
  parseReportPeriod,
  rankPeriodId,
  rankPeriodLabel,
} from '../core/calendar/periods.js';
import { WorkCalendar } from '../core/calendar/workdays.js';
import { findSheet, type WorkbookGrid } from '../core/grid.js';
import { planTables } from '../core/table/merge.js';
import { readMaster, type MasterRead } from '../core/master/read.js';
import { instantToCst } from '../core/calendar/dates.js';
import { DECISIONS, MASTER, PROJECTS } from '../core/schema/master.js';
import { DECISION_FORM } from '../core/schema/decisions.js';
import { importDecisions } from '../core/ledger/decisions.js';
import { REPORT } from '../core/schema/report.js';
import { TOPICS } from '../core/schema/topics.js';
import type { TemplateSpec } from '../core/schema/types.js';
import { validateWorkbook } from '../core/validate/workbook.js';
import { OUTPUTS, TEMPLATES } from '../core/schema/templates.js';
import { isRefused, scoreMaster } from '../core/score/run.js';
import { ACTION_LABEL, OUTCOME_LABEL } from '../core/scoring/labels.js';
import {
  cellRef,
  formatMessage,
  message,
  sortIssues,
  type Issue,
  type Locale,
} from '../core/validate/issue.js';
import type { IssueCode } from '../core/validate/codes.js';
import { importHolidays } from '../core/jobs/holidays.js';
import { bulletinCharts } from '../core/bulletin/charts.js';
import { docText } from '../core/document/text.js';
import type { OfficialDocument } from '../core/document/model.js';
import { bulletinDocument } from '../core/jobs/bulletin-document.js';
import { addCharts } from '../adapters/xlsx-charts/index.js';
import { identifyTemplate, isIssue, META_SHEET } from '../core/workbook/identify.js';
import { progressChart } from '../core/jobs/chart.js';
import { CHART_TEXT } from '../core/schema/chart.js';
import { fillText } from '../core/paper/text.js';
import { inSlices, rowsOfSubmission, type WorkProgress } from './slices.js';
import { groupedRejections, paneMessage } from './findings.js';
import { paneText } from './wording.js';

/**
 * What the task pane's buttons do, apart from the page: read the open workbook, call the core
 * job the CLI calls, write result sheets — all through the WorkbookHost (core/host.ts), so the
 * same functions serve Excel (OfficeHost over Office.js) and WPS 表格 (EtHost). An ExcelHost
 * (Excel.run with what this Excel supports, or a fake in tests) is wrapped in an OfficeHost.
 */
export type { ExcelHost, ExcelRun, WorkbookDelivery };

/** The workbook program the pane works in: any WorkbookHost, or Excel's batch runner. */
export type PaneHost = WorkbookHost | ExcelHost;

/** The host behind `h`; an ExcelHost given directly delivers made workbooks through `delivery`. */
export const hostOf = (h: PaneHost, delivery?: WorkbookDelivery): WorkbookHost =>
  'run' in h ? new OfficeHost(h, delivery) : h;

export interface PaneResult {
  /** One line for the status bar. */
  readonly summary: string;
  /** Lines listed under it (findings, the ranking's ends). */
  readonly lines: readonly string[];
  readonly ok: boolean;
  /** The sheet of this workbook the action wrote, to be shown (activated) when it is done. */
  readonly sheet?: string;
}

/** Chinese first; English when Office speaks English (sheet names stay as people know them). */
const tr =
  (locale: Locale) =>
  (zh: string, en: string): string =>
    locale === 'en' ? en : zh;

/** Why this workbook cannot be used as the 总台账, or undefined when it can. */
function notMaster(grid: WorkbookGrid, locale: Locale): string | undefined {
  const t = tr(locale);
  const id = identifyTemplate(grid, [...TEMPLATES, ...OUTPUTS]);
  const kind = isIssue(id) ? undefined : id.template;
  if (kind?.id === MASTER.id || (isIssue(id) && findSheet(grid, PROJECTS.name))) return undefined;
  return kind
    ? t(
        `当前工作簿是「${kind.title}」，不是总台账。请在总台账中使用本功能。`,
        `This workbook is a "${kind.title}", not the master workbook (总台账). Open the master first.`,
      )
    : t(
        `当前工作簿中找不到「${PROJECTS.name}」表，不是总台账。请在总台账中使用本功能。`,
        `This workbook has no "${PROJECTS.name}" sheet: it is not the master workbook (总台账).`,
      );
}

/** The open workbook read as the master, with its calendar; or why it is not a master. */
async function openMaster(
  host: WorkbookHost,
  locale: Locale,
): Promise<{ master: MasterRead; calendar: WorkCalendar; grid: WorkbookGrid } | { why: string }> {
  const grid = await host.readWorkbook();
  const why = notMaster(grid, locale);
  if (why) return { why };
  const master = readMaster(grid);
  return { master, calendar: new WorkCalendar(master.data.holidays), grid };
}

const refused = (why: string): PaneResult => ({ summary: why, lines: [], ok: false });

/** What this host could not do of the result sheets' layout, and what to do instead. */
function layoutNotes(host: WorkbookHost, locale: Locale): string[] {
  const code: AddinCode | undefined = !host.capabilities.mergeAndWidths
    ? 'api.basicLayout'
    : !host.capabilities.freezePanes
      ? 'api.noFreeze'
      : undefined;
  return code ? [addinText(code, locale)] : [];
}

/** Rows written without their drop-down lists, where the host cannot set them. */
const dropDownNotes = (host: WorkbookHost, locale: Locale): string[] =>
  host.capabilities.dropDowns ? [] : [addinText('api.noDropDowns', locale)];

/** What the clerk is told of a made workbook downloaded instead of opened, host by host. */
const downloadedNote = (host: WorkbookHost, how: Delivery, locale: Locale): string[] =>
  how === 'opened' ? [] : [addinText(host.kind === 'wps' ? 'wps.downloaded' : 'api.downloaded', locale)];

const where = (i: Issue, locale: Locale): string =>
  [i.sheet ?? '', cellRef(i) || (i.row ? (locale === 'en' ? `row ${i.row}` : `第${i.row}行`) : '')]
    .join(' ')
    .trim();
const finding = (i: Issue, locale: Locale): string =>
  `${i.severity === 'error' ? tr(locale)('错误', 'Error') : tr(locale)('提醒', 'Warning')}　${where(i, locale)}　${paneMessage(i, locale)}`;

/**
 * The workbook 检查 and the check of an edit work on: the master, or a form an HQ or a unit fills
 * (半月进展报表, 周例会议题申报表) — so HQ staff have their report checked as they type it too.
 */
async function openForm(
  host: WorkbookHost,
  locale: Locale,
): Promise<{ template: TemplateSpec; name: string; issues: readonly Issue[] } | { why: string }> {
  return formOf(await host.readWorkbook(), locale);
}

/** The form a workbook is (the master, a 半月进展报表, a 议题申报表) and its findings; or why not one. */
export function formOf(
  grid: WorkbookGrid,
  locale: Locale,
): { template: TemplateSpec; name: string; issues: readonly Issue[] } | { why: string } {
  if (notMaster(grid, locale) === undefined) {
    const sheets = MASTER.sheets.map((s) => s.name);
    return { template: MASTER, name: '总台账', issues: sortIssues(readMaster(grid).issues, sheets) };
  }
  const v = validateWorkbook(grid);
  if (v.template && FORMS.has(v.template.id))
    return { template: v.template, name: v.template.fileName.replace(/\.xlsx$/u, ''), issues: v.issues };
  const t = tr(locale);
  // A bulletin or an agenda is recognised too, to say what it is.
  const id = identifyTemplate(grid, [...TEMPLATES, ...OUTPUTS]);
  const known = v.template ?? (isIssue(id) ? undefined : id.template);
  return {
    why: known
      ? t(
          `当前工作簿是「${known.title}」。「检查」用于总台账、半月进展报表和周例会议题申报表。`,
          `This workbook is a "${known.title}". Check works on the master workbook, the half-month report and the topic form.`,
        )
      : t(
          '当前工作簿不是本系统的表格（总台账、半月进展报表或周例会议题申报表），无法检查。',
          'This workbook is not one of our forms (master workbook, half-month report, topic form).',
        ),
  };
}

/** The forms people fill and the pane checks (the master is recognised by openForm itself). */
const FORMS: ReadonlySet<string> = new Set([REPORT.id, TOPICS.id]);

/** 检查: every finding of the open workbook (the master, a 半月进展报表 or a 议题申报表), errors first. */
export async function checkWorkbook(excel: PaneHost, locale: Locale = 'zh'): Promise<PaneResult> {
  const t = tr(locale);
  const host = hostOf(excel);
  const opened = await openForm(host, locale);
  if ('why' in opened) return refused(opened.why);
  const { issues: sorted, name, template } = opened;
  const errors = sorted.filter((i) => i.severity === 'error').length;
  const warnings = sorted.filter((i) => i.severity === 'warning').length;
  const en = template.id === MASTER.id ? 'Master workbook' : template.title;
  return {
    summary:
      sorted.length === 0
        ? t(`${name}检查完毕，没有发现问题。`, `${en} checked: no problems found.`)
        : t(
            `${name}检查完毕：错误 ${errors} 处，提醒 ${warnings} 处，提示 ${sorted.length - errors - warnings} 处。`,
            `${en} checked: ${errors} errors, ${warnings} warnings, ${sorted.length - errors - warnings} notes.`,
          ),
    lines: [
      ...sorted.filter((i) => i.severity !== 'info').map((i) => finding(i, locale)),
      ...(template.id === REPORT.id
        ? [
            t(
              '（未对照总台账：项目是否登记、是否属于本指挥部，由重点办汇总时检查。）',
              '(Not checked against the master: whether each project is registered to this HQ is checked when the office merges.)',
            ),
          ]
        : []),
    ],
    ok: errors === 0,
  };
}

export { rowsOfAddress };

/**
 * Checks an edit where it was typed: the findings of the form (the master, a 半月进展报表, a
 * 议题申报表) that fall on the changed rows of that sheet, cross-sheet checks included (e.g. a
 * 代办员 not in the roster). Only the edited rows are read from Excel; `live` keeps the lists.
 */
export async function checkEdit(
  excel: ExcelHost,
  live: LiveCheck,
  edit: SheetEdit,
  locale: Locale = 'zh',
): Promise<PaneResult> {
  const prepared = await live.prepare(excel, edit);
  if (!prepared) return { summary: '', lines: [], ok: true };
  return editFindings(prepared.grid, prepared.sheet, prepared.rows, edit.address, locale);
}

/** The findings of a form that fall on the edited rows of one sheet, as the pane says them. */
function editFindings(
  grid: WorkbookGrid,
  sheet: string,
  rows: { readonly from: number; readonly to: number } | undefined,
  address: string,
  locale: Locale,
): PaneResult {
  const t = tr(locale);
  const quiet = { summary: '', lines: [], ok: true };
  const opened = formOf(grid, locale);
  // Not one of our forms, or not a sheet people fill (a result sheet): nothing to say.
  if ('why' in opened || !opened.template.sheets.some((s) => s.name === sheet)) return quiet;
  const here = opened.issues.filter(
    (i) =>
      i.sheet === sheet &&
      i.severity !== 'info' &&
      (rows === undefined || (i.row !== undefined && i.row >= rows.from && i.row <= rows.to)),
  );
  const place = `「${sheet}」${address.replace(/^.*!/u, '')}`;
  return {
    summary:
      here.length === 0
        ? t(`${place}：已检查，没有问题。`, `${place}: checked, no problems.`)
        : t(`${place}：有 ${here.length} 处问题，请修改。`, `${place}: ${here.length} problem(s) to fix.`),
    lines: here.map((i) => finding(i, locale)),
    ok: here.every((i) => i.severity !== 'error'),
  };
}

/**
 * The check of an edit where it is typed, through any WorkbookHost (WPS 表格: SheetChange gives
 * the sheet's name and the changed cells' address): the form's mark is read, then only the
 * edited sheet and the sheets its rows are checked against (live-check.ts sheetsChecked), as the
 * Office pane's LiveCheck reads them. Nothing is said of a sheet no form has.
 */
export async function checkEditedRows(
  host: WorkbookHost,
  sheet: string,
  address: string,
  locale: Locale = 'zh',
): Promise<PaneResult> {
  const quiet = { summary: '', lines: [], ok: true };
  const form = formOfSheet(await host.readWorkbook([META_SHEET]), sheet);
  if (!form) return quiet;
  const grid = await host.readWorkbook([...new Set([...sheetsChecked(form, sheet), META_SHEET])]);
  return editFindings(grid, sheet, rowsOfAddress(address), address, locale);
}

/** 计算排名: scores and ranks the period and writes the result sheets into this workbook. */
export async function computeRanking(
  excel: PaneHost,
  periodText: string,
  locale: Locale = 'zh',
): Promise<PaneResult> {
  const t = tr(locale);
  const period = parseRankPeriod(periodText.trim());
  if (!period)
    return {
      summary: t(
        `考评期「${periodText}」无法识别，请写成 2026Q3（季度）或 2026H2（半年）。`,
        `Period "${periodText}" not understood: write 2026Q3 (a quarter) or 2026H2 (a half-year).`,
      ),
      lines: [],
      ok: false,
    };
  const host = hostOf(excel);

  const opened = await openMaster(host, locale);
  if ('why' in opened) return refused(opened.why);
  const { master, calendar } = opened;
  const outcome = scoreMaster({
    data: master.data,
    issues: master.issues,
    period,
    calendar,
    locale,
  });
  // A period with no data is refused, never ranked: nothing is written (DOMAIN §4).
  if (isRefused(outcome)) return refused(message(outcome.refused, locale));
  // Into the result sheets as they are: a person's columns and notes there stay.
  const { writes, notes } = planTables(opened.grid, outcome.tables, outcome.placeholders);
  // Result sheets nobody types into: no drop-down lists (as before).
  await host.writeTables(writes, outcome.placeholders, { dropDowns: false });
  const units = outcome.units.units;
  const praised = units.filter((u) => u.outcome === 'praise').map((u) => u.unit);
  const criticised = units.filter((u) => u.outcome === 'criticize').map((u) => u.unit);
  const actions = units
    .filter((u) => u.action)
    .map((u) =>
      t(
        `${u.unit}：连续 ${u.lastPlaceStreak} 次倒数第一，${ACTION_LABEL[u.action ?? 'admonition']}`,
        `${u.unit}: last ${u.lastPlaceStreak} times in a row, ${ACTION_LABEL[u.action ?? 'admonition']}`,
      ),
    );
  const problems = outcome.issues.filter((i) => i.severity === 'error').length;
  const label = rankPeriodLabel(period);
  const sheets = outcome.tables.map((x) => `「${x.sheet.name}」`).join('');
  const agents = outcome.agents?.agents.length;
  return {
    ...(outcome.tables[0] && { sheet: outcome.tables[0].sheet.name }),
    summary: t(
      `${label}已计算：${agents !== undefined ? `代办员 ${agents} 名，` : ''}责任单位 ${units.length} 个。结果已写入${sheets}。`,
      `${rankPeriodId(period)} done: ${agents !== undefined ? `${agents} agents, ` : ''}${units.length} units. Results written to ${sheets}.`,
    ),
    lines: [
      ...(praised.length > 0 ? [`${t(OUTCOME_LABEL.praise, 'Praised')}：${praised.join('、')}`] : []),
      ...(criticised.length > 0
        ? [`${t(OUTCOME_LABEL.criticize, 'Criticised')}：${criticised.join('、')}`]
        : []),
      ...actions,
      ...(problems > 0
        ? [
            t(
              `有 ${problems} 行数据有误未计入，见「数据问题」。`,
              `${problems} rows with errors were not counted; see 「数据问题」.`,
            ),
          ]
        : []),
      ...outcome.notes.map((w) => finding(w, locale)),
      ...notes.map((n) => message(n, locale)),
      ...layoutNotes(host, locale),
    ],
    ok: true,
  };
}

/** A file the clerk picked in the pane: a 议题申报表, an e-mail carrying one, or a .zip of them. */
export interface PickedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** File.lastModified (ms): the least trusted of the times a topic's submission can have. */
  readonly lastModified?: number;
}

/**
 * What the picked files hold (workbooks, e-mail attachments, zip entries) and what was ignored,
 * each in name order, as the CLI orders what it collects: the same files, the same result.
 */
function openPicked(picked: readonly PickedFile[]): { items: InputItem[]; ignored: IgnoredInput[] } {
  const byName = <T extends { file: string }>(a: T, b: T): number =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
  const collected = expandFiles(
    picked.map((f) => ({
      name: f.name,
      bytes: f.bytes,
      ...(f.lastModified !== undefined && { mtime: new Date(f.lastModified) }),
    })),
  );
  return { items: collected.items.sort(byName), ignored: collected.ignored.sort(byName) };
}

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

/** The half-month period whose bulletin is due next on or before today: 2026-11-1 from the 13th, 2026-11-2 from the 26th. */
export function currentReportPeriod(today: Date): string {
  const y = today.getFullYear();
  const m = today.getMonth() + 1;
  const d = today.getDate();
  if (d >= 26) return `${y}-${m}-2`;
  if (d >= 13) return `${y}-${m}-1`;
  return m === 1 ? `${y - 1}-12-2` : `${y}-${m - 1}-2`;
}

/**
 * 汇总通报: the half-month bulletin from the reports the clerk picked (.xlsx, .eml, .zip), merged
 * against this master exactly as `kpd merge` does, handed to `open` as a new workbook (the master
 * is not changed). The pane lists who is late, missing or unsigned, and every row not merged.
 */
export async function mergeReports(
  excel: PaneHost,
  periodText: string,
  picked: readonly PickedFile[],
  /** The bulletin template: the bundled one, or an office's own styled one (its file name given). */
  template: { readonly bytes: Uint8Array; readonly ownName?: string },
  /**
   * How the made workbook reaches the clerk when `excel` is Excel's batch runner: opened in Excel
   * (ExcelApi 1.8), else downloaded. A WorkbookHost delivers it itself (host.deliver).
   */
  deliver: WorkbookDelivery | undefined,
  locale: Locale = 'zh',
  /** Offers the bulletin as a 公文 (.docx) too, as kpd merge --doc writes it. */
  /** The line said of it: `doc.downloaded` unless the shell says where it went. */
  offerDocument?: (doc: OfficialDocument, fileName: string) => Promise<string | void>,
  /** Counts of the files read, and 取消 (the files are read in slices: the page never freezes). */
  progress?: WorkProgress,
): Promise<PaneResult> {
  const t = tr(locale);
  const period = parseReportPeriod(periodText.trim());
  if (!period)
    return refused(
      t(
        `报告期「${periodText}」无法识别：上半月写 2026-11-1，当月写 2026-11-2。`,
        `Period "${periodText}" not understood: 2026-11-1 (first half) or 2026-11-2 (whole month).`,
      ),
    );
  if (picked.length === 0)
    return refused(
      t(
        '请先选择收到的半月进展报表（可多选：.xlsx、.eml 邮件或 .zip 压缩包）。',
        'Choose the reports received first (.xlsx, .eml or .zip; several at once).',
      ),
    );
  const { items, ignored } = openPicked(picked);
  const host = hostOf(excel, deliver);
  // The bulletin made, or why not (the open workbook is no master, the template is unusable).
  const made = await (async () => {
    const opened = await openMaster(host, locale);
    if ('why' in opened) return opened;
    const { master, calendar } = opened;
    // The clock is the shell's: no file can have arrived after this moment (as kpd merge).
    const now = instantToCst(new Date());
    const ctx = bulletinContext({ period, master: master.data, calendar, locale, now });
    const read = await inSlices(
      items,
      (item) => readSubmission(loadPrepared(item), ctx),
      rowsOfSubmission,
      progress,
    );
    const bulletin = assembleBulletin(ctx, read, ignored);
    const sheets = bulletinSheets(bulletin, {
      siteVisitsPerWeek: master.data.rules.schedule.siteVisitsPerWeek,
      warningBand: master.data.rules.schedule.warningBand,
    });
    // An office's own template is used as it is; one that is not a workbook, or has none of the
    // bulletin's tables, is refused (as kpd merge --template refuses it).
    const own = template.ownName ?? '';
    let filled: ReturnType<typeof fillParts>;
    try {
      filled = fillParts(template.bytes, sheets);
    } catch {
      return {
        why: t(
          `通报模板「${own}」不是可用的 .xlsx 工作簿。`,
          `The bulletin template ${own} is not a usable .xlsx.`,
        ),
      };
    }
    if (filled.missing.length === sheets.tables.length)
      return {
        why: t(
          `通报模板「${own}」中找不到通报的任何一张表（应有「汇总」「项目进展」等表及其表头）。`,
          `The template ${own} has none of the bulletin tables.`,
        ),
      };
    const charted = addCharts(filled, bulletinCharts(bulletin, docText(locale))).parts;
    const doc = bulletinDocument({ bulletin, rules: master.data.rules }).result;
    return { bulletin, bytes: zipFilledParts(charted), missing: filled.missing, doc };
  })();
  if ('why' in made) return refused(made.why);
  const { bulletin: b, bytes, missing, doc } = made;
  const fileName = `重点项目情况通报-第${b.number}期.xlsx`;
  const how = await host.deliver(bytes, fileName);
  const inExcel = how === 'opened';
  const docName = fileName.replace(/\.xlsx$/u, '.docx');
  const docLine = offerDocument
    ? ((await offerDocument(doc, docName)) ?? formatMessage('doc.downloaded', { path: docName }, locale))
    : undefined;
  const taken = b.submissions.filter((s) => s.replacedBy === undefined);
  const rejected = b.problems.filter((p) => p.rejected);
  const names = (list: readonly string[]): string => list.join('、');
  return {
    summary: t(
      `${b.title}（${b.periodLabel}，报送截止 ${b.due}）${inExcel ? '已在新工作簿中打开，请另存为' : '已下载为'}「${fileName}」：应报 ${taken.length + b.missing.length} 个指挥部，按时 ${taken.length - b.late.length}、迟报 ${b.late.length}、未报 ${b.missing.length}；滞后项目 ${b.behind.length} 个；数据行 ${b.rows.in} = 并入 ${b.rows.merged} + 未并入 ${b.rows.rejected}。`,
      `Bulletin of ${b.period} (due ${b.due}) ${inExcel ? 'opened as a new workbook; save it as' : 'downloaded as'} "${fileName}": ${taken.length + b.missing.length} HQs due, ${taken.length - b.late.length} on time, ${b.late.length} late, ${b.missing.length} missing; ${b.behind.length} projects behind; rows ${b.rows.in} = ${b.rows.merged} merged + ${b.rows.rejected} not merged.`,
    ),
    lines: [
      ...(docLine !== undefined ? [docLine] : []),
      ...(b.missing.length > 0 ? [t(`未报：${names(b.missing)}`, `Missing: ${names(b.missing)}`)] : []),
      ...(b.late.length > 0 ? [t(`迟报：${names(b.late)}`, `Late: ${names(b.late)}`)] : []),
      ...(b.unsigned.length > 0
        ? [t(`未经指挥长签字：${names(b.unsigned)}`, `Not signed: ${names(b.unsigned)}`)]
        : []),
      ...b.ignored.map((x) => t(`忽略　${x.file}　${x.reason}`, `Ignored　${x.file}　${x.reason}`)),
      ...groupedRejections(rejected, b.submissions, locale),
      ...b.warnings.map((w) => `${t('警告', 'Warning')}：${paneMessage(w, locale)}`),
      ...missing.map((sheet) =>
        t(
          `警告：通报模板中没有「${sheet}」表（或找不到其表头），该部分未写入。`,
          `Warning: the template has no "${sheet}" table; not written.`,
        ),
      ),
      ...downloadedNote(host, how, locale),
    ],
    ok: true,
  };
}

/**
 * 导入台账: a bulletin's period into this master's 进展记录, 报送记录 and 一线工作记录 (what the
 * unit ranking reads), as `kpd ledger import` does: importing a period again replaces it, rows of
 * other periods stay as they were. The bulletin file is only read.
 */
export async function importLedger(
  excel: PaneHost,
  picked: readonly PickedFile[],
  locale: Locale = 'zh',
): Promise<PaneResult> {
  const t = tr(locale);
  const [file, ...more] = picked;
  if (!file || more.length > 0)
    return refused(
      t(
        '请选择一份《重点项目情况通报》（.xlsx，由「汇总通报」或 kpd merge 生成）。',
        'Choose one bulletin (.xlsx, made by 汇总通报 or kpd merge).',
      ),
    );
  const loaded = loadWorkbookBytes(file.name, file.bytes);
  if (!loaded.ok) return refused(`「${file.name}」：${paneMessage(loaded.issue, locale)}`);
  const host = hostOf(excel);

  const opened = await openMaster(host, locale);
  if ('why' in opened) return refused(opened.why);
  // A 周例会议定事项 workbook goes into 督办事项 (as kpd ledger import does); else a bulletin.
  if (!isIssue(identifyTemplate(loaded.value.workbook, [DECISION_FORM]))) {
    const d = importDecisions(loaded.value.workbook, opened.master.data);
    if (isIssue(d)) return refused(`「${file.name}」：${message(d, locale)}`);
    await host.writeSheets([{ sheet: DECISIONS, rows: d.decisions }], new Map(), { dropDowns: true });
    const { added, updated, unused } = d.counts;
    const left = unused > 0 ? formatMessage('decisions.unusedNumbers', { n: unused }, locale) : '';
    return {
      sheet: DECISIONS.name,
      summary: formatMessage(
        'decisions.importedHere',
        { meeting: d.meeting, added, updated, unused: left },
        locale,
      ),
      lines: d.issues.map((i) => finding(i, locale)),
      ok: true,
    };
  }
  const result = importBulletin(loaded.value.workbook, opened.master.data);
  if (isIssue(result)) return refused(`「${file.name}」：${paneMessage(result, locale)}`);
  // The ledgers keep the template's drop-down lists (状态, 时间来源, 职务) where Excel can set them.
  const { writes, notes } = planTables(opened.grid, result.tables, new Map());
  await host.writeTables(writes, new Map(), { dropDowns: true });
  const c = result.counts;
  return {
    ...(result.tables[0] && { sheet: result.tables[0].sheet.name }),
    summary: t(
      `已导入 ${result.period}：进展记录 ${c.progress} 行，报送记录 ${c.submissions} 行，一线工作记录 ${c.siteVisits} 行${c.replaced > 0 ? `（替换了该期原有的 ${c.replaced} 行）` : ''}。`,
      `Imported ${result.period}: ${c.progress} progress, ${c.submissions} submission, ${c.siteVisits} site-work rows${c.replaced > 0 ? ` (replaced ${c.replaced})` : ''}.`,
    ),
    lines: [
      ...result.issues.map((i) => finding(i, locale)),
      ...notes.map((n) => message(n, locale)),
      ...layoutNotes(host, locale),
      ...dropDownNotes(host, locale),
    ],
    ok: true,
  };
}

/**
 * 进度图 (挂图作战): this master's 节点计划 as the printable A3 progress chart `kpd chart` makes
 * (the same job), opened as a new workbook or downloaded; the master is not changed. The
 * spreadsheet writer is loaded only when asked for (a chunk of its own in the page's bundle).
 */
export async function progressChartPaper(
  excel: PaneHost,
  dayText: string,
  /** As for mergeReports: used only when `excel` is Excel's batch runner. */
  deliver: WorkbookDelivery | undefined,
  locale: Locale = 'zh',
): Promise<PaneResult> {
  const day = parseDate(dayText.trim());
  if (!day.ok) return refused(formatMessage('chart.paneDay', { value: dayText }, locale));
  const host = hostOf(excel, deliver);
  const opened = await openMaster(host, locale);
  if ('why' in opened) return refused(opened.why);
  const job = progressChart(opened.master.data, { on: day.value });
  if (isIssue(job)) return refused(message(job, locale));
  const { result, book, issues } = job;
  const { paperBytes } = await import('../adapters/exceljs/paper.js');
  const fileName = fillText(CHART_TEXT.paneFile, { day: day.value });
  const bytes = await paperBytes(book, new Date());
  const inNew = (await host.deliver(bytes, fileName)) === 'opened';
  const how = formatMessage(inNew ? 'chart.paneOpened' : 'chart.paneDownloaded', {}, locale);
  return {
    summary: formatMessage(
      'chart.paneDone',
      { day: day.value, how, file: fileName, hqs: result.sheets.length, ...result.totals },
      locale,
    ),
    lines: [
      ...result.sheets.map((x) =>
        formatMessage(
          'chart.sheet',
          { ...x, unit: formatMessage(`paper.unit.${x.unit}`, {}, locale) },
          locale,
        ),
      ),
      ...issues.map((i) => finding(i, locale)),
    ],
    ok: true,
  };
}

/**
 * 导入放假通知: the State Council's holiday notice, pasted as text, into this master's 节假日 rows,
 * as `kpd holidays import` does (DOMAIN §3): what was read, item by item; rows of the notice's
 * dates replaced, the office's other rows kept; a notice with errors writes nothing.
 */
export async function importHolidayNotice(
  excel: PaneHost,
  text: string,
  yearText = '',
  locale: Locale = 'zh',
): Promise<PaneResult> {
  const say = (code: IssueCode, params: Readonly<Record<string, string | number>> = {}): string =>
    paneText(code, params, locale);
  if (text.trim() === '') return refused(say('holidays.pasteFirst'));
  const y = yearText.trim();
  if (y !== '' && !/^\d{4}$/u.test(y)) return refused(say('holidays.badYear', { value: y }));
  const host = hostOf(excel);

  const opened = await openMaster(host, locale);
  if ('why' in opened) return refused(opened.why);
  const job = importHolidays({
    text,
    ...(y !== '' && { year: Number(y) }),
    existing: opened.master.data.holidays,
  });
  const lines = [
    ...job.issues.filter((i) => i.severity !== 'info').map((i) => finding(i, locale)),
    ...job.issues.filter((i) => i.severity === 'info').map((i) => paneMessage(i, locale)),
  ];
  const errors = job.issues.filter((i) => i.severity === 'error').length;
  if (!job.ok || job.year === undefined)
    return { summary: say('holidays.nothingWrittenPane', { count: errors }), lines, ok: false };
  // Into 节假日 as it is: the notice's dates replaced where they stand, the office's rows kept;
  // 类型 keeps its 休 / 班 list where Excel can set one (ExcelApi 1.8).
  const { writes, notes } = planTables(opened.grid, job.tables, new Map());
  await host.writeTables(writes, new Map(), { dropDowns: true });
  return {
    ...(job.tables[0] && { sheet: job.tables[0].sheet.name }),
    summary: say('holidays.wrotePane', { year: job.year, ...job.counts }),
    lines: [
      ...lines,
      ...notes.map((n) => message(n, locale)),
      ...layoutNotes(host, locale),
      ...dropDownNotes(host, locale),
    ],
    ok: true,
  };
}
