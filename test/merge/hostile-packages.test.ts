import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENCRYPTED_XLSX, OLD_XLS } from '../helpers/files.js';
import { progressById, readBulletin } from '../helpers/merge-bulletin.js';
import { MACRO_CT, rawEntries, rawZip, reportXlsx, type HandReport } from '../helpers/merge-xlsx.js';
import { HQ, merge, PERIOD_LABEL, scenario, type MergeRun } from '../helpers/merge-world.js';
import { useTempDir } from '../helpers/tmp.js';

/**
 * Hostile and broken packages: one bad file never stops the merge, never crashes or hangs it,
 * and is listed with a clear Chinese reason. Macros and external links are read, never run or
 * followed, and flagged.
 */
const tmp = useTempDir('kpd-merge-hostile-pkg-');

const report = (hq: string, id: string, over: Partial<HandReport> = {}): HandReport => ({
  fields: { 填报单位: hq, 报告期: PERIOD_LABEL, 填报日期: '2026-11-11', 指挥长签字: '签' },
  progress: [[id, 100, 2_000, '施工中', '']],
  visits: [['2026-11-03', '某人', '成员', '', '现场']],
  ...over,
});

const LAUGHS =
  '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>';
const withDoctype = (part: string) => (name: string, xml: string) =>
  name === part ? xml.replace('?>\n', `?>\n${LAUGHS}`).replace('施工中', '&lol2;') : xml;

let zoo: MergeRun;
let flagged: MergeRun;

beforeAll(async () => {
  const dir = await scenario(tmp(), 'zoo');
  const b = report(HQ.b, 'AY-2026-104');
  const files: Record<string, Uint8Array | string> = {
    'good.xlsx': reportXlsx(report(HQ.a, 'AY-2026-101')),
    'bomb-lying.xlsx': rawZip(
      rawEntries(b).map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { ...e, declaredSize: 200 } : e)),
    ),
    'bomb-entries.xlsx': rawZip([
      ...rawEntries(b),
      ...Array.from({ length: 6_000 }, (_, i) => ({ name: `xl/pad/${i}.xml`, data: strToU8('<a/>') })),
    ]),
    'bomb-ratio.xlsx': rawZip([
      ...rawEntries(b),
      { name: 'xl/media/pad.bin', data: new Uint8Array(16 * 1024 * 1024) },
    ]),
    'laughs-sheet.xlsx': reportXlsx({ ...b, transform: withDoctype('xl/worksheets/sheet1.xml') }),
    'laughs-workbook.xlsx': reportXlsx({ ...b, transform: withDoctype('xl/workbook.xml') }),
    'not-a-zip.xlsx': '这是一段文字，不是工作簿',
    'truncated.xlsx': reportXlsx(b).slice(0, 700),
    'locked.xlsx': ENCRYPTED_XLSX(),
    'old.xls': OLD_XLS(),
    'archive-bomb.zip': rawZip(
      Array.from({ length: 6_000 }, (_, i) => ({ name: `r${i}.xlsx`, data: strToU8('x') })),
    ),
    'archive-lying.zip': rawZip([{ name: '经开区.xlsx', data: reportXlsx(b), declaredSize: 100 }]),
  };
  for (const [name, data] of Object.entries(files)) await writeFile(join(dir, name), data);
  zoo = await merge(dir, Object.keys(files));

  const dir2 = await scenario(tmp(), 'flagged');
  const vba = {
    'xl/vbaProject.bin': strToU8(
      'Attribute VB_Name = "ThisWorkbook"\nSub Workbook_Open()\nShell "calc.exe"\nEnd Sub',
    ),
  };
  const link = `<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></externalLink>`;
  const huge = (name: string, xml: string) =>
    name === 'xl/worksheets/sheet1.xml'
      ? xml
          .replace('<dimension ref="A1"/>', '<dimension ref="A1:XFD1048576"/>')
          .replace(
            '</sheetData>',
            '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>远处</t></is></c></row></sheetData>',
          )
      : xml;
  await writeFile(
    join(dir2, '宏.xlsm'),
    reportXlsx(report(HQ.a, 'AY-2026-101', { extraParts: vba, contentType: MACRO_CT })),
  );
  await writeFile(
    join(dir2, '外链.xlsx'),
    reportXlsx(
      report(HQ.b, 'AY-2026-104', {
        extraParts: { 'xl/externalLinks/externalLink1.xml': link },
        extraRels: [['externalLink', 'externalLinks/externalLink1.xml']],
      }),
    ),
  );
  await writeFile(join(dir2, '巨表.xlsx'), reportXlsx(report(HQ.c, 'AY-2026-106', { transform: huge })));
  flagged = await merge(dir2, ['宏.xlsm', '外链.xlsx', '巨表.xlsx']);
}, 60_000);

