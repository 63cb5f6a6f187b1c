import { BULLETIN, TEMPLATES } from '../../../src/core/schema/index.js';
import { describe, expect, it } from 'vitest';
import { a1, NO_CACHED_VALUE, type Cell, type SheetGrid } from '../../../src/core/values/grid.js';
import { PROJECTS, APPROVALS } from '../../../src/core/schema/master.js';
import { PROGRESS } from '../../../src/core/schema/report.js';
import { readTable } from '../../../src/core/table/read.js';
import { tableGrid } from '../../helpers/grids.js';

const project = {
  projectId: 'AY-2026-001',
  name: '产业园一期',
  category: '省重点',
  totalInvestment: 1000,
  annualPlan: 400,
  hq: '甲指挥部',
  commander: '王',
  unit: '县发改局',
  unitHead: '李',
  agent: '张',
  townCadre: '赵',
} as const;

const codes = (t: { issues: readonly { code: string }[] }) => t.issues.map((i) => i.code);
const records = <R>(t: { rows: readonly { record: R }[] }) => t.rows.map((r) => ({ ...r.record }));

describe('readTable: finding the table', () => {
  it('finds the header below the title, the field rows and 单位：万元', () => {
    const grid: SheetGrid = {
      name: '进展情况',
      rows: [
        ['重点项目建设进展情况表'],
        ['填报单位：', '甲指挥部', null, '报告期：', '2026年11月上半月'],
        ['填报日期：', '2026-11-11', null, '指挥长签字：', '王'],
        [null, null, null, null, null, null, null, null, '单位：万元'],
        ['项目编号', '项目名称', '本期完成投资(万元)', '年度累计完成投资(万元)'],
        ['AY-1', '一期', 10, 20],
      ],
    };
    const t = readTable(grid, PROGRESS);
    expect(t.headerRow).toBe(5);
    expect(records(t)).toEqual([{ projectId: 'AY-1', name: '一期', current: 10, cumulative: 20 }]);
    expect(t.fields.get('reporter')).toMatchObject({ value: '甲指挥部', row: 2, column: 2 });
    expect(t.fields.get('period')?.value).toBe('2026-11-1');
    expect(t.fields.get('filledOn')?.value).toBe('2026-11-11');
    expect(codes(t)).toEqual([]);
  });

  it('reads columns in any order and ignores columns it does not know', () => {
    const order = [
      'townCadre',
      'agent',
      'unitHead',
      'unit',
      'commander',
      'hq',
      'annualPlan',
      'totalInvestment',
      'category',
      'name',
      'projectId',
    ];
    const { grid } = tableGrid(PROJECTS, [project], { columns: order });
    const withExtra: SheetGrid = {
      ...grid,
      rows: grid.rows.map((r, i) => [...r, i === 1 ? '联系人' : i > 1 ? '某某' : null]),
    };
    const t = readTable(withExtra, PROJECTS);
    expect(records(t)).toEqual([
      { ...project, content: undefined, location: undefined, plannedStart: undefined, plannedEnd: undefined },
    ]);
    expect(t.columns.get('projectId')).toBe(11);
    expect(codes(t)).toEqual([]);
  });

  it('accepts full-width parentheses and stray spaces in headers', () => {
    const grid: SheetGrid = {
      name: '进展情况',
      rows: [
        ['项 目 编 号', '本期完成投资（万元）', '年度累计完成投资（万元） ', '完成率'],
        ['AY-1', '１２', 30, 0.5],
      ],
    };
    const t = readTable(grid, PROGRESS);
    expect(records(t)).toEqual([{ projectId: 'AY-1', current: 12, cumulative: 30 }]);
    expect(t.issues.map((i) => [i.code, i.severity])).toEqual([
      ['field.required', 'error'],
      ['field.required', 'error'],
      ['field.required', 'error'],
      ['report.unsigned', 'warning'],
      ['cell.numberAsText', 'info'],
    ]);
  });

  it('reports a sheet without its header, a missing required column and a duplicated one', () => {
    expect(codes(readTable({ name: 'x', rows: [['标题'], ['a', 'b']] }, APPROVALS))).toEqual([
      'sheet.headerNotFound',
    ]);
    const t = readTable({ name: '代办事项', rows: [['案卷号', '项目编号', '案卷号', '难度']] }, APPROVALS);
    expect(t.issues.filter((i) => i.code === 'column.duplicate').map((i) => [i.row, i.column])).toEqual([
      [1, 3],
    ]);
    expect(t.issues.filter((i) => i.code === 'column.missing').map((i) => i.params['header'])).toEqual([
      '审批事项',
      '一级代办员',
      '时限（工作日）',
      '开始日期',
    ]);
  });
});

