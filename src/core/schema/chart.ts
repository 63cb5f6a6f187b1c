/**
 * 挂图作战 (五个一 制度 四): the printed 项目建设进度计划网络图 that hangs on the site and in the
 * commander's office. Every word printed on it is here; the layout is in core/jobs/chart.ts.
 */

export const CHART_ID = 'kpd.chart';
export const CHART_VERSION = 1;

/** Milestone states on the chart: done nodes carry the red flag, overdue ones the black flag. */
const MILESTONE_STATES = ['已完成', '逾期完成', '逾期未完成', '未到期'] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];
/** The states by meaning (compare against these, never retype them). */
export const MILESTONE_STATE = {
  done: MILESTONE_STATES[0],
  late: MILESTONE_STATES[1],
  overdue: MILESTONE_STATES[2],
  pending: MILESTONE_STATES[3],
} as const;

export const CHART_TEXT = {
  bookTitle: '重点项目建设进度计划网络图（挂图作战）',
  fileName: '进度图.xlsx',
  /** The file the task pane opens or downloads. */
  paneFile: '进度图-{day}.xlsx',
  sheetTitle: '{hq}重点项目建设进度计划网络图（挂图作战）',
  subtitle:
    '截至{day}　时间轴：{unit}　项目 {projects} 个，节点 {milestones} 个：已完成 {done} 个（其中逾期完成 {late} 个），逾期未完成 {overdue} 个，未到期 {pending} 个',
  legend: {
    title: '图例',
    done: '已完成（红旗）',
    overdue: '逾期未完成（黑旗）',
    planned: '计划',
    rest: '◆ 计划完成日期，浅蓝为计划进度（自前置节点计划完成起）；● 实际完成日期；红线浅黄列为今日（{day}）',
  },
  columns: ['序号', '节点名称', '前置', '计划完成', '实际完成', '状态'],
  units: { week: '按周（每格一周，标周一日期）', month: '按月', quarter: '按季度' },
  /** Axis group labels (over the unit labels) and unit labels. */
  monthGroup: '{year}年{month}月',
  /** A month group too narrow for the year. */
  monthShort: '{month}月',
  yearGroup: '{year}年',
  monthLabel: '{month}',
  quarterLabel: '{quarter}季',
  projectLine: '{id}　{name}（{category}）',
  projectInfo:
    '指挥长：{commander}　责任单位：{unit}　代办员：{agent}　计划工期：{start} 至 {end}　节点 {milestones} 个：已完成 {done}，逾期未完成 {overdue}',
  noMilestones: '（本项目尚未录入节点计划，请在总台账「节点计划」表中填写）',
  footer: '{office}制　{day}　第 {page} 页，共 {pages} 页',
  plannedMark: '◆',
  actualMark: '●',
  noDate: '—',
  meta: { day: '截至', hq: '指挥部' },
} as const;

export const DEFAULT_OFFICE = '发展改革局重点项目办公室';
