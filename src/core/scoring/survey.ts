import { LEVEL_VALUE, levelOfMean, type SatisfactionLevel } from '../rules/satisfaction.js';
import { SURVEY_ITEMS } from '../rules/vocab.js';
import type { Survey } from '../master/types.js';

/** A survey's overall level: the mean of its answered items, rounded (DOMAIN §7, scales). */
export interface SurveyLevel {
  readonly level: SatisfactionLevel;
  readonly mean: number;
  readonly answered: number;
}

export function surveyLevel(s: Survey): SurveyLevel | undefined {
  let sum = 0;
  let answered = 0;
  for (const it of SURVEY_ITEMS) {
    const v = s[it.key];
    if (v === undefined) continue;
    sum += LEVEL_VALUE[v];
    answered++;
  }
  if (answered === 0) return undefined;
  const mean = sum / answered;
  return { level: levelOfMean(mean), mean, answered };
}

/**
 * An agent's rating for a quarter: the rounded mean of the overall levels of its surveys.
 * @example ratingOf(['非常不满意', '不满意']) // '不满意' (1.5 rounds toward 满意)
 */
export function ratingOf(levels: readonly SatisfactionLevel[]): SatisfactionLevel | undefined {
  if (levels.length === 0) return undefined;
  let sum = 0;
  for (const l of levels) sum += LEVEL_VALUE[l];
  return levelOfMean(sum / levels.length);
}
