import { PROBLEM_COLUMNS } from './bulletin.js';
import { defineSheet, defineTemplate } from './define.js';
import { DEADLINE_STATE } from '../rules/vocab.js';

/**
 * 周例会议程: what `kpd agenda` writes for the Saturday meeting (DOMAIN §5) — the agenda in its
 * three parts, the state of every decision being tracked, the topics and the projects behind
 * schedule HQ by HQ, and what could not be used. Filled like the bulletin: an office may supply
 * its own styled copy; text in {{双括号}} is replaced.
 */

/**
 * The {{placeholders}} of the agenda's titles and lead lines, keyed: the words an office may also
 * type in its own copy of the template.
 */
export const AGENDA_PLACEHOLDERS = {
  meetingDate: '会议日期',
  weekday: '星期',
  previousMeeting: '上次会议',
  cutoff: '议题截止',
  office: '编制单位',
  topics: '议题数',
  units: '申报单位数',
  behind: '滞后项目数',
  basis: '进展依据',
  decisions: '督办数',
  done: '已完成',
  doneLate: '逾期完成',
  pending: '未到期',
  overdue: '逾期未完成',
  files: '文件数',
  filesUsed: '列入文件数',
  rules: '规则集',
  cutoffWeekday: '截止星期',
  cutoffTime: '截止时刻',
  calendarBasis: '节假日依据',
} as const;

/** 类型 of a line of 议题及滞后项目: a topic submitted, or a project behind schedule. */
export const AGENDA_LINE_KIND = { topic: '申报议题', behind: '滞后项目' } as const;

export const AGENDA_ITEMS = defineSheet({
  key: 'agendaItems',
  name: '议程',
  title: '重大建设项目推进工作周例会议程',
  output: true,
  landscape: true,
  lead: [
    '会议时间：{{会议日期}}（{{星期}}）上午　　编制：{{编制单位}}',
    '议题截止：{{议题截止}}（每{{截止星期}}{{截止时刻}}前，遇节假日提前到此前最后一个工作日；逾期的转入下一次例会）。本次议题 {{议题数}} 个（{{申报单位数}} 个单位申报），滞后项目 {{滞后项目数}} 个（{{进展依据}}），督办事项 {{督办数}} 项（逾期未完成 {{逾期未完成}} 项）。',
    '节假日依据：{{节假日依据}}',
  ],
  leadLines: [1, 2, 2],
  columns: [
    { key: 'seq', header: '序号', type: 'text', width: 6 },
    { key: 'item', header: '议程', type: 'text', width: 30 },
    { key: 'content', header: '内容', type: 'text', width: 62 },
    { key: 'reporter', header: '汇报', type: 'text', width: 16 },
    { key: 'sheet', header: '详见', type: 'text', width: 14 },
  ],
});

export const AGENDA_DECISIONS = defineSheet({
  key: 'agendaDecisions',
  name: '督办落实',
  title: '会议议定事项督办落实情况（截至{{会议日期}}）',
  output: true,
  landscape: true,
  highlight: {
    column: 'state',
    colors: {
      [DEADLINE_STATE.overdue]: 'red',
      [DEADLINE_STATE.doneLate]: 'yellow',
      [DEADLINE_STATE.done]: 'green',
      [DEADLINE_STATE.pending]: 'grey',
    },
  },
  lead: [
    '由督查室通报。共 {{督办数}} 项：已完成 {{已完成}} 项（其中逾期完成 {{逾期完成}} 项），未到期 {{未到期}} 项，逾期未完成 {{逾期未完成}} 项。列出上次会议（{{上次会议}}）议定的事项、此前未完成的事项和上次会议以来完成的事项。',
  ],
  columns: [
    { key: 'seq', header: '序号', type: 'integer', width: 6 },
    { key: 'itemId', header: '事项编号', type: 'text', width: 11 },
    { key: 'meetingDate', header: '会议日期', type: 'date', width: 11 },
    { key: 'content', header: '事项内容', type: 'text', width: 34 },
    { key: 'unit', header: '责任单位', type: 'text', width: 13 },
    { key: 'deadline', header: '完成时限', type: 'date', width: 11 },
    { key: 'doneDate', header: '完成日期', type: 'date', width: 11 },
    { key: 'state', header: '状态', type: 'text', width: 10 },
    { key: 'overdueDays', header: '逾期天数', type: 'integer', width: 8 },
    { key: 'note', header: '落实情况', type: 'text', width: 26 },
  ],
});

export const AGENDA_TOPICS = defineSheet({
  key: 'agendaTopics',
  name: '议题及滞后项目',
  title: '各指挥部存在问题及滞后项目（逐个汇报）',
  output: true,
  landscape: true,
  highlight: {
    column: 'kind',
    colors: { [AGENDA_LINE_KIND.behind]: 'red', [AGENDA_LINE_KIND.topic]: 'green' },
  },
  lead: [
    '按指挥部逐个汇报：先议申报的议题，再由指挥长说明滞后项目的原因和措施。滞后项目由系统自动列入：{{进展依据}}，节点计划截至 {{会议日期}}。',
  ],
  columns: [
    { key: 'seq', header: '序号', type: 'integer', width: 6 },
    { key: 'group', header: '指挥部', type: 'text', width: 16 },
    { key: 'kind', header: '类型', type: 'text', width: 9 },
    { key: 'projectId', header: '项目编号', type: 'text', width: 13 },
    { key: 'name', header: '项目名称', type: 'text', width: 18 },
    { key: 'topic', header: '议题 / 滞后情况', type: 'text', width: 34 },
    { key: 'problem', header: '存在问题', type: 'text', width: 26 },
    { key: 'proposal', header: '建议解决方式', type: 'text', width: 26 },
    { key: 'unit', header: '申报单位 / 指挥长', type: 'text', width: 14 },
    { key: 'note', header: '备注', type: 'text', width: 20 },
  ],
});

/**
 * The pane writes the agenda's 数据问题 into the master under this prefix (议题数据问题), the
 * master's own 数据问题 being 计算排名's.
 */
export const PANE_AGENDA_PREFIX = '议题';

export const AGENDA_PROBLEMS = defineSheet({
  key: 'agendaProblems',
  name: '数据问题',
  title: '数据问题（未列入议程的文件和行，及提示）',
  output: true,
  landscape: true,
  lead: [
    '收到议题申报表 {{文件数}} 份：列入本次会议 {{列入文件数}} 份。每个文件、每一行都在议程中或在本表中。',
  ],
  columns: PROBLEM_COLUMNS,
});

export const AGENDA = defineTemplate({
  id: 'kpd.agenda',
  version: 1,
  meta: [
    ['会议日期', '{{会议日期}}'],
    ['规则集', '{{规则集}}'],
  ],
  fileName: '周例会议程.xlsx',
  title: '周例会议程',
  sheets: [AGENDA_ITEMS, AGENDA_DECISIONS, AGENDA_TOPICS, AGENDA_PROBLEMS],
});
