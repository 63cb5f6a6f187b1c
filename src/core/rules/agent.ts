/**
 * 附件1《代办员考核办法》: the six categories and every rule of the 100-point agent assessment,
 * as data. Texts follow the notice; points are the defaults of the rule table (editable in the
 * 规则 sheet). `source` says where occurrences come from; shared code never branches on a code.
 */

export const AGENT_CATEGORIES = {
  political: { code: '1', name: '思想政治素质', full: 10 },
  performance: { code: '2', name: '工作业绩', full: 30 },
  discipline: { code: '3', name: '工作纪律', full: 20 },
  democratic: { code: '4', name: '民主评议', full: 20 },
  integrity: { code: '5', name: '廉政建设', full: 10 },
  overall: { code: '6', name: '综合评价', full: 10 },
} as const satisfies Record<string, { code: string; name: string; full: number }>;

export type CategoryKey = keyof typeof AGENT_CATEGORIES;
export const CATEGORY_KEYS = Object.keys(AGENT_CATEGORIES) as CategoryKey[];

/**
 * Where a rule's occurrences come from:
 * - `incident`: a line of 扣分记录 with a count (次数), points per occurrence from the table;
 * - `discretionary`: a line of 扣分记录 with its own 分值 (6.3);
 * - `overdueApproval`: 代办事项 past due and not done at the quarter's end (2.1 / 2.2);
 * - `lateApproval`: 代办事项 done late or open past due, charged to the 二级代办员 once (2.4);
 * - `onSiteRating`: 代办事项 现场评价 of approvals done in the quarter (4.1), points from the scale;
 * - `survey`: 满意度测评 dated in the quarter (4.2), points from the scale.
 */
export type RuleSource =
  'incident' | 'discretionary' | 'overdueApproval' | 'lateApproval' | 'onSiteRating' | 'survey';

export interface AgentRuleDef {
  readonly category: CategoryKey;
  readonly text: string;
  readonly source: RuleSource;
  /** Default points per occurrence; absent where the points come from the scale or the entry. */
  readonly points?: number;
  /** For `overdueApproval`: the project category (项目类别) and difficulty (难度) it applies to. */
  readonly when?: { readonly projectCategory: string; readonly difficulty: string };
}

export const AGENT_RULES = {
  '1.1': {
    category: 'political',
    source: 'incident',
    points: -1,
    text: '不服从重点办管理，协调办理事项不积极主动',
  },
  '1.2': {
    category: 'political',
    source: 'incident',
    points: -1,
    text: '未按规定请示、报告重大事项或突发事件，造成影响',
  },
  '1.3': {
    category: 'political',
    source: 'incident',
    points: -1,
    text: '办理业务中因工作作风问题被反映或检举，造成不良影响',
  },
  '1.4': {
    category: 'political',
    source: 'incident',
    points: -1,
    text: '未遵守首问首接和一次性告知制，经查证属实',
  },
  '2.1a': {
    category: 'performance',
    source: 'overdueApproval',
    points: -0.5,
    text: '省重点项目审批手续逾期未完成（难度大）',
    when: { projectCategory: '省重点', difficulty: '难' },
  },
  '2.1b': {
    category: 'performance',
    source: 'overdueApproval',
    points: -1,
    text: '省重点项目审批手续逾期未完成（难度小）',
    when: { projectCategory: '省重点', difficulty: '易' },
  },
  '2.2a': {
    category: 'performance',
    source: 'overdueApproval',
    points: -0.3,
    text: '市重点项目审批手续逾期未完成（难度大）',
    when: { projectCategory: '市重点', difficulty: '难' },
  },
  '2.2b': {
    category: 'performance',
    source: 'overdueApproval',
    points: -0.5,
    text: '市重点项目审批手续逾期未完成（难度小）',
    when: { projectCategory: '市重点', difficulty: '易' },
  },
  '2.3': { category: 'performance', source: 'incident', points: -1, text: '服务企业对办理结果不满意' },
  '2.4': {
    category: 'performance',
    source: 'lateApproval',
    points: -1,
    text: '因二级代办员原因造成延期办理（扣二级代办员）',
  },
  '2.5': {
    category: 'performance',
    source: 'incident',
    points: 0.2,
    text: '协助其他同志办理原单位行政审批事项，顺利办结',
  },
  '2.7': { category: 'performance', source: 'incident', points: -1, text: '交办的工作未在规定时限内完成' },
  '3.1a': { category: 'discipline', source: 'incident', points: -0.2, text: '无故迟到、早退' },
  '3.1b': { category: 'discipline', source: 'incident', points: -1, text: '无故旷工（按半天记）' },
  '3.2': { category: 'discipline', source: 'incident', points: -1, text: '上班时间上网玩游戏、溜岗、办私事' },
  '3.3': { category: 'discipline', source: 'incident', points: -2, text: '上班期间私自外出，不按规定请销假' },
  '3.4': { category: 'discipline', source: 'incident', points: -1, text: '办公室不清洁、文件资料摆放不整齐' },
  '4.1': {
    category: 'democratic',
    source: 'onSiteRating',
    text: '审批事项办结后企业现场打分（按满意度等级）',
  },
  '4.2': { category: 'democratic', source: 'survey', text: '每季度企业代表评议（满意度测评，按等级）' },
  '5.1': { category: 'integrity', source: 'incident', points: -2, text: '办理审批手续过程中徇私舞弊' },
  '5.2': { category: 'integrity', source: 'incident', points: -10, text: '接受或者向企业人员索要财物' },
  '5.3': {
    category: 'integrity',
    source: 'incident',
    points: -5,
    text: '违反优化经济环境有关规定，被反映或举报查证属实',
  },
  '6.1': { category: 'overall', source: 'incident', points: -2, text: '领导决定事项未严格执行' },
  '6.2': { category: 'overall', source: 'incident', points: -2, text: '不服从工作安排，不听指挥' },
  '6.3': {
    category: 'overall',
    source: 'discretionary',
    text: '业务技能、工作热情、工作效率等视情况加减分（按录入分值）',
  },
} as const satisfies Record<string, AgentRuleDef>;

export type AgentRuleCode = keyof typeof AGENT_RULES;
export const AGENT_RULE_CODES = Object.keys(AGENT_RULES) as AgentRuleCode[];

/** Codes whose points per occurrence are a value of the rule table. */
export type PointRuleCode = {
  [K in AgentRuleCode]: (typeof AGENT_RULES)[K] extends { points: number } ? K : never;
}[AgentRuleCode];
export const POINT_RULE_CODES = AGENT_RULE_CODES.filter(
  (c): c is PointRuleCode => 'points' in AGENT_RULES[c],
);

export function isAgentRuleCode(s: string): s is AgentRuleCode {
  return Object.hasOwn(AGENT_RULES, s);
}

/**
 * 第六条 (民主评议): what a quarter rated 非常不满意 brings, and after how many such quarters in a
 * row the heavier outcome applies. Words and count are values of the rule table.
 */
export const APPRAISAL_PARAMS = {
  firstAction: { name: '第六条：测评“非常不满意”的处理', value: '警告', kind: 'text' },
  repeatedAction: {
    name: '第六条：连续“非常不满意”的处理',
    value: '警告或诫勉谈话并书面检查',
    kind: 'text',
  },
  repeatCount: {
    name: '第六条：连续“非常不满意”的季度数',
    value: 2,
    kind: 'integer',
    min: 2,
    max: 8,
  },
} as const satisfies Record<
  string,
  { name: string } & (
    { value: string; kind: 'text' } | { value: number; kind: 'integer'; min: number; max: number }
  )
>;
