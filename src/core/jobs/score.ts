import type { RankPeriod } from '../calendar/periods.js';
import { isRefused, scoreMaster, type ScoreOutcome, type ScoreRefused } from './score-master.js';
import type { UnitAction } from '../scoring/types.js';

/**
 * 计算排名 / kpd score, one use case for every shell: core/score/run.ts scoreMaster makes the result
 * sheets (or refuses a period with no data); rankingSummary is what every shell then says of them.
 */
export { isRefused, scoreMaster as scoreJob };
export type { ScoreOutcome, ScoreRefused, RankPeriod };

interface RankingSummary {
  /** Agents assessed (a quarter); undefined for a half-year, which ranks units only. */
  readonly agents: number | undefined;
  readonly units: number;
  readonly praised: readonly string[];
  readonly criticised: readonly string[];
  /** Units last place again and again, and what 五、考核问责 does about it. */
  readonly actions: readonly {
    readonly unit: string;
    readonly streak: number;
    readonly action: UnitAction;
  }[];
  /** Rows with errors, not counted; notes besides (a date outside the period, a number as text). */
  readonly rowsNotCounted: number;
  readonly notes: number;
  /** The result sheets, in the order they are written. */
  readonly sheets: readonly string[];
}

export function rankingSummary(outcome: ScoreOutcome): RankingSummary {
  const units = outcome.units.units;
  const rowsNotCounted = outcome.issues.filter((i) => i.severity === 'error').length;
  return {
    agents: outcome.agents?.agents.length,
    units: units.length,
    praised: units.filter((u) => u.outcome === 'praise').map((u) => u.unit),
    criticised: units.filter((u) => u.outcome === 'criticize').map((u) => u.unit),
    actions: units.flatMap((u) =>
      u.action ? [{ unit: u.unit, streak: u.lastPlaceStreak, action: u.action }] : [],
    ),
    rowsNotCounted,
    notes: outcome.issues.length - rowsNotCounted,
    sheets: outcome.tables.map((x) => x.sheet.name),
  };
}
