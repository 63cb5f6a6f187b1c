import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import type { WorkbookGrid } from '../../src/core/values/grid.js';
import { runKpd } from '../helpers/cli.js';
import { readBulletin, tableRows, gridSheet, type Bulletin } from '../helpers/merge-bulletin.js';
import { records, type ScoreJson } from '../helpers/merge-results.js';
import {
  HQ,
  COMMANDER,
  PROJECTS,
  reportFill,
  smallMaster,
  writeReport,
  type MergeJson,
} from '../helpers/merge-world.js';
import { useTempDir } from '../helpers/tmp.js';

/**
 * 一线工作 across two reports (DOMAIN §3, revised), the issue's case on real 2026 dates, through
 * the CLI: merge 2026-09-1 → ledger import → merge 2026-09-2 → ledger import → score 2026Q3.
 *
 * 2026-09-1: nominal Sat 9/12 → due Fri 9/11. It assesses the weeks that ended after 8-2's due
 * (Tue 8/25) and by 9/11: Mon 8/24 and Mon 8/31. 2026-09-2: nominal Fri 9/25 is 中秋 → due Thu
 * 9/24; it assesses the weeks ending after 9/11 and by 9/24: Mon 9/7 and Mon 9/14.
 * The week 9/7–9/13 straddles: 王一 logged Tue 9/8 and Wed 9/9 in the 9-1 report (sent 9/10)
 * and Thu 9/10 in the 9-2 report. He was on site 3 times that week: 达标, not "1 visit".
 */
const tmp = useTempDir('kpd-straddle-');
let dir = '';
const A = HQ.a;
const WANG = COMMANDER[A];
const progressA = (cumulative: number) =>
  PROJECTS.filter((p) => p.hq === A).map((p) => ({
    projectId: p.projectId,
    name: p.name,
    annualPlan: p.annualPlan,
    current: 100,
    cumulative: Math.round(p.annualPlan * cumulative),
  }));
const visit = (date: string) => ({
  date,
  person: WANG,
  role: '指挥长',
  projectId: 'AY-2026-101',
  matter: '现场办公',
});

async function merge(period: string, input: string, master: string, out: string) {
  const r = await runKpd(
    ['merge', input, '--master', master, '--period', period, '--out', out, '--json'],
    dir,
  );
  if (r.code !== 0) throw new Error(r.err);
  return {
    json: JSON.parse(r.out) as MergeJson & Record<string, unknown>,
    bulletin: readBulletin(await readFile(join(dir, out))),
    err: r.err,
  };
}
async function ledger(bulletin: string, into: string, out: string): Promise<void> {
  const r = await runKpd(['ledger', 'import', bulletin, '--into', into, '--out', out], dir);
  if (r.code !== 0) throw new Error(r.err);
}
const siteRows = (b: Bulletin) => b.tables.一线工作.filter((r) => r['姓名'] === WANG);
const detail = (b: Bulletin) => tableRows(gridSheet(b.grid, '一线工作明细'), '序号');

let b1: Awaited<ReturnType<typeof merge>>;
let b2: Awaited<ReturnType<typeof merge>>;
let b2alone: Awaited<ReturnType<typeof merge>>;

beforeAll(async () => {
  dir = tmp();
  await writeFile(join(dir, '总台账.xlsx'), await smallMaster());
  await mkdir(join(dir, '9-1'));
  await mkdir(join(dir, '9-2'));
  await writeReport(
    join(dir, '9-1'),
    'A-9-1.xlsx',
    reportFill(A, progressA(0.6), {
      fields: { period: '2026年9月上半月', filledOn: '2026-09-10' },
      // Weeks 8/24 and 8/31: two visits each. Week 9/7: Tue 9/8 and Wed 9/9, before the report went.
      visits: ['2026-08-25', '2026-08-27', '2026-09-01', '2026-09-03', '2026-09-08', '2026-09-09'].map(visit),
    }),
  );
  await writeReport(
    join(dir, '9-2'),
    'A-9-2.xlsx',
    reportFill(A, progressA(0.7), {
      fields: { period: '2026年9月', filledOn: '2026-09-24' },
      // Week 9/7: only Thu 9/10, the day after the 9-1 report was sent. Week 9/14: two visits.
      visits: ['2026-09-10', '2026-09-15', '2026-09-17'].map(visit),
    }),
  );
  b1 = await merge('2026-09-1', '9-1', '总台账.xlsx', '通报9-1.xlsx');
  await ledger('通报9-1.xlsx', '总台账.xlsx', '总台账9-1.xlsx');
  b2 = await merge('2026-09-2', '9-2', '总台账9-1.xlsx', '通报9-2.xlsx');
  await ledger('通报9-2.xlsx', '总台账9-1.xlsx', '总台账9-2.xlsx');
  b2alone = await merge('2026-09-2', '9-2', '总台账.xlsx', '通报9-2-未导入.xlsx');
}, 120_000);

