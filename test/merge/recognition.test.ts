import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTemplate } from '../../src/adapters/exceljs/write-template.js';
import { TOPICS } from '../../src/core/schema/topics.js';
import { progressById, readBulletin } from '../helpers/merge-bulletin.js';
import { reportXlsx, type HandReport } from '../helpers/merge-xlsx.js';
import { HQ, merge, PERIOD_LABEL, reportFill, scenario, writeReport } from '../helpers/merge-world.js';
import { useTempDir } from '../helpers/tmp.js';
import { fixtureXlsx } from '../helpers/xlsx.js';

/**
 * Which files are this period's reports, of which HQ: the template mark (id and version), the
 * 填报单位 against the register, the 报告期; and the latest report of an HQ wins.
 */
const tmp = useTempDir('kpd-merge-recognition-');

const hand = (reporter: string, over: Partial<HandReport> = {}): Uint8Array =>
  reportXlsx({
    fields: { 填报单位: reporter, 报告期: PERIOD_LABEL, 填报日期: '2026-11-11', 指挥长签字: '签' },
    progress: [['AY-2026-104', 50, 4_500, '施工中', '']],
    ...over,
  });

describe('kpd merge: the template', () => {
  it('recognises the report by its mark; an older version is merged and noted', async () => {
    const dir = await scenario(tmp(), 'version');
    await writeFile(join(dir, 'v0.xlsx'), hand(HQ.b, { mark: { id: 'kpd.report', version: 0 } }));
    const r = await merge(dir, ['v0.xlsx']);
    expect(r.json.submissions.map((s) => s.hq)).toEqual([HQ.b]);
    expect(progressById(readBulletin(r.bulletin)).get('AY-2026-104')?.['年度累计完成投资（万元）']).toBe(
      4_500,
    );
    const notes = readBulletin(r.bulletin).tables.数据问题.filter(
      (p) => p['问题代码'] === 'template.version',
    );
    expect(notes.map((p) => [p['处理'], p['问题说明']])).toEqual([
      ['提示', '模板版本为 0，当前版本为 1。已按表头读取；请下次使用最新模板。'],
    ]);
  });

  it('recognises an unmarked copy by its sheets and headers, and says so', async () => {
    const dir = await scenario(tmp(), 'unmarked');
    await writeFile(join(dir, 'copy.xlsx'), hand(HQ.b, { mark: null }));
    const r = await merge(dir, ['copy.xlsx']);
    expect(r.json.submissions.map((s) => s.hq)).toEqual([HQ.b]);
    const codes = readBulletin(r.bulletin).tables.数据问题.map((p) => p['问题代码']);
    expect(codes).toContain('template.unmarked');
  });

  it('does not merge another template or a workbook of no template; both are listed with why', async () => {
    const dir = await scenario(tmp(), 'other-template');
    await writeFile(join(dir, '议题.xlsx'), await writeTemplate(TOPICS, {}));
    await writeFile(
      join(dir, '随手表.xlsx'),
      await fixtureXlsx([
        {
          name: 'Sheet1',
          rows: [
            ['项目', '金额'],
            ['某项目', 12],
          ],
        },
      ]),
    );
    const r = await merge(dir, ['议题.xlsx', '随手表.xlsx']);
    expect(r.json.submissions).toEqual([]);
    expect(r.json.ignored).toEqual([
      { file: '议题.xlsx', reason: '这是「周例会议题申报表」，不是半月进展报表，未并入' },
      {
        file: '随手表.xlsx',
        reason: expect.stringMatching(/^无法识别的表格：没有找到本系统模板的工作表/u) as unknown as string,
      },
    ]);
  });
});

describe('kpd merge: 填报单位 against the register’s 指挥部', () => {
  it.each([
    ['full-width letters and an ideographic space', 'Ａ区产业园　指挥部', HQ.a],
    ['spaces around and inside', '  A区 产业园 指挥部 ', HQ.a],
    ['full-width digits', '经开区１号指挥部', HQ.b],
  ])('matches %s', async (_, typed, hq) => {
    const dir = await scenario(tmp(), 'hq');
    const id = hq === HQ.a ? 'AY-2026-101' : 'AY-2026-104';
    await writeFile(join(dir, 'r.xlsx'), hand(typed, { progress: [[id, 50, 4_500, '施工中', '']] }));
    const r = await merge(dir, ['r.xlsx']);
    expect(r.json.submissions.map((s) => s.hq)).toEqual([hq]);
    expect(r.json.rows).toEqual({ in: 1, merged: 1, rejected: 0 });
  });

  it('rejects every row of a report from an HQ not in the register, each with the reason', async () => {
    const dir = await scenario(tmp(), 'unknown-hq');
    await writeFile(
      join(dir, 'r.xlsx'),
      hand('某某不存在指挥部', {
        progress: [
          ['AY-2026-999', 1, 2, '', ''],
          ['AY-2026-998', 1, 2, '', ''],
        ],
      }),
    );
    const r = await merge(dir, ['r.xlsx']);
    expect(r.json.submissions).toEqual([]);
    expect(r.json.rows).toEqual({ in: 2, merged: 0, rejected: 2 });
    expect(r.json.rejected.map((x) => [x.code, x.message])).toEqual([
      ['merge.fileNotMerged', '本文件未并入：填报单位「某某不存在指挥部」不是登记的指挥部'],
      ['merge.fileNotMerged', '本文件未并入：填报单位「某某不存在指挥部」不是登记的指挥部'],
    ]);
  });
});

