import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBulletin } from '../helpers/merge-bulletin.js';
import { reportXlsx } from '../helpers/merge-xlsx.js';
import { HQ, merge, PERIOD_LABEL, scenario } from '../helpers/merge-world.js';
import { useTempDir } from '../helpers/tmp.js';

/** Bad rows are listed with their file, sheet, cell and a Chinese reason; good rows are merged. */
const tmp = useTempDir('kpd-merge-rejected-');

const FIELDS = { 填报单位: HQ.a, 报告期: PERIOD_LABEL, 填报日期: '2026-11-11', 指挥长签字: '王一' };

describe('kpd merge: rejected rows', () => {
  it('lists each bad row at its cell, with the reason, and merges the good ones', async () => {
    const dir = await scenario(tmp(), 'bad-rows');
    // Rows 7… of 进展情况 (title, four fields, header above); rows 3… of 一线工作.
    await writeFile(
      join(dir, 'a.xlsx'),
      reportXlsx({
        fields: FIELDS,
        progress: [
          ['AY-2026-101', 500, 10_500, '主体施工', ''],
          ['AY-2026-102', 9_000, 6_000, '', ''],
          ['AY-2026-103', '一百', 3_000, '', ''],
          ['AY-2026-101', 0, 10_500, '重复填报', ''],
          ['AY-2026-104', 10, 100, '', ''],
          ['AY-2026-199', 10, 100, '', ''],
        ],
        visits: [
          ['2026-11-03', '王一', '指挥长', '', '现场'],
          ['2026-11-04', '李二', '副指挥长', '', '现场'],
          ['下周三', '李二', '成员', '', '现场'],
        ],
      }),
    );
    const { json, bulletin } = await merge(dir, ['a.xlsx']);
    expect(json.rows).toEqual({ in: 9, merged: 2, rejected: 7 });
    expect(json.rejected.map((r) => [r.file, r.sheet, r.cell, r.code, r.message])).toEqual([
      [
        'a.xlsx',
        '进展情况',
        'B8',
        'report.currentExceedsCumulative',
        '本期完成投资 9000 万元大于年度累计完成投资 6000 万元。请核对（累计应包含本期）。',
      ],
      [
        'a.xlsx',
        '进展情况',
        'B9',
        'cell.number',
        '「本期完成投资（万元）」应为数字，现为「一百」。请只填数字（单位已在表头）。',
      ],
      [
        'a.xlsx',
        '进展情况',
        'A10',
        'report.duplicateProject',
        '项目「AY-2026-101」在本表中重复填报（与第 7 行相同），本行未采用。',
      ],
      [
        'a.xlsx',
        '进展情况',
        'A11',
        'report.otherHq',
        '项目「AY-2026-104」在项目登记中属于「经开区1号指挥部」，不属于本指挥部「A区产业园指挥部」，本行未采用。',
      ],
      [
        'a.xlsx',
        '进展情况',
        'A12',
        'ref.project',
        '项目编号「AY-2026-199」不在「项目登记」中。请先登记项目或更正编号。',
      ],
      [
        'a.xlsx',
        '一线工作',
        'C4',
        'cell.enum',
        '「职务」只能填写：指挥长、成员；现为「副指挥长」。请从下拉列表中选择。',
      ],
      [
        'a.xlsx',
        '一线工作',
        'A5',
        'cell.date',
        '「日期」应为日期，现为「下周三」。请按 2026-11-03 或 2026年11月3日 格式填写。',
      ],
    ]);
    const problems = readBulletin(bulletin).tables.数据问题.filter((p) => p['处理'] === '未并入');
    expect(problems.map((p) => [p['文件'], p['工作表'], p['单元格'], p['问题代码']])).toEqual(
      json.rejected.map((r) => [r.file, r.sheet, r.cell, r.code]),
    );
    expect(readBulletin(bulletin).heading('数据问题').join('')).toContain(
      '本期共收到数据 9 行：并入 2 行，未并入 7 行',
    );
  });

  // Regression (was a bug, fixed): src/core/bulletin/build.ts buildBulletin › rejectAllRows sets the sheet and row of each
  // row of a file that is not merged (replaced, another period, unknown HQ) but no column, and
  // src/cli/commands/merge.ts mergeJson / src/core/bulletin/render.ts print only cellRef(), which
  // is '' without a column — so those rows are listed with cell null (JSON) and an empty 单元格
  // (数据问题) and the clerk cannot tell which row is meant. Input: two reports of HQ A, the first
  // replaced. Expected: each of its rows listed as e.g. "A7" (or 第7行); actual: null.
  it('lists every row of a replaced report at its own row', async () => {
    const dir = await scenario(tmp(), 'replaced-rows');
    const first = reportXlsx({
      fields: { ...FIELDS, 填报日期: '2026-11-10' },
      progress: [
        ['AY-2026-101', 1, 10],
        ['AY-2026-102', 1, 10],
      ],
    });
    await writeFile(join(dir, '1.xlsx'), first);
    await writeFile(join(dir, '2.xlsx'), reportXlsx({ fields: FIELDS, progress: [['AY-2026-101', 1, 10]] }));
    const { json } = await merge(dir, ['1.xlsx', '2.xlsx']);
    expect(json.rows).toEqual({ in: 3, merged: 1, rejected: 2 });
    expect(json.rejected.map((r) => [r.file, r.code, r.cell])).toEqual([
      ['1.xlsx', 'merge.replaced', expect.stringMatching(/^(A7|第7行)$/u)],
      ['1.xlsx', 'merge.replaced', expect.stringMatching(/^(A8|第8行)$/u)],
    ]);
  });
});
