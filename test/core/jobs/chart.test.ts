import { describe, expect, it } from 'vitest';
import { progressChart, type ChartJob } from '../../../src/core/jobs/chart.js';
import {
  axisSlots,
  chooseAxis,
  milestoneState,
  orderMilestones,
  predecessorSeqs,
} from '../../../src/core/jobs/chart-model.js';
import { readMaster } from '../../../src/core/master/read.js';
import type { Located, Milestone } from '../../../src/core/master/types.js';
import {
  MIN_PRINTED_PT,
  PT_PER_WIDTH_UNIT,
  printableArea,
  smallestPrintedSize,
  widthPt,
} from '../../../src/core/paper/geometry.js';
import type { PaperCell, PaperSheet } from '../../../src/core/paper/types.js';
import { isIssue } from '../../../src/core/workbook/identify.js';
import { masterWorkbook } from '../../helpers/master.js';

const ms = (seq: number, plannedDate: string, extra: Partial<Milestone> = {}): Located<Milestone> => ({
  sheet: '节点计划',
  row: seq + 2,
  columns: new Map(),
  record: { projectId: 'P', seq, name: `节点${seq}`, plannedDate, ...extra } as Milestone,
});

describe('milestone states on the day (the red and black flags)', () => {
  it('done on or before its date, done late, overdue (planned by the day, not done), not yet due', () => {
    const on = '2026-11-13';
    expect(milestoneState(ms(1, '2026-10-01', { actualDate: '2026-09-30' }).record, on)).toBe('已完成');
    expect(milestoneState(ms(1, '2026-10-01', { actualDate: '2026-10-01' }).record, on)).toBe('已完成');
    expect(milestoneState(ms(1, '2026-10-01', { actualDate: '2026-10-20' }).record, on)).toBe('逾期完成');
    expect(milestoneState(ms(1, '2026-11-13').record, on)).toBe('逾期未完成');
    expect(milestoneState(ms(1, '2026-11-14').record, on)).toBe('未到期');
  });
});

describe('milestone order: predecessors first', () => {
  it('reads 前置节点 as people type it', () => {
    expect(predecessorSeqs('1,2')).toEqual([1, 2]);
    expect(predecessorSeqs('1、3，4')).toEqual([1, 3, 4]);
    expect(predecessorSeqs(undefined)).toEqual([]);
  });

  it('puts every predecessor above its successors, ties by planned date then number', () => {
    // 3 is planned earliest but waits for 4; 2 and 4 have no predecessor.
    const list = [
      ms(1, '2026-05-01', { predecessors: '2' }),
      ms(2, '2026-04-01'),
      ms(3, '2026-03-01', { predecessors: '4' }),
      ms(4, '2026-02-01'),
    ];
    const { ordered, issues } = orderMilestones(list, 'P');
    expect(ordered.map((m) => m.record.seq)).toEqual([4, 3, 2, 1]);
    expect(issues).toEqual([]);
  });

  it('reports a predecessor planned after its successor, and a cycle (then by number)', () => {
    const { ordered, issues } = orderMilestones(
      [
        ms(1, '2026-05-01', { predecessors: '2' }),
        ms(2, '2026-06-01', { predecessors: '1' }),
        ms(3, '2026-01-01'),
      ],
      'P',
    );
    expect(ordered.map((m) => m.record.seq)).toEqual([3, 1, 2]);
    expect(issues.map((i) => i.code).sort()).toEqual(['chart.cycle', 'chart.predecessorLater']);
    expect(issues.find((i) => i.code === 'chart.cycle')?.params).toMatchObject({ nodes: '1、2' });
  });
});

