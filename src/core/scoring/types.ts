import type { AgentRuleCode, CategoryKey } from '../rules/agent.js';
import type { SatisfactionLevel } from '../rules/satisfaction.js';
import type { CriterionKey } from '../rules/unit.js';
import type { Issue } from '../issues/issue.js';
import type { AgentLevel } from '../rules/vocab.js';

// ---- 附件1 agent assessment ------------------------------------------------------------------

/** One applied rule for one agent: a row of 扣分明细, traced to the row it came from. */
export interface ScoreLine {
  /** The agent as named in 代办员名册. */
  readonly agent: string;
  readonly code: AgentRuleCode;
  readonly category: CategoryKey;
  /** The rule's text (附件1). */
  readonly text: string;
  readonly count: number;
  /** Signed total of the line, e.g. -1.5. */
  readonly points: number;
  readonly perOccurrence?: number;
  /** The source row: 代办事项, 满意度测评 or 扣分记录. */
  readonly sheet: string;
  readonly row: number;
  /** How the line came about, in Chinese. */
  readonly detail: string;
}

/**
 * A 第六条 consequence of a 非常不满意 rating: which one (first, or after the rule table's count of
 * quarters in a row), its words from the rule table, and how many quarters in a row it was.
 */
export interface AgentAction {
  readonly kind: 'first' | 'repeated';
  readonly label: string;
  readonly quarters: number;
}

export interface AgentResult {
  readonly name: string;
  readonly level: AgentLevel;
  /** Per category: full score plus its lines, bounded as the rule set says. */
  readonly scores: Readonly<Record<CategoryKey, number>>;
  readonly total: number;
  /** Competition rank by total, highest first (1, 2, 2, 4). */
  readonly rank: number;
  /** The quarter's rating from its surveys; absent when the agent had none. */
  readonly rating?: SatisfactionLevel;
  readonly actions: readonly AgentAction[];
  readonly lines: readonly ScoreLine[];
}

export interface AgentAssessment {
  /** The quarter id, e.g. 2026Q3. */
  readonly quarter: string;
  /** In rank order; equal totals by name. */
  readonly agents: readonly AgentResult[];
  /** Every line, in the order of `agents`, then category, rule code, sheet and row. */
  readonly lines: readonly ScoreLine[];
  readonly issues: readonly Issue[];
}

// ---- 五、考核问责 unit ranking --------------------------------------------------------------------

export interface CriterionScore {
  /** weight × share rounded to 2 decimals, or the typed points. */
  readonly points: number;
  /** Typed in 单位考评 (it wins over the ledgers). */
  readonly typed: boolean;
  /** The computed share in [0, 1]; null when typed. */
  readonly share: number | null;
  /** What was counted (for a typed value: the typed points over the weight). */
  readonly numerator: number;
  readonly denominator: number;
  /** How it was computed, in Chinese; '无可计项，按满分' or '手工录入'. */
  readonly note: string;
}

export type UnitOutcome = 'praise' | 'criticize';
export type UnitAction = 'admonition' | 'organization';

export interface UnitResult {
  readonly unit: string;
  readonly criteria: Readonly<Record<CriterionKey, CriterionScore>>;
  /** Sum of the criteria's points (2 decimals, exact). */
  readonly total: number;
  readonly rank: number;
  readonly outcome: UnitOutcome | null;
  /** 倒数第一: the lowest total of the period among the units not praised. */
  readonly lastPlace: boolean;
  /** Consecutive last places of the same cadence, this one included; 0 when not last. */
  readonly lastPlaceStreak: number;
  readonly action: UnitAction | null;
  /** Praised although, by ties, also within the bottom group (praise wins). */
  readonly overlaps?: true;
}

export interface UnitRanking {
  /** The period id, e.g. 2026Q3 or 2026H2. */
  readonly period: string;
  /** In rank order; equal totals by name. */
  readonly units: readonly UnitResult[];
  readonly issues: readonly Issue[];
  /** Ties made the top and the bottom groups overlap: the praised units also in the bottom group. */
  readonly overlap?: { readonly units: readonly string[]; readonly noLastPlace: boolean };
}
