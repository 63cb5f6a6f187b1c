import type { RuleSet } from '../rules/ruleset.js';

/** 有误: the project was reported, but its row was rejected (see 数据问题). */
export type ProgressStatus = '正常' | '预警' | '滞后' | '未报' | '有误';

/**
 * Green / yellow / red against 序时进度: on or above it is 正常; below it by less than the
 * warning band (rule table, in percentage points) 预警; further behind 滞后.
 */
export function progressStatus(
  rate: number | undefined,
  fraction: number,
  rules: RuleSet,
  /** Behind by exact amounts (DOMAIN §3); when absent, read from the rate. */
  behind: boolean = rate !== undefined && rate < fraction - 1e-9,
): ProgressStatus {
  if (rate === undefined) return '未报';
  if (!behind) return '正常';
  const gap = (rate - fraction) * 100;
  return -gap < rules.schedule.warningBand ? '预警' : '滞后';
}
