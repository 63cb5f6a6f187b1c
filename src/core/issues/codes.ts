import { SCORING_MESSAGES } from './messages-scoring.js';
import { MERGE_MESSAGES } from './messages-merge.js';
import { MERGE_RUN_MESSAGES } from './messages-merge-run.js';
import { PRINT_MESSAGES } from './messages-print.js';
import { ANNEX_MESSAGES } from './messages-annex.js';
import { PROGRESS_MESSAGES } from './messages-progress.js';
import { AGENDA_MESSAGES } from './messages-agenda.js';
import { SHEETS_AGENDA_MESSAGES } from './messages-sheets-agenda.js';
import { TABLE_MESSAGES } from './messages-table.js';
import { PAPER_MESSAGES } from './messages-papers.js';
import { MAIL_MESSAGES } from './messages-mail.js';
import { SCHEDULE_MESSAGES } from './messages-schedule.js';
import { CALENDAR_MESSAGES } from './messages-calendar.js';
import { INPUT_MESSAGES } from './messages-input.js';
import { CLI_MESSAGES } from './messages-cli.js';
import { SHELL_MESSAGES } from './messages-shells.js';
import { USAGE_MESSAGES } from './messages-usage.js';
import { OUTPUT_MESSAGES } from './messages-output.js';
import { DOCUMENT_MESSAGES } from './messages-documents.js';
import { TEMPLATE_MESSAGES } from './messages-templates.js';
import { EXAMPLE_MESSAGES } from './messages-examples.js';
import { SHEETS_BULLETIN_MESSAGES } from './messages-sheets-bulletin.js';

