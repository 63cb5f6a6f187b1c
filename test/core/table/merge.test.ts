import { describe, expect, it } from 'vitest';
import type { Cell, SheetGrid } from '../../../src/core/values/grid.js';
import { PROGRESS_LOG, RANKING_HISTORY, SITE_WORK_WEEKS } from '../../../src/core/schema/master.js';
import { UNIT_RANKING } from '../../../src/core/schema/results.js';
import { shiftFormula } from '../../../src/core/table/formula.js';
import { planTable, planTables } from '../../../src/core/table/merge.js';
import { tableNotes } from '../../../src/core/table/merge-notes.js';
import { message } from '../../../src/core/issues/issue.js';

/** Merging a run's rows into a table a person worked in: the plan, before any file is touched. */
const sheet = (name: string, rows: Cell[][]): SheetGrid => ({ name, rows });
const P = [
  '报告期',
  '指挥部',
  '项目编号',
  '本期完成投资(万元)',
  '年度累计完成投资(万元)',
  '形象进度',
  '存在问题及需协调事项',
];

/** 进展记录 with a title, the header (备注 added by a person between our columns), two periods and a note. */
const progress = sheet('进展记录', [
  ['项目进展记录（由通报导入）'],
  [
    '报告期',
    '指挥部',
    '项目编号',
    '备注',
    '本期完成投资(万元)',
    '年度累计完成投资(万元)',
    '形象进度',
    '存在问题及需协调事项',
  ],
  ['2026-10-2', '甲指挥部', 'AY-1', '手写', 10, 100, '施工', null],
  ['2026-11-1', '甲指挥部', 'AY-1', '已核', 20, 120, '施工', null],
  ['2026-11-1', '甲指挥部', 'AY-2', null, 5, 50, '前期', null],
  [],
  ['注：本表由通报导入。'],
]);

const row = (projectId: string, current: number, cumulative: number) => ({
  period: '2026-11-1',
  hq: '甲指挥部',
  projectId,
  current,
  cumulative,
  image: '施工',
  problems: null,
});

