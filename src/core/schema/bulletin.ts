import { defineSheet, defineTemplate } from './define.js';

/**
 * 重点项目情况通报: the bulletin the merge writes (DOMAIN §9). Its template is generated from
 * these specs like every other; an office may supply its own styled copy — the merge finds each
 * sheet's table by these headers and fills it, keeping everything else.
 * Text in {{双括号}} is replaced when the bulletin is written; see BULLETIN_PLACEHOLDERS.
 */

const PCT = '0.0%';

/**
 * The {{placeholders}} of the bulletin's titles and lead lines, by key: names the office types in
 * its own copy of the template, so they belong to the template's schema (render.ts fills them).
 */
export const BULLETIN_PLACEHOLDERS = {
  number: '期数',
  periodId: '报告期编号',
  shortfalls: '一线不足',
  bulletinDate: '通报日期',
  period: '报告期',
  due: '报送截止',
  firstReportDay: '上半月报送日',
  secondReportDay: '当月报送日',
  calendarBasis: '节假日依据',
  siteNotes: '一线说明',
  office: '编制单位',
  dueHqs: '应报',
  onTime: '按时',
  late: '迟报',
  missing: '未报',
  unsigned: '未签字',
  corrected: '更正',
  projects: '项目数',
  reportedProjects: '已报项目数',
  cumulative: '累计完成',
  rate: '完成率',
  fraction: '序时进度',
  behind: '滞后项目数',
  warningBand: '预警幅度',
  siteVisits: '一线次数',
  weeks: '考核周',
  rowsIn: '收到行数',
  rowsMerged: '并入行数',
  rowsRejected: '未并入行数',
  rules: '规则集',
  errorsWhere: '有误明细',
} as const;
export type BulletinPlaceholder = keyof typeof BULLETIN_PLACEHOLDERS;

export const SUMMARY = defineSheet({
  key: 'summary',
  chartsBelow: true,
  name: '汇总',
  title: '重点项目情况通报（第{{期数}}期）',
  output: true,
  landscape: true,
  money: true,
  lead: [
    '{{编制单位}}　　　　　　　　　　　　　　　　　　　　{{通报日期}}',
    '报告期：{{报告期}}（报送截止 {{报送截止}}）。本期应报送指挥部 {{应报}} 个：按时 {{按时}} 个，迟报 {{迟报}} 个，未报 {{未报}} 个；未经指挥长签字 {{未签字}} 份，更正重报 {{更正}} 份。',
    '全部 {{项目数}} 个项目（已报 {{已报项目数}} 个）年度累计完成投资 {{累计完成}} 万元，已报项目完成年度计划的 {{完成率}}，序时进度 {{序时进度}}；滞后项目 {{滞后项目数}} 个，须在周例会上说明原因。',
    '节假日依据：{{节假日依据}}',
  ],
  // The 节假日依据 line holds the loud warning of a year without holiday data: room for it whole.
  leadLines: [1, 2, 2, 2],
  columns: [
    { key: 'group', header: '分组', type: 'text', width: 8 },
    { key: 'name', header: '名称', type: 'text', width: 20 },
    { key: 'projects', header: '项目数', type: 'integer', width: 6 },
    { key: 'reported', header: '已报项目数', type: 'integer', width: 7 },
    { key: 'plan', header: '年度计划投资（万元）', type: 'money', width: 11 },
    { key: 'reportedPlan', header: '其中已报项目计划（万元）', type: 'money', width: 11 },
    { key: 'cumulative', header: '年度累计完成投资（万元）', type: 'money', width: 11, total: true },
    { key: 'rate', header: '完成率（累计÷已报项目计划）', type: 'percent', width: 10, numFmt: PCT },
    { key: 'fraction', header: '序时进度', type: 'percent', width: 8, numFmt: PCT },
    { key: 'gap', header: '与序时进度差（百分点）', type: 'number', width: 9, numFmt: '0.0' },
    { key: 'behind', header: '滞后项目数', type: 'integer', width: 7 },
    // 状态 counts as 项目进展 shows them (investment against 序时进度): the status chart's figures.
    { key: 'normal', header: '状态正常（个）', type: 'integer', width: 7 },
    { key: 'warning', header: '状态预警（个）', type: 'integer', width: 7 },
    { key: 'lagging', header: '状态滞后（个）', type: 'integer', width: 7 },
  ],
});

