/**
 * The one 5-level satisfaction scale (DOMAIN §7, Decisions on scales). The notice uses three
 * vocabularies (附件1: 比较满意; 第六条: 基本满意; 附件3: 一般); all map onto 一般 (LEVEL_ALIASES in vocab.ts).
 */

export const SATISFACTION_LEVELS = ['非常满意', '满意', '一般', '不满意', '非常不满意'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];
/** The lowest level: 第六条's consequences follow a quarter rated so. */
export const LOWEST_LEVEL: SatisfactionLevel = SATISFACTION_LEVELS[4];

/** Numeric value for averaging: 5 = 非常满意 … 1 = 非常不满意. Structural, not a setting. */
export const LEVEL_VALUE = {
  非常满意: 5,
  满意: 4,
  一般: 3,
  不满意: 2,
  非常不满意: 1,
} as const satisfies Record<SatisfactionLevel, number>;

export const DEFAULT_LEVEL_POINTS = {
  非常满意: 1,
  满意: 0,
  一般: -1,
  不满意: -1.5,
  非常不满意: -1.5,
} as const satisfies Record<SatisfactionLevel, number>;

/**
 * The level of a mean of level values: nearest level, halves toward 满意 (value 4).
 * @example levelOfMean(4.5) // '满意'
 */
export function levelOfMean(mean: number): SatisfactionLevel {
  const lower = Math.floor(mean);
  const frac = mean - lower;
  let v: number;
  if (Math.abs(frac - 0.5) < 1e-9) v = lower + 1 <= 4 ? lower + 1 : lower;
  else v = Math.round(mean);
  v = Math.min(5, Math.max(1, v));
  return SATISFACTION_LEVELS[5 - v] as SatisfactionLevel;
}
