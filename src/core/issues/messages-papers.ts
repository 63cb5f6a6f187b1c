import type { MessageDef } from './codes.js';

/** Messages of the papers: the 挂图作战 progress chart, the agents' forms and weekly report. Chinese first. */
export const PAPER_MESSAGES = {
  'chart.unknownHq': {
    severity: 'error',
    zh: '指挥部「{value}」不在「项目登记」中。可选：{allowed}。',
    en: 'HQ "{value}" is not in 项目登记. Choose one of: {allowed}.',
  },
  'chart.noProjects': {
    severity: 'error',
    zh: '总台账「项目登记」中没有可用的项目，无法生成进度图。',
    en: 'The master has no usable project in 项目登记; no chart can be made.',
  },
  'chart.noMilestones': {
    severity: 'info',
    zh: '项目「{project}」没有节点计划，进度图中只列出项目。请在「节点计划」表中填写。',
    en: 'Project "{project}" has no milestones; the chart shows the project only. Fill in 节点计划.',
  },
  'chart.cycle': {
    severity: 'warning',
    zh: '项目「{project}」的节点 {nodes} 互为前置（循环），无法排出先后，按节点序号排列。请核对「前置节点」。',
    en: 'Milestones {nodes} of project "{project}" are each other\'s predecessors (a cycle); listed by number. Check 前置节点.',
  },
  'chart.predecessorLater': {
    severity: 'warning',
    zh: '项目「{project}」节点 {seq} 的前置节点 {pred} 计划 {date} 完成，晚于节点 {seq} 本身。请核对计划日期或前置节点。',
    en: 'Project "{project}": predecessor {pred} of milestone {seq} is planned for {date}, after milestone {seq} itself.',
  },
  'chart.written': {
    severity: 'info',
    zh: '已生成 {file}：{hqs} 个指挥部（每个指挥部一张表，A3 横向），{projects} 个项目，{milestones} 个节点：已完成 {done}，逾期未完成 {overdue}，未到期 {pending}。',
    en: 'Wrote {file}: {hqs} HQs (one A3 landscape sheet each), {projects} projects, {milestones} milestones: {done} done, {overdue} overdue, {pending} not yet due.',
  },
  'chart.sheet': {
    severity: 'info',
    zh: '「{sheet}」：{projects} 个项目，{milestones} 个节点，{unit}，{pages} 页',
    en: '"{sheet}": {projects} projects, {milestones} milestones, by {unit}, {pages} page(s)',
  },
  'paper.pdfHint': {
    severity: 'info',
    zh: '打印：用 Excel、WPS 直接打印，或转为 PDF：soffice --headless --convert-to pdf --outdir {dir} {file}',
    en: 'To print: print from Excel or WPS, or make a PDF: soffice --headless --convert-to pdf --outdir {dir} {file}',
  },
  'forms.unknownCase': {
    severity: 'error',
    zh: '案卷号「{value}」不在总台账「代办事项」中。已有的案卷号：{allowed}。',
    en: 'Case "{value}" is not in 代办事项. Known cases: {allowed}.',
  },
  'forms.openApprovals': {
    severity: 'warning',
    zh: '案卷「{caseId}」尚有 {count} 项审批未办结（{items}）：移交表中标为“未办结”，移交日期留空；全部办结后再打印移交表。',
    en: 'Case "{caseId}" has {count} approvals not done ({items}): marked 未办结 on the handover form, its date left blank.',
  },
  'forms.noSurvey': {
    severity: 'info',
    zh: '「满意度测评」中没有「{company}」对代办员「{agent}」的测评，测评表为空白，请企业填写后录入。',
    en: 'No survey of agent "{agent}" by "{company}" in 满意度测评: the survey form is blank for the enterprise to fill.',
  },
  'forms.written': {
    severity: 'info',
    zh: '案卷「{caseId}」（{company}，代办员 {agent}）：审批事项 {approvals} 项，已办结 {done} 项，未办结 {open} 项。已生成（每份一页 A4）：',
    en: 'Case "{caseId}" ({company}, agent {agent}): {approvals} approvals, {done} done, {open} open. Wrote (one A4 page each):',
  },
  'weekly.late': {
    severity: 'warning',
    zh: '填报日期 {value} 晚于本周代办员周报的截止时间 {due}（每周四下午报重点办）。',
    en: "Report date {value} is after this week's deadline for the agents' report, {due}.",
  },
  'weekly.doneNoDate': {
    severity: 'warning',
    zh: '「{item}」办理进度为“已办结”，但没有填写办结日期。请补填办结日期。',
    en: '"{item}" is 已办结 but has no 办结日期. Fill in the date.',
  },
  'weekly.dateNotDone': {
    severity: 'warning',
    zh: '「{item}」填写了办结日期，办理进度却是“{progress}”。请核对：已办结的请选“已办结”。',
    en: '"{item}" has a 办结日期 but its progress is "{progress}". Choose 已办结 if it is done.',
  },
  'weekly.doneAfterReport': {
    severity: 'warning',
    zh: '办结日期 {value} 晚于填报日期 {reportDate}。请核对。',
    en: 'Completion date {value} is after the report date {reportDate}.',
  },
  'weekly.unknownCase': {
    severity: 'warning',
    zh: '案卷号「{value}」不在总台账「代办事项」中（仍导入）。请核对案卷号，或先在「代办事项」中登记。',
    en: 'Case "{value}" is not in 代办事项 (imported all the same). Check the case number.',
  },
  'weekly.unknownAgent': {
    severity: 'warning',
    zh: '代办员「{value}」不在「代办员名册」中（仍导入）。请核对姓名。',
    en: 'Agent "{value}" is not in 代办员名册 (imported all the same). Check the name.',
  },
  'weekly.notWeekly': {
    severity: 'error',
    zh: '{file} 不是代办员周报，未导入。',
    en: "{file} is not an agent's weekly report; not imported.",
  },
  'weekly.incomplete': {
    severity: 'error',
    zh: '{file} 缺少代办员或填报日期，无法确定是谁哪一周的周报，未导入。',
    en: '{file} lacks the agent or the report date; not imported.',
  },
  'weekly.replaced': {
    severity: 'info',
    zh: '{agent} {week} 那一周的周报再次导入，替换了原有的 {count} 行。',
    en: 'The report of {agent} for the week of {week} was imported again; it replaced {count} rows.',
  },
  'weekly.imported': {
    severity: 'info',
    zh: '已导入代办员周报 {reports} 份，写入「代办周报记录」{rows} 行（替换原有 {replaced} 行，未导入 {rejected} 行）。已生成 {file}（原总台账未修改）。',
    en: 'Imported {reports} weekly reports: {rows} rows into 代办周报记录 (replaced {replaced}, not imported {rejected}). Wrote {file}.',
  },
  'weekly.rowRejected': {
    severity: 'info',
    zh: '{file} {where}：{message}（该行未导入）',
    en: '{file} {where}: {message} (row not imported)',
  },
  'chart.paneDay': {
    severity: 'error',
    zh: '截至日期「{value}」无法识别，请写成 2026-11-13。',
    en: 'Date "{value}" not understood: write it as 2026-11-13.',
  },
  'chart.paneDone': {
    severity: 'info',
    zh: '进度图（挂图作战，截至 {day}）{how}「{file}」：{hqs} 个指挥部，{projects} 个项目，{milestones} 个节点：已完成 {done}，逾期未完成 {overdue}，未到期 {pending}。每个指挥部一张表，A3 横向打印。',
    en: 'Progress chart (as of {day}) {how} "{file}": {hqs} HQs, {projects} projects, {milestones} milestones: {done} done, {overdue} overdue, {pending} not yet due. One A3 landscape sheet per HQ.',
  },
  'chart.paneOpened': {
    severity: 'info',
    zh: '已在新工作簿中打开，请另存为',
    en: 'opened as a new workbook; save it as',
  },
  'chart.paneDownloaded': { severity: 'info', zh: '已下载为', en: 'downloaded as' },
  'paper.missingOption': {
    severity: 'error',
    zh: '缺少 {option}（如 {example}）。',
    en: 'Missing {option} (e.g. {example}).',
  },
  'paper.badDate': {
    severity: 'error',
    zh: '{option} 应为日期，如 {example}；现为「{value}」。',
    en: '{option} must be a date such as {example}; found "{value}".',
  },
  'paper.sameFile': {
    severity: 'error',
    zh: '输出文件不能覆盖输入文件「{file}」。',
    en: 'The output would overwrite the input {file}.',
  },
  'paper.warning': { severity: 'info', zh: '警告：{text}', en: 'Warning: {text}' },
  'paper.unit.week': { severity: 'info', zh: '按周', en: 'week' },
  'paper.unit.month': { severity: 'info', zh: '按月', en: 'month' },
  'paper.unit.quarter': { severity: 'info', zh: '按季度', en: 'quarter' },
} as const satisfies Record<string, MessageDef>;
