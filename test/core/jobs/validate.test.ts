import { describe, expect, it } from 'vitest';
import { formOf, validateJob } from '../../../src/core/jobs/validate.js';
import { MASTER } from '../../../src/core/schema/master.js';
import { REPORT } from '../../../src/core/schema/report.js';
import { TOPICS } from '../../../src/core/schema/topics.js';
import { issue } from '../../../src/core/issues/issue.js';
import { exampleGrid } from './example.js';

const REPORT_FILE = ['reports', '2026-11-1', '智慧城市建设指挥部-2026年11月上半月进展.xlsx'];

describe('the validate job (core/jobs/validate.ts)', () => {
  it('says which form a workbook is, its findings sorted; or that it is none of them', async () => {
    const master = formOf(await exampleGrid('总台账.xlsx'));
    expect('template' in master && [master.template.id, master.name]).toEqual([MASTER.id, '总台账']);
    const topics = formOf(await exampleGrid('topics', '智慧城市建设指挥部-议题申报-1114.xlsx'));
    expect('template' in topics && topics.template.id).toBe(TOPICS.id);
    expect(formOf({ sheets: [] })).toEqual({ notAForm: undefined });
  });

  it('checks one workbook with what its reading found, in the form’s sheet order', async () => {
    const grid = await exampleGrid(...REPORT_FILE);
    const known = [issue('mail.dateInvalid', {}, { value: 'yesterday' })];
    const v = validateJob(grid, {}, known);
    expect(v.result.template?.id).toBe(REPORT.id);
    expect(v.issues.map((i) => i.code)).toContain('mail.dateInvalid');
    expect(validateJob(grid).issues.length).toBe(v.issues.length - 1);
  });
});
