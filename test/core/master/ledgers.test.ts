import { describe, expect, it } from 'vitest';
import { a1 } from '../../../src/core/values/grid.js';
import { readMaster } from '../../../src/core/master/read.js';
import { DEFAULT_RULES } from '../../../src/core/rules/ruleset.js';
import type { Issue } from '../../../src/core/issues/issue.js';
import { masterWorkbook } from '../../helpers/master.js';
import type { Values } from '../../helpers/grids.js';

const at = (i: Issue): [string, string] => [i.code, a1(i.row ?? 0, i.column ?? 0)];

const approval: Values = {
  caseId: 'DB-2026-001',
  projectId: 'AY-2026-001',
  item: '用地规划许可',
  primaryAgent: '张伟',
  secondaryAgent: '刘芳',
  difficulty: '难',
  limitDays: 20,
  startDate: '2026-03-02',
  doneDate: '2026-03-25',
  onSiteRating: '比较满意',
};

describe('readMaster: 代办事项 → 项目登记 and 代办员名册', () => {
  it('keeps a consistent case and reads 比较满意 as 一般', () => {
    const { data, issues } = readMaster(masterWorkbook({ approvals: [approval] }).workbook);
    expect(issues).toEqual([]);
    expect(data.approvals[0]?.record.onSiteRating).toBe('一般');
  });

  it('drops cases of unknown projects or agents, or done before they started', () => {
    const m = masterWorkbook({
      approvals: [
        { ...approval, projectId: 'AY-2026-404' },
        { ...approval, primaryAgent: '李四' },
        { ...approval, doneDate: '2026-03-01' },
        { ...approval, primaryAgent: '刘芳', secondaryAgent: '张伟' },
      ],
    });
    const s = m.sheet('approvals');
    const { data, issues } = readMaster(m.workbook);
    expect(issues.map((i) => [...at(i), i.severity])).toEqual([
      ['ref.project', s.ref('projectId', 0), 'error'],
      ['ref.agent', s.ref('primaryAgent', 1), 'error'],
      ['approval.doneBeforeStart', s.ref('doneDate', 2), 'error'],
      ['ref.agentLevel', s.ref('primaryAgent', 3), 'warning'],
      ['ref.agentLevel', s.ref('secondaryAgent', 3), 'warning'],
    ]);
    expect(data.approvals.map((a) => a.row)).toEqual([s.rowOf(3)]);
  });
});

describe('readMaster: 满意度测评 and 扣分记录', () => {
  it('needs a rated item and a known agent in each survey', () => {
    const m = masterWorkbook({
      surveys: [
        { agent: '张伟', date: '2026-09-28', attitude: '非常满意' },
        { agent: '张伟', date: '2026-09-28', comments: '无' },
        { agent: '无名', date: '2026-09-28', efficiency: '满意' },
      ],
    });
    const s = m.sheet('surveys');
    const { data, issues } = readMaster(m.workbook);
    expect(issues.map(at)).toEqual([
      ['survey.noAnswer', s.ref('attitude', 1)],
      ['ref.agent', s.ref('agent', 2)],
    ]);
    expect(data.surveys).toHaveLength(1);
  });

  it('checks each incident against the rule table of 附件1', () => {
    const m = masterWorkbook({
      incidents: [
        { date: '2026-08-05', agent: '张伟', ruleCode: '3.1a', count: 1 },
        { date: '2026-08-05', agent: '张伟', ruleCode: ' 3.1A ', count: '两次' },
        { date: '2026-08-05', agent: '张伟', ruleCode: '7.1' },
        { date: '2026-08-05', agent: '张伟', ruleCode: '2.1a' },
        { date: '2026-08-05', agent: '张伟', ruleCode: '6.3' },
        { date: '2026-08-05', agent: '张伟', ruleCode: '3.2', points: -3 },
        { date: '2026-08-05', agent: '张薇', ruleCode: '6.3', points: 1 },
      ],
    });
    const s = m.sheet('incidents');
    const { data, issues } = readMaster(m.workbook);
    expect(issues.map((i) => [...at(i), i.severity])).toEqual([
      ['cell.integer', s.ref('count', 1), 'error'],
      ['incident.unknownRule', s.ref('ruleCode', 2), 'error'],
      ['incident.derivedRule', s.ref('ruleCode', 3), 'error'],
      ['incident.pointsNeeded', s.ref('points', 4), 'error'],
      ['incident.pointsIgnored', s.ref('points', 5), 'warning'],
      ['ref.agent', s.ref('agent', 6), 'error'],
    ]);
    expect(issues[2]?.params['sheet']).toBe('代办事项');
    expect(data.incidents.map((x) => x.record.ruleCode)).toEqual(['3.1a', '3.2']);
  });
});

