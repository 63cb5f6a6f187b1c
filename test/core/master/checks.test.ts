import { describe, expect, it } from 'vitest';
import { readMaster } from '../../../src/core/master/read.js';
import { BASE, masterWorkbook } from '../../helpers/master.js';

describe('readMaster: a reference to a row that has errors of its own', () => {
  it('points at that row instead of saying the name is not in the roster', () => {
    const wb = masterWorkbook({
      agents: [
        ...BASE.agents.filter((a) => a.name !== '张伟'),
        { name: '张伟', level: '三级', unit: '县发改局' },
      ],
    });
    const { issues } = readMaster(wb.workbook);
    const refs = issues.filter((i) => i.sheet === '项目登记' && i.code.startsWith('ref.'));
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) {
      expect([r.code, r.params?.['value'], r.params?.['sheet']]).toEqual([
        'ref.flawedRow',
        '张伟',
        '代办员名册',
      ]);
    }
    expect(issues.some((i) => i.code === 'ref.agent')).toBe(false);
    // The roster row itself says what is wrong with it.
    expect(issues.some((i) => i.sheet === '代办员名册' && i.code === 'cell.enum')).toBe(true);
  });

  it('a project id on a 项目登记 row with errors is named as such by 节点计划', () => {
    const [first, ...rest] = BASE.projects;
    const wb = masterWorkbook({
      projects: [{ ...first, category: '重点' }, ...rest],
      milestones: [{ projectId: first.projectId, seq: 1, name: '开工', plannedDate: '2026-04-01' }],
    });
    const { issues } = readMaster(wb.workbook);
    const ref = issues.find((i) => i.sheet === '节点计划');
    expect(ref && [ref.code, ref.params?.['value'], ref.params?.['sheet']]).toEqual([
      'ref.flawedRow',
      first.projectId,
      '项目登记',
    ]);
  });
});

describe('readMaster: “五个一” — one person each', () => {
  it('flags two names typed into 指挥长 or 一把手, and leaves one name alone', () => {
    const [first, second, ...rest] = BASE.projects;
    const wb = masterWorkbook({
      projects: [{ ...first, commander: '王建国、李明' }, { ...second, unitHead: '李明 王五' }, ...rest],
    });
    const found = readMaster(wb.workbook)
      .issues.filter((i) => i.code === 'project.onePerson')
      .map((i) => [i.params?.['header'], i.params?.['value'], i.severity]);
    expect(found).toEqual([
      ['指挥长', '王建国、李明', 'warning'],
      ['责任单位一把手', '李明 王五', 'warning'],
    ]);
  });
});
