import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { writeSheetsInto } from '../../src/adapters/results.js';
import type { WorkbookGrid } from '../../src/core/values/grid.js';
import { SITE_WORK_WEEKS } from '../../src/core/schema/master.js';
import { runKpd } from '../helpers/cli.js';
import { exampleMaster, LEDGER_SHEETS, records, score, sheetValues } from '../helpers/merge-results.js';
import { fingerprint, REPO } from '../helpers/merge-world.js';
import { jsonCell } from '../helpers/merge-bulletin.js';
import { checkOoxml, OOXML_TIMEOUT_MS, OOXML_TOOLS } from '../helpers/ooxml.js';
import { useTempDir } from '../helpers/tmp.js';
import { requireTool } from '../helpers/tools.js';

/**
 * kpd ledger import: a bulletin's period appended to 进展记录 / 报送记录 / 一线工作记录 of a copy
 * of the master; importing it again replaces it; the unit ranking of 2026Q4 then counts it.
 */
const tmp = useTempDir('kpd-ledger-');
const ooxml = requireTool(...OOXML_TOOLS);
let dir = '';
let master: WorkbookGrid;
let once: WorkbookGrid;
let twice: WorkbookGrid;
let onceJson: unknown;
let twiceJson: unknown;
let before: Record<string, string>;

interface LedgerJson {
  readonly period: string;
  readonly imported: { readonly progress: number; readonly submissions: number; readonly siteVisits: number };
  readonly replaced: number;
  readonly tables: readonly Record<string, unknown>[];
  readonly notes: readonly {
    readonly code: string;
    readonly sheet: string | null;
    readonly message: string;
  }[];
}

async function ledger(into: string, out: string): Promise<LedgerJson> {
  const r = await runKpd(['ledger', 'import', '通报.xlsx', '--into', into, '--out', out, '--json'], dir);
  if (r.code !== 0) throw new Error(r.err);
  return JSON.parse(r.out) as LedgerJson;
}

const grid = async (name: string) => readXlsx(await readFile(join(dir, name))).workbook;
const ofPeriod = (wb: WorkbookGrid, sheet: string, first: string, period: string) =>
  records(wb, sheet, first).filter((r) => r[first] === period);

beforeAll(async () => {
  dir = tmp();
  await exampleMaster(dir);
  const m = await runKpd(
    [
      'merge',
      join(REPO, 'examples', 'reports', '2026-11-1'),
      '--master',
      '总台账.xlsx',
      '--period',
      '2026-11-1',
      '--out',
      '通报.xlsx',
    ],
    dir,
  );
  if (m.code !== 0) throw new Error(m.err);
  before = await fingerprint(dir);
  master = await grid('总台账.xlsx');
  onceJson = await ledger('总台账.xlsx', '新总台账.xlsx');
  twiceJson = await ledger('新总台账.xlsx', '新总台账2.xlsx');
  once = await grid('新总台账.xlsx');
  twice = await grid('新总台账2.xlsx');
}, 60_000);

