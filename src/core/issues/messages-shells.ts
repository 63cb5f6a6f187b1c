import type { MessageDef } from './codes.js';

/**
 * What the shells (kpd's commands, the task pane) say around a job's result: the summaries,
 * the headings of their tables (columns separated by |), the prompt mistakes of each command.
 * Severity `error` stops the command; `info` is a line of its report.
 */
export const SHELL_MESSAGES = {
  // ---- prompt mistakes (exit 2, nothing written) --------------------------------------------
  'cli.missingOption': {
    severity: 'error',
    zh: '缺少 {option} {example}。',
    en: 'Missing {option} ({example}).',
  },
  'cli.meetingMissing': {
    severity: 'error',
    zh: '请用 --meeting 给出例会日期，如 2026-11-14。',
    en: 'Give --meeting, e.g. 2026-11-14.',
  },
  'cli.oneMaster': { severity: 'error', zh: '请给出一个总台账文件。', en: 'Give one master workbook.' },
  'cli.rankPeriodMissing': {
    severity: 'error',
    zh: '请用 --period 给出考评期，如 2026Q3 或 2026H2。',
    en: 'Give --period, e.g. 2026Q3 or 2026H2.',
  },
  'cli.scoreOutMissing': {
    severity: 'error',
    zh: '缺少 --out 考核结果.xlsx（不会修改原总台账）。',
    en: 'Missing --out (考核结果.xlsx; the master is not modified).',
  },
  'cli.outIsMaster': {
    severity: 'error',
    zh: '--out 不能与总台账是同一个文件：原总台账不会被修改，结果写入副本。',
    en: '--out must differ from the master: the master is never modified, the results go into a copy.',
  },
  'cli.filesMissing': { severity: 'error', zh: '请给出要检查的文件。', en: 'Give the files to check.' },
  'cli.noFilesFound': {
    severity: 'error',
    zh: '没有找到要检查的 .xlsx 文件。',
    en: 'No .xlsx files found to check.',
  },
  'cli.yearMissing': {
    severity: 'error',
    zh: '请给出年份，如：kpd deadlines 2026',
    en: 'Give a year, e.g. kpd deadlines 2026',
  },
  'cli.yearRange': {
    severity: 'error',
    zh: '年份 {year} 超出范围：只支持 2000–2100 年。',
    en: 'Year {year} is out of range (2000–2100).',
  },
  'cli.masterUnusable': {
    severity: 'error',
    zh: '总台账「{file}」无法使用：{reason}',
    en: 'Master workbook "{file}" cannot be used: {reason}',
  },
  'cli.holidayFileUnreadable': {
    severity: 'error',
    zh: '无法读取节假日文件「{file}」：文件不存在或无权读取。',
    en: 'Cannot read holiday file "{file}": it does not exist or cannot be read.',
  },
  'cli.holidayFileUnusable': {
    severity: 'error',
    zh: '无法读取节假日文件「{file}」：{reason}',
    en: 'Cannot read holiday file "{file}": {reason}',
  },
  'cli.outNotXlsx': {
    severity: 'error',
    zh: '输出文件「{out}」应以 .xlsx 结尾（写出的是 .xlsx 工作簿），如 结果.xlsx。',
    en: 'The output "{out}" must end in .xlsx (an .xlsx workbook is written), e.g. 结果.xlsx.',
  },
  // ---- what every command says ----------------------------------------------------------------
  'cli.warning': { severity: 'info', zh: '警告：{text}', en: 'Warning: {text}' },
  'cli.wrote': { severity: 'info', zh: '已生成 {out}', en: 'Wrote {out}' },
  'cli.wroteCopy': {
    severity: 'info',
    zh: '已生成 {out}（原总台账未修改）',
    en: 'Wrote {out} (the master is unchanged)',
  },
  // ---- kpd agenda ----------------------------------------------------------------------------
  'say.agenda.title': {
    severity: 'info',
    zh: '周例会议程（{meeting}，议题截止 {cutoff}）',
    en: 'Weekly meeting agenda ({meeting}, topic cut-off {cutoff})',
  },
  'say.agenda.decisions': {
    severity: 'info',
    zh: '一、督办事项 {total} 项：已完成 {done}，未到期 {notDue}，逾期未完成 {overdue}',
    en: '1. Decisions tracked: {total} (done {done}, not yet due {notDue}, overdue {overdue})',
  },
  'say.agenda.topics': {
    severity: 'info',
    zh: '二、议题 {topics} 个（收到申报表 {received} 份，列入 {used} 份），滞后项目 {behind} 个{basis}',
    en: '2. Topics {topics} ({used} of {received} files), projects behind {behind}{basis}',
  },
  'say.agenda.basis': { severity: 'info', zh: '（按{period}的进展）', en: ' (progress of {period})' },
  'say.agenda.columns': { severity: 'info', zh: '指挥部|议题|滞后项目', en: 'HQ|Topics|Behind' },
  // ---- kpd score -----------------------------------------------------------------------------
  'say.score.halfYear': {
    severity: 'info',
    zh: '说明：代办员按季度考核；半年期只计算单位排名。',
    en: 'Note: agents are assessed per quarter; a half-year ranks units only.',
  },
  'say.score.agents': {
    severity: 'info',
    zh: '代办员考核结果（{period}）',
    en: 'Agent assessment ({period})',
  },
  'say.score.units': { severity: 'info', zh: '责任单位考评排名（{period}）', en: 'Unit ranking ({period})' },
  'say.score.agentColumns': {
    severity: 'info',
    zh: '名次|姓名|级别|政治|业绩|纪律|评议|廉政|综合|总分|处理',
    en: 'Rank|Name|Level|Politics|Work|Discipline|Review|Integrity|Overall|Total|Action',
  },
  'say.score.unitColumns': {
    severity: 'info',
    zh: '名次|责任单位|总分|结果|连续倒数第一|处理',
    en: 'Rank|Unit|Total|Outcome|Last in a row|Action',
  },
  'say.score.rowsNotCounted': {
    severity: 'info',
    zh: '有 {count} 行数据有误未计入；',
    en: '{count} rows with errors were not counted; ',
  },
  'say.score.notes': {
    severity: 'info',
    zh: '另有 {count} 条提示（如日期不在考核期、数字以文本填写）；',
    en: '{count} notes (e.g. a date outside the period, a number typed as text); ',
  },
  'say.score.seeProblems': {
    severity: 'info',
    zh: '详见结果中的「数据问题」表。',
    en: 'see the 数据问题 sheet of the result.',
  },
  'say.score.praise': { severity: 'info', zh: '通报表扬', en: 'praised' },
  'say.score.criticize': { severity: 'info', zh: '通报批评', en: 'criticised' },
  'say.score.admonition': { severity: 'info', zh: '诫勉谈话', en: 'admonition talk' },
  'say.score.organization': {
    severity: 'info',
    zh: '报请组织部门处理',
    en: 'referred to the organisation department',
  },
  // ---- kpd validate --------------------------------------------------------------------------
  'say.validate.notChecked': { severity: 'info', zh: '未检查', en: 'not checked' },
  'say.validate.unreadable': { severity: 'info', zh: '无法读取', en: 'unreadable' },
  'say.validate.notAForm': { severity: 'info', zh: '不是填报模板', en: 'not a form' },
  'say.validate.ok': { severity: 'info', zh: '通过', en: 'OK' },
  'say.validate.counts': {
    severity: 'info',
    zh: '{error} 个错误，{warning} 个警告，{info} 个提示',
    en: '{error} errors, {warning} warnings, {info} notes',
  },
  'say.validate.total': {
    severity: 'info',
    zh: '共检查 {files} 个文件，{bad} 个有错误。',
    en: 'Checked {files} files, {bad} with errors.',
  },
  // ---- kpd deadlines -------------------------------------------------------------------------
  'say.deadlines.title': {
    severity: 'info',
    zh: '{year} 年半月报送时间表（{source}）',
    en: 'Half-month reporting schedule {year} ({source})',
  },
  'say.deadlines.builtin': {
    severity: 'info',
    zh: '内置国务院放假安排',
    en: 'built-in State Council holidays',
  },
  'say.deadlines.office': {
    severity: 'info',
    zh: '节假日表（本单位录入）',
    en: 'the office’s holiday sheet',
  },
  'say.deadlines.none': {
    severity: 'info',
    zh: '无节假日数据，仅按周末推算',
    en: 'no holiday data: weekends only',
  },
  'say.deadlines.columns': {
    severity: 'info',
    zh: '报告期|期数|应报日|报送截止|通报日|说明',
    en: 'Period|No.|Nominal|Due|Bulletin|Note',
  },
  'say.deadlines.weekColumns': {
    severity: 'info',
    zh: '周（周一）|例会|议题截止|代办员周报截止',
    en: 'Week (Monday)|Meeting|Topics by|Agents report by',
  },
  'say.deadlines.number': { severity: 'info', zh: '第{number}期', en: '{number}' },
  'say.deadlines.earlier': { severity: 'info', zh: '遇{day}提前', en: 'earlier: {day}' },
  'say.deadlines.restDay': { severity: 'info', zh: '休息日', en: 'rest day' },
  'say.deadlines.where': {
    severity: 'info',
    zh: '「{sheet}」第 {row} 行：',
    en: '{sheet} row {row}: ',
  },
  'say.weekdays': {
    severity: 'info',
    zh: '|周一|周二|周三|周四|周五|周六|周日',
    en: '|Mon|Tue|Wed|Thu|Fri|Sat|Sun',
  },
} as const satisfies Record<string, MessageDef>;