describe('time axis', () => {
  it('weeks start on Monday; months and quarters cover the range', () => {
    const w = axisSlots('week', '2026-11-13', '2026-11-30');
    expect(w.map((s) => s.start)).toEqual(['2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']);
    expect(axisSlots('month', '2026-11-13', '2027-02-01').map((s) => s.start)).toEqual([
      '2026-11-01',
      '2026-12-01',
      '2027-01-01',
      '2027-02-01',
    ]);
    expect(axisSlots('quarter', '2026-05-13', '2026-12-01').map((s) => [s.start, s.end])).toEqual([
      ['2026-04-01', '2026-06-30'],
      ['2026-07-01', '2026-09-30'],
      ['2026-10-01', '2026-12-31'],
    ]);
  });

  it('is by week when the weeks fit, else by month, else by quarter around the day', () => {
    const cap = { week: 35, month: 30, quarter: 20 } as const;
    expect(chooseAxis('2026-09-01', '2026-12-31', '2026-11-13', (u) => cap[u]).unit).toBe('week');
    expect(chooseAxis('2026-01-01', '2027-06-30', '2026-11-13', (u) => cap[u]).unit).toBe('month');
    const long = chooseAxis('2020-01-01', '2035-12-31', '2026-11-13', (u) => cap[u]);
    expect(long.unit).toBe('quarter');
    expect(long.slots).toHaveLength(20);
    expect(long.slots.some((s) => s.start <= '2026-11-13' && s.end >= '2026-11-13')).toBe(true);
  });
});

const MILESTONES = [
  {
    projectId: 'AY-2026-001',
    seq: 1,
    name: '取得施工许可',
    plannedDate: '2026-04-30',
    actualDate: '2026-04-28',
  },
  { projectId: 'AY-2026-001', seq: 2, name: '主体结构封顶', plannedDate: '2026-10-31', predecessors: '1' },
  {
    projectId: 'AY-2026-001',
    seq: 3,
    name: '设备安装调试',
    plannedDate: '2026-09-30',
    actualDate: '2026-10-15',
    predecessors: '1',
  },
  { projectId: 'AY-2026-001', seq: 4, name: '竣工验收', plannedDate: '2026-12-20', predecessors: '2,3' },
];

function chart(
  on = '2026-11-13',
  hq?: string,
  milestones: readonly Record<string, string | number>[] = MILESTONES,
): ChartJob {
  const master = readMaster(masterWorkbook({ milestones }).workbook).data;
  const job = progressChart(master, { on, ...(hq !== undefined && { hq }) });
  if (isIssue(job)) throw new Error(job.code);
  return job;
}

const at = (s: PaperSheet, value: string | number): PaperCell[] => s.cells.filter((c) => c.value === value);

