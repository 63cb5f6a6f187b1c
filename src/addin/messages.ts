import type { Locale } from '../core/issues/issue.js';

/**
 * What the task pane itself says (apart from the core's findings): why it cannot start, and what
 * an older Excel cannot do with what to do instead. Chinese first; placeholders in braces.
 * A test checks both languages use the same placeholders.
 */
export const ADDIN_MESSAGES = {
  // ---- starting: office.js, the pane's script, Excel (src/addin/boot.ts) ----------------------
  'boot.officeJsMissing': {
    zh: 'Office 的脚本库 office.js 没有加载，窗格连接不上 Excel：请检查加载项网站上有没有 office-js 文件夹（部署时要把 npm run addin:build 生成的全部文件一起复制），以及这台电脑能否在浏览器中打开 {url}。',
    en: 'office.js (the Office script library) did not load, so the pane cannot reach Excel: check that the add-in’s site has the office-js folder (copy every file npm run addin:build wrote) and that this PC can open {url} in a browser.',
  },
  'boot.scriptFailed': {
    zh: '窗格的脚本没有运行（{detail}）：请确认网站上的 taskpane.js 是 npm run addin:build 生成的原文件，然后关闭窗格重新打开；仍不行，请把这段话发给加载项的维护人员。',
    en: 'The pane’s script did not run ({detail}): check that taskpane.js on the site is the file npm run addin:build wrote, then close and reopen the pane; if it still fails, send this message to whoever maintains the add-in.',
  },
  'boot.hostSilent': {
    zh: 'office.js 已加载，但 Excel 在 {seconds} 秒内没有响应：请在 Excel 中用「开始」选项卡的按钮或「插入 → 我的加载项」打开本窗格（直接在浏览器中打开此页不会连接 Excel）；若已如此，请关闭窗格重新打开，或重启 Excel。',
    en: 'office.js loaded, but Excel did not answer within {seconds} seconds: open this pane from Excel (the button on the Home tab, or Insert → My Add-ins; this page opened in a browser cannot reach Excel); if you did, close and reopen the pane, or restart Excel.',
  },
  // ---- what an older Excel cannot do (Office.context.requirements.isSetSupported) -------------
  'api.basicLayout': {
    zh: '此版本的 Excel（ExcelApi 1.1，如批量授权的 Office 2016）不能合并单元格、设置列宽和冻结窗格：结果表的标题改为跨列居中、列宽为默认宽度，需要时请手动调整列宽，并用「视图 → 冻结窗格」冻结表头。',
    en: 'This Excel (ExcelApi 1.1, e.g. volume-licensed Office 2016) cannot merge cells, set column widths or freeze panes: titles are centred across the columns and widths left as they are; widen columns by hand and use View → Freeze Panes for the header.',
  },
  'api.noFreeze': {
    zh: '此版本的 Excel（ExcelApi 1.7 以前）不能冻结窗格：需要时请用「视图 → 冻结窗格」冻结结果表的表头。',
    en: 'This Excel (before ExcelApi 1.7) cannot freeze panes: use View → Freeze Panes to keep the result sheets’ header in view.',
  },
  'api.noDropDowns': {
    zh: '此版本的 Excel（ExcelApi 1.8 以前，如批量授权的 Office 2016、2019）不能设置数据验证：写入的行没有下拉列表，请按模板的选项填写，填后点「检查」核对。',
    en: 'This Excel (before ExcelApi 1.8, e.g. volume-licensed Office 2016 or 2019) cannot set data validation: the rows written have no drop-down lists; type the template’s options and click Check afterwards.',
  },
  'api.downloaded': {
    zh: '此版本的 Excel（ExcelApi 1.8 以前，如批量授权的 Office 2016、2019）不能从加载项打开新工作簿，所以通报作为文件下载：请在弹出的保存框或下载文件夹中打开它，并另存到通报文件夹。',
    en: 'This Excel (before ExcelApi 1.8, e.g. volume-licensed Office 2016 or 2019) cannot open a new workbook from an add-in, so the bulletin was downloaded as a file: open it from the save prompt or the downloads folder and save it with the bulletins.',
  },
  'api.noLiveCheck': {
    zh: '此版本的 Excel（ExcelApi 1.9 以前，如批量授权的 Office 2016、2019）不能在输入时检查：填完后请点「检查」。',
    en: 'This Excel (before ExcelApi 1.9, e.g. volume-licensed Office 2016 or 2019) cannot check entries as they are typed: click Check when you have filled them in.',
  },
  // ---- the same pane in WPS 表格 (src/wps/page.ts) ---------------------------------------------
  'wps.ready': {
    zh: '已连接 WPS 表格。打开总台账后，选择要做的事并点击按钮。',
    en: 'Connected to WPS Spreadsheets. In the master workbook, choose what to do and click its button.',
  },
  'wps.notWps': {
    zh: '本页面是 WPS 加载项的任务窗格：请在 WPS 表格中点「重点项目」选项卡的按钮打开它（直接在浏览器中打开此页不会连接 WPS）。',
    en: 'This page is the task pane of a WPS add-in: open it from the 重点项目 tab of WPS Spreadsheets (opened in a browser it cannot reach WPS).',
  },
  'wps.downloaded': {
    zh: '这台 WPS 没有向加载项提供文件读写（FileSystem），所以工作簿作为文件下载：请在下载文件夹中用 WPS 打开它并另存。',
    en: 'This WPS gives the add-in no file access (FileSystem), so the workbook was downloaded as a file: open it from the downloads folder in WPS and save it.',
  },
  'wps.documentSaved': {
    zh: '公文（Word 格式）已存为「{path}」，请用 WPS 文字打开并另存。',
    en: 'The official document (Word format) was saved as "{path}": open it in WPS Writer and save it.',
  },
  'wps.noLiveCheck': {
    zh: '这台 WPS 不向加载项报告单元格的修改（ApiEvent），不能在输入时检查：填完后请点「检查」。',
    en: 'This WPS does not tell add-ins of edits (ApiEvent), so entries cannot be checked as they are typed: click Check when you have filled them in.',
  },
  'pane.failed': {
    zh: '出错了：{why}',
    en: 'Something went wrong: {why}',
  },
  'pane.notExcel': { zh: '请在 Excel 中打开本加载项。', en: 'Open this add-in in Excel.' },
  'pane.connected': {
    zh: '已连接。请在下方选择要做的事：检查、汇总通报、导入台账、生成议程、计算排名……',
    en: 'Connected. Choose below what to do: check, merge, import, agenda, rank…',
  },
  'pane.busy.rank': { zh: '正在计算……', en: 'Computing…' },
  'pane.busy.check': { zh: '正在检查……', en: 'Checking…' },
  'pane.busy.merge': { zh: '正在汇总……', en: 'Merging…' },
  'pane.busy.import': { zh: '正在导入……', en: 'Importing…' },
  'pane.busy.agenda': { zh: '正在生成议程……', en: 'Building the agenda…' },
  'pane.busy.chart': { zh: '正在画进度图……', en: 'Drawing the chart…' },
  // ---- long work: counts while it runs, 取消 (src/addin/slices.ts) -----------------------------
  'work.reading': {
    zh: '正在读取文件 {done}/{total}，行数 {rows}……',
    en: 'Reading file {done}/{total}, {rows} rows…',
  },
  'work.picking': {
    zh: '正在打开所选文件 {done}/{total}……',
    en: 'Opening the files chosen {done}/{total}…',
  },
  'work.writing': {
    zh: '已读取 {total} 个文件、{rows} 行，正在写入……',
    en: 'Read {total} files, {rows} rows; writing…',
  },
  'work.cancel': { zh: '取消', en: 'Cancel' },
  'work.cancelling': { zh: '正在取消……', en: 'Cancelling…' },
  'work.cancelled': {
    zh: '已取消：没有写入任何内容，所选文件也未改动。',
    en: 'Cancelled: nothing was written and the files chosen are unchanged.',
  },
  // ---- findings: grouped, paged (src/addin/findings.ts) ----------------------------------------
  'findings.row': { zh: '未并入　{file}{where}　{message}', en: 'Not merged　{file}{where}　{message}' },
  'findings.replacedFile': {
    zh: '未并入　{file}：整份 {count} 行，已被更正件「{by}」替换（同一指挥部同一报告期以最后收到的为准）。',
    en: 'Not merged　{file}: all {count} rows; replaced by the correction "{by}" (the latest report of an HQ and period wins).',
  },
  'findings.rowsOfFile': {
    zh: '未并入　{file}　{where}（共 {count} 行）：{message}',
    en: 'Not merged　{file}　{where} ({count} rows): {message}',
  },
  'findings.rowsOfSheet': { zh: '「{sheet}」第 {from}–{to} 行', en: '{sheet} rows {from}–{to}' },
  'findings.rowOfSheet': { zh: '「{sheet}」第 {from} 行', en: '{sheet} row {from}' },
  'findings.cut': {
    zh: '共 {total} 条，显示前 {shown} 条。',
    en: '{total} in all; the first {shown} shown.',
  },
  'findings.more': { zh: '再显示 {count} 条', en: 'Show {count} more' },
  'findings.allIn': {
    zh: '共 {total} 条，显示前 {shown} 条，全部见「{sheet}」表。',
    en: '{total} in all; the first {shown} shown; all of them are in the sheet {sheet}.',
  },
  // ---- what comes next -------------------------------------------------------------------------
  'next.ledger': {
    zh: '导入本期通报到台账（{file}）',
    en: 'Import this bulletin into the ledgers ({file})',
  },
  'next.sheetShown': { zh: '已切换到「{sheet}」表。', en: 'Showing the sheet {sheet}.' },
  // ---- the actions' own sentences (src/addin/actions/*.ts) ----------------------------------------
  'pane.severity.error': { zh: '错误', en: 'Error' },
  'pane.severity.warning': { zh: '提醒', en: 'Warning' },
  'pane.row': { zh: '第{row}行', en: 'row {row}' },
  'agenda.badDate': {
    zh: '例会日期「{text}」无法识别，请写成 2026-11-14。',
    en: 'Meeting date "{text}" not understood: write 2026-11-14.',
  },
  'agenda.noForms': {
    zh: '未选择议题申报表：议程中只有督办事项和滞后项目。要列入各单位申报的议题，请先选择收到的议题申报表（可多选，.xlsx、.eml 或 .zip）。',
    en: 'No topic forms chosen: the agenda has the decisions and the projects behind only. To add the topics sent in, choose the forms received (.xlsx, .eml or .zip) first.',
  },
  'agenda.forms': {
    zh: '所选文件 {picked} 个，其中议题申报表 {received} 份，列入本次会议 {used} 份，议题 {topics} 项；未列入的文件和行及提示 {problems} 条，见「{sheet}」。',
    en: '{picked} files chosen: {received} topic forms, {used} used for this meeting, {topics} topics; {problems} files, rows or notes not used, listed in 「{sheet}」.',
  },
  'agenda.written': {
    zh: '{day} 例会议程已写入{sheets}：督办事项 {decisions} 项（逾期未完成 {overdue} 项），议题 {topics} 项，滞后项目 {behind} 个。',
    en: 'Agenda of {day} written to {sheets}: {decisions} decisions tracked ({overdue} overdue), {topics} topics, {behind} projects behind.',
  },
  'agenda.overdue': {
    zh: '逾期未完成　{item}　{unit}　逾期 {days} 天',
    en: 'Overdue　{item}　{unit}　{days} days',
  },
  'rank.badPeriod': {
    zh: '考评期「{text}」无法识别，请写成 2026Q3（季度）或 2026H2（半年）。',
    en: 'Period "{text}" not understood: write 2026Q3 (a quarter) or 2026H2 (a half-year).',
  },
  'rank.doneQuarter': {
    zh: '{period}已计算：代办员 {agents} 名，责任单位 {units} 个。结果已写入{sheets}。',
    en: '{period} done: {agents} agents, {units} units. Results written to {sheets}.',
  },
  'rank.doneHalf': {
    zh: '{period}已计算：责任单位 {units} 个。结果已写入{sheets}。',
    en: '{period} done: {units} units. Results written to {sheets}.',
  },
  'rank.praised': { zh: '通报表扬：{units}', en: 'Praised: {units}' },
  'rank.criticised': { zh: '通报批评：{units}', en: 'Criticised: {units}' },
  'rank.action': {
    zh: '{unit}：连续 {streak} 次倒数第一，{action}',
    en: '{unit}: last {streak} times in a row, {action}',
  },
  'rank.problems': {
    zh: '有 {count} 行数据有误未计入，见「数据问题」。',
    en: '{count} rows with errors were not counted; see 「数据问题」.',
  },
  'check.notAForm': {
    zh: '当前工作簿是「{kind}」。「检查」用于总台账、半月进展报表和周例会议题申报表。',
    en: 'This workbook is a "{kind}". Check works on the master workbook, the half-month report and the topic form.',
  },
  'check.unknown': {
    zh: '当前工作簿不是本系统的表格（总台账、半月进展报表或周例会议题申报表），无法检查。',
    en: 'This workbook is not one of our forms (master workbook, half-month report, topic form).',
  },
  'check.master': { zh: '总台账', en: 'Master workbook' },
  'check.clean': { zh: '{form}检查完毕，没有发现问题。', en: '{form} checked: no problems found.' },
  'check.counts': {
    zh: '{form}检查完毕：错误 {errors} 处，提醒 {warnings} 处，提示 {notes} 处。',
    en: '{form} checked: {errors} errors, {warnings} warnings, {notes} notes.',
  },
  'check.notAgainstMaster': {
    zh: '（未对照总台账：项目是否登记、是否属于本指挥部，由重点办汇总时检查。）',
    en: '(Not checked against the master: whether each project is registered to this HQ is checked when the office merges.)',
  },
  'check.editClean': { zh: '{place}：已检查，没有问题。', en: '{place}: checked, no problems.' },
  'check.editProblems': {
    zh: '{place}：有 {count} 处问题，请修改。',
    en: '{place}: {count} problem(s) to fix.',
  },
} as const satisfies Record<string, Readonly<Record<Locale, string>>>;

/** How long boot.ts lets office.js and Excel take: its message is on screen within 10 seconds. */
export const BOOT_WAIT_SECONDS = 8;

export type AddinCode = keyof typeof ADDIN_MESSAGES;

/** The pane's sentence for `code` in `locale`, its {placeholders} filled from `params`. */
export function addinText(
  code: AddinCode,
  locale: Locale = 'zh',
  params: Readonly<Record<string, string | number>> = {},
): string {
  return ADDIN_MESSAGES[code][locale].replace(/\{(\w+)\}/g, (m, k: string) =>
    Object.prototype.hasOwnProperty.call(params, k) ? String(params[k]) : m,
  );
}
