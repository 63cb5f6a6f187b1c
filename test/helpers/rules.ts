import fc from 'fast-check';
import type { Cell } from '../../src/core/values/grid.js';
import { RULE_PARAMS, type RuleParam } from '../../src/core/rules/sheet.js';
import { FRACTION_MODES, WEEKDAYS } from '../../src/core/rules/schedule.js';

/**
 * Cells a clerk might type into the 值 column. Each parameter's accepted and refused values are
 * found by asking the parameter itself, so new rules are covered without touching the tests.
 */
const pad = (n: number): string => String(n).padStart(2, '0');
const CANDIDATES: readonly Cell[] = [
  ...Array.from({ length: 801 }, (_, i) => (i - 400) / 4),
  0.01,
  -0.33,
  12.34,
  99.99,
  ...WEEKDAYS,
  ...FRACTION_MODES,
  ...Array.from({ length: 24 }, (_, h) => [0, 15, 30, 59].map((m) => `${pad(h)}:${pad(m)}`)).flat(),
  '是',
  '否',
  true,
  false,
  '省重点、市重点',
  '省重点',
  '市重点，招商引资',
  '警告',
  '诫勉谈话并书面检查',
];
const REFUSED_EXTRA: readonly Cell[] = [
  'abc',
  '',
  '101',
  -101,
  100.5,
  '星期八',
  '25:00',
  '17:60',
  '也许',
  '按周',
  'TRUE?',
  '省重点、县重点',
  '这是一段超过四十个字的处理意见文字，用来检查规则表对过长文字的拒绝，应当被拒绝并保留默认值',
];

export interface RuleCell {
  readonly param: RuleParam;
  readonly cell: Cell;
}

export function acceptedCells(p: RuleParam): Cell[] {
  return CANDIDATES.filter((c) => p.kind.parse(c ?? undefined) !== undefined);
}

export function refusedCells(p: RuleParam): Cell[] {
  return [...CANDIDATES, ...REFUSED_EXTRA].filter(
    (c) => c !== '' && p.kind.parse(c ?? undefined) === undefined,
  );
}

/** A value for every parameter of the rule table, each one valid. */
export const validRuleCellsArb: fc.Arbitrary<RuleCell[]> = fc.tuple(
  ...RULE_PARAMS.map((param) => fc.constantFrom(...acceptedCells(param)).map((cell) => ({ param, cell }))),
);

/** The 规则 rows (1-based sheet rows from 3) with these values in 值. */
export const ruleRows = (cells: readonly RuleCell[]): { row: number; code: Cell; value: Cell }[] =>
  cells.map((c, i) => ({ row: i + 3, code: c.param.code, value: c.cell }));