/**
 * Every finding the product reports, with its text in Chinese (first) and English.
 * Placeholders in braces are filled from the issue's params; a test checks both locales use
 * the same placeholders and that no code lacks text.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface MessageDef {
  readonly severity: Severity;
  readonly zh: string;
  readonly en: string;
}

const FOUNDATION_MESSAGES = {
  // ---- files -------------------------------------------------------------------------------
  'file.notFound': {
    severity: 'error',
    zh: '找不到文件。请检查路径。',
    en: 'File not found. Check the path.',
  },
  'file.ignored': {
    severity: 'error',
    zh: '未检查：{=why}。',
    en: 'Not checked: {=why}.',
  },
  'file.notZip': {
    severity: 'error',
    zh: '不是 Excel 工作簿（.xlsx）。请用 Excel 或 WPS 打开后另存为 .xlsx 再报送。',
    en: 'Not an Excel workbook (.xlsx). Open it in Excel or WPS and save it as .xlsx.',
  },
  'file.xls': {
    severity: 'error',
    zh: '这是旧版 Excel 97-2003 文件（.xls）。请另存为 .xlsx 后重新报送。',
    en: 'This is an old Excel 97-2003 file (.xls). Save it as .xlsx and submit again.',
  },
  'file.encrypted': {
    severity: 'error',
    zh: '工作簿设置了打开密码，无法读取。请取消密码（文件→信息→保护工作簿）后重新报送。',
    en: 'The workbook is password-protected. Remove the password and submit again.',
  },
  'file.zipBomb': {
    severity: 'error',
    zh: '文件解压后异常庞大（可能是“压缩炸弹”），为安全起见拒绝读取。请重新导出后报送。',
    en: 'The file expands to an abnormal size ({detail}) and was refused for safety.',
  },
  'file.runBudget': {
    severity: 'error',
    zh: '本次输入的文件合计解压后超过 {limit} 的上限，这个文件未读取。请分批处理，或检查是否混入了异常庞大的压缩包。',
    en: 'The inputs of this run together expand beyond the limit of {limit}; this file was not read. Process them in batches, or look for an abnormally large archive.',
  },
  'file.doctype': {
    severity: 'error',
    zh: '文件内含不安全的 XML 声明（DOCTYPE/实体），为安全起见拒绝读取。请用 Excel 或 WPS 重新保存。',
    en: 'The file contains unsafe XML (DOCTYPE/entities) and was refused. Re-save it in Excel or WPS.',
  },
  'file.corrupt': {
    severity: 'error',
    zh: '文件已损坏，无法读取。请用 Excel 或 WPS 重新保存为 .xlsx 后重新发送。',
    en: 'The file is damaged and cannot be read ({detail}). Save or send it again.',
  },
  'file.notWorkbook': {
    severity: 'error',
    zh: '压缩包中没有 Excel 工作簿内容。请报送 .xlsx 文件。',
    en: 'The package holds no Excel workbook. Submit an .xlsx file.',
  },
  'file.macro': {
    severity: 'warning',
    zh: '工作簿含有宏（VBA），宏不会被运行，只读取数据。请使用不含宏的模板。',
    en: 'The workbook contains macros; they are never run, only data is read.',
  },
  'file.externalLinks': {
    severity: 'warning',
    zh: '工作簿引用了外部文件，只读取已保存的数值，不会更新链接。',
    en: 'The workbook links to external files; only the saved values are read.',
  },
  'file.truncatedRows': {
    severity: 'warning',
    zh: '工作表「{sheet}」超出读取范围，超出部分未读取（超过 {limit} 行，之后的内容未读取）。',
    en: 'Sheet "{sheet}" exceeds the read limits; the rest was not read (more than {limit} rows).',
  },
  'file.truncatedCols': {
    severity: 'warning',
    zh: '工作表「{sheet}」超出读取范围，超出部分未读取（超过 {limit} 列，之后的内容未读取）。',
    en: 'Sheet "{sheet}" exceeds the read limits; the rest was not read (more than {limit} columns).',
  },
  'file.truncatedFar': {
    severity: 'warning',
    zh: '工作表「{sheet}」中有远离表格的零散单元格（从 {cell} 起），这些单元格未读取。请删除表格以外的内容后重新保存。',
    en: 'Sheet "{sheet}" has scattered cells far from the table (from {cell} on); they were not read. Delete what lies outside the table and save again.',
  },
  // ---- templates ---------------------------------------------------------------------------
  'template.unknown': {
    severity: 'error',
    zh: '无法识别的表格：没有找到本系统模板的工作表（应有「{expected}」）。请使用下发的模板填报。',
    en: 'Unrecognised workbook: none of the template sheets ("{expected}") found. Use the issued template.',
  },
  'template.unmarked': {
    severity: 'info',
    zh: '工作簿缺少模板标识，按工作表名称识别为「{template}」。',
    en: 'The workbook has no template mark; recognised as "{template}" by its sheet names.',
  },
  'template.version': {
    severity: 'warning',
    zh: '模板版本为 {found}，当前版本为 {current}。已按表头读取；请下次使用最新模板。',
    en: 'Template version {found}; current is {current}. Read by headers; use the latest template next time.',
  },
  'template.newer': {
    severity: 'warning',
    zh: '模板版本为 {found}，比本程序认识的版本 {current} 新。已按表头读取；请把 kpd 升级到最新版本。',
    en: 'Template version {found} is newer than this program knows ({current}). Read by headers; please update kpd.',
  },
  'template.output': {
    severity: 'warning',
    zh: '这是本系统生成的「{template}」，不是填报用的表格，不作检查或汇总。',
    en: 'This is a "{template}" produced by this system, not a form to fill; not checked or merged.',
  },
  'template.wrongKind': {
    severity: 'error',
    zh: '这是「{found}」，此处需要「{expected}」。',
    en: 'This is a "{found}" workbook; a "{expected}" is needed here.',
  },
  'sheet.missing': {
    severity: 'error',
    zh: '缺少工作表「{sheet}」。请使用下发的模板，不要删除或改名工作表。',
    en: 'Sheet "{sheet}" is missing. Use the issued template; do not delete or rename sheets.',
  },
  'sheet.headerNotFound': {
    severity: 'error',
    zh: '工作表「{sheet}」中找不到表头行（应含「{expected}」）。请勿修改表头。',
    en: 'No header row found in sheet "{sheet}" (expected "{expected}"). Do not change the headers.',
  },
  'column.missing': {
    severity: 'error',
    zh: '缺少列「{header}」。请按模板恢复该列表头。',
    en: 'Column "{header}" is missing. Restore its header as in the template.',
  },
  'row.columnsMissing': {
    severity: 'error',
    zh: '表头缺少「{headers}」列，本行（{project}）不完整，未采用。请按模板恢复表头后重新报送。',
    en: 'The header lacks the column(s) "{headers}", so this row ({project}) is incomplete and not used. Restore the header as in the template.',
  },
  'sheet.renamed': {
    severity: 'warning',
    zh: '找不到「{expected}」表；工作表「{sheet}」的表头与它相同，已按「{expected}」读取。请不要给工作表改名。',
    en: 'No sheet "{expected}"; sheet "{sheet}" has its headers and was read as "{expected}". Please do not rename sheets.',
  },
  'sheet.unrecognised': {
    severity: 'error',
    zh: '工作表「{sheet}」像是「{expected}」，但找不到它的表头（应含「{headers}」），整张表未读取，其中有内容的 {count} 行都未采用。请使用下发的模板，不要修改表头或给工作表改名。',
    en: 'Sheet "{sheet}" looks like "{expected}" but has none of its headers ("{headers}"); the whole sheet was not read and its {count} filled rows are not used. Use the issued template without changing headers or sheet names.',
  },
  'sheet.unrecognisedRow': {
    severity: 'error',
    zh: '本行所在的工作表「{sheet}」无法识别为「{expected}」（找不到表头），本行未采用。',
    en: 'This row is on sheet "{sheet}", which cannot be read as "{expected}" (no header found); not used.',
  },
  'column.duplicate': {
    severity: 'warning',
    zh: '列「{header}」出现了两次，只读取第一列。',
    en: 'Column "{header}" appears twice; only the first is read.',
  },
  'field.required': {
    severity: 'error',
    zh: '「{label}」未填写。请在其右侧单元格填写。',
    en: '"{label}" is empty. Fill in the cell to its right.',
  },
  'field.invalid': {
    severity: 'error',
    zh: '「{label}」填的「{value}」无法识别，应填{expected}。',
    en: '"{label}" value "{value}" cannot be read: {expected}',
  },
  // ---- cells -------------------------------------------------------------------------------
  'cell.required': { severity: 'error', zh: '「{header}」必须填写。', en: '"{header}" is required.' },
  'cell.number': {
    severity: 'error',
    zh: '「{header}」应为数字，现为「{value}」。请只填数字（单位已在表头）。',
    en: '"{header}" must be a number, found "{value}".',
  },
  'cell.integer': {
    severity: 'error',
    zh: '「{header}」应为正整数，现为「{value}」。',
    en: '"{header}" must be a whole number, found "{value}".',
  },
  'cell.date': {
    severity: 'error',
    zh: '「{header}」应为日期，现为「{value}」。请按 2026-11-03 或 2026年11月3日 格式填写。',
    en: '"{header}" must be a date, found "{value}". Write it as 2026-11-03.',
  },
  'cell.enum': {
    severity: 'error',
    zh: '「{header}」只能填写：{allowed}；现为「{value}」。请从下拉列表中选择。',
    en: '"{header}" must be one of: {allowed}; found "{value}". Pick from the drop-down list.',
  },
  'cell.min': {
    severity: 'error',
    zh: '「{header}」不能小于 {min}，现为 {value}。',
    en: '"{header}" must not be less than {min}; found {value}.',
  },
  'cell.max': {
    severity: 'error',
    zh: '「{header}」不能大于 {max}，现为 {value}。',
    en: '"{header}" must not be more than {max}; found {value}.',
  },
  'cell.period': {
    severity: 'error',
    zh: '「{header}」「{value}」无法识别。请按「2026年11月上半月」或「2026年11月」填写。',
    en: '"{header}" "{value}" cannot be read. Write e.g. 2026年11月上半月 or 2026年11月.',
  },
  'cell.rankPeriod': {
    severity: 'error',
    zh: '「{header}」「{value}」无法识别。请按「2026Q3」（季度）或「2026H2」（半年）填写。',
    en: '"{header}" "{value}" cannot be read. Write 2026Q3 (quarter) or 2026H2 (half-year).',
  },
  'cell.formulaNoValue': {
    severity: 'error',
    zh: '「{header}」是公式，但文件里没有保存计算结果（多见于程序生成、从未在 Excel 中打开过的文件）。请在 Excel 或 WPS 中打开并保存后再报送，或直接填写数值。',
    en: '"{header}" is a formula saved without its calculated value. Open and save the file in Excel or WPS, or type the value.',
  },
  'cell.error': {
    severity: 'error',
    zh: '「{header}」是公式错误值 {value}。请修正公式或直接填写数值。',
    en: '"{header}" holds the formula error {value}. Fix the formula or type the value.',
  },
  'cell.invisible': {
    severity: 'warning',
    zh: '「{header}」的「{value}」中含有看不见的字符（如零宽空格、文字方向控制符，以 <U+…> 标出），它与看起来相同的文字并不相同（例如对不上项目登记）。请删除这些字符后重新输入。',
    en: '"{header}" value "{value}" holds invisible characters (zero-width spaces, direction controls; shown as <U+…>): it differs from the text it looks like (it will not match the register). Delete them and type it again.',
  },
  'cell.numberAsText': {
    severity: 'info',
    zh: '「{header}」的数字「{value}」是以文本形式填写的，已按数字读取。',
    en: '"{header}" number "{value}" was typed as text and read as a number.',
  },
  'cell.duplicate': {
    severity: 'error',
    zh: '「{header}」「{value}」重复（与第 {firstRow} 行相同）。',
    en: '"{header}" "{value}" is duplicated (same as row {firstRow}).',
  },
  // ---- project register ----------------------------------------------------------------------
  'project.fiveOnes': {
    severity: 'error',
    zh: '项目「{project}」未落实“五个一”：缺少「{header}」。每个项目须有指挥部、指挥长、责任单位一把手、代办员、乡镇科级干部各一名。',
    en: 'Project "{project}" lacks one of the five ("{header}"): HQ, commander, unit head, agent, township cadre.',
  },
  'project.onePerson': {
    severity: 'warning',
    zh: '「{header}」应只填一人（“五个一”：每个项目一名{header}），现为「{value}」。请只保留一人。',
    en: '"{header}" must name one person ("five ones": one per project); found "{value}".',
  },
  'project.planExceedsTotal': {
    severity: 'error',
    zh: '项目「{project}」的年度计划投资 {plan} 万元大于总投资 {total} 万元。',
    en: 'Project "{project}": annual plan {plan} exceeds total investment {total} (万元).',
  },
  'project.startAfterEnd': {
    severity: 'error',
    zh: '「{startHeader}」{start} 晚于「{endHeader}」{end}。',
    en: '"{startHeader}" {start} is later than "{endHeader}" {end}.',
  },
  'ref.flawedRow': {
    severity: 'error',
    zh: '「{value}」在「{sheet}」第 {row} 行，但那一行本身有错误（见该行的问题），暂时对不上。改正那一行即可。',
    en: '"{value}" is on row {row} of "{sheet}", but that row has errors of its own (see them). Fix that row.',
  },
  'ref.project': {
    severity: 'error',
    zh: '项目编号「{value}」不在「项目登记」中。请先登记项目或更正编号。',
    en: 'Project id "{value}" is not in 项目登记. Register the project or correct the id.',
  },
  'ref.agent': {
    severity: 'error',
    zh: '代办员「{value}」不在「代办员名册」中。请先登记或更正姓名。',
    en: 'Agent "{value}" is not in 代办员名册. Add the agent or correct the name.',
  },
  'ref.agentLevel': {
    severity: 'warning',
    zh: '「{header}」「{value}」在名册中是{level}代办员。',
    en: '"{header}" "{value}" is a level-{level} agent in the roster.',
  },
  'ref.milestone': {
    severity: 'error',
    zh: '前置节点「{value}」不是项目「{project}」的节点序号。',
    en: 'Predecessor "{value}" is not a milestone number of project "{project}".',
  },
  'ref.hq': {
    severity: 'warning',
    zh: '指挥部「{value}」不在「项目登记」中。',
    en: 'HQ "{value}" is not in 项目登记.',
  },
  'ref.unit': {
    severity: 'warning',
    zh: '责任单位「{value}」不在「项目登记」中，仍按填写的名称参加排名。',
    en: 'Unit "{value}" is not in 项目登记; ranked under the name as typed.',
  },
  'approval.doneBeforeStart': {
    severity: 'error',
    zh: '办结日期 {done} 早于开始日期 {start}。',
    en: 'Completion date {done} is before the start date {start}.',
  },
  'survey.noAnswer': {
    severity: 'error',
    zh: '这份测评七个项目都没有填写等次，无法计分。',
    en: 'None of the seven items of this survey is rated.',
  },
  'incident.unknownRule': {
    severity: 'error',
    zh: '规则编号「{value}」不存在。可用编号：{allowed}。',
    en: 'Rule code "{value}" does not exist. Codes: {allowed}.',
  },
  'incident.derivedRule': {
    severity: 'error',
    zh: '规则 {value} 由「{sheet}」自动计算，请勿在扣分记录中重复录入。',
    en: 'Rule {value} is computed from "{sheet}"; do not enter it in 扣分记录 too.',
  },
  'incident.pointsNeeded': {
    severity: 'error',
    zh: '规则 {value} 须在「分值」中填写加减分（如 +1 或 -0.5）。',
    en: 'Rule {value} needs its points in 分值 (e.g. +1 or -0.5).',
  },
  'incident.pointsIgnored': {
    severity: 'warning',
    zh: '规则 {value} 按规则表计分（每次 {points} 分），「分值」中的 {typed} 未采用。',
    en: 'Rule {value} scores by the rule table ({points} each); the typed 分值 {typed} is not used.',
  },
  'unitScore.overWeight': {
    severity: 'error',
    zh: '「{header}」手工得分 {value} 超出该项权重 {max} 分，未采用：该项按台账计算，本行其他手工得分照常采用。',
    en: '"{header}" typed score {value} exceeds its weight {max}; not used: this criterion is computed from the ledgers, the row’s other typed scores stay.',
  },
  outsidePeriod: {
    severity: 'info',
    zh: '日期 {value} 不在考评期 {period} 内，本次不计。',
    en: 'Date {value} is outside the period {period}; not counted.',
  },
  // ---- semi-monthly report ---------------------------------------------------------------------
  'report.unsigned': {
    severity: 'warning',
    zh: '「指挥长签字」为空。纸质版须由指挥长签字后报送。',
    en: 'The commander has not signed (指挥长签字 is empty).',
  },
  'report.currentExceedsCumulative': {
    severity: 'error',
    zh: '本期完成投资 {current} 万元大于年度累计完成投资 {cumulative} 万元。请核对（累计应包含本期）。',
    en: 'This period ({current}) exceeds the year-to-date total ({cumulative}); year-to-date must include it.',
  },
  'report.cumulativeOverPlan': {
    severity: 'info',
    zh: '年度累计完成投资 {cumulative} 万元已超过年度计划 {plan} 万元。',
    en: 'Year-to-date {cumulative} exceeds the annual plan {plan}.',
  },
  'report.planMismatch': {
    severity: 'warning',
    zh: '年度计划投资 {typed} 万元与项目登记的 {registered} 万元不一致，按项目登记计算。',
    en: 'Annual plan {typed} differs from the register ({registered}); the register is used.',
  },
  'report.duplicateProject': {
    severity: 'error',
    zh: '项目「{value}」在本表中重复填报（与第 {firstRow} 行相同），本行未采用。',
    en: 'Project "{value}" is reported twice (as in row {firstRow}); this row is not used.',
  },
  'report.otherHq': {
    severity: 'error',
    zh: '项目「{value}」在项目登记中属于「{registered}」，不属于本指挥部「{hq}」，本行未采用。',
    en: 'Project "{value}" belongs to "{registered}", not to "{hq}"; row not used.',
  },
  'report.unknownHq': {
    severity: 'error',
    zh: '填报单位「{value}」不是项目登记中的指挥部。请按登记名称填写：{allowed}。',
    en: 'Reporting unit "{value}" is not an HQ of the register. Use one of: {allowed}.',
  },
  'report.hqNear': {
    severity: 'info',
    zh: '填报单位「{value}」按「{hq}」识别。请按项目登记中的全称填写。',
    en: 'Reporting unit "{value}" was taken as "{hq}". Use the full registered name.',
  },
  'report.wrongPeriod': {
    severity: 'warning',
    zh: '报告期为 {found}，本次汇总的是 {expected}，本表未并入。',
    en: 'Report period {found}; merging {expected}; not merged.',
  },
  'report.totalMismatch': {
    severity: 'warning',
    zh: '合计行「{header}」为 {typed}，各行之和为 {sum}。以各行数据为准。',
    en: 'Total row "{header}" is {typed}; the rows add up to {sum}. The rows are used.',
  },
  'report.rowsAfterTotal': {
    severity: 'warning',
    zh: '合计行下方还有数据，已一并读取。请把数据填在合计行上方。',
    en: 'Data found below the total row; it was read too.',
  },
  'sitevisit.outsidePeriod': {
    severity: 'warning',
    zh: '一线工作日期 {value} 不在本期报告可填的日期（{from} 至 {to}）内，这一天不计入本期考核。',
    en: 'Site-visit date {value} is outside the dates this report may list ({from} to {to}); not assessed this period.',
  },
  // ---- weekly topics ---------------------------------------------------------------------------
  'topic.unsignedLeader': {
    severity: 'warning',
    zh: '「{label}」为空。议题须经单位主要领导和分管县级领导签字。',
    en: '"{label}" is empty; topics need both signatures.',
  },
  'topic.late': {
    severity: 'warning',
    zh: '{source} {value} 晚于 {intended} 例会的议题截止时间 {cutoff}，转入 {meeting} 的例会。',
    en: 'Submitted {value} ({source}), after the cut-off {cutoff} of the meeting of {intended}; moved to the meeting of {meeting}.',
  },
  // ---- rules sheet -----------------------------------------------------------------------------
  'rules.unknown': {
    severity: 'warning',
    zh: '规则表中的编号「{value}」不认识，已忽略。',
    en: 'Unknown rule code "{value}" in 规则; ignored.',
  },
  'rules.invalid': {
    severity: 'error',
    zh: '规则「{value}」的值「{typed}」无效（{expected}），已按默认值 {default} 计算。',
    en: 'Rule "{value}" value "{typed}" is invalid ({expected}); default {default} used.',
  },
  'rules.missing': {
    severity: 'info',
    zh: '规则表缺少「{value}」，按默认值 {default} 计算。',
    en: 'Rule "{value}" missing from 规则; default {default} used.',
  },
  'rules.duplicate': {
    severity: 'warning',
    zh: '规则「{value}」出现了两次，采用第 {firstRow} 行。',
    en: 'Rule "{value}" appears twice; row {firstRow} is used.',
  },
  'rules.sum': {
    severity: 'warning',
    zh: '{what}合计为 {sum}，不是 100。',
    en: '{what} add up to {sum}, not 100.',
  },
  // ---- calendar ------------------------------------------------------------------------------
  'calendar.yearOfficeOnly': {
    severity: 'warning',
    zh: '没有内置的 {year} 年国务院放假安排，只用了「节假日」表或 --holidays 文件中录入的 {count} 天。请确认已录全该年全部放假日和调休上班日。',
    en: 'No built-in holiday data for {year}; only the {count} days entered by the office are used. Make sure the whole year is entered.',
  },
  'calendar.yearMissing': {
    severity: 'warning',
    zh: '没有 {year} 年的法定节假日和调休数据：只按周末推算，节假日未计入。请在「节假日」表或 --holidays 文件中录入 {year} 年国务院放假安排。',
    en: 'No statutory holiday data for {year}: weekends only. Enter the year in the 节假日 sheet or a --holidays file.',
  },
  'holiday.conflict': {
    severity: 'info',
    zh: '{value} 在节假日表中标为「{type}」，与内置数据不同，以节假日表为准。',
    en: '{value} is marked "{type}" in the holiday table, overriding the built-in data.',
  },
} as const satisfies Record<string, MessageDef>;

/** One table for the product; each area keeps its part in its own file. */
export const MESSAGES = {
  ...FOUNDATION_MESSAGES,
  ...SCORING_MESSAGES,
  ...MERGE_MESSAGES,
  ...MERGE_RUN_MESSAGES,
  ...AGENDA_MESSAGES,
  ...SHEETS_AGENDA_MESSAGES,
  ...TABLE_MESSAGES,
  ...PAPER_MESSAGES,
  ...MAIL_MESSAGES,
  ...SCHEDULE_MESSAGES,
  ...CALENDAR_MESSAGES,
  ...INPUT_MESSAGES,
  ...CLI_MESSAGES,
  ...SHELL_MESSAGES,
  ...USAGE_MESSAGES,
  ...OUTPUT_MESSAGES,
  ...DOCUMENT_MESSAGES,
  ...TEMPLATE_MESSAGES,
  ...EXAMPLE_MESSAGES,
  ...PRINT_MESSAGES,
  ...ANNEX_MESSAGES,
  ...PROGRESS_MESSAGES,
  ...SHEETS_BULLETIN_MESSAGES,
} as const;

export type IssueCode = keyof typeof MESSAGES;

export function severityOf(code: IssueCode): Severity {
  return MESSAGES[code].severity;
}
