import {
  previousRankPeriod,
  rankPeriodId,
  rankPeriodRange,
  reportPeriodId,
  reportPeriodsIn,
  type RankPeriod,
} from '../calendar/periods.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import type { Located, MasterData, UnitScore } from '../master/types.js';
import { CRITERION_KEYS, UNIT_CRITERIA, type CriterionKey } from '../rules/unit.js';
import { formatMessage, issue, type Issue } from '../issues/issue.js';
import { dueDates } from './due.js';
import { finishIssues } from './issues.js';
import { keyMemo } from './keys.js';
import { UNIT_SCALE, fromUnits, toUnits } from './points.js';
import { competitionRanks } from './rank.js';
import { streakHistory } from './streak.js';
import type { CriterionScore, UnitAction, UnitOutcome, UnitRanking, UnitResult } from './types.js';
import { unitLedgers, type Counted } from './unit-ledgers.js';
import { minOf, pushAll } from '../values/lists.js';

export interface UnitInput {
  readonly data: MasterData;
  /** A quarter (2026Q3) or a half-year (2026H2). */
  readonly period: RankPeriod;
  readonly calendar: WorkCalendar;
}

/** The note of a criterion typed in 单位考评. */
export const MANUAL_NOTE = formatMessage('score.unit.manual', {});

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

interface Scored {
  readonly key: string;
  readonly name: string;
  readonly criteria: Record<CriterionKey, CriterionScore>;
  readonly total: number;
}

/**
 * Units ranked (DOMAIN §4 Decision): 责任单位 of 省重点 / 市重点 projects, plus every unit with a
 * 单位考评 row for the period. A unit is shown as first spelled in the register (else as typed).
 */
function rankedUnits(
  data: MasterData,
  periodId: string,
  matchKey: (s: string) => string,
): { ranked: Set<string>; nameOf: (key: string) => string } {
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
    if ((data.rules.rankedCategories as readonly string[]).includes(p.record.category))
      ranked.add(matchKey(p.record.unit));
  }
  for (const u of data.unitScores) {
    if (u.record.period !== periodId) continue;
    note(u.record.unit, u.row, false);
    ranked.add(matchKey(u.record.unit));
  }
  return { ranked, nameOf: (key) => names.get(key)?.name ?? key };
}

/** A unit's criteria: typed points win over the ledgers' share × weight; the total in UNIT_SCALE. */
function scoreUnit(
  rules: MasterData['rules'],
  counted: Record<CriterionKey, Counted>,
  manual: Partial<Record<CriterionKey, Typed>>,
): { criteria: Record<CriterionKey, CriterionScore>; total: number } {
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
  return { criteria, total };
}

/**
 * 五、考核问责: scores and ranks the responsible units for a quarter or half-year, with praise,
 * criticism, last place and its consecutive streak read from 排名历史.
 * @example
 *   const r = rankUnits({ data, period: { year: 2026, kind: 'Q', index: 3 }, calendar });
 *   r.units.filter((u) => u.outcome === 'praise').map((u) => u.unit)
 */
export function rankUnits({ data, period, calendar }: UnitInput): UnitRanking {
  const periodId = rankPeriodId(period);
  const { from, to } = rankPeriodRange(period);
  const issues: Issue[] = [];
  const dues = dueDates(calendar, data.approvals);
  const matchKey = keyMemo();

  const { ranked, nameOf } = rankedUnits(data, periodId, matchKey);
  const typed = typedScores(data.unitScores, periodId, issues, matchKey);
  const ledgers = unitLedgers({ data, period, from, to, due: (a) => dues.due(a), key: matchKey, calendar });
  const scored: Scored[] = [...ranked].map((key) => ({
    key,
    name: nameOf(key),
    ...scoreUnit(data.rules, ledgers.criteria(key), typed.get(key) ?? {}),
  }));

  const history = streakHistory(data.rankingHistory, period, matchKey, data.rules.ranking.praiseCount);
  const { units, lowest } = outcomes(scored, data.rules.ranking, (key) =>
    history.streakAt(previousRankPeriod(period), key),
  );

  pushAll(pushAll(issues, history.issues), dues.issues);
  // Ties that put praised units within the bottom group are said on the sheet (DOMAIN §4).
  const overlapping = units.filter((u) => u.overlaps === true);
  const overlap =
    overlapping.length > 0
      ? {
          units: overlapping.map((u) => u.unit),
          // Whether the lowest total itself was praised: then nobody is 倒数第一.
          noLastPlace: lowest === undefined,
        }
      : undefined;
  return { period: periodId, units, issues: finishIssues(issues), ...(overlap && { overlap }) };
}

/**
 * Ranks, praise and criticism, 倒数第一 and its consequence; `streakBefore` is a unit's streak of
 * last places up to the period before.
 */
function outcomes(
  scored: readonly Scored[],
  ranking: MasterData['rules']['ranking'],
  streakBefore: (key: string) => number,
): { units: UnitResult[]; lowest: number | undefined } {
  const { praiseCount, criticizeCount, admonitionStreak, organizationStreak } = ranking;
  const ranks = competitionRanks(
    scored,
    (s) => s.total,
    (s) => s.name,
  );
  // Praise wins (DOMAIN §4, revised): a praised unit is never 倒数第一. Praised units hold the top
  // ranks, so the lowest total of the others is the lowest total unless everyone is praised.
  const notPraised = ranks.filter((r) => r.rank > praiseCount).map((r) => r.item.total);
  const lowest = notPraised.length > 0 ? minOf(notPraised) : undefined;

  const units: UnitResult[] = ranks.map(({ item: s, rank, rankFromBottom }) => {
    const outcome: UnitOutcome | null =
      rank <= praiseCount ? 'praise' : rankFromBottom <= criticizeCount ? 'criticize' : null;
    const lastPlace = outcome !== 'praise' && s.total === lowest;
    const lastPlaceStreak = lastPlace ? 1 + streakBefore(s.key) : 0;
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
      ...(outcome === 'praise' && rankFromBottom <= criticizeCount && { overlaps: true }),
    };
  });
  return { units, lowest };
}

/**
 * Whether the ledgers hold anything for a ranking period (DOMAIN §4): progress, reports or site
 * visits of its half-month periods, decisions or approvals due in it, or a typed 单位考评 row. A
 * period with none is not ranked: every unit would tie at full marks and be praised.
 */
export function rankingHasData({ data, period, calendar }: UnitInput): boolean {
  const { from, to } = rankPeriodRange(period);
  const periodId = rankPeriodId(period);
  const within = (d: string): boolean => d >= from && d <= to;
  const reports = new Set(reportPeriodsIn(period).map(reportPeriodId));
  if (data.unitScores.some((u) => u.record.period === periodId)) return true;
  if (data.progressLog.some((l) => reports.has(l.record.period))) return true;
  if (data.submissionLog.some((l) => reports.has(l.record.period))) return true;
  if (data.siteWorkLog.some((l) => reports.has(l.record.period) || within(l.record.date))) return true;
  if (data.siteWorkWeeks.some((l) => within(l.record.week))) return true;
  if (data.decisions.some((l) => within(l.record.deadline))) return true;
  const dues = dueDates(calendar, data.approvals);
  return data.approvals.some((a) => within(dues.due(a)));
}
