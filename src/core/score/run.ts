import { rankPeriodId, rankPeriodLabel, type RankPeriod } from '../calendar/periods.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import type { MasterData } from '../master/types.js';
import { MASTER, RANKING_HISTORY } from '../schema/master.js';
import { AGENT_RESULTS, SCORE_LINES, SCORE_PROBLEMS, UNIT_RANKING } from '../schema/results.js';
import { rankUnits, scoreAgents } from '../scoring/index.js';
import type { AgentAssessment, UnitRanking } from '../scoring/types.js';
import type { TableJob } from '../table/merge.js';
import { sortIssues, type Issue, type Locale } from '../validate/issue.js';
import { agentResultRows, historyRows, problemRows, scoreLineRows, unitRankingRows } from './render.js';

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
}

/**
 * 计算排名: the agents' assessment and the units' ranking of a period, as result sheets. The same
 * for `kpd score` (written into a copy of the master file) and the task pane's button (written
 * into the open workbook).
 */
export function scoreMaster(input: {
  readonly data: MasterData;
  /** Findings of reading the master and the calendar, listed with the scoring's own. */
  readonly issues: readonly Issue[];
  readonly period: RankPeriod;
  readonly calendar: WorkCalendar;
  readonly locale?: Locale;
}): ScoreOutcome {
  const { data, period, calendar } = input;
  const agents = period.kind === 'Q' ? scoreAgents({ data, quarter: period, calendar }) : undefined;
  const units = rankUnits({ data, period, calendar });
  const issues = sortIssues(
    [...input.issues, ...(agents?.issues ?? []), ...units.issues],
    MASTER.sheets.map((s) => s.name),
  );
  const placeholders = new Map([
    ['考核期', rankPeriodLabel(period)],
    ['考评期', rankPeriodLabel(period)],
    ['规则集', data.rulesLabel],
  ]);
  const tables = [
    ...(agents
      ? [
          { sheet: AGENT_RESULTS, rows: agentResultRows(agents) },
          { sheet: SCORE_LINES, rows: scoreLineRows(agents) },
        ]
      : []),
    { sheet: UNIT_RANKING, rows: unitRankingRows(units) },
    // This period's rows only: rows of other periods (typed or earlier runs) are not touched.
    { sheet: RANKING_HISTORY, rows: historyRows(units, data.rulesLabel), period: rankPeriodId(period) },
    { sheet: SCORE_PROBLEMS, rows: problemRows(issues, input.locale ?? 'zh') },
  ];
  return { ...(agents && { agents }), units, issues, tables, placeholders };
}
