import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { progressById, readBulletin } from '../helpers/merge-bulletin.js';
import { reportXlsx, sheetXml, type HandCell, type HandReport } from '../helpers/merge-xlsx.js';
import { HQ, merge, PERIOD_LABEL, scenario, type MergeRun } from '../helpers/merge-world.js';
import { useTempDir } from '../helpers/tmp.js';

/**
 * A header is found wherever it is — two rows (a group label merged over 本期 / 累计), below
 * row 25 — and a renamed sheet is recognised by its columns or rejected whole with its rows
 * counted: rows are never "merged" blank, never left uncounted.
 */
const tmp = useTempDir('kpd-merge-headers-');

const FIELDS = { 填报单位: HQ.a, 报告期: PERIOD_LABEL, 填报日期: '2026-11-11', 指挥长签字: '王一' };
const fieldRows = (): HandCell[][] => Object.entries(FIELDS).map(([k, v]) => [k, v]);
const VISITS: HandCell[][] = [
  ['日期', '姓名', '职务', '项目编号', '现场办公事项'],
  ['2026-11-03', '王一', '指挥长', 'AY-2026-101', '现场办公'],
  ['2026-11-05', '王一', '指挥长', 'AY-2026-101', '现场办公'],
];

/** A report whose two sheets are exactly these rows (and these sheet names). */
function report(progress: HandCell[][], visits: HandCell[][], names = ['进展情况', '一线工作']): Uint8Array {
  const r: HandReport = {
    fields: {},
    progress: [],
    transform: (part, xml) => {
      if (part === 'xl/worksheets/sheet1.xml') return sheetXml(progress);
      if (part === 'xl/worksheets/sheet2.xml') return sheetXml(visits);
      if (part === 'xl/workbook.xml')
        return xml
          .replace('name="进展情况"', `name="${names[0] ?? ''}"`)
          .replace('name="一线工作"', `name="${names[1] ?? ''}"`);
      return xml;
    },
  };
  return reportXlsx(r);
}

let twoRow: MergeRun;
let deep: MergeRun;
let renamedVisits: MergeRun;
let brokenVisits: MergeRun;

beforeAll(async () => {
  const plain: HandCell[][] = [
    ['重点项目建设进展情况表'],
    ...fieldRows(),
    [
      '项目编号',
      '项目名称',
      '年度计划投资（万元）',
      '本期完成投资（万元）',
      '年度累计完成投资（万元）',
      '形象进度',
    ],
    ['AY-2026-101', '甲园区标准厂房', 12_000, 300, 10_500, '主体施工'],
  ];

  let dir = await scenario(tmp(), 'two-row');
  await writeFile(
    join(dir, 'a.xlsx'),
    report(
      [
        ['重点项目建设进展情况表'],
        ...fieldRows(),
        ['项目编号', '项目名称', '年度计划投资（万元）', '投资情况(万元)', null, '形象进度'],
        [null, null, null, '本期', '累计', null],
        ['AY-2026-101', '甲园区标准厂房', 12_000, 300, 10_500, '主体施工'],
        ['AY-2026-102', '乙精密铸造', 8_000, 200, 7_000, '设备安装'],
      ],
      VISITS,
    ),
  );
  twoRow = await merge(dir, ['a.xlsx']);

  dir = await scenario(tmp(), 'deep');
  const filler: HandCell[][] = Array.from({ length: 30 }, (_, i) => [`填表说明第${i + 1}条：按实际填写。`]);
  await writeFile(
    join(dir, 'a.xlsx'),
    report([...plain.slice(0, 5), ...filler, ...plain.slice(5)], [...filler, ...VISITS]),
  );
  deep = await merge(dir, ['a.xlsx']);

  dir = await scenario(tmp(), 'renamed-visits');
  await writeFile(join(dir, 'a.xlsx'), report(plain, VISITS, ['进展情况', '一线工作(1)']));
  renamedVisits = await merge(dir, ['a.xlsx']);

  dir = await scenario(tmp(), 'broken-visits');
  const broken: HandCell[][] = [['时间', '人员', '身份', '项目', '事项'], ...VISITS.slice(1)];
  await writeFile(join(dir, 'a.xlsx'), report(plain, broken, ['进展情况', '一线工作(1)']));
  brokenVisits = await merge(dir, ['a.xlsx']);
}, 120_000);

describe('kpd merge: headers wherever they are', () => {
  it('reads a two-row header (投资情况 merged over 本期 / 累计): the figures, not blanks', () => {
    expect(twoRow.json.rows).toEqual({ in: 4, merged: 4, rejected: 0 });
    const rows = progressById(readBulletin(twoRow.bulletin));
    expect(rows.get('AY-2026-101')).toMatchObject({
      '本期完成投资（万元）': 300,
      '年度累计完成投资（万元）': 10_500,
    });
    expect(rows.get('AY-2026-102')).toMatchObject({
      '本期完成投资（万元）': 200,
      '年度累计完成投资（万元）': 7_000,
    });
    expect(twoRow.json.missing).not.toContain(HQ.a);
  });

  it('finds a header below row 25, on both sheets', () => {
    expect(deep.json.rows).toEqual({ in: 3, merged: 3, rejected: 0 });
    expect(progressById(readBulletin(deep.bulletin)).get('AY-2026-101')).toMatchObject({
      '年度累计完成投资（万元）': 10_500,
    });
    // Both visits counted: the commander is not named for too few visits in the week of 11-02.
    expect(
      deep.json.siteVisitShortfalls.filter((s) => s.person === '王一' && s.week === '2026-11-02'),
    ).toEqual([]);
  });

  it('recognises a visits sheet renamed 一线工作(1) by its columns, and says so', () => {
    expect(renamedVisits.json.rows).toEqual({ in: 3, merged: 3, rejected: 0 });
    expect(
      renamedVisits.json.siteVisitShortfalls.filter((s) => s.person === '王一' && s.week === '2026-11-02'),
    ).toEqual([]);
    const problems = readBulletin(renamedVisits.bulletin).tables.数据问题;
    expect(problems.map((p) => [p['问题代码'], p['工作表']])).toContainEqual([
      'sheet.renamed',
      '一线工作(1)',
    ]);
  });

  it('rejects a renamed visits sheet without its headers as a whole, every row counted as rejected', () => {
    // 1 progress row merged; the visits sheet's 3 filled rows (its header row too) rejected.
    expect(brokenVisits.json.rows).toEqual({ in: 4, merged: 1, rejected: 3 });
    const rejected = brokenVisits.json.rejected.filter((r) => r.sheet === '一线工作(1)');
    expect(rejected.map((r) => [r.code, r.cell])).toEqual([
      ['sheet.unrecognisedRow', 'A1'],
      ['sheet.unrecognisedRow', 'A2'],
      ['sheet.unrecognisedRow', 'A3'],
    ]);
    expect(rejected[0]?.message).toMatch(/工作表「一线工作\(1\)」无法识别为「一线工作」/u);
  });
});
