import type { UnitAction, UnitOutcome } from './types.js';
import { RANK_OUTCOME, UNIT_ACTION } from '../rules/vocab.js';

/** The words of 五、考核问责 (from the vocabulary table), shared by the result writer and the CLI. */
export const OUTCOME_LABEL = RANK_OUTCOME satisfies Record<UnitOutcome, string>;

export const ACTION_LABEL = UNIT_ACTION satisfies Record<UnitAction, string>;
