import { describe, expect, it } from 'vitest';
import { ruleIncident, ruleCodeKey, TYPABLE_CODES } from '../../../src/core/master/incident.js';
import { APPROVALS, SURVEYS } from '../../../src/core/schema/master.js';

describe('ruleIncident: one ruling on a 扣分记录 row for the master reader and the scoring', () => {
  it('accepts a table rule typed with spaces and capitals, without 分值', () => {
    const r = ruleIncident({ ruleCode: ' 3.1A ', points: undefined });
    expect(r.usable).toBe(true);
    expect(r.rule?.code).toBe('3.1a');
    expect(r.findings).toEqual([]);
  });

  it('rejects an unknown code, listing only the codes that may be typed', () => {
    const r = ruleIncident({ ruleCode: '7.1', points: undefined });
    expect(r.usable).toBe(false);
    expect(r.rule).toBeUndefined();
    expect(r.findings).toEqual([
      {
        code: 'incident.unknownRule',
        column: 'ruleCode',
        params: { value: '7.1', allowed: TYPABLE_CODES.join('、') },
        rejects: true,
      },
    ]);
    expect(TYPABLE_CODES).toContain('6.3');
    expect(TYPABLE_CODES).not.toContain('4.2');
  });

  it('rejects a rule counted from another sheet, naming that sheet', () => {
    expect(ruleIncident({ ruleCode: '4.2', points: undefined }).findings[0]?.params).toEqual({
      value: '4.2',
      sheet: SURVEYS.name,
    });
    const overdue = ruleIncident({ ruleCode: '2.1a', points: undefined });
    expect(overdue.usable).toBe(false);
    expect(overdue.findings[0]?.params.sheet).toBe(APPROVALS.name);
  });

  it('needs 分值 for 6.3 and ignores (warning, row kept) 分值 typed for a table rule', () => {
    const needs = ruleIncident({ ruleCode: '6.3', points: undefined });
    expect([needs.usable, needs.findings[0]?.code, needs.findings[0]?.column]).toEqual([
      false,
      'incident.pointsNeeded',
      'points',
    ]);
    expect(ruleIncident({ ruleCode: '6.3', points: 1 }).findings).toEqual([]);
    const ignored = ruleIncident({ ruleCode: '3.2', points: -5 });
    expect(ignored.usable).toBe(true);
    expect(ignored.findings).toEqual([
      {
        code: 'incident.pointsIgnored',
        column: 'points',
        params: { value: '3.2', points: -1, typed: -5 },
        rejects: false,
      },
    ]);
  });

  it('reads a code as the table writes it', () => {
    expect(ruleCodeKey(' 3.1 B')).toBe('3.1b');
  });
});
