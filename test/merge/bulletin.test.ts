import { mkdtemp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cumulativeAt, PROJECT_DEFS, projectId } from '../../scripts/examples/world.js';
import { runKpd } from '../helpers/cli.js';
import {
  gridSheet,
  progressById,
  readBulletin,
  sheetPartXml,
  type Bulletin,
} from '../helpers/merge-bulletin.js';
import { HQ, merge, REPO, reportFill, scenario, visitsOf, writeReport } from '../helpers/merge-world.js';
import { useTempDir } from '../helpers/tmp.js';
import { BULLETIN } from '../../src/core/schema/bulletin.js';

import type { SheetSpec } from '../../src/core/schema/types.js';
/** BULLETIN.xlsx read back with our reader: its title, its sheets, and figures a clerk can check by hand. */
const tmp = useTempDir('kpd-merge-bulletin-');
let small: Bulletin;
let smallBytes: Uint8Array;

beforeAll(async () => {
  const dir = await scenario(tmp(), 'small');
  const row = (id: string, current: number, cumulative: number, image = '主体施工') => ({
    projectId: id,
    current,
    cumulative,
    image,
  });
  await writeReport(
    dir,
    'a.xlsx',
    reportFill(
      HQ.a,
      [row('AY-2026-101', 500, 10_500), row('AY-2026-102', 300, 6_000), row('AY-2026-103', 200, 3_400)],
      { visits: visitsOf(HQ.a) },
    ),
  );
  await writeReport(
    dir,
    'b.xlsx',
    reportFill(HQ.b, [row('AY-2026-104', 400, 5_400), row('AY-2026-105', 50, 1_000, '招商中')]),
  );
  smallBytes = (await merge(dir, ['a.xlsx', 'b.xlsx'])).bulletin;
  small = readBulletin(smallBytes);
});

