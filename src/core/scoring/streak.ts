import { parseRankPeriod, previousRankPeriod, rankPeriodId, type RankPeriod } from '../calendar/periods.js';
import type { Located, RankingRow } from '../master/types.js';
import { issue, type Issue } from '../issues/issue.js';
import { RANK_OUTCOME } from '../rules/vocab.js';
import { RANKING_HISTORY } from '../schema/master.js';

/**
 * Consecutive last places (倒数第一) read from 排名历史, for one cadence (a quarter's previous
 * period is a quarter, a half-year's a half-year). A period missing from the history, or a unit
 * missing from a period, breaks the streak (DOMAIN §4).
 */
interface StreakHistory {
  /** Last places in a row up to and including `period`, for a unit (by match key). */
  streakAt(period: RankPeriod, unitKey: string): number;
  readonly issues: readonly Issue[];
}

export function streakHistory(
  rows: readonly Located<RankingRow>[],
  current: RankPeriod,
  matchKey: (s: string) => string,
  /** 前N名: a unit ranked within them, or marked 通报表扬, was praised and so not last. */
  praiseCount: number,
): StreakHistory {
  const currentId = rankPeriodId(current);
  const { byPeriod, maxRank, replaced, issues } = readHistory(rows, currentId, matchKey);
  if (replaced > 0) {
    issues.push(
      issue(
        'score.historyReplaced',
        { sheet: rows[0]?.sheet ?? RANKING_HISTORY.name },
        { period: currentId, count: replaced },
      ),
    );
  }

  return {
    streakAt(period, unitKey) {
      // S(p) = typed 连续倒数第一次数 if any; else 1 + S(previous) when the unit had the period's
      // largest rank and was not praised; else 0. Walked backwards; each step moves to an earlier period, so it ends.
      let acc = 0;
      let p = period;
      for (;;) {
        const id = rankPeriodId(p);
        const row = byPeriod.get(id)?.get(unitKey);
        if (!row) return acc;
        if (row.record.streak !== undefined) return acc + row.record.streak;
        if (row.record.rank !== maxRank.get(id)) return acc;
        // Praise wins (DOMAIN §4, revised): a praised unit was not 倒数第一 that period.
        if (row.record.outcome === RANK_OUTCOME.praise || row.record.rank <= praiseCount) return acc;
        acc++;
        p = previousRankPeriod(p);
      }
    },
    issues,
  };
}

/**
 * 排名历史 by period and unit (first row wins, duplicates reported), each period's largest rank,
 * and how many rows of the current period a re-run replaces (they never count for themselves).
 */
function readHistory(
  rows: readonly Located<RankingRow>[],
  currentId: string,
  matchKey: (s: string) => string,
) {
  const issues: Issue[] = [];
  const byPeriod = new Map<string, Map<string, Located<RankingRow>>>();
  const maxRank = new Map<string, number>();
  let replaced = 0;
  // Rows in row order, so that "first row wins" does not depend on the order they are given in.
  for (const l of [...rows].sort((a, b) => a.row - b.row)) {
    const p = parseRankPeriod(l.record.period);
    if (!p) continue;
    const id = rankPeriodId(p);
    if (id === currentId) {
      replaced++;
      continue;
    }
    const units = byPeriod.get(id) ?? new Map<string, Located<RankingRow>>();
    byPeriod.set(id, units);
    const k = matchKey(l.record.unit);
    const first = units.get(k);
    if (first) {
      const column = l.columns.get('unit');
      issues.push(
        issue(
          'score.historyDuplicate',
          column === undefined ? { sheet: l.sheet, row: l.row } : { sheet: l.sheet, row: l.row, column },
          { period: id, unit: l.record.unit, firstRow: first.row },
        ),
      );
      continue;
    }
    units.set(k, l);
    maxRank.set(id, Math.max(maxRank.get(id) ?? 0, l.record.rank));
  }
  return { byPeriod, maxRank, replaced, issues };
}