describe('the earlier bulletin (2026-09-1)', () => {
  it('assesses 8/24 and 8/31, and lists 9/8 and 9/9 under 下期考核 (shown, not counted, not dropped)', () => {
    expect(siteRows(b1.bulletin).map((r) => [r['周'], r['现场办公次数'], r['是否达标']])).toEqual([
      ['2026-08-24 至 2026-08-30', 2, '达标'],
      ['2026-08-31 至 2026-09-06', 2, '达标'],
    ]);
    expect(detail(b1.bulletin).map((r) => r['考核'])).toEqual([
      '本期考核',
      '本期考核',
      '本期考核',
      '本期考核',
      '下期考核',
      '下期考核',
    ]);
    expect(b1.json['siteVisitsNextPeriod']).toBe(2);
  });

  it('says the period before it (2026-08-2) is not imported, for its own straddling week 8/24', () => {
    expect(b1.err).toContain(
      '上期（2026年8月）的通报尚未导入总台账：跨两期的 2026-08-24 至 2026-08-30 这一周只计入本期报表所记的现场办公',
    );
  });
});

describe('the later bulletin (2026-09-2), with 2026-09-1 imported', () => {
  it('counts 王一’s week 9/7 as 3 visits — 9/8 and 9/9 from the 9-1 report, 9/10 from this one', () => {
    expect(
      siteRows(b2.bulletin).map((r) => [r['周'], r['现场办公次数'], r['其中上期报表所记'], r['是否达标']]),
    ).toEqual([
      ['2026-09-07 至 2026-09-13', 3, 2, '达标'],
      ['2026-09-14 至 2026-09-20', 2, 0, '达标'],
    ]);
    expect(b2.json.siteVisitShortfalls).toEqual([]);
    expect(b2.err).not.toContain('尚未导入');
  });

  it('keeps one row per visit in 一线工作记录 after both imports (6 + 3)', async () => {
    const m: WorkbookGrid = readXlsx(await readFile(join(dir, '总台账9-2.xlsx'))).workbook;
    // (The sheet's 注： line under the table is not a row.)
    const rows = records(m, '一线工作记录', '报告期').filter((r) => !String(r['报告期']).startsWith('注'));
    expect(rows.map((r) => r['报告期'])).toEqual([
      ...Array<string>(6).fill('2026-09-1'),
      ...Array<string>(3).fill('2026-09-2'),
    ]);
  });

  it('ranks 县工信局 (甲园区’s unit) with week 9/7 compliant: 4 of 4 person-weeks', async () => {
    const r = await runKpd(
      ['score', '总台账9-2.xlsx', '--period', '2026Q3', '--out', 'Q3.xlsx', '--json'],
      dir,
    );
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as ScoreJson;
    // Person-weeks of A区产业园指挥部 in Q3: 9-1's 8/24, 8/31 and 9-2's 9/7, 9/14, all ≥ 2 → 10 × 4/4.
    expect(json.units.find((u) => u.unit === '县工信局')?.criteria['siteWork']).toBe(10);
    const note = records(
      readXlsx(await readFile(join(dir, 'Q3.xlsx'))).workbook,
      '排名计算说明',
      '名次',
    ).find((x) => x['责任单位'] === '县工信局')?.['计算说明'];
    expect(String(note)).toContain('一线工作：达标人周 4 / 一线工作人周 4');
  });
});

describe('the later bulletin without 2026-09-1 imported', () => {
  it('says so, and counts what it has: week 9/7 has 1 visit', () => {
    expect(b2alone.err).toContain(
      '上期（2026年9月上半月）的通报尚未导入总台账：跨两期的 2026-09-07 至 2026-09-13 这一周只计入本期报表所记的现场办公',
    );
    expect(b2alone.json['warnings']).toContainEqual(
      expect.objectContaining({ code: 'siteWork.earlierNotImported' }),
    );
    expect(siteRows(b2alone.bulletin)[0]).toMatchObject({
      现场办公次数: 1,
      其中上期报表所记: 0,
      是否达标: '不足',
    });
    const lead =
      b2alone.bulletin.grid.sheets
        .find((s) => s.name === '一线工作')
        ?.rows.flat()
        .join('') ?? '';
    expect(lead).toContain('尚未导入总台账');
  });
});