describe('progressChart: one sheet per HQ, one block per project', () => {
  it('has a sheet per HQ of the register, named by it, and counts the states', () => {
    const { book, result } = chart();
    expect(book.sheets.map((s) => s.name)).toEqual(['高端装备产业园指挥部', '文旅康养小镇指挥部']);
    expect(result.totals).toEqual({ projects: 2, milestones: 4, done: 2, late: 1, overdue: 1, pending: 1 });
    expect(result.sheets[0]).toMatchObject({
      hq: '高端装备产业园指挥部',
      projects: 1,
      milestones: 4,
      pages: 1,
    });
  });

  it('prints on A3 landscape, the columns within the page at 100 %, no text under 9 pt', () => {
    for (const s of chart().book.sheets) {
      expect([s.paper, s.orientation]).toEqual(['A3', 'landscape']);
      expect(s.scale).toBe(100);
      expect(widthPt(s.columns)).toBeLessThanOrEqual(printableArea('A3', 'landscape', s.margins).w);
      expect(smallestPrintedSize(s)).toBeGreaterThanOrEqual(MIN_PRINTED_PT);
      expect(PT_PER_WIDTH_UNIT).toBe(7);
    }
  });

  it('lists milestones predecessors first, with 前置 and the planned and actual dates', () => {
    const s = chart().book.sheets[0] as PaperSheet;
    const names = ['取得施工许可', '设备安装调试', '主体结构封顶', '竣工验收'];
    const rows = names.map((n) => at(s, n)[0]?.row ?? 0);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    const row4 = rows[3] as number;
    expect(s.cells.find((c) => c.row === row4 && c.col === 3)?.value).toBe('2、3');
    expect(s.cells.find((c) => c.row === row4 && c.col === 4)?.value).toBe('2026-12-20');
  });

  it('flies the red flag on done nodes and the black flag on overdue ones, and draws the day', () => {
    const s = chart().book.sheets[0] as PaperSheet;
    const rowOf = (name: string): number => at(s, name)[0]?.row ?? 0;
    const cellsOf = (name: string) => s.cells.filter((c) => c.row === rowOf(name) && c.col > 6);
    // Done: ● on red where it was done; overdue: ◆ on black where it was due.
    const done = cellsOf('取得施工许可').filter((c) => c.value === '●');
    expect(done.map((c) => c.style.fill)).toEqual(['red']);
    const overdue = cellsOf('主体结构封顶').filter((c) => c.value === '◆');
    expect(overdue.map((c) => [c.style.fill, c.style.ink])).toEqual([['black', 'white']]);
    const status = s.cells.find((c) => c.row === rowOf('主体结构封顶') && c.col === 6);
    expect(status).toMatchObject({ value: '逾期未完成', style: { fill: 'black', ink: 'white' } });
    // Not yet due: a plain ◆, its planned span from its predecessors' dates shaded.
    const pending = cellsOf('竣工验收');
    expect(pending.filter((c) => c.value === '◆').map((c) => c.style.fill)).toEqual(['plan']);
    // The day's column carries the line on every row of the block from the header down.
    const dayCols = new Set(s.cells.filter((c) => c.style.dayLine).map((c) => c.col));
    expect(dayCols.size).toBe(1);
    const header = s.cells.find((c) => c.style.dayLine && c.style.bold);
    // By week (late April to December fits): the week of Monday 9 November.
    expect(header?.value).toBe('9');
  });

  it('is by week when the plan is short', () => {
    const short = MILESTONES.map((m, i) => ({ ...m, plannedDate: `2026-11-${String(10 + i * 5)}` })).map(
      ({ actualDate: _a, ...m }) => m,
    );
    const { result } = chart('2026-11-13', undefined, short);
    expect(result.sheets[0]?.unit).toBe('week');
  });

  it('shows a project without milestones as a block saying so (nothing left out)', () => {
    const { book, issues } = chart();
    const s = book.sheets[1] as PaperSheet;
    expect(s.cells.some((c) => String(c.value).includes('尚未录入节点计划'))).toBe(true);
    expect(issues.filter((i) => i.code === 'chart.noMilestones').map((i) => i.params['project'])).toEqual([
      'AY-2026-002',
    ]);
  });

  it('draws one HQ with --hq, matched as typed loosely; an unknown HQ is refused with the list', () => {
    expect(chart('2026-11-13', ' 高端装备产业园指挥部 ').book.sheets.map((s) => s.name)).toEqual([
      '高端装备产业园指挥部',
    ]);
    const master = readMaster(masterWorkbook({ milestones: MILESTONES }).workbook).data;
    const refused = progressChart(master, { on: '2026-11-13', hq: '不存在指挥部' });
    expect(isIssue(refused) && refused.code).toBe('chart.unknownHq');
    expect(isIssue(refused) && refused.params['allowed']).toBe('高端装备产业园指挥部、文旅康养小镇指挥部');
  });

  it('keeps every project block whole on a page, title and legend repeated on each page', () => {
    const projects = Array.from({ length: 9 }, (_, i) => ({
      projectId: `AY-2026-1${String(i).padStart(2, '0')}`,
      name: `项目${i}`,
      category: '省重点',
      totalInvestment: 100,
      annualPlan: 50,
      hq: '高端装备产业园指挥部',
      commander: '王建国',
      unit: '县发改局',
      unitHead: '李明',
      agent: '张伟',
      townCadre: '赵强',
    }));
    const milestones = projects.flatMap((p) =>
      Array.from({ length: 6 }, (_, k) => ({
        projectId: p.projectId,
        seq: k + 1,
        name: `节点${k + 1}`,
        plannedDate: `2026-${String(3 + k).padStart(2, '0')}-15`,
        ...(k > 0 && { predecessors: String(k) }),
      })),
    );
    const master = readMaster(masterWorkbook({ projects, milestones }).workbook).data;
    const job = progressChart(master, { on: '2026-11-13' });
    if (isIssue(job)) throw new Error(job.code);
    const s = job.book.sheets[0] as PaperSheet;
    expect(s.breaks.length).toBeGreaterThan(0);
    expect(s.repeatRows).toBe(4);
    const firsts = s.cells.filter((c) => String(c.value).startsWith('AY-2026-1')).map((c) => c.row);
    // Every break falls just before a project's first row.
    for (const b of s.breaks) expect(firsts).toContain(b + 1);
    expect(job.result.sheets[0]?.pages).toBe(s.breaks.length + 1);
  });
});
