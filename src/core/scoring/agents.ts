import { compareText } from '../values/collate.js';
import { AGENT_RULES, AGENT_RULE_CODES, CATEGORY_KEYS, type CategoryKey } from '../rules/agent.js';
import { LOWEST_LEVEL, type SatisfactionLevel } from '../rules/satisfaction.js';
import { previousRankPeriod, rankPeriodId, rankPeriodRange, type RankPeriod } from '../calendar/periods.js';
import type { IsoDate } from '../values/dates.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import type { Agent, Located, MasterData } from '../master/types.js';
import type { Issue, Locale } from '../issues/issue.js';
import {
  approvalLines,
  incidentLines,
  surveyLines,
  type LineContext,
  type LineDraft,
} from './agent-lines.js';
import { dueDates } from './due.js';
import { finishIssues } from './issues.js';
import { keyMemo } from './keys.js';
import { AGENT_SCALE, clamp, fromUnits, toUnits } from './points.js';
import { competitionRanks } from './rank.js';
import { ratingOf, surveyLevel } from './survey.js';
import { type AgentAction, type AgentAssessment, type AgentResult, type ScoreLine } from './types.js';
import type { RuleSet } from '../rules/ruleset.js';
import { pushAll } from '../values/lists.js';

export interface AgentInput {
  readonly data: MasterData;
  /** A quarter (kind 'Q'): 附件1 is assessed quarterly. */
  readonly quarter: RankPeriod;
  readonly calendar: WorkCalendar;
  /** The language of the lines' details (the 考核 sheets are Chinese: 'zh' unless told). */
  readonly locale?: Locale;
}

const CATEGORY_ORDER = new Map(CATEGORY_KEYS.map((k, i) => [k, i]));
const CODE_ORDER = new Map(AGENT_RULE_CODES.map((c, i) => [c, i]));

/** First row wins for a repeated key, whatever the order of the rows. */
function indexBy<R>(
  rows: readonly Located<R>[],
  key: (r: R) => string,
  matchKey: (s: string) => string,
): Map<string, Located<R>> {
  const m = new Map<string, Located<R>>();
  for (const l of rows) {
    const k = matchKey(key(l.record));
    const prev = m.get(k);
    if (!prev || l.row < prev.row) m.set(k, l);
  }
  return m;
}

/** Ratings by agent key for the surveys dated in [from, to]. */
function ratings(
  data: MasterData,
  from: IsoDate,
  to: IsoDate,
  matchKey: (s: string) => string,
): Map<string, SatisfactionLevel> {
  const levels = new Map<string, SatisfactionLevel[]>();
  for (const s of data.surveys) {
    if (s.record.date < from || s.record.date > to) continue;
    const overall = surveyLevel(s.record);
    if (!overall) continue;
    const k = matchKey(s.record.agent);
    const list = levels.get(k);
    if (list) list.push(overall.level);
    else levels.set(k, [overall.level]);
  }
  const out = new Map<string, SatisfactionLevel>();
  for (const [k, list] of levels) {
    const r = ratingOf(list);
    if (r !== undefined) out.set(k, r);
  }
  return out;
}

/**
 * 第六条: a quarter rated 非常不满意 → the rule table's first outcome (警告); rated so in as many
 * quarters in a row as the rule table says (2) → its repeated outcome (警告或诫勉谈话并书面检查).
 * `earlier` are the ratings of the quarters before, nearest first.
 */
function actionsFor(
  rating: SatisfactionLevel | undefined,
  earlier: readonly (SatisfactionLevel | undefined)[],
  rules: RuleSet,
): AgentAction[] {
  if (rating !== LOWEST_LEVEL) return [];
  const { firstAction, repeatedAction, repeatCount } = rules.appraisal;
  const inARow = 1 + earlier.findIndex((r) => r !== LOWEST_LEVEL);
  const streak = inARow === 0 ? 1 + earlier.length : inARow;
  return [
    streak >= repeatCount
      ? { kind: 'repeated', label: repeatedAction, quarters: streak }
      : { kind: 'first', label: firstAction, quarters: streak },
  ];
}

/**
 * 附件1 assessment of every agent of 代办员名册 for one quarter: six category scores, total,
 * rank, 第六条 consequences, and a line per applied rule traced to its source row.
 * @example
 *   const a = scoreAgents({ data, quarter: { year: 2026, kind: 'Q', index: 3 }, calendar });
 *   a.agents[0]?.total // 100 for an agent with no events
 */