describe('readTable: what is not data', () => {
  const grid = (after: readonly (readonly Cell[])[]): SheetGrid =>
    tableGrid(
      PROGRESS,
      [
        { projectId: 'AY-1', current: 10, cumulative: 20 },
        {},
        { projectId: 'AY-2', current: 1, cumulative: 2 },
      ],
      {
        fields: { reporter: '甲', period: '2026-11-1', filledOn: '2026-11-11', signature: '王' },
        after,
      },
    ).grid;

  it('skips blank rows, the 合计 row and the 注 / numbered notes', () => {
    const t = readTable(
      grid([
        ['合计', null, null, 11, 22],
        ['注：每月12日、25日前报送。'],
        ['1. 每月12日、25日前报送（遇节假日提前）'],
        ['2、年度累计完成投资应包含本期完成投资'],
        ['填表说明：完成率自动计算'],
      ]),
      PROGRESS,
    );
    expect(records(t).map((r) => r['projectId'])).toEqual(['AY-1', 'AY-2']);
    expect(t.total?.values.get('current')).toBe(11);
    expect(codes(t)).toEqual([]);
  });

  it('reads 合 计 written with a space, and warns about data below the total', () => {
    const t = readTable(
      grid([
        [' 合 计 ', null, null, 11, 22],
        ['AY-3', null, null, 5, 5],
      ]),
      PROGRESS,
    );
    expect(records(t).map((r) => r['projectId'])).toEqual(['AY-1', 'AY-2', 'AY-3']);
    expect(codes(t)).toEqual(['report.rowsAfterTotal']);
  });

  it('skips a 小计 line within the table: not data, and not the end of it', () => {
    const t = readTable(
      grid([
        ['小 计', null, null, 3, 3],
        ['AY-3', null, null, 1, 1],
        ['AY-4', null, null, 2, 2],
        ['合计', null, null, 14, 25],
      ]),
      PROGRESS,
    );
    expect(records(t).map((r) => r['projectId'])).toEqual(['AY-1', 'AY-2', 'AY-3', 'AY-4']);
    expect(t.total?.values.get('current')).toBe(14);
    expect(codes(t)).toEqual([]);
  });

  it('ignores what people type into a formula column', () => {
    const t = readTable(grid([]), PROGRESS);
    expect(records(t).every((r) => !('rate' in r))).toBe(true);
  });
});

