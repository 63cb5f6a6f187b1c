import type { MessageDef } from './codes.js';

/**
 * The fixed words of the sheets the weekly meeting prints — 议程, 督办落实, 议题及滞后项目,
 * 数据问题 — and of the notes the agenda writes beside a topic, Chinese first. The agenda is
 * Chinese; English is kept for parity and --lang en. Filled by core/agenda/render.ts.
 */
export const SHEETS_AGENDA_MESSAGES = {
  // ---- {{进展依据}}: what the list of projects behind stands on ------------------------------
  'agendaSheet.basis': {
    severity: 'info',
    zh: '按{label}报告期的进展（总台账「{sheet}」中最近一期，序时进度 {fraction}）',
    en: 'progress of the {label} reporting period (the latest in the master\'s "{sheet}", time-elapsed share {fraction})',
  },
  'agendaSheet.noBasis': {
    severity: 'info',
    zh: '总台账「{sheet}」中还没有已通报的进展，只按节点计划列入',
    en: 'the master\'s "{sheet}" holds no reported progress yet; listed by the milestone plan only',
  },
  // ---- 议程: the three parts of the meeting ------------------------------------------------
  'agendaSheet.decisionsItem': {
    severity: 'info',
    zh: '督查室通报上次会议议定事项落实情况',
    en: 'The supervision office reports on the decisions of the last meeting',
  },
  'agendaSheet.decisionsContent': {
    severity: 'info',
    zh: '督办事项 {total} 项：已完成 {done} 项，未到期 {pending} 项，逾期未完成 {overdue} 项',
    en: '{total} decisions tracked: {done} done, {pending} not yet due, {overdue} overdue',
  },
  'agendaSheet.overdueExplained': {
    severity: 'info',
    zh: '（责任单位说明原因）',
    en: ' (the units responsible explain why)',
  },
  'agendaSheet.supervisor': { severity: 'info', zh: '督查室', en: 'Supervision office' },
  'agendaSheet.groupsItem': {
    severity: 'info',
    zh: '各指挥部汇报存在问题及滞后项目',
    en: 'Each HQ reports its problems and projects behind schedule',
  },
  'agendaSheet.noBusiness': {
    severity: 'info',
    zh: '本次没有申报的议题和滞后项目',
    en: 'No topics submitted and no projects behind schedule this time',
  },
  'agendaSheet.groupsContent': {
    severity: 'info',
    zh: '议题 {topics} 个，滞后项目 {behind} 个，按以下顺序逐个汇报',
    en: '{topics} topics, {behind} projects behind schedule, heard in the order below',
  },
  'agendaSheet.commanders': { severity: 'info', zh: '各指挥长', en: 'The HQ commanders' },
  'agendaSheet.groupSeq': { severity: 'info', zh: '（{n}）', en: '({n})' },
  'agendaSheet.groupTopics': { severity: 'info', zh: '议题 {n} 个', en: '{n} topics' },
  'agendaSheet.groupBehind': {
    severity: 'info',
    zh: '滞后项目 {n} 个（须说明原因）',
    en: '{n} projects behind schedule (reasons to be given)',
  },
  'agendaSheet.partSeparator': { severity: 'info', zh: '，', en: ', ' },
  'agendaSheet.summaryItem': {
    severity: 'info',
    zh: '主任总结讲话，安排部署下步工作',
    en: "The director's summary and the next steps",
  },
  'agendaSheet.summaryContent': {
    severity: 'info',
    zh: '议定事项由督查室列入「{sheet}」跟踪',
    en: 'Decisions are entered in "{sheet}" by the supervision office and tracked',
  },
  'agendaSheet.director': { severity: 'info', zh: '主任', en: 'Director' },
  // ---- 议题及滞后项目 ------------------------------------------------------------------------
  'agendaSheet.noteSeparator': { severity: 'info', zh: '；', en: '; ' },
  'agendaSheet.behindNote': {
    severity: 'info',
    zh: '须说明原因和措施',
    en: 'Reasons and measures to be given',
  },
  // ---- 数据问题: what became of a file or row -------------------------------------------------
  'agendaSheet.notListed': { severity: 'info', zh: '未列入', en: 'Not listed' },
  'agendaSheet.deferred': { severity: 'info', zh: '顺延', en: 'Deferred' },
  'agendaSheet.noted': { severity: 'info', zh: '提示', en: 'Note' },
} as const satisfies Record<string, MessageDef>;
