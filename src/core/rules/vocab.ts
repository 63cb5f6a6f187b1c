/** Closed vocabularies shared by several sheets (the drop-down lists). */
import { SATISFACTION_LEVELS } from './satisfaction.js';

export const PROJECT_CATEGORIES = ['省重点', '市重点', '招商引资', '棚户区改造', '基础设施', '其他'] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];

export const AGENT_LEVELS = ['一级', '二级'] as const;
export const DIFFICULTIES = ['难', '易'] as const;
export const SITE_ROLES = ['指挥长', '成员'] as const;
export const DAY_TYPES = ['休', '班'] as const;
export const SUBMISSION_STATUSES = ['按时', '迟报', '未报'] as const;
export const TIME_SOURCES = ['邮件时间', '登记时间', '填报日期', '文件修改时间'] as const;
export type TimeSource = (typeof TIME_SOURCES)[number];
export const RANK_OUTCOMES = ['通报表扬', '通报批评'] as const;

export const APPROVAL_ITEMS = [
  '项目备案',
  '环境影响评价',
  '项目选址许可',
  '用地规划许可',
  '工程规划许可',
  '用地预审',
  '施工许可',
];
export const APPROVAL_DEPARTMENTS = ['发改', '国土', '住建', '环保', '规划'];

export { SATISFACTION_LEVELS };
/** 比较满意 / 基本满意 are accepted and read as 一般. */
export const LEVEL_ALIASES = { 比较满意: '一般', 基本满意: '一般', 较满意: '一般' } as const;

/**
 * The seven items of 附件3: the column headers of 满意度测评 (generated from this list), the words
 * the printed form uses where they differ from the header, and the column widths.
 */
export const SURVEY_ITEMS = [
  { key: 'attitude', header: '服务态度', width: 10 },
  { key: 'efficiency', header: '办事效率', width: 10 },
  { key: 'answers', header: '解答问题准确、耐心、细致', width: 12 },
  { key: 'appearance', header: '着装整洁、挂牌服务', width: 10 },
  { key: 'fees', header: '无乱收费、乱培训、乱摊派', width: 12 },
  {
    key: 'knowledge',
    header: '业务知识熟练、要求提供的材料一次性告知',
    printed: '业务知识熟练 要求提供的材料一次性告知',
    width: 14,
  },
  { key: 'lawful', header: '遵纪守法、无吃拿卡要现象', printed: '遵纪守法 无吃、拿、卡、要现象', width: 12 },
] as const satisfies readonly { key: string; header: string; printed?: string; width: number }[];

/**
 * Where a decision (督办事项) or a milestone (节点计划) stands against its deadline: the words the
 * agenda, the minutes and the progress chart write, and the shells count by.
 */
export const DEADLINE_STATE = {
  done: '已完成',
  doneLate: '逾期完成',
  pending: '未到期',
  overdue: '逾期未完成',
} as const;

// ---- The bulletin's status words ------------------------------------------------------------
// Values the 通报 writes into its 状态 columns: coloured by the schema's highlight, read back by the
// ledger import and the charts. Logic compares against these constants, never retyped text.

/** 项目进展 状态 against 序时进度; 有误: reported, but its row was rejected (see 数据问题). */
export const PROGRESS_STATUS = {
  normal: '正常',
  warning: '预警',
  behind: '滞后',
  missing: '未报',
  faulty: '有误',
} as const;
export type ProgressStatusValue = (typeof PROGRESS_STATUS)[keyof typeof PROGRESS_STATUS];

/** 报送情况 报送状态: the three of SUBMISSION_STATUSES, and 已替换 for a report a later one replaced. */
export const SUBMISSION_STATE = {
  onTime: SUBMISSION_STATUSES[0],
  late: SUBMISSION_STATUSES[1],
  missing: SUBMISSION_STATUSES[2],
  replaced: '已替换',
} as const;

/** 报送情况 指挥长签字. */
export const SIGNATURE_STATE = { signed: '已签', unsigned: '未签' } as const;

/**
 * How a day of site work (一线工作) counts (一线工作明细's 考核 column): in this period, in the
 * next (its week ends after this period's deadline), already in an earlier one, or a duplicate.
 */
export const VISIT_ASSESSMENT = {
  thisPeriod: '本期考核',
  nextPeriod: '下期考核',
  earlier: '上期已考核',
  duplicate: '重复记录',
} as const;
export type VisitAssessmentValue = (typeof VISIT_ASSESSMENT)[keyof typeof VISIT_ASSESSMENT];

/** 一线工作 是否达标. */
export const SITE_COMPLIANCE = { short: '不足', met: '达标' } as const;

/** 数据问题 处理: the row left out, only noted, or the input ignored. */
export const PROBLEM_HANDLING = { rejected: '未并入', note: '提示', ignored: '忽略' } as const;

/** 汇总 分组: the line of all projects, by category, by HQ (the charts pick the HQ lines by it). */
export const SUMMARY_GROUP = { all: '合计', byCategory: '按类别', byHq: '按指挥部' } as const;
export type SummaryGroup = (typeof SUMMARY_GROUP)[keyof typeof SUMMARY_GROUP];

/** The word of the row heading each HQ's projects in 项目进展 (core/table/read.ts skips it when read back). */
export const SUBTOTAL_WORD = '小计';

/** SITE_ROLES by name. */
export const SITE_ROLE = { commander: SITE_ROLES[0], member: SITE_ROLES[1] } as const;

/** TIME_SOURCES by name, in the order they are trusted. */
export const TIME_SOURCE = {
  email: TIME_SOURCES[0],
  clerk: TIME_SOURCES[1],
  filledOn: TIME_SOURCES[2],
  fileTime: TIME_SOURCES[3],
} as const;

/** AGENT_LEVELS by name. */
export const AGENT_LEVEL = { first: AGENT_LEVELS[0], second: AGENT_LEVELS[1] } as const;

/** DAY_TYPES by name: a rest day, a working day (节假日 类型). */
export const DAY_TYPE = { rest: DAY_TYPES[0], work: DAY_TYPES[1] } as const;
export type DeadlineState = (typeof DEADLINE_STATE)[keyof typeof DEADLINE_STATE];

const [MAIL_TIME, CLERK_TIME] = TIME_SOURCES;
/**
 * The times that may place a topic form, most trusted first (DOMAIN §3): the mail's, the clerk's,
 * the 申报时间 typed in it.
 */
export const TOPIC_TIME_SOURCE = { mail: MAIL_TIME, clerk: CLERK_TIME, typed: '申报时间' } as const;
export type TopicTimeSource = (typeof TOPIC_TIME_SOURCE)[keyof typeof TOPIC_TIME_SOURCE];

// ---- Scoring's vocabulary, by meaning ---------------------------------------------------------

export type DayType = (typeof DAY_TYPES)[number];
export type AgentLevel = (typeof AGENT_LEVELS)[number];

/** 五、考核问责: a unit's outcome (排名历史's 通报) and the consequences of last places in a row. */
export const RANK_OUTCOME = { praise: RANK_OUTCOMES[0], criticize: RANK_OUTCOMES[1] } as const;
export const UNIT_ACTION = { admonition: '诫勉谈话', organization: '报请组织部门处理' } as const;