describe('readTable: fields and cells', () => {
  it('reads a field typed as "填报单位：XX" into one cell', () => {
    const g: SheetGrid = {
      name: '进展情况',
      rows: [
        ['填报单位：乙指挥部', null, '报告期:2026年11月'],
        ['填报日期：2026.11.24'],
        ['项目编号', '本期完成投资(万元)', '年度累计完成投资(万元)'],
      ],
    };
    const t = readTable(g, PROGRESS);
    expect([...t.fields].map(([k, f]) => [k, f.value])).toEqual([
      ['reporter', '乙指挥部'],
      ['period', '2026-11-2'],
      ['filledOn', '2026-11-24'],
    ]);
  });

  it('reports a field that does not parse, at its cell', () => {
    const t = readTable(
      tableGrid(PROGRESS, [], {
        fields: { reporter: '甲', period: '2026年13月', filledOn: '昨天', signature: '王' },
      }).grid,
      PROGRESS,
    );
    expect(t.issues.map((i) => [i.code, i.row, i.column, i.params['value']])).toEqual([
      ['field.invalid', 3, 2, '2026年13月'],
      ['field.invalid', 4, 2, '昨天'],
    ]);
  });

  it('types every cell and says where each problem is', () => {
    const { grid, ref } = tableGrid(PROJECTS, [
      { ...project, totalInvestment: '一千', plannedStart: '2026.3.1', category: '县重点' },
      { ...project, projectId: 'ＡＹ－２０２６－００１', commander: null },
      {
        ...project,
        projectId: 'AY-2026-002',
        name: null,
        annualPlan: -5,
        plannedEnd: { kind: 'error', code: '#REF!' },
      },
    ]);
    const t = readTable(grid, PROJECTS);
    expect(t.issues.map((i) => [i.code, a1(i.row ?? 0, i.column ?? 0)])).toEqual([
      ['cell.enum', ref('category', 0)],
      ['cell.number', ref('totalInvestment', 0)],
      ['cell.duplicate', ref('projectId', 1)],
      ['project.fiveOnes', ref('commander', 1)],
      ['cell.required', ref('name', 2)],
      ['cell.min', ref('annualPlan', 2)],
      ['cell.error', ref('plannedEnd', 2)],
    ]);
    expect(t.rows.map((r) => r.ok)).toEqual([false, false, false]);
    expect(t.rows[0]?.record).toMatchObject({ plannedStart: '2026-03-01' });
  });

  it('keeps a row flagged only by 五个一 usable', () => {
    const t = readTable(tableGrid(PROJECTS, [{ ...project, townCadre: '' }]).grid, PROJECTS);
    expect([codes(t), t.rows[0]?.ok]).toEqual([['project.fiveOnes'], true]);
  });

  it('is not fooled by __proto__ as a header or a value', () => {
    const g: SheetGrid = {
      name: '代办事项',
      rows: [
        [
          '__proto__',
          '案卷号',
          '项目编号',
          '审批事项',
          '一级代办员',
          '难度',
          '时限(工作日)',
          '开始日期',
          '现场评价',
          'constructor',
        ],
        ['x', '__proto__', 'constructor', 'toString', '__proto__', '难', 5, '2026-01-05', '__proto__', 'y'],
        ['x', 'DB-2', 'AY-1', '施工许可', '张', '易', 5, '2026-01-05', 'constructor', 'y'],
      ],
    };
    const t = readTable(g, APPROVALS);
    expect(t.rows[0]?.record).toMatchObject({
      caseId: '__proto__',
      projectId: 'constructor',
      item: 'toString',
      primaryAgent: '__proto__',
    });
    expect(t.issues.map((i) => [i.code, i.row])).toEqual([
      ['cell.enum', 2],
      ['cell.enum', 3],
    ]);
    // Records are keyed by schema keys only, never by file text, so none can be a prototype key.
    const keys = [...TEMPLATES, BULLETIN].flatMap((tpl) =>
      tpl.sheets.flatMap((sh) => sh.columns.map((c) => c.key)),
    );
    expect(keys.filter((k) => ['__proto__', 'constructor', 'prototype'].includes(k))).toEqual([]);
    expect(Object.getPrototypeOf(t.rows[0]?.record)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});

describe('readTable: a formula never calculated', () => {
  it('says to open and save the file, not to fill in the cell', () => {
    const { grid } = tableGrid(PROGRESS, [
      { projectId: 'AY-2026-001', current: { kind: 'error', code: NO_CACHED_VALUE }, cumulative: 100 },
    ]);
    const t = readTable(grid, PROGRESS);
    const found = t.issues.filter((i) => i.row !== undefined).map((i) => i.code);
    expect(found).toContain('cell.formulaNoValue');
    expect(found).not.toContain('cell.required');
    expect(t.rows[0]?.ok).toBe(false);
  });
});
