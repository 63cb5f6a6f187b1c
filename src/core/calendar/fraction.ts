import { dayNumber, isoDate, type IsoDate } from '../values/dates.js';
import type { RuleSet } from '../rules/ruleset.js';
import { FRACTION_BY_DAY } from '../rules/schedule.js';

/**
 * 序时进度 at a date (DOMAIN §3 Decision), one definition for the bulletin and the ranking.
 * 按月: at the end of month m, m/12; at mid-month (up to the rule table's split day, the 15th
 * by default: the 上半月 report), (m − 0.5)/12. 按日: days elapsed / days in the year.
 * @example scheduleFraction('2026-11-15', DEFAULT_RULES) // { value: 0.875, text: '10.5/12' }
 */
export function scheduleFraction(date: IsoDate, rules: RuleSet): ScheduleFraction {
  const year = Number(date.slice(0, 4));
  if (rules.schedule.scheduleFraction === FRACTION_BY_DAY) {
    const first = dayNumber(isoDate(year, 1, 1));
    const day = dayNumber(date) - first + 1;
    const days = dayNumber(isoDate(year + 1, 1, 1)) - first;
    return { value: day / days, text: `${day}/${days}`, num: day, den: days };
  }
  const m = Number(date.slice(5, 7));
  const months = Number(date.slice(8, 10)) <= rules.schedule.midMonthDay ? m - 0.5 : m;
  return { value: months / 12, text: `${months}/12`, num: months * 2, den: 24 };
}

/** A 序时进度 fraction, also as a ratio of integers so amounts can be compared exactly. */
export interface ScheduleFraction {
  readonly value: number;
  readonly text: string;
  readonly num: number;
  readonly den: number;
}

/**
 * Whether a cumulative amount is behind the annual plan × fraction (DOMAIN §3): compared exactly,
 * in hundredths of 万元 and whole ratios, never through a rounded rate.
 * @example behindPlan(70_830, 85_000, scheduleFraction('2026-10-31', DEFAULT_RULES)) // true: 70,830 < 70,833.33…
 */
export function behindPlan(cumulative: number, annualPlan: number, f: ScheduleFraction): boolean {
  return Math.round(cumulative * 100) * f.den < Math.round(annualPlan * 100) * f.num;
}
