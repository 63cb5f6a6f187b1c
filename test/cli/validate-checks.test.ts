import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isoDateToSerial } from '../../src/core/values/dates.js';
import type { Cell } from '../../src/core/values/grid.js';
import type { SheetSpec } from '../../src/core/schema/types.js';
import { AGENTS, APPROVALS, MASTER, MILESTONES, PROJECTS, SURVEYS } from '../../src/core/schema/master.js';
import { PROGRESS, REPORT, SITE_VISITS } from '../../src/core/schema/report.js';
import { MASTER_SAMPLES } from '../../src/core/template/samples.js';
import { parseValidateJson, runKpd, type ValidateJson } from '../helpers/cli.js';
import { templateCell, templateFieldCell, writeFilled } from '../helpers/files.js';
import { useTempDir } from '../helpers/tmp.js';
import { fixtureXlsx } from '../helpers/xlsx.js';

/** Each check of the issue, through `kpd validate --json`, on workbooks filled as people fill them. */
const tmp = useTempDir('kpd-cli-checks-');
type Found = ValidateJson['files'][number]['issues'][number];
const findings = (f: { issues: readonly Found[] } | undefined) =>
  (f?.issues ?? []).map((i) => [i.code, i.sheet, i.cell]);
const CJK = /[\u4e00-\u9fff]/u;

const P = (id: string, extra: Record<string, unknown> = {}) => ({
  projectId: id,
  name: `项目${id}`,
  category: '省重点',
  totalInvestment: 80_000,
  annualPlan: 20_000,
  hq: '高端装备产业园指挥部',
  commander: '王建国',
  unit: '县发改局',
  unitHead: '李明',
  agent: '张伟',
  townCadre: '赵强',
  ...extra,
});
const projects = [
  P('AY-2026-001'),
  P('AY-2026-002', { commander: '', annualPlan: 90_000 }),
  P('AY-2026-001', { name: '重复编号' }),
  P('AY-2026-004', { category: '县重点' }),
  P('AY-2026-005', { totalInvestment: '十五亿' }),
  // A row with a cell error is rejected before the cross-checks; these rows have only their own.
  P('AY-2026-006', { plannedStart: '2027-01-01', plannedEnd: '2026-06-30' }),
  P('AY-2026-007', { agent: '王五' }),
];
const masterRows = {
  projects,
  agents: [
    { name: '张伟', level: '一级' },
    { name: '刘芳', level: '二级' },
  ],
  milestones: [
    { projectId: 'AY-2026-001', seq: 1, name: '取得施工许可', plannedDate: '2026-04-30' },
    { projectId: 'AY-2026-404', seq: 1, name: '开工', plannedDate: '2026-05-01' },
  ],
  approvals: [
    {
      caseId: 'DB-1',
      projectId: 'AY-2026-404',
      item: '施工许可',
      primaryAgent: '张伟',
      difficulty: '易',
      limitDays: 10,
      startDate: '2026-03-02',
    },
    {
      caseId: 'DB-2',
      projectId: 'AY-2026-001',
      item: '施工许可',
      primaryAgent: '李四',
      difficulty: '易',
      limitDays: 10,
      startDate: '2026-03-02',
    },
  ],
  surveys: [{ agent: '无名', date: '2026-09-28', attitude: '满意' }],
  rules: MASTER_SAMPLES['rules'] ?? [],
};

const FIELDS = {
  reporter: '高端装备产业园指挥部',
  period: '2026年11月上半月',
  filledOn: '2026年11月11日',
  signature: '王建国',
};
const reportRows = [
  { projectId: 'AY-2026-001', annualPlan: 60_000, current: '１２０.５', cumulative: 45_000 },
  { projectId: 'AY-2026-002', current: 50_000, cumulative: 45_000 },
  { projectId: 'AY-2026-003', current: 100 },
  { projectId: 'AY-2026-004', current: -5, cumulative: 10 },
];
const visit = (date: Cell, role = '成员') => ({ date, person: '王建国', role });
const visits = [
  visit('2026.11.3'),
  visit('2026-11-03'),
  visit('2026年11月3日'),
  visit('２０２６年１１月５日'),
  visit(isoDateToSerial('2026-11-06')),
  visit('2026-11-06', '副指挥长'),
  visit('十一月三日'),
];