describe('kpd merge: packages that cannot be used', () => {
  it('merges the good report and lists every unusable file with its reason; exit 0', () => {
    expect(zoo.code).toBe(0);
    expect(zoo.json.submissions.map((s) => [s.hq, s.file])).toEqual([[HQ.a, 'good.xlsx']]);
    expect(zoo.json.missing).toEqual([HQ.b, HQ.c]);
    expect(zoo.json.rows).toEqual({ in: 2, merged: 2, rejected: 0 });
    expect(zoo.json.rejected.map((r) => [r.file, r.code, r.sheet, r.cell])).toEqual([
      // In path order, whatever order they were named in.
      ['bomb-entries.xlsx', 'file.zipBomb', null, null],
      ['bomb-lying.xlsx', 'file.zipBomb', null, null],
      ['bomb-ratio.xlsx', 'file.zipBomb', null, null],
      ['laughs-sheet.xlsx', 'file.doctype', null, null],
      ['laughs-workbook.xlsx', 'file.doctype', null, null],
      ['locked.xlsx', 'file.encrypted', null, null],
      ['not-a-zip.xlsx', 'file.notZip', null, null],
      ['old.xls', 'file.xls', null, null],
      ['truncated.xlsx', 'file.corrupt', null, null],
    ]);
  });

  it.each([
    ['bomb-lying.xlsx', /^文件解压后异常庞大（.+），为安全起见拒绝读取。请重新导出后报送。$/u],
    ['laughs-sheet.xlsx', /^文件内含不安全的 XML 声明（DOCTYPE\/实体），为安全起见拒绝读取。/u],
    ['not-a-zip.xlsx', /^不是 Excel 工作簿（\.xlsx）。请用 Excel 或 WPS 打开后另存为 \.xlsx 再报送。$/u],
    ['truncated.xlsx', /^文件已损坏，无法读取/u],
    ['locked.xlsx', /^工作簿设置了打开密码，无法读取。请取消密码/u],
    ['old.xls', /^这是旧版 Excel 97-2003 文件（\.xls）。请另存为 \.xlsx 后重新报送。$/u],
  ])('says in Chinese why %s was refused', (file, message) => {
    expect(zoo.json.rejected.find((r) => r.file === file)?.message).toMatch(message);
  });

  it('lists a bomb of an archive, and a lying entry in one, as ignored', () => {
    expect(zoo.json.ignored).toEqual([
      { file: 'archive-bomb.zip', reason: '压缩包异常（解压后过大或文件过多），已忽略' },
      { file: 'archive-lying.zip › 经开区.xlsx', reason: '压缩包异常（解压后过大或文件过多），已忽略' },
    ]);
  });

  it('puts every refused file into the bulletin’s 数据问题 as 未并入', () => {
    const problems = readBulletin(zoo.bulletin).tables.数据问题.filter((p) => p['处理'] === '未并入');
    expect(problems.map((p) => p['文件'])).toEqual(zoo.json.rejected.map((r) => r.file));
    expect(problems.every((p) => p['级别'] === '错误')).toBe(true);
  });
});

describe('kpd merge: packages read but flagged', () => {
  it('reads the data of a macro workbook (never running it), a workbook with external links, and a sheet claiming XFD1048576', () => {
    expect(flagged.json.submissions.map((s) => [s.hq, s.file])).toEqual([
      [HQ.a, '宏.xlsm'],
      [HQ.b, '外链.xlsx'],
      [HQ.c, '巨表.xlsx'],
    ]);
    expect(flagged.json.rows).toEqual({ in: 6, merged: 6, rejected: 0 });
    const rows = progressById(readBulletin(flagged.bulletin));
    expect(
      ['AY-2026-101', 'AY-2026-104', 'AY-2026-106'].map((id) => rows.get(id)?.['年度累计完成投资（万元）']),
    ).toEqual([2_000, 2_000, 2_000]);
  });

  it('flags each in 数据问题 as a note', () => {
    const notes = readBulletin(flagged.bulletin).tables.数据问题.filter((p) =>
      String(p['问题代码']).startsWith('file.'),
    );
    expect(notes.map((p) => [p['文件'], p['处理'], p['问题代码'], p['问题说明']])).toEqual([
      ['外链.xlsx', '提示', 'file.externalLinks', '工作簿引用了外部文件，只读取已保存的数值，不会更新链接。'],
      [
        '宏.xlsm',
        '提示',
        'file.macro',
        '工作簿含有宏（VBA），宏不会被运行，只读取数据。请使用不含宏的模板。',
      ],
      [
        '巨表.xlsx',
        '提示',
        'file.truncatedRows',
        expect.stringMatching(/^工作表「进展情况」超出读取范围，超出部分未读取（超过 100000 行/u),
      ],
    ]);
  });
});
