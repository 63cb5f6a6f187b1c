import {
  AGENT_CATEGORIES,
  AGENT_RULES,
  APPRAISAL_PARAMS,
  POINT_RULE_CODES,
  type CategoryKey,
  type PointRuleCode,
} from './agent.js';
import { DEFAULT_LEVEL_POINTS, type SatisfactionLevel } from './satisfaction.js';
import {
  BOUND_PARAMS,
  SCHEDULE_PARAMS,
  type BoundParam,
  type FractionMode,
  type ScheduleParam,
  type WeekdayName,
} from './schedule.js';
import {
  RANKED_CATEGORIES_PARAM,
  RANKING_PARAMS,
  UNIT_CRITERIA,
  type CriterionKey,
  type RankingParam,
} from './unit.js';
import type { ProjectCategory } from './vocab.js';
import { DOCUMENT_PARAMS, type DocumentParam } from './documents.js';
import { compareCodePoints } from '../values/collate.js';

type ScheduleValue<K extends ScheduleParam> = (typeof SCHEDULE_PARAMS)[K]['kind'] extends 'integer'
  ? number
  : (typeof SCHEDULE_PARAMS)[K]['kind'] extends 'weekday'
    ? WeekdayName
    : (typeof SCHEDULE_PARAMS)[K]['kind'] extends 'fraction'
      ? FractionMode
      : string;

/**
 * Every number of the notice that the office may change: the values of the 规则 sheet.
 * Texts and structure live in the definition tables beside this file; only values are here.
 */
export interface RuleSet {
  /** Full score of each agent category (满分). */
  readonly categories: Readonly<Record<CategoryKey, number>>;
  /** Points per occurrence of each agent rule that has them. */
  readonly agentPoints: Readonly<Record<PointRuleCode, number>>;
  /** Points of each satisfaction level (4.1, 4.2). */
  readonly levelPoints: Readonly<Record<SatisfactionLevel, number>>;
  /** Weight of each unit criterion (sums to 100 by default). */
  readonly unitWeights: Readonly<Record<CriterionKey, number>>;
  readonly ranking: Readonly<Record<RankingParam, number>>;
  /** The project categories whose 责任单位 are ranked. */
  readonly rankedCategories: readonly ProjectCategory[];
  /** 第六条: the outcomes of a quarter rated 非常不满意, and the quarters in a row for the heavier one. */
  readonly appraisal: {
    readonly firstAction: string;
    readonly repeatedAction: string;
    readonly repeatCount: number;
  };
  readonly schedule: { readonly [K in ScheduleParam]: ScheduleValue<K> };
  readonly bounds: Readonly<Record<BoundParam, boolean>>;
  /** Addressees and masthead names of the 公文 (通报, 会议纪要). */
  readonly documents: Readonly<Record<DocumentParam, string>>;
}

const mapValues = <K extends string, V, R>(o: Readonly<Record<K, V>>, f: (v: V, k: K) => R): Record<K, R> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v as V, k as K)])) as Record<K, R>;

/** The defaults: the values of 安示范办〔2017〕14号 and of DOMAIN.md's Decisions. */
export const DEFAULT_RULES: RuleSet = Object.freeze({
  categories: mapValues(AGENT_CATEGORIES, (c) => c.full),
  agentPoints: Object.fromEntries(POINT_RULE_CODES.map((c) => [c, AGENT_RULES[c].points])) as Record<
    PointRuleCode,
    number
  >,
  levelPoints: { ...DEFAULT_LEVEL_POINTS },
  unitWeights: mapValues(UNIT_CRITERIA, (c) => c.weight),
  ranking: mapValues(RANKING_PARAMS, (p) => p.value),
  rankedCategories: [...RANKED_CATEGORIES_PARAM.value],
  appraisal: mapValues(APPRAISAL_PARAMS, (p) => p.value) as RuleSet['appraisal'],
  schedule: mapValues(SCHEDULE_PARAMS, (p) => p.value) as RuleSet['schedule'],
  bounds: mapValues(BOUND_PARAMS, (p) => p.value),
  documents: mapValues(DOCUMENT_PARAMS, (p) => p.value as string),
});

/** A short stable id of the values of a rule set, written on every result sheet. */
export function ruleSetId(rules: RuleSet): string {
  const canonical = JSON.stringify(rules, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as object).sort(([a], [b]) => compareCodePoints(a, b)))
      : v,
  );
  // FNV-1a, 32 bits: a label, not a security measure.
  let h = 0x811c9dc5;
  for (let i = 0; i < canonical.length; i++) {
    h ^= canonical.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `R${h.toString(16).padStart(8, '0')}`;
}

export const DEFAULT_RULE_SET_ID = ruleSetId(DEFAULT_RULES);

/** "默认规则（安示范办〔2017〕14号） R1234abcd" or "自定义规则 R…（与默认值不同 3 项）". */
export function ruleSetLabel(rules: RuleSet, changed: number): string {
  const id = ruleSetId(rules);
  return id === DEFAULT_RULE_SET_ID
    ? `默认规则（安示范办〔2017〕14号） ${id}`
    : `自定义规则 ${id}（与默认值不同 ${changed} 项）`;
}