beforeAll(async () => {
  const dir = tmp();
  await writeFilled(dir, 'master.xlsx', MASTER, { rows: masterRows });
  await writeFilled(dir, 'register.xlsx', MASTER, { rows: MASTER_SAMPLES });
  await writeFilled(dir, 'report.xlsx', REPORT, {
    rows: { progress: reportRows, siteVisits: visits },
    fields: { progress: FIELDS },
  });
  await writeFilled(dir, 'bad-period.xlsx', REPORT, {
    rows: { progress: [{ projectId: 'AY-2026-001', current: 1, cumulative: 2 }] },
    fields: { progress: { ...FIELDS, period: '2026年13月' } },
  });
  await writeFilled(dir, 'other.xlsx', REPORT, {
    rows: {
      progress: [
        { projectId: 'AY-2026-001', current: 1, cumulative: 2 },
        { projectId: 'AY-2026-099', current: 1, cumulative: 2 },
      ],
    },
    fields: { progress: { ...FIELDS, reporter: '高端装备产业园指挥部' } },
  });
  await writeFilled(dir, 'yyyymmdd.xlsx', REPORT, {
    rows: {
      progress: [{ projectId: 'AY-2026-001', current: 1, cumulative: 2 }],
      siteVisits: [visit(20_261_103)],
    },
    fields: { progress: FIELDS },
  });
  // Made in another program: no template mark, no formats; dates typed as plain serial numbers.
  const serial = await fixtureXlsx([
    {
      name: '进展情况',
      rows: [
        ['填报单位：高端装备产业园指挥部'],
        ['报告期', '2026-11-1', '填报日期', isoDateToSerial('2026-11-11'), '指挥长签字', '王建国'],
        PROGRESS.columns.map((c) => c.header),
        ['AY-2026-001', null, 60_000, 100, 200],
      ],
    },
    {
      name: '一线工作',
      rows: [
        SITE_VISITS.columns.map((c) => c.header),
        [isoDateToSerial('2026-11-03'), '王建国', '指挥长'],
        [isoDateToSerial('2026-11-20'), '王建国', '指挥长'],
      ],
    },
  ]);
  await writeFile(join(dir, 'serial.xlsx'), serial);
});

async function validate(...args: string[]) {
  const r = await runKpd(['validate', ...args, '--json'], tmp());
  return { code: r.code, files: parseValidateJson(r.out).files };
}

describe('kpd validate: 总台账', () => {
  it('finds required cells, types, closed lists, unique 项目编号, 五个一, plan ≤ total, start ≤ end, references', async () => {
    const { code, files } = await validate('master.xlsx');
    const n = (spec: SheetSpec, rows: readonly unknown[]) => (key: string, i: number) =>
      templateCell(spec, rows.length, key, i);
    const p = n(PROJECTS, projects);
    const m = n(MILESTONES, masterRows.milestones);
    const a = n(APPROVALS, masterRows.approvals);
    const s = n(SURVEYS, masterRows.surveys);
    expect(code).toBe(1);
    expect(findings(files[0])).toEqual([
      ['project.planExceedsTotal', '项目登记', p('annualPlan', 1)],
      ['project.fiveOnes', '项目登记', p('commander', 1)],
      ['cell.duplicate', '项目登记', p('projectId', 2)],
      ['cell.enum', '项目登记', p('category', 3)],
      ['cell.number', '项目登记', p('totalInvestment', 4)],
      ['project.startAfterEnd', '项目登记', p('plannedEnd', 5)],
      ['ref.agent', '项目登记', p('agent', 6)],
      ['ref.project', '节点计划', m('projectId', 1)],
      ['ref.project', '代办事项', a('projectId', 0)],
      ['ref.agent', '代办事项', a('primaryAgent', 1)],
      ['ref.agent', '满意度测评', s('agent', 0)],
    ]);
    expect(AGENTS.name).toBe('代办员名册');
    for (const i of files[0]?.issues ?? []) expect(CJK.test(i.message), i.code).toBe(true);
  });
});