describe('kpd ledger import', () => {
  it('appends the period’s rows: 26 projects reported, 8 HQs, 139 visits (one row each)', () => {
    // 一线工作明细 lists 140 visits: 118 assessed here, 21 of the week 11-09 (assessed next
    // time), and 文旅康养小镇's second row of 李红梅 on 11-03 (the same visit, not imported twice).
    expect(onceJson).toMatchObject({
      period: '2026-11-1',
      imported: { progress: 26, submissions: 8, siteVisits: 139 },
      replaced: 0,
    });
    // Merged into the ledgers as they stand: only the period's rows added, nothing removed.
    expect(
      (onceJson as LedgerJson).tables.map((t) => [t['sheet'], t['written'], t['added'], t['removed']]),
    ).toEqual([
      ['进展记录', 'merged', 26, []],
      ['报送记录', 'merged', 8, []],
      ['一线工作记录', 'merged', 139, []],
    ]);
    expect(ofPeriod(once, '进展记录', '报告期', '2026-11-1')).toHaveLength(26);
    expect(ofPeriod(once, '报送记录', '报告期', '2026-11-1')).toHaveLength(8);
    expect(records(once, '进展记录', '报告期')).toHaveLength(
      records(master, '进展记录', '报告期').length + 26,
    );
    expect(records(once, '一线工作记录', '报告期')).toHaveLength(
      records(master, '一线工作记录', '报告期').length + 139,
    );
    // One row per visit, with the report that logged it: the week 11-09's visits are there for
    // the 2026-11-2 bulletin to count with its own.
    const next = ofPeriod(once, '一线工作记录', '报告期', '2026-11-1').filter(
      (r) => jsonCell(r['日期']) === 'date:2026-11-10 00:00:00',
    );
    expect(next).toHaveLength(21);
  });

  it('carries the bulletin’s figures, statuses and times', () => {
    const progress = ofPeriod(once, '进展记录', '报告期', '2026-11-1').find(
      (r) => r['项目编号'] === 'AY-2026-001',
    );
    expect(progress).toMatchObject({
      指挥部: '高端装备产业园指挥部',
      '本期完成投资（万元）': 4_200,
      '年度累计完成投资（万元）': 55_125,
    });
    const subs = new Map(ofPeriod(once, '报送记录', '报告期', '2026-11-1').map((r) => [r['指挥部'], r]));
    expect(subs.get('现代物流园指挥部')).toMatchObject({ 状态: '迟报', 时间来源: '邮件时间' });
    expect(subs.get('水系连通工程指挥部')).toMatchObject({ 状态: '未报' });
    expect(subs.get('城区棚户区改造指挥部')).toMatchObject({ 状态: '按时', 指挥长签字: '未签' });
    // Known only as a day (填报日期): the day is kept, and 时间来源 says where it came from.
    const byDate = [...subs.values()].find((r) => r['时间来源'] === '填报日期');
    expect(String(byDate?.['报送时间'] ?? '')).toMatch(/^2026-11-1\d/u);
    expect([...subs.keys()]).not.toContain(undefined);
  });

  it('replaces the period when imported again, never doubles it', () => {
    expect(twiceJson).toMatchObject({
      period: '2026-11-1',
      imported: { progress: 26, submissions: 8, siteVisits: 139 },
      replaced: 26 + 8 + 139,
    });
    // The same rows again: matched by their keys, nothing to change, nothing added.
    expect(
      (twiceJson as LedgerJson).tables.map((t) => [t['sheet'], t['added'], t['updated'], t['unchanged']]),
    ).toEqual([
      ['进展记录', 0, 0, 26],
      ['报送记录', 0, 0, 8],
      ['一线工作记录', 0, 0, 139],
    ]);
    for (const sheet of LEDGER_SHEETS)
      expect(sheetValues(twice, sheet), sheet).toEqual(sheetValues(once, sheet));
  });

  it('leaves the master and every other sheet as they were', async () => {
    expect((await fingerprint(dir))['总台账.xlsx']).toBe(before['总台账.xlsx']);
    expect(once.sheets.map((s) => s.name)).toEqual(master.sheets.map((s) => s.name));
    for (const s of master.sheets) {
      if ((LEDGER_SHEETS as readonly string[]).includes(s.name)) continue;
      expect(sheetValues(once, s.name), s.name).toEqual(sheetValues(master, s.name));
    }
  });

  it.each([
    ['the master', '总台账.xlsx'],
    ['the bulletin', '通报.xlsx'],
  ])('exits 2 when --out is %s', async (_, out) => {
    const r = await runKpd(['ledger', 'import', '通报.xlsx', '--into', '总台账.xlsx', '--out', out], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/就是输入文件「.*」，写出会把它覆盖/u);
  });

  it('is read by kpd score: the 2026-11-1 reports count in 2026Q4', async () => {
    const without = await score(dir, '总台账.xlsx', '2026Q4', 'q4-without.xlsx');
    const withIt = await score(dir, '新总台账2.xlsx', '2026Q4', 'q4-with.xlsx');
    expect(withIt.json.units).toHaveLength(12);
    const note = (wb: WorkbookGrid, unit: string) =>
      String(records(wb, '排名计算说明', '名次').find((r) => r['责任单位'] === unit)?.['计算说明']);
    // 新能源汽车零部件指挥部 (县发改局's projects) reported 2026-11-1 on time: one more on-time report.
    expect(note(without.grid, '县发改局')).toContain('按时报送 2 次 / 应报送 6 次');
    expect(note(withIt.grid, '县发改局')).toContain('按时报送 3 次 / 应报送 6 次');
    const reports = (run: typeof without, unit: string) =>
      run.json.units.find((u) => u.unit === unit)?.criteria['reports'];
    expect(reports(withIt, '县发改局')).toBeGreaterThan(reports(without, '县发改局') ?? 0);
    // 现代物流园指挥部 (县商务局) was late: no more on-time reports than before.
    expect(note(withIt.grid, '县商务局')).toContain('按时报送 2 次 / 应报送 6 次');
  });

  ooxml.it(
    'writes a master that conforms to ECMA-376 in every part',
    async () => {
      const r = await checkOoxml([join(dir, '新总台账.xlsx')]);
      expect(r.status, r.output).toBe(0);
      expect(r.output).toMatch(/ [1-9]\d* parts checked, 0 violations/u);
    },
    OOXML_TIMEOUT_MS,
  );
});