export const PROJECT_PROGRESS = defineSheet({
  key: 'projectProgress',
  name: '项目进展',
  title: '重点项目建设进展情况（第{{期数}}期）',
  output: true,
  landscape: true,
  money: true,
  totalRow: true,
  highlight: {
    column: 'status',
    colors: { 正常: 'green', 预警: 'yellow', 滞后: 'red', 未报: 'grey', 有误: 'grey' },
  },
  bars: ['rate'],
  lead: [
    '报告期：{{报告期}}　序时进度：{{序时进度}}　状态：正常＝不低于序时进度；预警＝低于序时进度不足 {{预警幅度}} 个百分点；滞后＝低于更多；未报＝本期未报送；有误＝报送的数据有误未并入{{有误明细}}',
  ],
  columns: [
    { key: 'seq', header: '序号', type: 'integer', width: 6 },
    { key: 'hq', header: '指挥部', type: 'text', width: 16 },
    { key: 'projectId', header: '项目编号', type: 'text', width: 14 },
    { key: 'name', header: '项目名称', type: 'text', width: 22 },
    { key: 'category', header: '项目类别', type: 'text', width: 10 },
    { key: 'unit', header: '责任单位', type: 'text', width: 12 },
    { key: 'annualPlan', header: '年度计划投资（万元）', type: 'money', width: 12, total: true },
    { key: 'current', header: '本期完成投资（万元）', type: 'money', width: 12, total: true },
    { key: 'cumulative', header: '年度累计完成投资（万元）', type: 'money', width: 13, total: true },
    { key: 'rate', header: '完成率', type: 'percent', width: 10, numFmt: PCT },
    { key: 'gap', header: '与序时进度差（百分点）', type: 'number', width: 11, numFmt: '0.0' },
    { key: 'status', header: '状态', type: 'text', width: 7 },
    { key: 'image', header: '形象进度', type: 'text', width: 19 },
    { key: 'problems', header: '存在问题及需协调事项', type: 'text', width: 23 },
  ],
});

export const BEHIND = defineSheet({
  key: 'behind',
  name: '滞后项目',
  title: '未按序时进度推进的项目（须在周例会上说明原因）',
  output: true,
  landscape: true,
  lead: [
    '报告期：{{报告期}}　序时进度：{{序时进度}}　依据：「五个一」分包制度 一、（一）4 凡未按序时进度完成投资计划和形象进度的，在重点建设项目周例会上要说明原因。',
  ],
  columns: [
    { key: 'seq', header: '序号', type: 'integer', width: 6 },
    { key: 'projectId', header: '项目编号', type: 'text', width: 14 },
    { key: 'name', header: '项目名称', type: 'text', width: 22 },
    { key: 'hq', header: '指挥部', type: 'text', width: 16 },
    { key: 'commander', header: '指挥长', type: 'text', width: 8 },
    { key: 'unit', header: '责任单位', type: 'text', width: 12 },
    { key: 'rate', header: '完成率', type: 'percent', width: 9, numFmt: PCT },
    { key: 'fraction', header: '序时进度', type: 'percent', width: 9, numFmt: PCT },
    { key: 'reasons', header: '滞后情况', type: 'text', width: 34 },
  ],
});

export const SUBMISSIONS = defineSheet({
  key: 'submissions',
  name: '报送情况',
  title: '各指挥部报送情况（第{{期数}}期）',
  output: true,
  landscape: true,
  highlight: { column: 'status', colors: { 按时: 'green', 迟报: 'yellow', 未报: 'red', 已替换: 'grey' } },
  lead: [
    '报送截止：{{报送截止}}（每月{{上半月报送日}}日、{{当月报送日}}日，遇节假日提前）。未按时报送的，全区（县）予以通报批评。报送时间依次采用：邮件时间、登记时间、填报日期、文件修改时间。',
  ],
  columns: [
    { key: 'seq', header: '序号', type: 'integer', width: 6 },
    { key: 'hq', header: '指挥部', type: 'text', width: 18 },
    { key: 'commander', header: '指挥长', type: 'text', width: 8 },
    { key: 'status', header: '报送状态', type: 'text', width: 9 },
    { key: 'receivedAt', header: '报送时间', type: 'text', width: 19 },
    { key: 'timeSource', header: '时间来源', type: 'text', width: 9 },
    { key: 'signed', header: '指挥长签字', type: 'text', width: 9 },
    { key: 'file', header: '文件', type: 'text', width: 30 },
    { key: 'note', header: '说明', type: 'text', width: 22 },
  ],
});

