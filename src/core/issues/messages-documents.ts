import type { MessageDef } from './codes.js';

/**
 * The words of the 公文 the office issues — the 重点项目情况通报 and the 周例会纪要 — and of
 * their charts, Chinese first. The documents are Chinese; English is kept for parity and for
 * --lang en. Placeholders in braces are filled by the jobs in core/jobs.
 */
export const DOCUMENT_MESSAGES = {
  // ---- the command line -------------------------------------------------------------------
  'doc.outExtension': {
    severity: 'error',
    zh: '公文文件「{path}」应以 .docx 结尾（写出的是 Word 文档），如 通报.docx。',
    en: 'The document "{path}" must end in .docx (a Word document), e.g. bulletin.docx.',
  },
  'doc.outIsInput': {
    severity: 'error',
    zh: '公文文件「{path}」与输入或另一个输出是同一个文件，请换一个文件名。',
    en: 'The document "{path}" is an input or another output; choose another name.',
  },
  'doc.written': { severity: 'info', zh: '已生成 {path}', en: 'Wrote {path}' },
  'chart.notPlaced': {
    severity: 'warning',
    zh: '「{sheet}」的图表未能加入（该工作簿的结构由其他程序写成，本工具不改动它）；表格已写入，可在 Excel 中按表格插入图表。',
    en: 'The chart of "{sheet}" was not added (the workbook is laid out by another program and is left as it is); the table is written.',
  },
  'doc.downloaded': {
    severity: 'info',
    zh: 'Word 公文格式的通报已下载为「{path}」（版头、正文、汇总表和图、版记）。',
    en: 'The bulletin as a Word document was downloaded as "{path}".',
  },
  // ---- kpd minutes ---------------------------------------------------------------------------
  'minutes.needMaster': { severity: 'error', zh: '缺少 --master 总台账.xlsx。', en: 'Missing --master.' },
  'minutes.needOut': {
    severity: 'error',
    zh: '缺少 --out 会议纪要.docx。',
    en: 'Missing --out MINUTES.docx.',
  },
  'minutes.needMeeting': {
    severity: 'error',
    zh: '请用 --meeting 给出例会日期，如 2026-11-14。',
    en: 'Give --meeting, e.g. 2026-11-14.',
  },
  'minutes.decisionsNotForm': {
    severity: 'error',
    zh: '--decisions「{path}」不是周例会议定事项工作簿（{reason}）。请给出 kpd minutes 生成、会上填好的议定事项.xlsx。',
    en: '--decisions "{path}" is not a 周例会议定事项 workbook ({reason}).',
  },
  'minutes.decisionsOtherMeeting': {
    severity: 'error',
    zh: '--decisions「{path}」是 {found} 例会的议定事项，不是 {meeting} 的。',
    en: '--decisions "{path}" holds the decisions of {found}, not of {meeting}.',
  },
  'minutes.formKept': {
    severity: 'info',
    zh: '议定事项工作簿「{path}」是输入文件，未重写。',
    en: 'The decisions workbook "{path}" is an input; not rewritten.',
  },
  'minutes.summary': {
    severity: 'info',
    zh: '周例会纪要（{meeting}，第{n}期）：督办事项 {tracked} 项（逾期未完成 {overdue} 项），议题 {topics} 个，滞后项目 {behind} 个，本次议定事项 {decided} 项。',
    en: 'Minutes of {meeting} (No. {n}): {tracked} tracked decisions ({overdue} overdue), {topics} topics, {behind} projects behind, {decided} decisions of this meeting.',
  },
  'minutes.formWritten': {
    severity: 'info',
    zh: '已生成 {path}（议定事项工作簿：会上填写后用 kpd ledger import 导入「督办事项」）',
    en: 'Wrote {path} (the decisions workbook: fill it at the meeting, then kpd ledger import)',
  },
  // ---- the decisions workbook (周例会议定事项) and its import into 督办事项 ----------------------
  'decisions.incomplete': {
    severity: 'error',
    zh: '事项「{id}」缺少{missing}，未导入。请补全后重新导入。',
    en: 'Decision "{id}" lacks {missing}; not imported. Complete it and import again.',
  },
  'decisions.noMeeting': {
    severity: 'error',
    zh: '「议定事项」表没有填写会议日期（应如 2026-11-14），无法导入。',
    en: 'The 议定事项 sheet has no 会议日期 (e.g. 2026-11-14); nothing imported.',
  },
  'decisions.deadlineBeforeMeeting': {
    severity: 'warning',
    zh: '事项「{id}」的完成时限 {deadline} 早于会议日期 {meeting}，请核实。',
    en: 'Decision "{id}" is due {deadline}, before its meeting on {meeting}; please check.',
  },
  'decisions.idTaken': {
    severity: 'error',
    zh: '事项编号「{id}」在「督办事项」中已用于 {other} 的会议，未导入。请换一个编号。',
    en: 'Item number "{id}" is already used in 督办事项 for the meeting of {other}; not imported. Use another number.',
  },
  'decisions.notImportable': {
    severity: 'error',
    zh: '「{file}」是「{template}」，不能导入台账。可导入的是重点项目情况通报（进展、报送、一线工作）和周例会议定事项（督办事项）。',
    en: '"{file}" is a {template}, which cannot be imported. Import a bulletin or a 周例会议定事项 workbook.',
  },
  'decisions.imported': {
    severity: 'info',
    zh: '已导入 {meeting} 例会的议定事项：新增 {added} 项，更新 {updated} 项{unused}。已生成 {path}（原总台账未修改）',
    en: 'Imported the decisions of {meeting}: {added} added, {updated} updated{unused}. Wrote {path}',
  },
  'decisions.importedHere': {
    severity: 'info',
    zh: '已把 {meeting} 例会的议定事项写入本工作簿的「督办事项」：新增 {added} 项，更新 {updated} 项{unused}。',
    en: "The decisions of {meeting} are in this workbook's 督办事项: {added} added, {updated} updated{unused}.",
  },
  'decisions.unusedNumbers': {
    severity: 'info',
    zh: '；{n} 个预编号未填写内容，未导入',
    en: '; {n} numbers left blank were not imported',
  },
  // ---- shared ------------------------------------------------------------------------------
  'doc.date': { severity: 'info', zh: '{y}年{m}月{d}日', en: '{y}-{m}-{d}' },
  'doc.shortDate': { severity: 'info', zh: '{m}月{d}日', en: '{m}/{d}' },
  // punctuation and numbering of running text (core/document/text.ts)
  'doc.form.items': { severity: 'info', zh: '；', en: '; ' },
  'doc.form.stop': { severity: 'info', zh: '。', en: '.' },
  'doc.form.heading1': { severity: 'info', zh: '{n}、{text}', en: '{n}. {text}' },
  'doc.form.heading2': { severity: 'info', zh: '（{n}）{text}', en: '({n}) {text}' },
  'doc.form.pair': { severity: 'info', zh: '{label}：{text}', en: '{label}: {text}' },
  'doc.form.aside': { severity: 'info', zh: '{text}（{note}）', en: '{text} ({note})' },
  'doc.issueNo': { severity: 'info', zh: '第{n}期', en: 'No. {n}' },
  'doc.to': { severity: 'info', zh: '报：{to}', en: 'To: {to}' },
  'doc.cc': { severity: 'info', zh: '抄送：{cc}。', en: 'Copy: {cc}.' },
  'doc.distribution': { severity: 'info', zh: '分送：{to}。', en: 'Distribution: {to}.' },
  'doc.printed': { severity: 'info', zh: '{date}印发', en: 'Issued {date}' },
  'doc.tableCaption': { severity: 'info', zh: '表{n}　{title}', en: 'Table {n}  {title}' },
  'doc.chartCaption': {
    severity: 'info',
    zh: '图{n}　{title}（数据见表{table}）',
    en: 'Figure {n}  {title} (figures in table {table})',
  },
  'doc.total': { severity: 'info', zh: '合计', en: 'Total' },
  'doc.compare.ahead': {
    severity: 'info',
    zh: '高于序时进度{gap}个百分点',
    en: '{gap} points ahead of schedule',
  },
  'doc.compare.behind': {
    severity: 'info',
    zh: '低于序时进度{gap}个百分点',
    en: '{gap} points behind schedule',
  },
  'doc.compare.even': { severity: 'info', zh: '与序时进度持平', en: 'on schedule' },
  'doc.unitNote': { severity: 'info', zh: '单位：万元', en: 'In 10,000 yuan' },

  // ---- the bulletin (重点项目情况通报) -----------------------------------------------------
  'doc.bulletin.title': {
    severity: 'info',
    zh: '关于{period}重点项目\n建设进展情况的通报',
    en: 'Progress of the key projects, {period}',
  },
  'doc.bulletin.opening': {
    severity: 'info',
    zh: '按照重点项目半月通报制度，各指挥部报送了{period}项目建设进展情况（报送截止{due}）。现将有关情况通报如下：',
    en: 'Under the half-month reporting system the HQs reported their progress for {period} (due {due}). The situation is as follows:',
  },
  'doc.bulletin.h.submissions': { severity: 'info', zh: '报送情况', en: 'Reports' },
  'doc.bulletin.submissions': {
    severity: 'info',
    zh: '本期应报送的指挥部{expected}个，按时报送{onTime}个',
    en: '{expected} HQs were due to report; {onTime} reported on time',
  },
  'doc.bulletin.late': { severity: 'info', zh: '，迟报{n}个（{names}）', en: ', {n} late ({names})' },
  'doc.bulletin.missing': {
    severity: 'info',
    zh: '，未报送{n}个（{names}）',
    en: ', {n} did not report ({names})',
  },
  'doc.bulletin.allOnTime': {
    severity: 'info',
    zh: '，各指挥部均按时报送',
    en: '; every HQ reported on time',
  },
  'doc.bulletin.criticised': {
    severity: 'info',
    zh: '根据“未按时报送的，全区（县）予以通报批评”的规定，对{names}予以通报批评。',
    en: 'As the rules require for reports not made on time, {names} are criticised in this bulletin.',
  },
  'doc.bulletin.unsigned': {
    severity: 'info',
    zh: '{names}报送的报表未经指挥长签字，请补签后报送纸质版。',
    en: 'The reports of {names} are not signed by the commander; sign and send the paper copy.',
  },
  'doc.bulletin.corrected': {
    severity: 'info',
    zh: '{names}更正重报，以最后报送的数据为准。',
    en: '{names} sent corrected reports; the last one received is used.',
  },
  'doc.bulletin.h.investment': { severity: 'info', zh: '投资完成情况', en: 'Investment' },
  'doc.bulletin.overall': {
    severity: 'info',
    zh: '全区（县）{projects}个重点项目年度计划投资{plan}万元。已报送进展的{reported}个项目年度累计完成投资{cumulative}万元，占其年度计划的{rate}，序时进度为{fraction}，{compare}。',
    en: '{projects} key projects plan {plan} (10,000 yuan) this year. The {reported} that reported have done {cumulative}, {rate} of their plan, against a schedule of {fraction}: {compare}.',
  },
  'doc.bulletin.overallNone': {
    severity: 'info',
    zh: '全区（县）{projects}个重点项目年度计划投资{plan}万元，本期没有项目报送进展数据。',
    en: '{projects} key projects plan {plan} (10,000 yuan) this year; none reported figures this period.',
  },
  'doc.bulletin.byCategory': { severity: 'info', zh: '分类别看：{items}。', en: 'By category: {items}.' },
  'doc.bulletin.categoryItem': {
    severity: 'info',
    zh: '{name}{projects}个，完成年度计划的{rate}，{compare}',
    en: '{name}: {projects} projects, {rate} of plan, {compare}',
  },
  'doc.bulletin.categoryNone': {
    severity: 'info',
    zh: '{name}{projects}个，本期未报送数据',
    en: '{name}: {projects} projects, no figures this period',
  },
  'doc.bulletin.hqBelow': {
    severity: 'info',
    zh: '完成率低于序时进度的指挥部有{n}个：{names}。各指挥部完成情况见表1、图1。',
    en: '{n} HQs are below schedule: {names}. Each HQ is in table 1 and figure 1.',
  },
  'doc.bulletin.hqAllAbove': {
    severity: 'info',
    zh: '各指挥部完成率均达到序时进度，完成情况见表1、图1。',
    en: 'Every HQ is on schedule; see table 1 and figure 1.',
  },
  'doc.bulletin.status': {
    severity: 'info',
    zh: '按完成率与序时进度比较，{projects}个项目中正常{normal}个，预警{warning}个（低于序时进度不足{band}个百分点），滞后{behind}个，本期未报{none}个{error}。各指挥部情况见表2、图2。',
    en: 'Against schedule, of {projects} projects {normal} are on track, {warning} on warning (less than {band} points behind), {behind} behind, {none} not reported{error}. See table 2 and figure 2.',
  },
  'doc.bulletin.statusError': {
    severity: 'info',
    zh: '，数据有误未并入{n}个',
    en: ', {n} with figures in error',
  },
  'doc.bulletin.h.behind': { severity: 'info', zh: '未按序时进度推进的项目', en: 'Projects behind schedule' },
  'doc.bulletin.behindIntro': {
    severity: 'info',
    zh: '以下{n}个项目未按序时进度完成投资计划或节点计划，按照“凡未按序时进度完成投资计划和形象进度的，在重点建设项目周例会上要说明原因”的规定，须在周例会上说明原因：',
    en: 'These {n} projects are behind in investment or milestones and must explain why at the weekly meeting:',
  },
  'doc.bulletin.behindHq': {
    severity: 'info',
    zh: '{hq}（指挥长：{commander}，{n}个）。',
    en: '{hq} (commander {commander}, {n}). ',
  },
  'doc.bulletin.noneBehind': {
    severity: 'info',
    zh: '本期已报项目均达到序时进度，到期节点均按期完成。',
    en: 'Every reported project is on schedule and every milestone due is done.',
  },
  'doc.bulletin.h.siteWork': { severity: 'info', zh: '一线工作落实情况', en: 'Work on site' },
  'doc.bulletin.siteWeeks': {
    severity: 'info',
    zh: '本期考核{weeks}，指挥长和指挥部成员每人每周到项目一线现场办公不少于{required}次。',
    en: 'Weeks assessed: {weeks}; commanders and HQ members must work on site at least {required} times a week.',
  },
  'doc.bulletin.noWeeks': {
    severity: 'info',
    zh: '本期没有需要考核的周（跨期的周在下期考核）。',
    en: 'No week is assessed in this period (a week spanning two periods is assessed in the next).',
  },
  'doc.bulletin.shortfalls': {
    severity: 'info',
    zh: '以下{n}人次未落实一线工作机制，予以通报：',
    en: '{n} person-weeks fell short and are named here:',
  },
  'doc.bulletin.shortfallWeek': {
    severity: 'info',
    zh: '{week}{visits}次',
    en: '{week}: {visits} visits',
  },
  'doc.bulletin.noShortfalls': {
    severity: 'info',
    zh: '各指挥部指挥长和成员均落实了一线工作机制。',
    en: 'Every commander and HQ member met the site-work requirement.',
  },
  'doc.bulletin.week': { severity: 'info', zh: '{from}至{to}', en: '{from} to {to}' },
  'doc.bulletin.h.requirements': { severity: 'info', zh: '有关要求', en: 'Requirements' },
  'doc.bulletin.closing': {
    severity: 'info',
    zh: '各指挥部要对照本通报，认真查找原因，落实整改措施，按计划节点推进项目建设，确保完成年度目标任务。迟报、未报的指挥部要切实负起责任，按规定时间报送；滞后项目的指挥长要在周例会上说明原因和下步措施。',
    en: 'Each HQ is to act on this bulletin and keep to its plan; late and missing reporters are to report on time; commanders of projects behind are to explain at the weekly meeting what they will do.',
  },
  'doc.bulletin.table.hq': { severity: 'info', zh: '各指挥部投资完成情况', en: 'Investment by HQ' },
  'doc.bulletin.table.status': { severity: 'info', zh: '各指挥部项目进度状态', en: 'Project status by HQ' },
  'doc.bulletin.chart.rate': {
    severity: 'info',
    zh: '各指挥部累计投资完成率与序时进度',
    en: 'Cumulative investment completion by HQ against schedule',
  },
  'doc.bulletin.chart.status': {
    severity: 'info',
    zh: '各指挥部项目进度状态（个）',
    en: 'Projects by status and HQ',
  },
  'doc.col.hq': { severity: 'info', zh: '指挥部', en: 'HQ' },
  'doc.col.projects': { severity: 'info', zh: '项目数', en: 'Projects' },
  'doc.col.reported': { severity: 'info', zh: '已报', en: 'Reported' },
  'doc.col.plan': { severity: 'info', zh: '年度计划', en: 'Annual plan' },
  'doc.col.cumulative': { severity: 'info', zh: '累计完成', en: 'Done to date' },
  'doc.col.rate': { severity: 'info', zh: '完成率', en: 'Rate' },
  'doc.col.fraction': { severity: 'info', zh: '序时进度', en: 'Schedule' },
  'doc.col.gap': { severity: 'info', zh: '差(百分点)', en: 'Gap (points)' },
  'doc.col.behind': { severity: 'info', zh: '滞后项目', en: 'Behind' },
  'doc.col.normal': { severity: 'info', zh: '正常', en: 'On track' },
  'doc.col.warning': { severity: 'info', zh: '预警', en: 'Warning' },
  'doc.col.late': { severity: 'info', zh: '滞后', en: 'Behind' },
  'doc.col.none': { severity: 'info', zh: '未报或有误', en: 'Not reported / in error' },
  'doc.bulletin.tableNote': {
    severity: 'info',
    zh: '完成率＝累计完成÷已报项目年度计划；状态按完成率与序时进度比较：正常＝不低于序时进度，预警＝低于不足{band}个百分点，滞后＝低于更多。',
    en: 'Rate = done ÷ plan of the projects that reported; status against schedule: on track, warning (less than {band} points behind), behind.',
  },

  // ---- the weekly meeting's minutes (会议纪要) ----------------------------------------------
  'doc.minutes.opening': {
    severity: 'info',
    zh: '{date}（{weekday}）上午，主任（县长）主持召开重点项目建设周例会，听取督查室关于上次会议议定事项落实情况的汇报和各指挥部项目进展情况、存在问题的汇报，研究解决项目推进中的困难和问题。现纪要如下：',
    en: 'On the morning of {date} ({weekday}) the director chaired the weekly key-project meeting: the supervision office reported on the last decisions, the HQs on progress and problems. Minutes:',
  },
  'doc.minutes.h.decisions': {
    severity: 'info',
    zh: '上次会议议定事项落实情况',
    en: 'Decisions of earlier meetings',
  },
  'doc.minutes.decisionsSummary': {
    severity: 'info',
    zh: '督查室通报了督办事项{total}项：已完成{done}项（其中逾期完成{lateDone}项），未到期{open}项，逾期未完成{overdue}项。',
    en: 'The supervision office reported {total} tracked decisions: {done} done ({lateDone} late), {open} not yet due, {overdue} overdue.',
  },
  'doc.minutes.noDecisions': {
    severity: 'info',
    zh: '督办事项中没有需要通报的事项。',
    en: 'No tracked decision to report.',
  },
  'doc.minutes.overdue': {
    severity: 'info',
    zh: '逾期未完成的事项：{items}。会议要求责任单位说明原因，明确完成时限。',
    en: 'Overdue: {items}. The units responsible are to explain and set a date.',
  },
  'doc.minutes.overdueItem': {
    severity: 'info',
    zh: '{id}“{content}”（{unit}，时限{deadline}，逾期{days}天）',
    en: '{id} "{content}" ({unit}, due {deadline}, {days} days overdue)',
  },
  'doc.minutes.overdueDays': { severity: 'info', zh: '逾期{days}天', en: '{days} days late' },
  'doc.minutes.h.problems': {
    severity: 'info',
    zh: '各指挥部汇报的问题',
    en: 'Problems the HQs reported',
  },
  'doc.minutes.noProblems': {
    severity: 'info',
    zh: '本次例会没有申报的议题和滞后项目。',
    en: 'No topic was submitted and no project is behind.',
  },
  'doc.minutes.topic': {
    severity: 'info',
    zh: '{unit}提出：{topic}{problem}{proposal}',
    en: '{unit} raised: {topic}{problem}{proposal}',
  },
  'doc.minutes.topicProblem': { severity: 'info', zh: '。存在问题：{text}', en: '. Problem: {text}' },
  'doc.minutes.topicProposal': { severity: 'info', zh: '。建议：{text}', en: '. Proposal: {text}' },
  'doc.minutes.behind': {
    severity: 'info',
    zh: '滞后项目{n}个：{items}。指挥长说明了原因和下步措施：',
    en: '{n} projects behind: {items}. The commander explained why and what next:',
  },
  'doc.minutes.h.decided': { severity: 'info', zh: '会议议定事项', en: 'Decisions of this meeting' },
  'doc.minutes.decidedIntro': {
    severity: 'info',
    zh: '会议研究，议定以下事项，由督查室列入督办事项跟踪落实（见表{table}）：',
    en: 'The meeting decided the following; the supervision office tracks them (table {table}):',
  },
  'doc.minutes.decidedBlank': {
    severity: 'info',
    zh: '（议定事项在会上填写于表1及《周例会议定事项》工作簿，重新生成纪要时自动填入。）',
    en: '(Decisions are written into table 1 and the decisions workbook at the meeting; they are filled in when the minutes are made again.)',
  },
  'doc.minutes.table.decided': { severity: 'info', zh: '会议议定事项', en: 'Decisions of this meeting' },
  'doc.minutes.table.tracked': { severity: 'info', zh: '督办事项落实情况', en: 'Tracked decisions' },
  'doc.minutes.h.summary': { severity: 'info', zh: '主任总结讲话', en: "The director's summary" },
  'doc.minutes.summary': { severity: 'info', zh: '会议强调：', en: 'The meeting stressed:' },
  'doc.minutes.closing': {
    severity: 'info',
    zh: '各责任单位要按照议定事项和完成时限抓好落实；督查室根据本纪要细化分解、督促落实，并在下次例会上通报落实情况。',
    en: 'Units are to carry out the decisions by their dates; the supervision office tracks them and reports at the next meeting.',
  },
  'doc.minutes.attendance': { severity: 'info', zh: '出席：', en: 'Present:' },
  'doc.minutes.leave': { severity: 'info', zh: '请假：', en: 'Absent:' },
  'doc.minutes.observers': { severity: 'info', zh: '列席：', en: 'In attendance:' },
  'doc.score.chart': {
    severity: 'info',
    zh: '责任单位综合考评总分（{period}）',
    en: 'Unit totals ({period})',
  },
  'doc.score.total': { severity: 'info', zh: '总分', en: 'Total' },
  'doc.score.praised': { severity: 'info', zh: '通报表扬', en: 'Praised' },
  'doc.score.criticised': { severity: 'info', zh: '通报批评', en: 'Criticised' },
  'doc.score.other': { severity: 'info', zh: '其他单位', en: 'Other units' },
  'doc.col.itemId': { severity: 'info', zh: '事项编号', en: 'No.' },
  'doc.col.content': { severity: 'info', zh: '事项内容', en: 'Decision' },
  'doc.col.unit': { severity: 'info', zh: '责任单位', en: 'Unit' },
  'doc.col.deadline': { severity: 'info', zh: '完成时限', en: 'Due' },
  'doc.col.state': { severity: 'info', zh: '落实情况', en: 'State' },
} as const satisfies Record<string, MessageDef>;