describe('kpd validate: 半月进展报表', () => {
  it('reads dates as dates, as text, as serials and in full-width digits; checks numbers, ranges, lists, 本期 ≤ 累计', async () => {
    const { code, files } = await validate('report.xlsx');
    const r = (key: string, i: number) => templateCell(PROGRESS, reportRows.length, key, i);
    const v = (key: string, i: number) => templateCell(SITE_VISITS, visits.length, key, i);
    expect(code).toBe(1);
    expect(files[0]?.issues.map((i) => [i.severity, i.code, i.sheet, i.cell])).toEqual([
      ['info', 'cell.numberAsText', '进展情况', r('current', 0)],
      ['error', 'report.currentExceedsCumulative', '进展情况', r('current', 1)],
      ['error', 'cell.required', '进展情况', r('cumulative', 2)],
      ['error', 'cell.min', '进展情况', r('current', 3)],
      ['error', 'cell.enum', '一线工作', v('role', 5)],
      ['error', 'cell.date', '一线工作', v('date', 6)],
    ]);
    expect(files[0]?.issues.at(-1)?.message).toBe(
      '「日期」应为日期，现为「十一月三日」。请按 2026-11-03 或 2026年11月3日 格式填写。',
    );
  });

  it('wants a 报告期 that parses', async () => {
    const { code, files } = await validate('bad-period.xlsx');
    expect(code).toBe(1);
    expect(findings(files[0])).toEqual([
      ['field.invalid', '进展情况', templateFieldCell(PROGRESS, 'period')],
    ]);
    expect(files[0]?.issues[0]?.message).toContain('2026年13月');
  });

  it('checks the projects against the register with --master', async () => {
    const { code, files } = await validate('other.xlsx', '--master', 'register.xlsx');
    expect(code).toBe(1);
    expect(findings(files[0])).toEqual([
      ['ref.project', '进展情况', templateCell(PROGRESS, 2, 'projectId', 1)],
    ]);
    expect((await validate('other.xlsx')).code).toBe(0);
  });

  it('reads a workbook made elsewhere: unmarked, fields in one cell or beside their label, serial dates', async () => {
    const { code, files } = await validate('serial.xlsx');
    expect(code).toBe(0);
    expect(files[0]?.version).toBeNull();
    expect(files[0]?.issues.map((i) => [i.severity, i.code, i.cell])).toEqual([
      ['info', 'template.unmarked', null],
      ['warning', 'sitevisit.outsidePeriod', 'A3'],
    ]);
    expect(files[0]?.issues[1]?.message).toContain('2026-11-20');
  });

  // Regression (was a bug, fixed): src/core/values/parse.ts parseDateParts (see test/core/values/parse.test.ts). 20261103
  // typed into the template's 日期 column (formatted yyyy-mm-dd) is read as 57373-01-04: no
  // cell.date error, only "一线工作日期 57373-01-04 不在报告期" as a warning. Expected: the date
  // 2026-11-03 (no finding), or a cell.date error at the cell.
  it('does not read 20261103 typed into a date column as a date in the year 57373', async () => {
    const { files } = await validate('yyyymmdd.xlsx');
    const issues = files[0]?.issues ?? [];
    expect(issues.some((i) => i.message.includes('57373'))).toBe(false);
    expect(issues.map((i) => i.code).filter((c) => c !== 'cell.date')).toEqual([]);
  });
});
