import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { beforeAll, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { convertWithLibreOffice, LIBREOFFICE_TIMEOUT_MS, LIBREOFFICE_TOOLS } from '../helpers/libreoffice.js';
import { readBulletin, type Bulletin } from '../helpers/merge-bulletin.js';
import {
  HQ,
  merge,
  reportFill,
  scenario,
  visitsOf,
  writeReport,
  type MergeRun,
} from '../helpers/merge-world.js';
import { useTempDir } from '../helpers/tmp.js';
import { requireTool } from '../helpers/tools.js';

/**
 * A submission written by another program: our template filled in, then re-saved by
 * LibreOffice headless (as WPS and LibreOffice users do). Merged, it gives the same figures.
 * Skipped with a message without soffice; never skipped under CI=true.
 */
const lo = requireTool(...LIBREOFFICE_TOOLS);
const tmp = useTempDir('kpd-merge-lo-');

lo.describe('kpd merge: a report re-saved by LibreOffice', () => {
  let original: MergeRun;
  let resaved: MergeRun;
  let application: string | undefined;

  beforeAll(async () => {
    const dir = await scenario(tmp(), 'lo');
    await mkdir(join(dir, 'orig'));
    await mkdir(join(dir, 'lo'));
    const fill = reportFill(
      HQ.a,
      [
        {
          projectId: 'AY-2026-101',
          name: '甲园区标准厂房',
          annualPlan: 12_000,
          current: 512.25,
          cumulative: 10_512.25,
          image: '主体施工（三层）',
          problems: '用地指标待批复',
        },
        { projectId: 'AY-2026-102', current: 300, cumulative: 6_000, image: '=设备进场' },
        { projectId: 'AY-2026-199', current: 1, cumulative: 2 },
      ],
      { visits: visitsOf(HQ.a), fields: { filledOn: '2026-11-12', signature: undefined } },
    );
    await writeReport(join(dir, 'orig'), '进展.xlsx', fill);
    convertWithLibreOffice([join(dir, 'orig', '进展.xlsx')], 'xlsx', join(dir, 'lo'));
    application = readXlsx(await readFile(join(dir, 'lo', '进展.xlsx'))).flags.application;
    original = await merge(dir, ['orig'], [], 'a.xlsx');
    resaved = await merge(dir, ['lo'], [], 'b.xlsx');
  }, LIBREOFFICE_TIMEOUT_MS);

  it('is a LibreOffice file, recognised as this period’s report of the same HQ', () => {
    expect(application).toMatch(/LibreOffice/u);
    expect(
      resaved.json.submissions.map((s) => [s.hq, s.file, s.receivedAt, s.timeSource, s.late, s.signed]),
    ).toEqual([[HQ.a, join('lo', '进展.xlsx'), '2026-11-12', '填报日期', false, false]]);
  });

  it('gives the same figures, rows, rejections, shortfalls and behind-schedule list', () => {
    const strip = (r: MergeRun) => ({
      ...r.json,
      submissions: r.json.submissions.map((s) => ({ ...s, file: '' })),
      rejected: r.json.rejected.map((x) => ({ ...x, file: '' })),
    });
    expect(strip(resaved)).toEqual(strip(original));
    expect(resaved.json.rows).toEqual({ in: 14, merged: 13, rejected: 1 });
    const [a, b] = [readBulletin(original.bulletin), readBulletin(resaved.bulletin)];
    for (const sheet of ['项目进展', '一线工作', '汇总', '滞后项目', '数据问题'] as const) {
      const files = (x: Bulletin) => x.tables[sheet].map((r) => ({ ...r, 文件: null }));
      expect(files(b), sheet).toEqual(files(a));
    }
    const row = b.tables.项目进展.find((r) => r['项目编号'] === 'AY-2026-101');
    expect(row).toMatchObject({
      '本期完成投资（万元）': 512.25,
      '年度累计完成投资（万元）': 10_512.25,
      完成率: 0.876,
    });
  });
});

lo.describe('kpd merge --template: the office’s template re-saved by LibreOffice', () => {
  let run: MergeRun;
  let template: Uint8Array;

  beforeAll(async () => {
    const dir = await scenario(tmp(), 'lo-template');
    await mkdir(join(dir, 'lo'));
    // LibreOffice splits {{期数}} into formatting runs ({{ / 期数 / }}) when it saves.
    convertWithLibreOffice(
      [fileURLToPath(new URL('../../templates/重点项目情况通报.xlsx', import.meta.url))],
      'xlsx',
      join(dir, 'lo'),
    );
    template = await readFile(join(dir, 'lo', '重点项目情况通报.xlsx'));
    await writeReport(
      dir,
      'a.xlsx',
      reportFill(HQ.a, [{ projectId: 'AY-2026-101', current: 5, cumulative: 10 }]),
    );
    run = await merge(dir, ['a.xlsx'], ['--template', join('lo', '重点项目情况通报.xlsx')]);
  }, LIBREOFFICE_TIMEOUT_MS);

  it('has its placeholders split into runs (so the test means something)', () => {
    const sst = Buffer.from(unzipSync(template)['xl/sharedStrings.xml'] ?? new Uint8Array()).toString();
    expect(sst).toMatch(/\{\{<\/t><\/r>/u);
  });

  it('fills the title, the date line and the hidden period mark all the same', () => {
    const wb = readXlsx(run.bulletin).workbook;
    const text = JSON.stringify(wb.sheets.map((s) => s.rows.slice(0, 3)));
    expect(text).not.toContain('{{');
    expect(wb.sheets[0]?.rows[0]?.[0]).toBe('重点项目情况通报（第21期）');
    const meta = wb.sheets.find((s) => s.name === '_kpd')?.rows ?? [];
    expect(meta.find((r) => r[0] === '报告期')?.[1]).toBe('2026-11-1');
  });
});