export function scoreAgents({ data, quarter, calendar, locale }: AgentInput): AgentAssessment {
  if (quarter.kind !== 'Q') {
    throw new RangeError(`scoreAgents: agents are assessed per quarter, not ${rankPeriodId(quarter)}`);
  }
  const period = rankPeriodId(quarter);
  const { from, to } = rankPeriodRange(quarter);
  const rules = data.rules;
  const key = keyMemo();
  const roster = indexBy(data.agents, (a) => a.name, key);
  const { drafts, issues } = lineDrafts({ data, calendar, period, from, to, roster, key, locale });

  const current = ratings(data, from, to, key);
  const earlier = earlierRatings(data, quarter, rules.appraisal.repeatCount, key);

  const byAgent = new Map<string, LineDraft[]>();
  for (const d of drafts) {
    const list = byAgent.get(d.agentKey);
    if (list) list.push(d);
    else byAgent.set(d.agentKey, [d]);
  }
  const scored = [...roster].map(([k, agent]) => ({
    key: k,
    agent,
    ...categoryUnits(rules, byAgent.get(k)),
  }));

  const agents: AgentResult[] = competitionRanks(
    scored,
    (s) => s.total,
    (s) => s.agent.record.name,
  ).map(({ item: s, rank }) => {
    const name = s.agent.record.name;
    const rating = current.get(s.key);
    const lines = (byAgent.get(s.key) ?? []).map((d) => toLine(name, d)).sort(compareLines);
    const scores = {} as Record<CategoryKey, number>;
    for (const c of CATEGORY_KEYS) scores[c] = fromUnits(s.units[c], AGENT_SCALE);
    return {
      name,
      level: s.agent.record.level,
      scores,
      total: fromUnits(s.total, AGENT_SCALE),
      rank,
      ...(rating !== undefined && { rating }),
      actions: actionsFor(
        rating,
        earlier.map((m) => m.get(s.key)),
        rules,
      ),
      lines,
    };
  });

  return {
    quarter: period,
    agents,
    lines: agents.flatMap((a) => a.lines),
    issues: finishIssues(issues),
  };
}

/** The ratings of the quarters before, nearest first, as many as "in a row" can need. */
function earlierRatings(
  data: MasterData,
  quarter: RankPeriod,
  repeatCount: number,
  key: (s: string) => string,
): Map<string, SatisfactionLevel>[] {
  const earlier: Map<string, SatisfactionLevel>[] = [];
  for (let q = previousRankPeriod(quarter), i = 1; i < repeatCount; i++) {
    const r = rankPeriodRange(q);
    earlier.push(ratings(data, r.from, r.to, key));
    q = previousRankPeriod(q);
  }
  return earlier;
}

/** Every line of the quarter, from 扣分记录, 代办事项 and 满意度测评, with the findings on the way. */
function lineDrafts(input: {
  readonly data: MasterData;
  readonly calendar: WorkCalendar;
  readonly period: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly roster: ReadonlyMap<string, Located<Agent>>;
  readonly key: (s: string) => string;
  readonly locale: Locale | undefined;
}): { drafts: LineDraft[]; issues: Issue[] } {
  const { data, key } = input;
  const dues = dueDates(input.calendar, data.approvals);
  const issues: Issue[] = [];
  const drafts: LineDraft[] = [];
  const ctx: LineContext = {
    rules: data.rules,
    period: input.period,
    from: input.from,
    to: input.to,
    roster: input.roster,
    projects: indexBy(data.projects, (p) => p.projectId, key),
    due: (a) => dues.due(a),
    key,
    issues,
    lines: drafts,
    ...(input.locale !== undefined && { locale: input.locale }),
  };
  incidentLines(ctx, data.incidents);
  approvalLines(ctx, data.approvals);
  surveyLines(ctx, data.surveys);
  pushAll(issues, dues.issues);
  return { drafts, issues };
}

/** An agent's category scores (full score plus its lines, bounded as the rule set says) and total, in AGENT_SCALE. */
function categoryUnits(
  rules: RuleSet,
  lines: readonly LineDraft[] = [],
): { units: Record<CategoryKey, number>; total: number } {
  const units = {} as Record<CategoryKey, number>;
  for (const c of CATEGORY_KEYS) units[c] = toUnits(rules.categories[c], AGENT_SCALE);
  for (const d of lines) units[AGENT_RULES[d.code].category] += d.units;
  let total = 0;
  for (const c of CATEGORY_KEYS) {
    const full = toUnits(rules.categories[c], AGENT_SCALE);
    units[c] = clamp(
      units[c],
      rules.bounds.floorAtZero ? 0 : undefined,
      rules.bounds.capAtFull ? full : undefined,
    );
    total += units[c];
  }
  return { units, total };
}

function toLine(agent: string, d: LineDraft): ScoreLine {
  const def = AGENT_RULES[d.code];
  return {
    agent,
    code: d.code,
    category: def.category,
    text: def.text,
    count: d.count,
    points: fromUnits(d.units, AGENT_SCALE),
    perOccurrence: d.perOccurrence,
    sheet: d.sheet,
    row: d.row,
    detail: d.detail,
  };
}

/** Within one agent: category, rule code (table order), sheet, row; the detail settles the rest. */
function compareLines(a: ScoreLine, b: ScoreLine): number {
  return (
    (CATEGORY_ORDER.get(a.category) ?? 0) - (CATEGORY_ORDER.get(b.category) ?? 0) ||
    (CODE_ORDER.get(a.code) ?? 0) - (CODE_ORDER.get(b.code) ?? 0) ||
    compareText(a.sheet, b.sheet) ||
    a.row - b.row ||
    compareText(a.detail, b.detail)
  );
}
