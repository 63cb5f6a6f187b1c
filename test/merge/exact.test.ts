import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { writeTemplate } from '../../src/adapters/exceljs/write-template.js';
import { buildBulletin } from '../../src/core/bulletin/index.js';
import { behindPlan, scheduleFraction } from '../../src/core/calendar/fraction.js';
import { WorkCalendar } from '../../src/core/calendar/workdays.js';
import { readMaster } from '../../src/core/master/read.js';
import { DEFAULT_RULES } from '../../src/core/rules/ruleset.js';
import { REPORT } from '../../src/core/schema/report.js';
import { BASE, masterWorkbook } from '../helpers/master.js';

/**
 * Exact amounts decide "behind" (DOMAIN §3), the issue's case: a plan of 85,000 万元 at the end of
 * October is 85,000 × 10/12 = 70,833.33… 万元 序时; 70,830 is 3.33 万元 short — behind, although
 * its rate 70,830 / 85,000 = 83.33 % reads as the 序时进度 83.33 % once rounded.
 */
const plan = 85_000;
const master = readMaster(
  masterWorkbook({ projects: [{ ...BASE.projects[0], annualPlan: plan, totalInvestment: 200_000 }] })
    .workbook,
).data;

async function bulletinWith(cumulative: number) {
  const bytes = await writeTemplate(REPORT, {
    rows: { progress: [{ projectId: 'AY-2026-001', annualPlan: plan, current: 1_000, cumulative }] },
    fields: {
      progress: {
        reporter: '高端装备产业园指挥部',
        period: '2026年10月',
        filledOn: '2026-10-23',
        signature: '王建国',
      },
    },
  });
  return buildBulletin({
    period: { year: 2026, month: 10, half: 2 },
    master,
    calendar: new WorkCalendar(),
    files: [{ file: 'a.xlsx', workbook: readXlsx(bytes).workbook, packageIssues: [] }],
  });
}

describe('behind 序时进度 by exact amounts', () => {
  it('compares 万元 in hundredths against the plan × m/12 as a ratio of integers', () => {
    const oct = scheduleFraction('2026-10-31', DEFAULT_RULES);
    expect([oct.num, oct.den, oct.text]).toEqual([20, 24, '10/12']);
    // 7,083,000 × 24 = 169,992,000 < 8,500,000 × 20 = 170,000,000 → behind.
    expect(behindPlan(70_830, plan, oct)).toBe(true);
    // 70,833.33 is still short of 70,833.333…; 70,833.34 is not.
    expect(behindPlan(70_833.33, plan, oct)).toBe(true);
    expect(behindPlan(70_833.34, plan, oct)).toBe(false);
    // Mid-month (≤ the 15th): (m − 0.5)/12 → 19/24 at 10-15.
    expect(scheduleFraction('2026-10-15', DEFAULT_RULES)).toMatchObject({ num: 19, den: 24, text: '9.5/12' });
  });

  it('puts 70,830 of 70,833.33 under 滞后项目 and marks it 预警 in 项目进展', async () => {
    const b = await bulletinWith(70_830);
    const p = b.projects.find((x) => x.projectId === 'AY-2026-001');
    // Shown rounded: 83.33 % against 83.33 %, 0.00 points — but behind by 3.33 万元.
    expect([p?.rate, p?.fraction, p?.gapPoints, p?.status]).toEqual([0.8333, 0.8333, 0, '预警']);
    expect(b.behind.map((x) => x.projectId)).toEqual(['AY-2026-001']);
  });

  it('keeps 70,833.34 on schedule', async () => {
    const b = await bulletinWith(70_833.34);
    expect(b.projects.find((x) => x.projectId === 'AY-2026-001')?.status).toBe('正常');
    expect(b.behind).toEqual([]);
  });
});