describe('kpd ledger import into a master of an earlier version (一线工作记录 by week)', () => {
  /**
   * Person-weeks as earlier versions kept them, in a sheet named 一线工作记录, with a column the
   * clerk added (备注) and a row with an error (职务 副指挥长 is not in the list): all move.
   */
  const WEEKS = [
    {
      week: '2026-10-12',
      hq: '高端装备产业园指挥部',
      person: '王建国',
      role: '指挥长',
      visits: 2,
      note: '含夜间',
    },
    {
      week: '2026-10-19',
      hq: '高端装备产业园指挥部',
      person: '王建国',
      role: '指挥长',
      visits: 1,
      note: null,
    },
    {
      week: '2026-10-19',
      hq: '文旅康养小镇指挥部',
      person: '李红梅',
      role: '副指挥长',
      visits: 3,
      note: '待核',
    },
  ];
  let old = '';
  let moved: { json: LedgerJson; err: string; grid: WorkbookGrid };
  let again: { json: LedgerJson; grid: WorkbookGrid };

  beforeAll(async () => {
    // The example master with its 一线工作记录 in the weekly layout (周 … 次数, no 日期).
    old = '旧总台账.xlsx';
    await writeFile(
      join(dir, old),
      await writeSheetsInto(await readFile(join(dir, '总台账.xlsx')), [
        {
          sheet: {
            ...SITE_WORK_WEEKS,
            name: '一线工作记录',
            columns: [...SITE_WORK_WEEKS.columns, { key: 'note', header: '备注', type: 'text' }],
          },
          rows: WEEKS,
        },
      ]),
    );
    const r = await runKpd(
      ['ledger', 'import', '通报.xlsx', '--into', old, '--out', '旧-1.xlsx', '--json'],
      dir,
    );
    if (r.code !== 0) throw new Error(r.err);
    moved = { json: JSON.parse(r.out) as LedgerJson, err: r.err, grid: await grid('旧-1.xlsx') };
    again = { json: await ledger('旧-1.xlsx', '旧-2.xlsx'), grid: await grid('旧-2.xlsx') };
  }, 60_000);

  it('moves the weekly rows and the clerk’s column, unchanged, to 一线工作记录（按周）; 一线工作记录 anew, one row per visit', () => {
    expect(moved.err).toContain('其 3 行已原样移到「一线工作记录（按周）」表');
    expect(moved.json.tables.map((t) => [t['sheet'], t['written'], t['added']])).toEqual([
      ['进展记录', 'merged', 26],
      ['报送记录', 'merged', 8],
      ['一线工作记录', 'new', 139],
      ['一线工作记录（按周）', 'new', 3],
    ]);
    expect(
      // The table's rows (the sheet's note line under it is not one).
      records(moved.grid, '一线工作记录（按周）', '周')
        .filter((r) => r['指挥部'] !== null)
        .map((r) => [jsonCell(r['周'] ?? null), r['指挥部'], r['姓名'], r['职务'], r['次数'], r['备注']]),
    ).toEqual(WEEKS.map((w) => [`date:${w.week} 00:00:00`, w.hq, w.person, w.role, w.visits, w.note]));
    expect(ofPeriod(moved.grid, '一线工作记录', '报告期', '2026-11-1')).toHaveLength(139);
  });

  it('imported again, merges the visits and leaves the weekly sheet alone', () => {
    expect(again.json.tables.map((t) => [t['sheet'], t['written'], t['added'], t['unchanged']])).toEqual([
      ['进展记录', 'merged', 0, 26],
      ['报送记录', 'merged', 0, 8],
      ['一线工作记录', 'merged', 0, 139],
    ]);
    expect(sheetValues(again.grid, '一线工作记录（按周）')).toEqual(
      sheetValues(moved.grid, '一线工作记录（按周）'),
    );
  });

  it('still counts the moved weeks in the ranking', async () => {
    // The same visits without the older weeks (the first describe's master) against with them.
    const withWeeks = await score(dir, '旧-2.xlsx', '2026Q4', 'q4-old.xlsx');
    const without = await score(dir, '新总台账2.xlsx', '2026Q4', 'q4-new.xlsx');
    expect(withWeeks.json.units).toHaveLength(12);
    const site = (r: typeof without) =>
      Object.fromEntries(r.json.units.map((u) => [u.unit, u.criteria['siteWork']]));
    expect(site(withWeeks)).not.toEqual(site(without));
  });
});
