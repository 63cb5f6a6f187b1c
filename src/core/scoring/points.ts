/**
 * Exact arithmetic for scores. Points are summed as whole numbers of a small unit, so that a
 * total does not depend on the order of its terms (float addition is not associative) and two
 * equal totals compare equal when ranking.
 */

/** Agent points are kept in ten-thousandths: every value of the notice (0.2, 0.3, 1.5) is exact. */
export const AGENT_SCALE = 10_000;
/** Unit points are kept in hundredths: the ranking is published with two decimals. */
export const UNIT_SCALE = 100;

/** A number of points as a whole count of 1/scale. */
export const toUnits = (points: number, scale: number): number => Math.round(points * scale);

/** Back to points; `+ 0` turns -0 into 0 so results compare and print cleanly. */
export const fromUnits = (units: number, scale: number): number => units / scale + 0;

/** A value bounded by optional limits. */
export function clamp(v: number, min: number | undefined, max: number | undefined): number {
  let r = v;
  if (min !== undefined && r < min) r = min;
  if (max !== undefined && r > max) r = max;
  return r;
}

/** "-1.5", "+0.2", "0" — signed, for the Chinese detail texts. */
export function signed(points: number): string {
  const s = String(Math.round(points * 10_000) / 10_000 + 0);
  return points > 0 ? `+${s}` : s;
}