describe('kpd merge: the period and resubmissions', () => {
  it('lists a report of another period and does not merge it; its HQ stays missing', async () => {
    const dir = await scenario(tmp(), 'period');
    await writeReport(
      dir,
      'b.xlsx',
      reportFill(HQ.b, [{ projectId: 'AY-2026-104', current: 1, cumulative: 2 }], {
        fields: { period: '2026年11月' },
      }),
    );
    const r = await merge(dir, ['b.xlsx']);
    expect([r.json.submissions, r.json.missing]).toEqual([[], [HQ.a, HQ.b, HQ.c]]);
    expect(r.json.rows).toEqual({ in: 1, merged: 0, rejected: 1 });
    expect(r.json.rejected[0]).toMatchObject({
      code: 'merge.fileNotMerged',
      message: '本文件未并入：报告期填为「2026年11月」，不是本期「2026年11月上半月」',
    });
    const bulletin = readBulletin(r.bulletin);
    const notes = bulletin.tables.数据问题.map((p) => p['问题说明']);
    expect(notes).toContain('报告期为 2026年11月，本次汇总的是 2026年11月上半月，本表未并入。');
    // 报送情况 says a file came, and why it does not count, beside the HQ the clerk looks up.
    const row = bulletin.tables.报送情况.find((x) => x['指挥部'] === HQ.b);
    expect(row).toMatchObject({ 报送状态: '未报', 文件: 'b.xlsx' });
    expect(String(row?.['说明'])).toContain('报告期填为「2026年11月」');
  });

  it('takes the latest report of an HQ, by received time not by file name, and lists the replaced one', async () => {
    const dir = await scenario(tmp(), 'resubmit');
    const row = (cum: number) => [{ projectId: 'AY-2026-104', current: 100, cumulative: cum }];
    await writeReport(
      dir,
      'z-第一次.xlsx',
      reportFill(HQ.b, row(4_000), { fields: { filledOn: '2026-11-10' } }),
    );
    await writeReport(
      dir,
      'a-更正.xlsx',
      reportFill(HQ.b, row(4_800), { fields: { filledOn: '2026-11-11' } }),
    );
    const r = await merge(dir, ['z-第一次.xlsx', 'a-更正.xlsx']);
    expect(r.json.submissions.map((s) => [s.file, s.receivedAt, s.replaced])).toEqual([
      ['z-第一次.xlsx', '2026-11-10', true],
      ['a-更正.xlsx', '2026-11-11', false],
    ]);
    const b = readBulletin(r.bulletin);
    expect(progressById(b).get('AY-2026-104')?.['年度累计完成投资（万元）']).toBe(4_800);
    expect(b.tables.报送情况.map((s) => [s['报送状态'], s['说明']])).toEqual([
      ['已替换', '已被「a-更正.xlsx」替换'],
      ['按时', '更正重报，替换 1 份'],
      ['未报', '本期未报送，通报批评'],
      ['未报', '本期未报送，通报批评'],
    ]);
    expect(r.json.rows).toEqual({ in: 2, merged: 1, rejected: 1 });
    expect(r.json.rejected.map((x) => [x.file, x.code])).toEqual([['z-第一次.xlsx', 'merge.replaced']]);
  });
});

describe('kpd merge: a 填报日期 that is probably a slip', () => {
  it('is still used, and said in 数据问题', async () => {
    const dir = await scenario(tmp(), 'filled-on');
    await writeReport(
      dir,
      'a.xlsx',
      reportFill(HQ.a, [{ projectId: 'AY-2026-101', current: 1, cumulative: 2 }], {
        fields: { filledOn: '2025-11-11' },
      }),
    );
    const r = await merge(dir, ['a.xlsx']);
    expect(r.json.submissions.map((s) => [s.receivedAt, s.timeSource, s.late])).toEqual([
      ['2025-11-11', '填报日期', false],
    ]);
    const notes = readBulletin(r.bulletin).tables.数据问题.filter(
      (p) => p['问题代码'] === 'merge.filledOnOdd',
    );
    expect(notes.map((p) => p['问题说明'])).toEqual([
      '填报日期 2025-11-11 早于报告期开始（2026-11-01），可能填错了；仍按它判断是否按时报送，请核实。',
    ]);
  });
});

describe('kpd merge: a report whose 进展情况 sheet was renamed and its headers changed', () => {
  it('is set aside saying the sheet is missing, not that its HQ is unknown', async () => {
    const dir = await scenario(tmp(), 'renamed');
    await writeFile(
      join(dir, 'a.xlsx'),
      reportXlsx({
        fields: { 填报单位: HQ.a, 报告期: PERIOD_LABEL, 填报日期: '2026-11-11', 指挥长签字: '签' },
        progress: [['AY-2026-101', 10, 500, '', '']],
        // (A renamed sheet with its headers is recognised by them: see headers.test.ts.)
        transform: (part, xml) =>
          part === 'xl/workbook.xml'
            ? xml.replace('name="进展情况"', 'name="Sheet1"')
            : part === 'xl/worksheets/sheet1.xml'
              ? xml.replace('>项目编号<', '>编号<')
              : xml,
      }),
    );
    const r = await merge(dir, ['a.xlsx']);
    const why = r.json.rejected.map((x) => x.message);
    expect(why.some((m) => m.includes('找不到「进展情况」表（可能被改名或删除）'))).toBe(true);
    expect(why.some((m) => m.includes('不是登记的指挥部'))).toBe(false);
  });
});
