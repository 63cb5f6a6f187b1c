import { describe, expect, it } from 'vitest';
import { a1 } from '../../../src/core/values/grid.js';
import type { Located, Project } from '../../../src/core/master/types.js';
import { readReport, type RegisterContext } from '../../../src/core/report/read.js';
import { PROGRESS, SITE_VISITS } from '../../../src/core/schema/report.js';
import type { Issue } from '../../../src/core/issues/issue.js';
import { tableGrid, type TableOptions, type Values } from '../../helpers/grids.js';
import { BASE } from '../../helpers/master.js';

const project = (p: (typeof BASE.projects)[number], row: number): Located<Project> => ({
  sheet: '项目登记',
  row,
  record: {
    ...p,
    content: undefined,
    location: undefined,
    plannedStart: undefined,
    plannedEnd: undefined,
    contactEmail: undefined,
  },
  columns: new Map(),
});
const REGISTER: RegisterContext = { projects: BASE.projects.map((p, i) => project(p, i + 3)) };
const HQ = BASE.projects[0].hq;
const FIELDS: Values = {
  reporter: HQ,
  period: '2026年11月上半月',
  filledOn: '2026-11-11',
  signature: '王建国',
  filledBy: '陈',
  phone: '0372',
};
const ROW: Values = {
  projectId: 'AY-2026-001',
  name: '产业园一期',
  annualPlan: 60_000,
  current: 1_200,
  cumulative: 45_000,
};

function report(
  rows: readonly Values[],
  visits: readonly Values[] = [],
  opts: Omit<TableOptions, 'fields'> & { fields?: Values } = {},
) {
  const progress = tableGrid(PROGRESS, rows, { ...opts, fields: opts.fields ?? FIELDS });
  const site = tableGrid(SITE_VISITS, visits);
  return { wb: { sheets: [progress.grid, site.grid] }, progress, site };
}
const at = (i: Issue): [string, string] => [i.code, a1(i.row ?? 0, i.column ?? 0)];

