import { previousRankPeriod, rankPeriodId, rankPeriodRange, type RankPeriod } from '../calendar/periods.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import type { Located, MasterData, UnitScore } from '../master/types.js';
import { CRITERION_KEYS, UNIT_CRITERIA, type CriterionKey } from '../rules/unit.js';
import { issue, type Issue } from '../validate/issue.js';
import { dueDates } from './due.js';
import { finishIssues } from './issues.js';
import { keyMemo } from './keys.js';
import { UNIT_SCALE, fromUnits, toUnits } from './points.js';
import { competitionRanks } from './rank.js';
import { streakHistory } from './streak.js';
import type { CriterionScore, UnitAction, UnitOutcome, UnitRanking, UnitResult } from './types.js';
import { unitLedgers } from './unit-ledgers.js';
import { minOf, pushAll } from '../values/lists.js';

export interface UnitInput {
  readonly data: MasterData;
  /** A quarter (2026Q3) or a half-year (2026H2). */
  readonly period: RankPeriod;
  readonly calendar: WorkCalendar;
}

/**
 * The project categories whose responsible units are ranked (五、考核问责: "承担省、市重点项目任务的
 * 单位"). A candidate for the rule table (rules/unit.ts); kept here until it moves there.
 */
export const RANKED_PROJECT_CATEGORIES: readonly string[] = ['省重点', '市重点'];

export const MANUAL_NOTE = '手工录入';

interface Typed {
  readonly value: number;
  readonly row: number;
}

/** Typed criterion points of the period, per unit and criterion; the first row wins (reported). */
function typedScores(
  rows: readonly Located<UnitScore>[],
  periodId: string,
  issues: Issue[],
  matchKey: (s: string) => string,
): Map<string, Partial<Record<CriterionKey, Typed>>> {
  const out = new Map<string, Partial<Record<CriterionKey, Typed>>>();
  for (const l of [...rows].sort((a, b) => a.row - b.row)) {
    if (l.record.period !== periodId) continue;
    const k = matchKey(l.record.unit);
    const typed = out.get(k) ?? {};
    out.set(k, typed);
    for (const c of CRITERION_KEYS) {
      const v = l.record[c];
      if (v === undefined) continue;
      const first = typed[c];
      if (first) {
        const column = l.columns.get(c);
        issues.push(
          issue(
            'score.unitScoreDuplicate',
            column === undefined ? { sheet: l.sheet, row: l.row } : { sheet: l.sheet, row: l.row, column },
            {
              period: periodId,
              unit: l.record.unit,
              header: UNIT_CRITERIA[c].name,
              firstRow: first.row,
              value: first.value,
            },
          ),
        );
        continue;
      }
      typed[c] = { value: v, row: l.row };
    }
  }
  return out;
}

/**
 * 五、考核问责: scores and ranks the responsible units for a quarter or half-year, with praise,
 * criticism, last place and its consecutive streak read from 排名历史.
 * @example
 *   const r = rankUnits({ data, period: { year: 2026, kind: 'Q', index: 3 }, calendar });
 *   r.units.filter((u) => u.outcome === 'praise').map((u) => u.unit)
 */
export function rankUnits({ data, period, calendar }: UnitInput): UnitRanking {
  const rules = data.rules;
  const periodId = rankPeriodId(period);
  const { from, to } = rankPeriodRange(period);
  const issues: Issue[] = [];
  const dues = dueDates(calendar, data.approvals);
  const matchKey = keyMemo();

  // Units ranked (DOMAIN §4 Decision): 责任单位 of 省重点 / 市重点 projects, plus every unit with a
  // 单位考评 row for the period. A unit is shown as first spelled in the register (else as typed).
  const names = new Map<string, { name: string; row: number; register: boolean }>();
  const note = (name: string, row: number, register: boolean): void => {
    const k = matchKey(name);
    const prev = names.get(k);
    if (!prev || (register && !prev.register) || (register === prev.register && row < prev.row)) {
      names.set(k, { name, row, register });
    }
  };
  const ranked = new Set<string>();
  for (const p of data.projects) {
    note(p.record.unit, p.row, true);
    if (RANKED_PROJECT_CATEGORIES.includes(p.record.category)) ranked.add(matchKey(p.record.unit));
  }
  for (const u of data.unitScores) {
    if (u.record.period !== periodId) continue;
    note(u.record.unit, u.row, false);
    ranked.add(matchKey(u.record.unit));
  }

  const typed = typedScores(data.unitScores, periodId, issues, matchKey);
  const ledgers = unitLedgers({ data, period, from, to, due: (a) => dues.due(a), key: matchKey });

  interface Scored {
    readonly key: string;
    readonly name: string;
    readonly criteria: Record<CriterionKey, CriterionScore>;
    readonly total: number;
  }
  const scored: Scored[] = [];
  for (const key of ranked) {
    const counted = ledgers.criteria(key);
    const manual = typed.get(key) ?? {};
    const criteria = {} as Record<CriterionKey, CriterionScore>;
    let total = 0;
    for (const c of CRITERION_KEYS) {
      const weight = rules.unitWeights[c];
      const t = manual[c];
      const units = toUnits(t ? t.value : weight * counted[c].share, UNIT_SCALE);
      total += units;
      criteria[c] = t
        ? {
            points: fromUnits(units, UNIT_SCALE),
            typed: true,
            share: null,
            numerator: t.value,
            denominator: weight,
            note: MANUAL_NOTE,
          }
        : { points: fromUnits(units, UNIT_SCALE), typed: false, ...counted[c] };
    }
    scored.push({ key, name: names.get(key)?.name ?? key, criteria, total });
  }

  const history = streakHistory(data.rankingHistory, period, matchKey);
  const previous = previousRankPeriod(period);
  const lowest = minOf(scored.map((s) => s.total));
  const { praiseCount, criticizeCount, admonitionStreak, organizationStreak } = rules.ranking;

  const units: UnitResult[] = competitionRanks(
    scored,
    (s) => s.total,
    (s) => s.name,
  ).map(({ item: s, rank, rankFromBottom }) => {
    const outcome: UnitOutcome | null =
      rank <= praiseCount ? 'praise' : rankFromBottom <= criticizeCount ? 'criticize' : null;
    const lastPlace = s.total === lowest;
    const lastPlaceStreak = lastPlace ? 1 + history.streakAt(previous, s.key) : 0;
    const action: UnitAction | null =
      lastPlace && lastPlaceStreak >= organizationStreak
        ? 'organization'
        : lastPlace && lastPlaceStreak >= admonitionStreak
          ? 'admonition'
          : null;
    return {
      unit: s.name,
      criteria: s.criteria,
      total: fromUnits(s.total, UNIT_SCALE),
      rank,
      outcome,
      lastPlace,
      lastPlaceStreak,
      action,
    };
  });

  pushAll(pushAll(issues, history.issues), dues.issues);
  return { period: periodId, units, issues: finishIssues(issues) };
}