export const SITE_WORK = defineSheet({
  key: 'siteWork',
  name: '一线工作',
  title: '一线工作落实情况（每人每周到一线现场办公少于 {{一线次数}} 次为「不足」）',
  output: true,
  landscape: true,
  highlight: { column: 'compliant', colors: { 不足: 'red', 达标: 'green' } },
  lead: [
    '考核周：{{考核周}}（周一至周日；上期报送截止后、本期报送截止前结束的周，每周只考核一次；跨两期的周合并两期报表所记，同日、同人、同项目只计一次）。未落实一线工作机制 {{一线不足}} 人周，列在前面。',
    '{{一线说明}}',
  ],
  // Three weeks listed, and what is left to the next bulletin or not yet imported.
  leadLines: [3, 3],
  columns: [
    { key: 'seq', header: '序号', type: 'integer', width: 6 },
    { key: 'hq', header: '指挥部', type: 'text', width: 20 },
    { key: 'person', header: '姓名', type: 'text', width: 10 },
    { key: 'role', header: '职务', type: 'text', width: 8 },
    { key: 'week', header: '周', type: 'text', width: 24 },
    { key: 'visits', header: '现场办公次数', type: 'integer', width: 12 },
    { key: 'fromEarlier', header: '其中上期报表所记', type: 'integer', width: 12 },
    { key: 'required', header: '要求次数', type: 'integer', width: 10 },
    { key: 'compliant', header: '是否达标', type: 'text', width: 10 },
  ],
});

/** Every visit the reports logged, with where it is assessed: what the ledger import reads. */
export const SITE_VISIT_DETAIL = defineSheet({
  key: 'siteVisitDetail',
  annex: true,
  name: '一线工作明细',
  title: '一线工作明细（各指挥部报表所记的每次现场办公）',
  output: true,
  landscape: true,
  highlight: {
    column: 'assessment',
    colors: { 本期考核: 'green', 下期考核: 'yellow', 上期已考核: 'grey', 重复记录: 'grey' },
  },
  lead: [
    '每次现场办公一行。「本期考核」计入本期「一线工作」；「下期考核」属于本期报送截止后才结束的周，导入台账后在下一期通报中与下期报表所记合并考核，不必重记；「上期已考核」属于已考核过的周，不再计入；同日、同人、同项目重复记的只计一次。',
  ],
  columns: [
    { key: 'seq', header: '序号', type: 'integer', width: 6 },
    { key: 'hq', header: '指挥部', type: 'text', width: 20 },
    { key: 'date', header: '日期', type: 'date', width: 12 },
    { key: 'person', header: '姓名', type: 'text', width: 10 },
    { key: 'role', header: '职务', type: 'text', width: 8 },
    { key: 'projectId', header: '项目编号', type: 'text', width: 14 },
    { key: 'matter', header: '现场办公事项', type: 'text', width: 30 },
    { key: 'week', header: '所在周', type: 'text', width: 24 },
    { key: 'assessment', header: '考核', type: 'text', width: 11 },
    { key: 'file', header: '文件', type: 'text', width: 36 },
    { key: 'row', header: '行', type: 'integer', width: 6 },
  ],
});

