import { describe, expect, it } from 'vitest';
import { a1 } from '../../../src/core/values/grid.js';
import { readMaster } from '../../../src/core/master/read.js';
import type { Issue } from '../../../src/core/issues/issue.js';
import { BASE, masterWorkbook } from '../../helpers/master.js';

const [P1, P2] = BASE.projects;
const at = (i: Issue): [string, string | undefined, string] => [
  i.code,
  i.sheet,
  a1(i.row ?? 0, i.column ?? 0),
];

describe('readMaster: 项目登记', () => {
  it('reads a clean register with nothing to report', () => {
    const { data, issues } = readMaster(masterWorkbook().workbook);
    expect(issues).toEqual([]);
    expect(data.projects.map((p) => p.record.projectId)).toEqual(['AY-2026-001', 'AY-2026-002']);
    expect(data.projects[0]).toMatchObject({ sheet: '项目登记', row: 3 });
    expect(data.rulesLabel).toMatch(/^默认规则/u);
  });

  it('requires the 五个一 of every project, each missing one named at its cell', () => {
    const m = masterWorkbook({
      projects: [{ ...P1, hq: '', commander: null, unitHead: ' ', agent: undefined, townCadre: '' }, P2],
    });
    const { issues, data } = readMaster(m.workbook);
    const s = m.sheet('projects');
    expect(issues.map(at)).toEqual(
      ['hq', 'commander', 'unitHead', 'agent', 'townCadre'].map((k) => [
        'project.fiveOnes',
        '项目登记',
        s.ref(k, 0),
      ]),
    );
    expect(issues.every((i) => i.severity === 'error' && i.params['project'] === 'AY-2026-001')).toBe(true);
    expect(data.projects).toHaveLength(2);
  });

  it('requires a unique 项目编号', () => {
    const m = masterWorkbook({ projects: [P1, { ...P2, projectId: ' AY-2026-001' }] });
    const { issues, data } = readMaster(m.workbook);
    expect(issues.map(at)).toEqual([['cell.duplicate', '项目登记', m.sheet('projects').ref('projectId', 1)]]);
    expect(issues[0]?.params).toMatchObject({ firstRow: 3 });
    expect(data.projects).toHaveLength(1);
  });

  it('wants 年度计划投资 ≤ 总投资 and 计划开工 ≤ 计划竣工', () => {
    const m = masterWorkbook({
      projects: [{ ...P1, annualPlan: 150_000.01, plannedStart: '2027-01-01', plannedEnd: '2026-12-31' }, P2],
    });
    const s = m.sheet('projects');
    expect(readMaster(m.workbook).issues.map(at)).toEqual([
      ['project.planExceedsTotal', '项目登记', s.ref('annualPlan', 0)],
      ['project.startAfterEnd', '项目登记', s.ref('plannedEnd', 0)],
    ]);
    const equal = masterWorkbook({
      projects: [{ ...P1, annualPlan: 150_000, plannedStart: '2026-05-01', plannedEnd: '2026-05-01' }],
    });
    expect(readMaster(equal.workbook).issues).toEqual([]);
  });

  it('checks types, ranges and the closed list of 项目类别', () => {
    const m = masterWorkbook({
      projects: [
        { ...P1, category: '县重点', totalInvestment: '十五亿', annualPlan: -1, plannedStart: '2026.3.1' },
      ],
    });
    const s = m.sheet('projects');
    expect(readMaster(m.workbook).issues.map(at)).toEqual([
      ['cell.enum', '项目登记', s.ref('category', 0)],
      ['cell.number', '项目登记', s.ref('totalInvestment', 0)],
      ['cell.min', '项目登记', s.ref('annualPlan', 0)],
    ]);
  });

  it('wants each project’s 代办员 in 代办员名册, and as a 一级 agent', () => {
    const m = masterWorkbook({
      projects: [
        { ...P1, agent: '王五' },
        { ...P2, agent: '刘芳' },
      ],
    });
    const s = m.sheet('projects');
    expect(readMaster(m.workbook).issues.map((i) => [...at(i), i.severity])).toEqual([
      ['ref.agent', '项目登记', s.ref('agent', 0), 'error'],
      ['ref.agentLevel', '项目登记', s.ref('agent', 1), 'warning'],
    ]);
  });
});

describe('readMaster: 节点计划 → 项目登记', () => {
  it('drops milestones of unknown projects, duplicate numbers and unknown predecessors', () => {
    const m = masterWorkbook({
      milestones: [
        { projectId: 'AY-2026-001', seq: 1, name: '取得施工许可', plannedDate: '2026-04-30' },
        {
          projectId: 'AY-2026-001',
          seq: 2,
          name: '主体封顶',
          plannedDate: '2026-10-31',
          predecessors: '1，3',
        },
        { projectId: 'AY-2026-009', seq: 1, name: '开工', plannedDate: '2026-05-01' },
        { projectId: 'AY-2026-001', seq: 1, name: '重复', plannedDate: '2026-05-01' },
        { projectId: 'AY-2026-002', seq: 0, name: '序号为零', plannedDate: '2026-05-01' },
      ],
    });
    const s = m.sheet('milestones');
    const { issues, data } = readMaster(m.workbook);
    expect(issues.map(at)).toEqual([
      ['cell.min', '节点计划', s.ref('seq', 4)],
      ['ref.project', '节点计划', s.ref('projectId', 2)],
      ['cell.duplicate', '节点计划', s.ref('seq', 3)],
      ['ref.milestone', '节点计划', s.ref('predecessors', 1)],
    ]);
    expect(issues[3]?.params).toEqual({ value: '3', project: 'AY-2026-001' });
    expect(data.milestones.map((x) => x.row)).toEqual([s.rowOf(0), s.rowOf(1)]);
  });
});

describe('readMaster: the sheets of the workbook', () => {
  it('cannot do without 项目登记; the other sheets may be absent', () => {
    const noRegister = readMaster(masterWorkbook({}, ['projects']).workbook);
    expect(noRegister.issues.map((i) => [i.code, i.severity, i.params['sheet']])).toEqual([
      ['sheet.missing', 'error', '项目登记'],
    ]);
    const noLedger = readMaster(masterWorkbook({}, ['decisions']).workbook);
    expect(noLedger.issues.map((i) => [i.code, i.severity, i.params['sheet']])).toEqual([
      ['sheet.missing', 'warning', '督办事项'],
    ]);
  });
});
