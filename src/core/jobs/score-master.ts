import { rankPeriodLabel, rankPeriodRange, rankPeriodId, type RankPeriod } from '../calendar/periods.js';
import { calendarBasisText, calendarWarnings } from '../calendar/warnings.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import type { MasterData } from '../master/types.js';
import { BOUND_PARAMS } from '../rules/schedule.js';
import type { RuleSet } from '../rules/ruleset.js';
import { MASTER, RANKING_HISTORY } from '../schema/master.js';
import {
  AGENT_RESULTS,
  SCORE_LINES,
  SCORE_PROBLEMS,
  UNIT_RANKING,
  UNIT_RANKING_NOTES,
  SCORE_PLACEHOLDERS,
} from '../schema/results.js';
import { rankingHasData, rankUnits, scoreAgents } from '../scoring/index.js';
import type { AgentAssessment, UnitRanking } from '../scoring/types.js';
import type { TableJob } from '../table/merge.js';
import { formatMessage, issue, message, sortIssues, type Issue, type Locale } from '../issues/issue.js';
import { zhCount } from '../values/zh-number.js';
import {
  agentResultRows,
  historyRows,
  problemRows,
  scoreLineRows,
  unitRankingNoteRows,
  unitRankingRows,
} from '../scoring/render.js';

export interface ScoreOutcome {
  /** A quarter's agent assessment; a half-year ranks units only. */
  readonly agents?: AgentAssessment;
  readonly units: UnitRanking;
  /** Every finding, in sheet order: what 数据问题 lists. */
  readonly issues: readonly Issue[];
  /**
   * The result sheets, in the order they are written, and their placeholder values: merged into
   * existing sheets of those names by core/table/merge.ts (a person's columns and notes stay).
   */
  readonly tables: readonly TableJob[];
  readonly placeholders: ReadonlyMap<string, string>;
  /**
   * What the sheets say above their tables that a shell should say too: ties that made the top
   * and bottom overlap, and the loud warning of a year without holiday data (DOMAIN §3, §4).
   */
  readonly notes: readonly Issue[];
}

/** Why a period was not ranked (DOMAIN §4): nothing is written, not even to 排名历史. */
export interface ScoreRefused {
  readonly refused: Issue;
}

/**
 * 计算排名: the agents' assessment and the units' ranking of a period, as result sheets. The same
 * for `kpd score` (written into a copy of the master file) and the task pane's button (written
 * into the open workbook). A period with no data at all is refused, never ranked.
 */
export function scoreMaster(input: {
  readonly data: MasterData;
  /** Findings of reading the master and the calendar, listed with the scoring's own. */
  readonly issues: readonly Issue[];
  readonly period: RankPeriod;
  readonly calendar: WorkCalendar;
  readonly locale?: Locale;
}): ScoreOutcome | ScoreRefused {
  const { data, period, calendar } = input;
  if (!rankingHasData({ data, period, calendar })) {
    const { from, to } = rankPeriodRange(period);
    return { refused: issue('score.emptyPeriod', {}, { period: rankPeriodId(period), from, to }) };
  }
  const agents = period.kind === 'Q' ? scoreAgents({ data, quarter: period, calendar }) : undefined;
  const units = rankUnits({ data, period, calendar });
  const overlap = overlapIssue(units, data.rules);
  const issues = sortIssues(
    [...input.issues, ...(agents?.issues ?? []), ...units.issues, ...(overlap ? [overlap] : [])],
    MASTER.sheets.map((s) => s.name),
  );
  const P = SCORE_PLACEHOLDERS;
  const placeholders = new Map<string, string>([
    [P.period, rankPeriodLabel(period)],
    [P.rankPeriod, rankPeriodLabel(period)],
    [P.rules, data.rulesLabel],
    [P.holidayBasis, calendarBasisText(calendar, [period.year])],
    [P.overlap, overlap ? message(overlap, 'zh') : ''],
    ...ruleQuotes(data.rules),
  ]);
  const tables = [
    ...(agents
      ? [
          { sheet: AGENT_RESULTS, rows: agentResultRows(agents) },
          { sheet: SCORE_LINES, rows: scoreLineRows(agents) },
        ]
      : []),
    { sheet: UNIT_RANKING, rows: unitRankingRows(units) },
    { sheet: UNIT_RANKING_NOTES, rows: unitRankingNoteRows(units) },
    // This period's rows only: rows of other periods (typed or earlier runs) are not touched.
    { sheet: RANKING_HISTORY, rows: historyRows(units, data.rulesLabel), period: rankPeriodId(period) },
    { sheet: SCORE_PROBLEMS, rows: problemRows(issues, input.locale ?? 'zh') },
  ];
  const notes = [...(overlap ? [overlap] : []), ...calendarWarnings(calendar, [period.year])];
  return { ...(agents && { agents }), units, issues, tables, placeholders, notes };
}

/** 、 / , : between the names of a list. */
const listSeparator = (locale: Locale): string => formatMessage('values.listSeparator', {}, locale);

export const isRefused = (o: ScoreOutcome | ScoreRefused): o is ScoreRefused => 'refused' in o;

/**
 * Ties that put praised units in the bottom group, said on the ranking sheet (DOMAIN §4); the
 * names joined as the (Chinese) sheet says them.
 */
function overlapIssue(units: UnitRanking, rules: RuleSet): Issue | undefined {
  if (!units.overlap) return undefined;
  const { praiseCount: praise, criticizeCount: criticize } = rules.ranking;
  return units.overlap.noLastPlace
    ? issue('score.overlapNoLast', {}, { praise })
    : issue('score.overlap', {}, { praise, criticize, units: units.overlap.units.join(listSeparator('zh')) });
}

/**
 * The numbers the result sheets quote, from the rule set in force: change a count in the 规则
 * sheet and the sentence on the sheet follows (前三名 → 前五名).
 */
function ruleQuotes(rules: RuleSet, locale: Locale = 'zh'): [string, string][] {
  const full = Object.values(rules.categories).reduce((a, b) => a + b, 0);
  const bounds = (Object.keys(BOUND_PARAMS) as (keyof typeof BOUND_PARAMS)[])
    .filter((k) => rules.bounds[k])
    .map((k) => BOUND_PARAMS[k].quote)
    .join('');
  const P = SCORE_PLACEHOLDERS;
  return [
    [P.praiseCount, zhCount(rules.ranking.praiseCount)],
    [P.criticizeCount, zhCount(rules.ranking.criticizeCount)],
    [P.admonitionStreak, zhCount(rules.ranking.admonitionStreak)],
    [P.organizationStreak, zhCount(rules.ranking.organizationStreak)],
    [P.rankedCategories, rules.rankedCategories.join(listSeparator(locale))],
    [P.fullScore, String(Math.round(full * 100) / 100)],
    [P.bounds, bounds],
    [P.firstAction, rules.appraisal.firstAction],
    [P.repeatedAction, rules.appraisal.repeatedAction],
    [P.repeatCount, zhCount(rules.appraisal.repeatCount)],
  ];
}
