import type { UnitAction, UnitOutcome } from './types.js';

/** The words of 五、考核问责, shared by the result writer and the CLI. */
export const OUTCOME_LABEL = {
  praise: '通报表扬',
  criticize: '通报批评',
} as const satisfies Record<UnitOutcome, string>;

export const ACTION_LABEL = {
  admonition: '诫勉谈话',
  organization: '报请组织部门处理',
} as const satisfies Record<UnitAction, string>;