describe('the bulletin workbook', () => {
  it('is titled for its issue and dated, with the seven sheets in order and the hidden mark', () => {
    expect(small.grid.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      // The annex for the office (一线工作明细, 数据问题, 来源) is hidden: printing the whole
      // workbook gives the 通报 proper.
      ...BULLETIN.sheets.map((s: SheetSpec) => [s.name, s.annex === true]),
      ['_kpd', true],
    ]);
    expect(small.heading('汇总')[0]).toBe('重点项目情况通报（第21期）');
    expect(small.heading('汇总')[1]).toMatch(/^发展改革局重点项目办公室\s+2026年11月13日$/u);
    expect(small.heading('项目进展')[0]).toBe('重点项目建设进展情况（第21期）');
    expect(small.heading('项目进展')[1]).toContain('序时进度：87.5%');
  });

  it('shows every project against 序时进度 87.5 %: rate, gap in points and status', () => {
    const rows = progressById(small);
    const line = (id: string) => {
      const r = rows.get(id);
      return [
        r?.['本期完成投资（万元）'],
        r?.['年度累计完成投资（万元）'],
        r?.['完成率'],
        r?.['与序时进度差（百分点）'],
        r?.['状态'],
      ];
    };
    expect(line('AY-2026-101')).toEqual([500, 10_500, 0.875, 0, '正常']);
    expect(line('AY-2026-102')).toEqual([300, 6_000, 0.75, -12.5, '滞后']);
    expect(line('AY-2026-103')).toEqual([200, 3_400, 0.85, -2.5, '预警']);
    expect(line('AY-2026-105')).toEqual([50, 1_000, 0.5, -37.5, '滞后']);
    expect(line('AY-2026-106')).toEqual([null, null, null, null, '未报']);
    expect(rows.get('AY-2026-101')).toMatchObject({
      序号: 1,
      指挥部: HQ.a,
      项目名称: '甲园区标准厂房',
      项目类别: '省重点',
      责任单位: '县工信局',
      形象进度: '主体施工',
    });
    const total = small.tables.项目进展.find((r) => r['序号'] === '合计');
    expect(total).toMatchObject({
      '年度计划投资（万元）': 47_000,
      '本期完成投资（万元）': 1_450,
      '年度累计完成投资（万元）': 26_300,
    });
  });

  it('sums up by category and by HQ in 汇总', () => {
    const line = (name: string) => small.tables.汇总.find((r) => r['名称'] === name);
    expect(line('全部项目')).toEqual({
      分组: '合计',
      名称: '全部项目',
      项目数: 7,
      已报项目数: 5,
      '年度计划投资（万元）': 47_000,
      // The rate is over the reported projects only (26,300 of their 32,000 plan): unreported
      // ones are not 0 done; the column shows that plan so the rate can be checked.
      '其中已报项目计划（万元）': 32_000,
      '年度累计完成投资（万元）': 26_300,
      '完成率（累计÷已报项目计划）': 0.8219,
      序时进度: 0.875,
      '与序时进度差（百分点）': -5.3,
      滞后项目数: 4,
      // 状态 as 项目进展 shows it, over the 5 projects with figures (the status chart's numbers).
      '状态正常（个）': 2,
      '状态预警（个）': 1,
      '状态滞后（个）': 2,
    });
    expect(line('省重点')).toMatchObject({
      项目数: 2,
      '年度计划投资（万元）': 22_000,
      '年度累计完成投资（万元）': 10_500,
    });
    expect(line(HQ.c)).toMatchObject({ 分组: '按指挥部', 项目数: 2, 已报项目数: 0, 滞后项目数: 1 });
    expect(small.heading('汇总').join('')).toContain(
      '全部 7 个项目（已报 5 个）年度累计完成投资 26,300.00 万元，已报项目完成年度计划的 82.2%，序时进度 87.5%；滞后项目 4 个',
    );
  });

  it('groups 项目进展 by HQ, each headed by a 小计 line that adds up its projects', () => {
    const rows = small.tables.项目进展;
    expect(rows.map((r) => (r['序号'] === '小计' ? `小计 ${String(r['指挥部'])}` : r['序号']))).toEqual([
      `小计 ${HQ.a}`,
      1,
      2,
      3,
      `小计 ${HQ.b}`,
      4,
      5,
      `小计 ${HQ.c}`,
      6,
      7,
      '合计',
    ]);
    const sub = (hq: string) => rows.find((r) => r['序号'] === '小计' && r['指挥部'] === hq);
    for (const hq of [HQ.a, HQ.b]) {
      const own = rows.filter((r) => typeof r['序号'] === 'number' && r['指挥部'] === hq);
      for (const k of ['年度计划投资（万元）', '本期完成投资（万元）', '年度累计完成投资（万元）'])
        expect(sub(hq)?.[k], `${hq} ${k}`).toBe(own.reduce((a, r) => a + Number(r[k] ?? 0), 0));
    }
    expect(sub(HQ.a)).toMatchObject({
      项目名称: '共 3 个项目，1 个滞后，1 个预警',
      完成率: null,
      状态: null,
    });
    // Nothing reported: the sums of this period are blank, not 0.
    expect(sub(HQ.c)).toMatchObject({
      项目名称: '共 2 个项目，2 个无本期数据',
      '年度计划投资（万元）': 15_000,
      '本期完成投资（万元）': null,
    });
    // Shown like the 合计 row: the same cell styles.
    const xml = sheetPartXml(smallBytes, '项目进展');
    const styles = (rowNo: number) =>
      [
        ...(new RegExp(`<row r="${rowNo}"[^>]*>(.*?)</row>`, 'u').exec(xml)?.[1] ?? '').matchAll(
          / s="(\d+)"/gu,
        ),
      ].map((m) => m[1]);
    const first = gridSheet(small.grid, '项目进展').rows.findIndex((r) => r[0] === '序号') + 2;
    expect(styles(first)).toEqual(styles(first + rows.length - 1));
    expect(styles(first)).not.toEqual(styles(first + 1));
  });

  // Regression (was a bug, fixed): src/core/bulletin/build.ts buildBulletin (step 7, `line`) computes an HQ's rate as
  // Σ reported cumulative / Σ plan even when none of its projects reported: 水利枢纽指挥部 (no
  // report) gets 完成率 0 and 与序时进度差 −87.5 in 汇总, as if it had invested nothing, while
  // its projects show 完成率 blank (未报). Expected: blank rate and gap for an HQ with nothing
  // reported; actual: 0 and −87.5.
  it('leaves the rate of an HQ that reported nothing blank, as for its projects', () => {
    const c = small.tables.汇总.find((r) => r['名称'] === HQ.c);
    expect([c?.['完成率（累计÷已报项目计划）'], c?.['与序时进度差（百分点）']]).toEqual([null, null]);
  });

  it('lists the projects behind, by investment or by an overdue milestone, with their commander', () => {
    expect(small.tables.滞后项目.map((r) => [r['项目编号'], r['指挥长'], r['滞后情况']])).toEqual([
      ['AY-2026-102', '王一', '投资完成率 75.0%，低于序时进度 87.5%（差 12.5 个百分点）'],
      ['AY-2026-103', '王一', '投资完成率 85.0%，低于序时进度 87.5%（差 2.5 个百分点）'],
      ['AY-2026-105', '赵三', '投资完成率 50.0%，低于序时进度 87.5%（差 37.5 个百分点）'],
      ['AY-2026-106', '钱四', '节点1「闸坝主体完工」计划 2026-10-20 完成，逾期未完成'],
    ]);
  });

  it('names who worked on site less than twice in an assessed week, first', () => {
    expect(
      small.tables.一线工作.map((r) => [
        r['指挥部'],
        r['姓名'],
        r['职务'],
        r['周'],
        r['现场办公次数'],
        r['是否达标'],
      ]),
    ).toEqual([
      // The three weeks that ended after the 2026-10-2 report was due and by this one's.
      [HQ.a, '李二', '成员', '2026-11-02 至 2026-11-08', 1, '不足'],
      [HQ.b, '赵三', '指挥长', '2026-10-19 至 2026-10-25', 0, '不足'],
      [HQ.b, '赵三', '指挥长', '2026-10-26 至 2026-11-01', 0, '不足'],
      [HQ.b, '赵三', '指挥长', '2026-11-02 至 2026-11-08', 0, '不足'],
      [HQ.a, '王一', '指挥长', '2026-10-19 至 2026-10-25', 2, '达标'],
      [HQ.a, '王一', '指挥长', '2026-10-26 至 2026-11-01', 2, '达标'],
      [HQ.a, '王一', '指挥长', '2026-11-02 至 2026-11-08', 2, '达标'],
      [HQ.a, '李二', '成员', '2026-10-19 至 2026-10-25', 2, '达标'],
      [HQ.a, '李二', '成员', '2026-10-26 至 2026-11-01', 2, '达标'],
    ]);
  });

  it('says where every figure came from', () => {
    expect(
      small.tables.来源.map((r) => [
        r['项目编号'],
        r['文件'],
        r['工作表'],
        r['行'],
        r['收到时间'],
        r['时间来源'],
      ]),
    ).toEqual([
      ['AY-2026-101', 'a.xlsx', '进展情况', 6, '2026-11-11', '填报日期'],
      ['AY-2026-102', 'a.xlsx', '进展情况', 7, '2026-11-11', '填报日期'],
      ['AY-2026-103', 'a.xlsx', '进展情况', 8, '2026-11-11', '填报日期'],
      ['AY-2026-104', 'b.xlsx', '进展情况', 6, '2026-11-11', '填报日期'],
      ['AY-2026-105', 'b.xlsx', '进展情况', 7, '2026-11-11', '填报日期'],
    ]);
  });
});

