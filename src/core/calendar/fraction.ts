import { dayNumber, isoDate, type IsoDate } from './dates.js';
import type { RuleSet } from '../rules/ruleset.js';

/**
 * 序时进度 at a date (DOMAIN §3 Decision), one definition for the bulletin and the ranking.
 * 按月: at the end of month m, m/12; at mid-month (up to the 15th, the 上半月 report),
 * (m − 0.5)/12. 按日: days elapsed / days in the year.
 * @example scheduleFraction('2026-11-15', DEFAULT_RULES) // { value: 0.875, text: '10.5/12' }
 */
export function scheduleFraction(date: IsoDate, rules: RuleSet): { value: number; text: string } {
  const year = Number(date.slice(0, 4));
  if (rules.schedule.scheduleFraction === '按日') {
    const first = dayNumber(isoDate(year, 1, 1));
    const day = dayNumber(date) - first + 1;
    const days = dayNumber(isoDate(year + 1, 1, 1)) - first;
    return { value: day / days, text: `${day}/${days}` };
  }
  const m = Number(date.slice(5, 7));
  const months = Number(date.slice(8, 10)) <= 15 ? m - 0.5 : m;
  return { value: months / 12, text: `${months}/12` };
}