describe('planTable', () => {
  it('finds our columns by header text wherever they stand, and keeps the person’s', () => {
    const plan = planTable(progress, { sheet: PROGRESS_LOG, rows: [], period: '2026-11-1' }, new Map());
    expect(plan?.headerRow).toBe(2);
    expect(plan?.columns.get('current')).toBe(5);
    expect(plan?.keptColumns).toEqual(['备注']);
    expect(P.every((h) => progress.rows[1]?.includes(h))).toBe(true);
  });

  it('replaces the period’s rows only, matched by key: changed cells written, the rest carried', () => {
    const plan = planTable(
      progress,
      { sheet: PROGRESS_LOG, rows: [row('AY-1', 20, 125), row('AY-3', 1, 1)], period: '2026-11-1' },
      new Map(),
    );
    expect(plan?.rows).toEqual([
      { from: 3, values: {} },
      { from: 4, values: { cumulative: 125 } },
      {
        values: {
          period: '2026-11-1',
          hq: '甲指挥部',
          projectId: 'AY-3',
          current: 1,
          cumulative: 1,
          image: '施工',
        },
      },
    ]);
    expect(plan?.removed).toEqual([{ row: 5, label: '2026-11-1 AY-2' }]);
    expect(plan?.counts).toEqual({ added: 1, updated: 1, unchanged: 0 });
    expect(plan?.keptRows).toBe(1);
    // The note under the table keeps one blank row above it: the table (3 rows) fits without moving it.
    expect([plan?.lastRow, plan?.room, plan?.shift]).toEqual([5, 5, 0]);
  });

  it('moves what is below the table only when the table outgrows the blank rows under it', () => {
    const rows = ['AY-1', 'AY-2', 'AY-3', 'AY-4'].map((id) => row(id, 1, 1));
    const plan = planTable(progress, { sheet: PROGRESS_LOG, rows, period: '2026-11-1' }, new Map());
    expect(plan?.rows).toHaveLength(5);
    expect(plan?.shift).toBe(2);
  });

  it('a sheet without a period column owns the rows its keys match; others stay', () => {
    const weeks = sheet('一线工作记录（按周）', [
      ['周', '指挥部', '姓名', '职务', '次数'],
      ['2026-11-02', '甲', '张三', '成员', 1],
      ['2026-10-26', '甲', '张三', '成员', 2],
    ]);
    const plan = planTable(
      weeks,
      {
        sheet: SITE_WORK_WEEKS,
        rows: [{ week: '2026-11-02', hq: '甲', person: '张三', role: '成员', visits: 3 }],
      },
      new Map(),
    );
    expect(plan?.rows).toEqual([
      { from: 2, values: { visits: 3 } },
      { from: 3, values: {} },
    ]);
    expect(plan?.removed).toEqual([]);
  });

  it('a result sheet is the run’s whole: rows in the new order, a person’s cells travel with their key', () => {
    const ranking = sheet('单位考评排名', [
      ['承担省、市重点项目任务单位综合考评排名（2026年第3季度）'],
      ['名次', '责任单位', '总分', '说明人'],
      [1, '甲局', 90, '王'],
      [2, '乙局', 80, '李'],
      [3, '丙局', 70, null],
    ]);
    const plan = planTable(
      ranking,
      {
        sheet: UNIT_RANKING,
        rows: [
          { rank: 1, unit: '乙局', total: 95 },
          { rank: 2, unit: '甲局', total: 85 },
        ],
      },
      new Map([
        ['考评期', '2026年第4季度'],
        ['考评类别', '省、市重点'],
      ]),
    );
    expect(plan?.rows.map((r) => r.from)).toEqual([4, 3]);
    expect(plan?.removed).toEqual([{ row: 5, label: '丙局' }]);
    expect(plan?.titles).toEqual([
      { row: 1, col: 1, text: '承担省、市重点项目任务单位综合考评排名（2026年第4季度）' },
    ]);
    expect(plan?.headerCells.map((h) => h.text)).toContain('投资完成');
    const notes = tableNotes(plan!).map((n) => message(n));
    expect(notes).toContain('「单位考评排名」保留了您添加的列：说明人。');
    expect(notes.some((n) => n.startsWith('「单位考评排名」中以下 1 行已不在本次结果中，已删除'))).toBe(true);
  });

  it('a sheet without our header gets the table under what it holds; a blank or missing one is written whole', () => {
    const other = sheet('排名历史', [['这是别的东西'], ['甲', 1]]);
    const plan = planTable(
      other,
      { sheet: RANKING_HISTORY, rows: [{ period: '2026Q3', unit: '甲局', rank: 1 }], period: '2026Q3' },
      new Map(),
    );
    expect([plan?.appended, plan?.headerRow, plan?.headerCells.length]).toEqual([
      true,
      4,
      RANKING_HISTORY.columns.length,
    ]);
    expect(
      planTable(sheet('排名历史', [[], [null, '']]), { sheet: RANKING_HISTORY, rows: [] }, new Map()),
    ).toBeUndefined();
    const { writes } = planTables({ sheets: [] }, [{ sheet: RANKING_HISTORY, rows: [] }], new Map());
    expect(writes[0]?.kind).toBe('fresh');
  });
});

describe('shiftFormula (a formula moved with its row, as Excel copies it)', () => {
  it.each([
    ['D5*2+$E$1', 2, 'D7*2+$E$1'],
    ['SUM(A5:B5)&"A5"', -1, 'SUM(A4:B4)&"A5"'],
    ["'进展 记录'!C5+进展记录!$C5+C$5", 1, "'进展 记录'!C6+进展记录!$C6+C$5"],
    ['LOG10(A2)+XYZ1+TAX2026', 1, 'LOG10(A3)+XYZ1+TAX2027'],
    ['A1', -1, '#REF!'],
  ])('%s moved %i rows → %s', (f, by, want) => {
    expect(shiftFormula(f, by)).toBe(want);
  });
});