describe('the text the HQs wrote', () => {
  // Regression (was a bug, fixed): src/core/table/types.ts COLUMN_TYPES.text reads every text cell through
  // src/core/values/parse.ts cellText → normalizeText (NFKC, whitespace collapsed), a
  // normalisation meant for matching names. So free text is rewritten on its way into the
  // bulletin: 形象进度 「主体施工（三层），进度正常：良好」 comes out as 「主体施工(三层),进度正常:良好」
  // (half-width punctuation in Chinese prose); the example bulletin shows 「按计划推进,主体施工中」.
  // Expected: the text as typed (trimmed).
  it('keeps full-width Chinese punctuation in 形象进度 and 存在问题', async () => {
    const dir = await scenario(tmp(), 'text');
    const typed = { image: '主体施工（三层），进度正常：良好', problems: '资金缺口约５００万元；需协调' };
    await writeReport(
      dir,
      'a.xlsx',
      reportFill(HQ.a, [{ projectId: 'AY-2026-101', current: 1, cumulative: 10, ...typed }]),
    );
    const row = progressById(readBulletin((await merge(dir, ['a.xlsx'])).bulletin)).get('AY-2026-101');
    expect([row?.['形象进度'], row?.['存在问题及需协调事项']]).toEqual([typed.image, typed.problems]);
  });
});