describe('readReport', () => {
  it('reads a clean report of the HQ’s own projects', () => {
    const { wb } = report(
      [ROW],
      [{ date: '2026-11-03', person: '王建国', role: '指挥长', projectId: 'AY-2026-001' }],
    );
    const r = readReport(wb, REGISTER);
    expect(r.issues).toEqual([]);
    expect(r.hq).toBe(HQ);
    expect(r.fields).toMatchObject({
      reporter: HQ,
      period: '2026-11-1',
      filledOn: '2026-11-11',
      signature: '王建国',
    });
    expect(r.progress.map((p) => p.record.cumulative)).toEqual([45_000]);
    expect(r.siteVisits).toHaveLength(1);
  });

  it('rejects rows of unregistered projects, of other HQs, and repeated projects', () => {
    const { wb, progress } = report([
      ROW,
      { ...ROW, projectId: 'AY-2026-099' },
      { ...ROW, projectId: 'AY-2026-002', annualPlan: 20_000 },
      { ...ROW, current: 0 },
    ]);
    const r = readReport(wb, REGISTER);
    expect(r.issues.map(at)).toEqual([
      ['ref.project', progress.ref('projectId', 1)],
      ['report.otherHq', progress.ref('projectId', 2)],
      ['report.duplicateProject', progress.ref('projectId', 3)],
    ]);
    expect(r.issues[1]?.params).toEqual({ value: 'AY-2026-002', registered: BASE.projects[1].hq, hq: HQ });
    expect(r.progress.map((p) => p.row)).toEqual([progress.rowOf(0)]);
    expect(r.rejected.map((x) => [x.row, x.issues.map((i) => i.code)])).toEqual([
      [progress.rowOf(1), ['ref.project']],
      [progress.rowOf(2), ['report.otherHq']],
      [progress.rowOf(3), ['report.duplicateProject']],
    ]);
  });

  it('says the 填报单位 is not an HQ of the register, listing the HQs', () => {
    const { wb } = report([ROW], [], { fields: { ...FIELDS, reporter: '装备园指挥部' } });
    const r = readReport(wb, REGISTER);
    expect(r.issues.map((i) => [i.code, i.params['allowed']])).toEqual([
      ['report.unknownHq', BASE.projects.map((p) => p.hq).join('、')],
    ]);
    expect(r.hq).toBeUndefined();
  });

  it('wants 本期 ≤ 年度累计, and notes a plan that differs from the register', () => {
    const { wb, progress } = report([{ ...ROW, current: 50_000, cumulative: 45_000 }]);
    expect(readReport(wb, REGISTER).issues.map(at)).toEqual([
      ['report.currentExceedsCumulative', progress.ref('current', 0)],
    ]);
    const plan = report([{ ...ROW, annualPlan: 50_000, cumulative: 61_000 }]);
    expect(readReport(plan.wb, REGISTER).issues.map((i) => [...at(i), i.severity])).toEqual([
      ['report.planMismatch', plan.progress.ref('annualPlan', 0), 'warning'],
      ['report.cumulativeOverPlan', plan.progress.ref('cumulative', 0), 'info'],
    ]);
  });

  it('compares a typed 合计 with the rows, warning only', () => {
    const total = (current: number) =>
      report([ROW, { ...ROW, projectId: 'AY-2026-001B' }], [], {
        after: [['合计', null, 120_000, current, 90_000]],
      });
    const ok = readReport(total(2_400).wb);
    expect(ok.issues).toEqual([]);
    const bad = readReport(total(2_500).wb);
    expect(bad.issues.map((i) => [i.code, i.severity, i.params])).toEqual([
      ['report.totalMismatch', 'warning', { header: '本期完成投资（万元）', typed: 2_500, sum: 2_400 }],
    ]);
  });

  it('checks the 报告期 parses, and site visits fall in it', () => {
    const visits = [
      { date: '2026-11-03', person: '王建国', role: '指挥长' },
      { date: '2026-11-20', person: '王建国', role: '指挥长' },
      { date: '2026.11.5', person: '李', role: '副指挥长' },
    ];
    const { wb, site } = report([ROW], visits);
    const r = readReport(wb, REGISTER);
    expect(r.issues.map((i) => [...at(i), i.severity])).toEqual([
      ['sitevisit.outsidePeriod', site.ref('date', 1), 'warning'],
      ['cell.enum', site.ref('role', 2), 'error'],
    ]);
    expect(r.siteVisits.map((v) => v.record.date)).toEqual(['2026-11-03', '2026-11-20']);
    const bad = readReport(report([ROW], [], { fields: { ...FIELDS, period: '2026年下旬' } }).wb);
    expect(bad.issues.map((i) => [i.code, i.params['value']])).toEqual([['field.invalid', '2026年下旬']]);
  });

  it('flags a missing signature and a missing 进展情况 sheet', () => {
    const unsigned = readReport(report([ROW], [], { fields: { ...FIELDS, signature: undefined } }).wb);
    expect(unsigned.issues.map((i) => [i.code, i.severity])).toEqual([['report.unsigned', 'warning']]);
    const noSheet = readReport({ sheets: [tableGrid(SITE_VISITS, []).grid] });
    expect(noSheet.issues.map((i) => [i.code, i.severity])).toEqual([['sheet.missing', 'error']]);
  });

  it('accounts for every row: used or rejected, never both, never neither', () => {
    const rows = [
      ROW,
      { ...ROW, current: '一千' },
      { ...ROW, projectId: 'AY-2026-404' },
      {},
      { ...ROW, projectId: 'AY-2026-001C', cumulative: null },
    ];
    const visits = [
      { date: '2026-11-03', person: '王', role: '成员' },
      { date: 'x', person: '王', role: '成员' },
    ];
    const { wb } = report(rows, visits);
    const r = readReport(wb, REGISTER);
    const used = [...r.progress, ...r.siteVisits].map((x) => `${x.sheet}!${x.row}`);
    const rejected = r.rejected.map((x) => `${x.sheet}!${x.row}`);
    expect(used.filter((k) => rejected.includes(k))).toEqual([]);
    expect(used.length + rejected.length).toBe(rows.length - 1 + visits.length);
    expect(
      r.rejected.every((x) => x.issues.length > 0 && x.issues.every((i) => i.severity === 'error')),
    ).toBe(true);
  });
});
