import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateCell } from '../../../src/core/values/grid.js';
import {
  DEFAULT_RULE_SET_ID,
  DEFAULT_RULES,
  ruleSetId,
  ruleSetLabel,
  type RuleSet,
} from '../../../src/core/rules/ruleset.js';
import {
  RULE_PARAMS,
  RULE_SHEET_HEADERS,
  ruleSetFromRows,
  ruleSetToRows,
} from '../../../src/core/rules/sheet.js';
import { refusedCells, ruleRows, validRuleCellsArb } from '../../helpers/rules.js';

const RUNS = { seed: 42, numRuns: 150 } as const;
const rowsOf = (rules: RuleSet) =>
  ruleSetToRows(rules).map((r, i) => ({ row: i + 3, code: r[1] ?? null, value: r[3] ?? null }));
const paramByCode = (code: string) => {
  const p = RULE_PARAMS.find((x) => x.code === code);
  if (!p) throw new Error(`no rule ${code}`);
  return p;
};

describe('the 规则 sheet rows', () => {
  it('has one row per value, with unique codes, under 分组 编号 名称 值 说明', () => {
    expect(RULE_SHEET_HEADERS).toEqual(['分组', '编号', '名称', '值', '说明']);
    const rows = ruleSetToRows(DEFAULT_RULES);
    expect(rows).toHaveLength(RULE_PARAMS.length);
    expect(new Set(rows.map((r) => r[1])).size).toBe(rows.length);
  });

  it('round-trips the defaults with nothing to report', () => {
    const r = ruleSetFromRows(rowsOf(DEFAULT_RULES));
    expect(r.rules).toEqual(DEFAULT_RULES);
    expect(r.changed).toBe(0);
    expect(r.issues).toEqual([]);
    expect(r.label).toBe(`默认规则（安示范办〔2017〕14号） ${DEFAULT_RULE_SET_ID}`);
  });

  it('round-trips any valid modification of every value', () => {
    fc.assert(
      fc.property(validRuleCellsArb, (cells) => {
        const first = ruleSetFromRows(ruleRows(cells));
        expect(first.issues.filter((i) => i.code !== 'rules.sum')).toEqual([]);
        for (const { param, cell } of cells)
          expect(param.get(first.rules), param.code).toEqual(param.kind.parse(cell));
        const again = ruleSetFromRows(rowsOf(first.rules));
        expect(again.rules).toEqual(first.rules);
        expect(again.changed).toBe(first.changed);
        expect(ruleSetId(again.rules)).toBe(ruleSetId(first.rules));
      }),
      RUNS,
    );
  });

  it('reports an invalid value where it is and keeps the default', () => {
    const samples = RULE_PARAMS.flatMap((p) =>
      refusedCells(p)
        .slice(0, 3)
        .map((cell) => ({ p, cell })),
    );
    expect(samples.length).toBeGreaterThanOrEqual(RULE_PARAMS.length);
    for (const { p, cell } of samples) {
      const r = ruleSetFromRows([{ row: 9, code: p.code, value: cell }]);
      const bad = r.issues.filter((i) => i.severity !== 'info');
      expect(
        bad.map((i) => [i.code, i.row, i.column]),
        `${p.code} ← ${String(cell)}`,
      ).toEqual([['rules.invalid', 9, 4]]);
      expect(bad[0]?.params['default']).toBe(String(p.kind.display(p.get(DEFAULT_RULES))));
      expect(p.get(r.rules)).toEqual(p.get(DEFAULT_RULES));
    }
  });

  it('warns about unknown codes and ignores them, including hostile ones', () => {
    const r = ruleSetFromRows([
      ...rowsOf(DEFAULT_RULES),
      { row: 90, code: '9.9', value: 5 },
      { row: 91, code: '__proto__', value: 5 },
      { row: 92, code: 'constructor', value: 5 },
    ]);
    expect(r.issues.map((i) => [i.code, i.severity, i.row])).toEqual([
      ['rules.unknown', 'warning', 90],
      ['rules.unknown', 'warning', 91],
      ['rules.unknown', 'warning', 92],
    ]);
    expect(r.rules).toEqual(DEFAULT_RULES);
    expect(({} as Record<string, unknown>)['5']).toBeUndefined();
  });

  it('uses the first of two rows with one code, and notes missing rows', () => {
    const r = ruleSetFromRows([
      { row: 3, code: '3.1a', value: -0.5 },
      { row: 4, code: ' 3.1a ', value: -9 },
    ]);
    expect(r.rules.agentPoints['3.1a']).toBe(-0.5);
    expect(r.issues.find((i) => i.code === 'rules.duplicate')?.params).toEqual({
      value: '3.1a',
      firstRow: 3,
    });
    const missing = r.issues.filter((i) => i.code === 'rules.missing');
    expect(missing).toHaveLength(RULE_PARAMS.length - 1);
    expect(missing.every((i) => i.severity === 'info')).toBe(true);
  });

  it('warns when the category scores or unit weights no longer add up to 100', () => {
    const r = ruleSetFromRows([
      { row: 3, code: '1', value: 15 },
      { row: 4, code: '投资完成', value: 30 },
    ]);
    expect(r.issues.filter((i) => i.code === 'rules.sum').map((i) => i.params['sum'])).toEqual([105, 90]);
  });

  it('reads booleans, times and weekdays as people type them', () => {
    const r = ruleSetFromRows([
      { row: 3, code: paramByCode('类别得分不低于0（扣完为止）').code, value: '否' },
      { row: 4, code: paramByCode('周例会议题截止（时刻）').code, value: '16：30' },
      { row: 5, code: paramByCode('代办员周报截止（时刻）').code, value: 0.5 },
      { row: 6, code: paramByCode('周例会召开（星期）').code, value: ' 星期五 ' },
    ]);
    expect(r.rules.bounds.floorAtZero).toBe(false);
    expect(r.rules.schedule.topicCutoffTime).toBe('16:30');
    expect(r.rules.schedule.agentReportTime).toBe('12:00');
    expect(r.rules.schedule.meetingWeekday).toBe('星期五');
    expect(r.changed).toBe(4);
    expect(r.label).toMatch(/^自定义规则 R[0-9a-f]{8}（与默认值不同 4 项）$/u);
  });

  // Regression (was a bug, fixed): src/core/rules/sheet.ts timeKind.parse reads a time typed in Excel only as a plain
  // number. Excel stores "17:30" typed into a cell as 0.729… with the format h:mm, which our
  // reader returns as a date cell ({ kind: 'date', serial: 0.729… }); the value is refused
  // (rules.invalid) and the default 17:00 kept. Expected: '17:30'.
  it('reads a time Excel stored as a time cell (h:mm)', () => {
    const code = paramByCode('周例会议题截止（时刻）').code;
    const r = ruleSetFromRows([{ row: 3, code, value: dateCell(17.5 / 24) }]);
    expect(r.issues.filter((i) => i.code === 'rules.invalid')).toEqual([]);
    expect(r.rules.schedule.topicCutoffTime).toBe('17:30');
  });
});