describe('the bulletin of the example county, 2026-11-1', () => {
  it('carries each project’s reported cumulative and its rate against 序时进度 (按月: 10.5/12)', async () => {
    const out = join(await mkdtemp(join(tmp(), 'example-')), 'b.xlsx');
    const r = await runKpd(
      [
        'merge',
        'examples/reports/2026-11-1',
        '--master',
        'examples/总台账.xlsx',
        '--period',
        '2026-11-1',
        '--out',
        out,
      ],
      REPO,
    );
    expect(r.code, r.err).toBe(0);
    const b = readBulletin(await readFile(out));
    const rows = progressById(b);
    expect(rows.get('AY-2026-001')).toMatchObject({
      '年度计划投资（万元）': 60_000,
      '年度累计完成投资（万元）': cumulativeAt(0, 11, 1),
      完成率: 0.9188,
      '与序时进度差（百分点）': 4.37,
      状态: '正常',
    });
    expect(cumulativeAt(0, 11, 1)).toBe(55_125);
    // 文旅康养小镇 typed its first figure in full-width digits as text: read as the number.
    expect(rows.get('AY-2026-005')?.['本期完成投资（万元）']).toBe(120.5);
    for (const [id, row] of rows) {
      const plan = PROJECT_DEFS[Number(id.slice(-3)) - 1]?.plan;
      expect(row['年度计划投资（万元）'], id).toBe(plan);
      const cum = row['年度累计完成投资（万元）'];
      if (typeof cum !== 'number' || plan === undefined) continue;
      const rate = Math.round((cum / plan) * 10_000) / 10_000;
      expect(row['完成率'], id).toBe(rate);
      expect(row['与序时进度差（百分点）'], id).toBeCloseTo((rate - 0.875) * 100, 1);
      expect(row['状态'], id).toBe(rate >= 0.875 ? '正常' : rate > 0.775 ? '预警' : '滞后');
    }
    const all = b.tables.汇总.find((l) => l['名称'] === '全部项目');
    const reported = [...rows.values()].filter((x) => typeof x['年度累计完成投资（万元）'] === 'number');
    const sum = reported.reduce((a, x) => a + Number(x['年度累计完成投资（万元）']), 0);
    expect(all?.['年度累计完成投资（万元）']).toBeCloseTo(sum, 2);
    expect([all?.['序时进度'], all?.['项目数'], all?.['已报项目数']]).toEqual([0.875, 30, reported.length]);
    expect(rows.get(projectId(19))?.['状态']).toBe('未报');
  });
});