/** The columns of a 数据问题 sheet, in the bulletin and the weekly agenda alike. */
export const PROBLEM_COLUMNS = [
  { key: 'seq', header: '序号', type: 'integer', width: 6 },
  { key: 'file', header: '文件', type: 'text', width: 36 },
  { key: 'sheet', header: '工作表', type: 'text', width: 10 },
  { key: 'cell', header: '单元格', type: 'text', width: 8 },
  { key: 'handling', header: '处理', type: 'text', width: 8 },
  { key: 'severity', header: '级别', type: 'text', width: 6 },
  // For the office (the annex is hidden, never printed with the 通报): the finding's code to look up.
  { key: 'code', header: '问题代码', type: 'text', width: 22 },
  { key: 'message', header: '问题说明', type: 'text', width: 56 },
] as const;

export const PROBLEMS = defineSheet({
  key: 'problems',
  annex: true,
  name: '数据问题',
  title: '数据问题（未并入的行及提示）',
  output: true,
  landscape: true,
  lead: [
    '本期共收到数据 {{收到行数}} 行：并入 {{并入行数}} 行，未并入 {{未并入行数}} 行（见下表「未并入」；同一文件的同一问题合并为一行）。每一行都在通报中或在本表中。',
  ],
  columns: PROBLEM_COLUMNS,
});

export const SOURCES = defineSheet({
  key: 'sources',
  annex: true,
  name: '来源',
  title: '数据来源（每个项目数据所依据的文件、工作表、行和收到时间）',
  output: true,
  landscape: true,
  columns: [
    { key: 'projectId', header: '项目编号', type: 'text', width: 14 },
    { key: 'name', header: '项目名称', type: 'text', width: 24 },
    { key: 'hq', header: '指挥部', type: 'text', width: 18 },
    { key: 'file', header: '文件', type: 'text', width: 40 },
    { key: 'sheet', header: '工作表', type: 'text', width: 10 },
    { key: 'row', header: '行', type: 'integer', width: 6 },
    { key: 'receivedAt', header: '收到时间', type: 'text', width: 18 },
    { key: 'timeSource', header: '时间来源', type: 'text', width: 11 },
    { key: 'sender', header: '发件人', type: 'text', width: 24 },
  ],
});

export const BULLETIN = defineTemplate({
  id: 'kpd.bulletin',
  // 2: 一线工作明细 (every visit, what the ledger imports) and 其中上期报表所记 in 一线工作.
  version: 2,
  meta: [
    ['报告期', '{{报告期编号}}'],
    ['规则集', '{{规则集}}'],
  ],
  fileName: '重点项目情况通报.xlsx',
  title: '重点项目情况通报',
  sheets: [SUMMARY, PROJECT_PROGRESS, BEHIND, SUBMISSIONS, SITE_WORK, SITE_VISIT_DETAIL, PROBLEMS, SOURCES],
});

/**
 * The office's annex as a workbook of its own (`kpd merge --annex FILE`): 数据问题 and 来源, shown
 * and printed there, never in the 通报 that is sent out. 一线工作明细 stays with the 通报 (hidden,
 * not printed): it is the per-visit data `kpd ledger import` reads from the 通报. The annex's
 * 数据问题 has no 问题代码 column: it is read by people.
 */
export const ANNEX_PROBLEMS = defineSheet({
  ...PROBLEMS,
  annex: false,
  title: '重点项目情况通报（第{{期数}}期）附件：数据问题（未并入的行及提示）',
  columns: PROBLEM_COLUMNS.filter((c) => c.key !== 'code'),
});

const ANNEX_SOURCES = defineSheet({
  ...SOURCES,
  annex: false,
  title: '重点项目情况通报（第{{期数}}期）附件：数据来源（每个项目数据所依据的文件、工作表、行和收到时间）',
});

export const BULLETIN_ANNEX = defineTemplate({
  id: 'kpd.bulletin-annex',
  version: 1,
  meta: BULLETIN.meta,
  fileName: '重点项目情况通报附件.xlsx',
  title: '重点项目情况通报附件',
  sheets: [ANNEX_PROBLEMS, ANNEX_SOURCES],
});

/** The 通报 when its annex is a workbook of its own: every sheet but those of BULLETIN_ANNEX. */
export const BULLETIN_WITHOUT_ANNEX = defineTemplate({
  ...BULLETIN,
  sheets: BULLETIN.sheets.filter((s) => !BULLETIN_ANNEX.sheets.some((a) => a.key === s.key)),
});
