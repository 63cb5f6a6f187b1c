import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../../src/core/calendar/workdays.js';
import { deadlinesJob } from '../../../src/core/jobs/deadlines.js';
import { DEFAULT_RULES } from '../../../src/core/rules/ruleset.js';
import { issue } from '../../../src/core/issues/issue.js';

describe('deadlinesJob (core/jobs/deadlines.ts)', () => {
  const calendar = new WorkCalendar([]);

  it('gives the 24 half-month periods of a year, and its weeks when asked', () => {
    const job = deadlinesJob({ year: 2026, calendar, rules: DEFAULT_RULES, weekly: true });
    if ('refused' in job) throw new Error(job.refused.code);
    expect(job.result.periods).toHaveLength(24);
    expect(job.result.source).toBe('builtin');
    expect(job.result.weeks?.length).toBeGreaterThanOrEqual(52);
    const plain = deadlinesJob({ year: 2026, calendar, rules: DEFAULT_RULES });
    expect('result' in plain && plain.result.weeks).toBeUndefined();
  });

  it('refuses a year out of range, and passes on what the calendar found but notes', () => {
    expect(deadlinesJob({ year: 1999, calendar, rules: DEFAULT_RULES })).toEqual({
      refused: issue('cli.yearRange', {}, { year: 1999 }),
    });
    const found = [issue('file.notFound', {}), issue('sheet.missing', {}, { sheet: '节假日' }, 'info')];
    const job = deadlinesJob({ year: 2026, calendar, rules: DEFAULT_RULES, issues: found });
    expect('issues' in job && job.issues.map((i) => i.code)).toEqual(['file.notFound']);
  });

  it('warns of a year without holiday data', () => {
    const job = deadlinesJob({ year: 2099, calendar, rules: DEFAULT_RULES });
    expect('result' in job && job.result.source).toBe('none');
    expect('issues' in job && job.issues.length).toBeGreaterThan(0);
  });
});
