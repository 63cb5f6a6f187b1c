import { describe, expect, it } from 'vitest';
import { parseRankPeriod } from '../../../src/core/calendar/periods.js';
import { isRefused, rankingSummary, scoreJob } from '../../../src/core/jobs/score.js';
import { exampleMasterRead } from './example.js';

describe('the score job and its summary (core/jobs/score.ts)', () => {
  it('summarises the example quarter as both shells say it', async () => {
    const { master, calendar } = await exampleMasterRead();
    const period = parseRankPeriod('2026Q3');
    if (!period) throw new Error('period');
    const outcome = scoreJob({ data: master.data, issues: master.issues, period, calendar });
    if (isRefused(outcome)) throw new Error(outcome.refused.code);
    const s = rankingSummary(outcome);
    expect(s.agents).toBe(outcome.agents?.agents.length);
    expect(s.agents).toBeGreaterThan(0);
    expect(s.units).toBe(outcome.units.units.length);
    expect(s.praised.length).toBe(master.data.rules.ranking.praiseCount);
    expect(s.criticised.length).toBeGreaterThan(0);
    expect(s.rowsNotCounted + s.notes).toBe(outcome.issues.length);
    expect(s.sheets[0]).toBe(outcome.tables[0]?.sheet.name);
  });

  it('ranks units only for a half-year, and refuses a period with no data', async () => {
    const { master, calendar } = await exampleMasterRead();
    const half = scoreJob({
      data: master.data,
      issues: [],
      period: { year: 2026, kind: 'H', index: 2 },
      calendar,
    });
    if (isRefused(half)) throw new Error(half.refused.code);
    expect(rankingSummary(half).agents).toBeUndefined();
    const empty = scoreJob({
      data: master.data,
      issues: [],
      period: { year: 2030, kind: 'Q', index: 1 },
      calendar,
    });
    expect(isRefused(empty) && empty.refused.code).toBe('score.emptyPeriod');
  });
});
