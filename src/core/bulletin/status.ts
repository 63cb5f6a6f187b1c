import type { RuleSet } from '../rules/ruleset.js';
import { PROGRESS_STATUS, type ProgressStatusValue } from '../rules/vocab.js';

/** 有误: the project was reported, but its row was rejected (see 数据问题). */
export type ProgressStatus = ProgressStatusValue;

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
  if (rate === undefined) return PROGRESS_STATUS.missing;
  if (!behind) return PROGRESS_STATUS.normal;
  const gap = (rate - fraction) * 100;
  return -gap < rules.schedule.warningBand ? PROGRESS_STATUS.warning : PROGRESS_STATUS.behind;
}