describe('readMaster: 单位考评, 督办事项 and the imported ledgers', () => {
  it('keeps typed unit scores within their weights, cell by cell, and warns about unknown units', () => {
    const m = masterWorkbook({
      unitScores: [
        { period: '2026年第三季度', unit: '县发改局', investment: 38.5 },
        { period: '2026Q3', unit: '县文旅局', milestones: 25, reports: 12 },
        { period: '2026Q3', unit: '县财政局', reports: 10 },
      ],
    });
    const s = m.sheet('unitScores');
    const { data, issues } = readMaster(m.workbook);
    expect(issues.map((i) => [...at(i), i.severity])).toEqual([
      ['unitScore.overWeight', s.ref('milestones', 1), 'error'],
      ['ref.unit', s.ref('unit', 2), 'warning'],
    ]);
    expect(issues[0]?.params).toEqual({ header: '节点完成', value: 25, max: 20 });
    // DOMAIN §4: each typed cell stands alone — 25 > 20 is left out (节点完成 is computed), the
    // row's 按时报送 12 stays.
    expect(data.unitScores.map((u) => [u.record.unit, u.record.milestones, u.record.reports])).toEqual([
      ['县发改局', undefined, undefined],
      ['县文旅局', undefined, 12],
      ['县财政局', undefined, 10],
    ]);
  });

  it('keeps the other typed scores of a row whose one cell is not a score at all', () => {
    const m = masterWorkbook({
      unitScores: [{ period: '2026Q3', unit: '县发改局', investment: -5, decisions: 8, approvals: '满分' }],
    });
    const s = m.sheet('unitScores');
    const { data, issues } = readMaster(m.workbook);
    expect(issues.filter((i) => i.severity === 'error').map(at)).toEqual([
      ['cell.min', s.ref('investment', 0)],
      ['cell.number', s.ref('approvals', 0)],
    ]);
    expect(data.unitScores.map((u) => [u.record.investment, u.record.decisions, u.record.approvals])).toEqual(
      [[undefined, 8, undefined]],
    );
  });

  it('wants a decision’s deadline on or after its meeting, and unique item numbers', () => {
    const d = {
      meetingDate: '2026-09-05',
      itemId: 'DB-0905-01',
      content: '协调用电',
      unit: '县供电公司',
      deadline: '2026-09-20',
    };
    const m = masterWorkbook({ decisions: [d, { ...d, itemId: 'DB-0905-02', deadline: '2026-09-04' }, d] });
    const s = m.sheet('decisions');
    expect(readMaster(m.workbook).issues.map(at)).toEqual([
      ['cell.duplicate', s.ref('itemId', 2)],
      ['project.startAfterEnd', s.ref('deadline', 1)],
    ]);
  });

  it('warns about imported rows of HQs the register does not know', () => {
    const m = masterWorkbook({
      progressLog: [
        {
          period: '2026-11-1',
          hq: '高端装备产业园指挥部',
          projectId: 'AY-2026-001',
          current: 10,
          cumulative: 20,
        },
      ],
      submissionLog: [{ period: '2026年11月上半月', hq: '旧指挥部', status: '按时' }],
      siteWorkLog: [{ period: '2026-11-1', date: '2026-11-03', hq: '文旅康养小镇指挥部', person: '孙丽' }],
    });
    const { data, issues } = readMaster(m.workbook);
    expect(issues.map((i) => [i.code, i.severity, i.sheet])).toEqual([['ref.hq', 'warning', '报送记录']]);
    expect(data.submissionLog[0]?.record.period).toBe('2026-11-1');
  });
});

describe('readMaster: 节假日 and 规则', () => {
  it('takes the office’s holidays and notes where they differ from the built-in data', () => {
    const m = masterWorkbook({
      holidays: [
        { date: '2026-10-10', type: '休', note: '本单位不调休' },
        { date: '2030-01-01', type: '休', note: '元旦' },
      ],
    });
    const { data, issues } = readMaster(m.workbook);
    expect(issues.map((i) => [i.code, i.severity, i.row])).toEqual([
      ['holiday.conflict', 'info', m.sheet('holidays').rowOf(0)],
    ]);
    expect(data.holidays.map((h) => h.date)).toEqual(['2026-10-10', '2030-01-01']);
  });

  it('reads the rule set from 规则, reporting a bad value and keeping its default', () => {
    const rows = masterWorkbook().sheet('rules').grid.rows;
    const edited = rows.map((r) =>
      r[1] === '3.1a'
        ? [r[0] ?? null, r[1], r[2] ?? null, -0.5]
        : r[1] === '1.1'
          ? [r[0] ?? null, r[1], r[2] ?? null, '扣一分']
          : [...r],
    );
    const m = masterWorkbook();
    const wb = { sheets: m.workbook.sheets.map((s) => (s.name === '规则' ? { ...s, rows: edited } : s)) };
    const { data, issues } = readMaster(wb);
    expect(issues.map((i) => [i.code, i.params['value']])).toEqual([['rules.invalid', '1.1']]);
    expect(data.rules.agentPoints['3.1a']).toBe(-0.5);
    expect(data.rules.agentPoints['1.1']).toBe(DEFAULT_RULES.agentPoints['1.1']);
    expect(data.rulesLabel).toMatch(/^自定义规则 R[0-9a-f]{8}（与默认值不同 1 项）$/u);
  });
});