describe('ruleSetId', () => {
  it('is stable: the same values give the same id, whatever the key order', () => {
    const shuffled = Object.fromEntries(
      Object.entries(structuredClone(DEFAULT_RULES)).reverse(),
    ) as unknown as RuleSet;
    expect(DEFAULT_RULE_SET_ID).toMatch(/^R[0-9a-f]{8}$/u);
    expect(ruleSetId(structuredClone(DEFAULT_RULES))).toBe(DEFAULT_RULE_SET_ID);
    expect(ruleSetId(shuffled)).toBe(DEFAULT_RULE_SET_ID);
  });

  it('changes when any single value changes', () => {
    fc.assert(
      fc.property(validRuleCellsArb, fc.nat(), (cells, pick) => {
        const one = cells[pick % cells.length];
        if (!one) return;
        const r = ruleSetFromRows([{ row: 3, code: one.param.code, value: one.cell }]);
        const differs = one.param.get(r.rules) !== one.param.get(DEFAULT_RULES);
        expect(ruleSetId(r.rules) !== DEFAULT_RULE_SET_ID).toBe(differs);
        expect(r.changed).toBe(differs ? 1 : 0);
      }),
      RUNS,
    );
  });

  it('is named in the label', () => {
    const custom: RuleSet = { ...DEFAULT_RULES, ranking: { ...DEFAULT_RULES.ranking, praiseCount: 5 } };
    expect(ruleSetLabel(custom, 1)).toBe(`自定义规则 ${ruleSetId(custom)}（与默认值不同 1 项）`);
    expect(ruleSetId(custom)).not.toBe(DEFAULT_RULE_SET_ID);
  });
});
