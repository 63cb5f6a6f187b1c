import { copyFile, mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importLedger, mergeReports, type PickedFile } from '../../src/addin/pane.js';
import { readWorkbookGrid } from '../../src/adapters/office/excel.js';
import { runKpd } from '../helpers/cli.js';
import { useTempDir } from '../helpers/tmp.js';
import { sheetOf } from '../helpers/xlsx.js';
import { writeOfficialDocument } from '../../src/adapters/docx/write.js';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import type { OfficialDocument } from '../../src/core/document/model.js';
import { bulletinDocument } from '../../src/core/jobs/bulletin-document.js';
import { chartsOf } from '../helpers/charts.js';
import { docxParts, paragraphsOf } from '../helpers/docx.js';
import { exampleBulletin } from '../helpers/example-bulletin.js';
import { fakeWorkbook } from '../helpers/office.js';
import { repoPath } from '../helpers/paths.js';

/**
 * The task pane's 汇总通报 offers the 公文 too: the same document kpd merge --doc writes (one
 * job), and the workbook it opens carries the same charts.
 */
let reports: PickedFile[];

beforeAll(async () => {
  const from = repoPath('examples', 'reports', '2026-11-1');
  const names = (await readdir(from)).sort();
  reports = await Promise.all(
    names.map(async (name) => ({
      name,
      bytes: new Uint8Array(await readFile(join(from, name))),
      lastModified: (await stat(join(from, name))).mtimeMs,
    })),
  );
});

describe('汇总通报 in the task pane, as a 公文', () => {
  it('hands over the document the CLI writes, and charts the workbook it opens', async () => {
    const grid = readXlsx(await readFile(repoPath('examples', '总台账.xlsx'))).workbook;
    const book = fakeWorkbook(grid);
    let workbook: Uint8Array | undefined;
    const offered: { doc: OfficialDocument; name: string }[] = [];
    const r = await mergeReports(
      book.excel,
      '2026-11-1',
      reports,
      { bytes: await readFile(repoPath('templates', '重点项目情况通报.xlsx')) },
      {
        open: async (bytes) => void (workbook = bytes),
        download: () => expect.unreachable('ExcelApi 1.13 opens the bulletin'),
      },
      'zh',
      async (doc, name) => void offered.push({ doc, name }),
    );
    expect(r.ok, r.summary).toBe(true);
    expect(offered.map((o) => o.name)).toEqual(['重点项目情况通报-第21期.docx']);
    expect(r.lines[0]).toBe(
      'Word 公文格式的通报已下载为「重点项目情况通报-第21期.docx」（版头、正文、汇总表和图、版记）。',
    );
    // The same text and tables as the CLI's document: one job.
    const { bulletin, master } = await exampleBulletin();
    const cli = bulletinDocument({ bulletin, rules: master.rules }).result;
    expect(JSON.parse(JSON.stringify(offered[0]?.doc.body))).toEqual(JSON.parse(JSON.stringify(cli.body)));
    expect(offered[0]?.doc.masthead).toEqual(cli.masthead);

    // Written without pictures (no canvas here), the document is whole: captions carry the figures.
    const bytes = await writeOfficialDocument(offered[0]?.doc as OfficialDocument);
    const text = paragraphsOf(docxParts(bytes)['word/document.xml'] ?? '').map((p) => p.text);
    expect(text).toContain('图1　各指挥部累计投资完成率与序时进度（数据见表1）');

    expect(chartsOf(workbook ?? new Uint8Array()).map((c) => c.title)).toEqual([
      '各指挥部累计投资完成率与序时进度',
      '各指挥部项目进度状态（个）',
    ]);
  }, 60_000);
});

describe('导入台账 in the task pane, with a 周例会议定事项 workbook', () => {
  const tmp = useTempDir('kpd-pane-decisions-');
  it("writes its complete rows into this workbook's 督办事项, as kpd ledger import does", async () => {
    const dir = await mkdtemp(join(tmp(), 'p-'));
    await copyFile(repoPath('examples', '总台账.xlsx'), join(dir, '总台账.xlsx'));
    const m = await runKpd(
      ['minutes', '--master', '总台账.xlsx', '--meeting', '2026-11-14', '--out', '纪要.docx'],
      dir,
    );
    expect(m.code, m.err).toBe(0);
    // The clerk fills two rows in Excel (exceljs stands in for it).
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '纪要-议定事项.xlsx'));
    const fill: Record<string, [string, string, Date]> = {
      'DB-20261114-01': ['协调施工用电', '县供电公司', new Date(Date.UTC(2026, 10, 28))],
      'DB-20261114-02': ['加快规划许可办理', '县自然资源局', new Date(Date.UTC(2026, 10, 21))],
    };
    wb.getWorksheet('议定事项')?.eachRow((row) => {
      const f = fill[String(row.getCell(1).value)];
      if (f) [2, 3, 4].forEach((c, i) => (row.getCell(c).value = f[i] ?? null));
    });
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const grid = readXlsx(await readFile(repoPath('examples', '总台账.xlsx'))).workbook;
    const book = fakeWorkbook(grid);
    const r = await importLedger(book.excel, [{ name: '议定事项.xlsx', bytes, lastModified: 0 }]);
    expect([r.ok, r.summary]).toEqual([
      true,
      '已把 2026-11-14 例会的议定事项写入本工作簿的「督办事项」：新增 2 项，更新 0 项；8 个预编号未填写内容，未导入。',
    ]);
    const after = await book.run((ctx) => readWorkbookGrid(ctx, book.excel));
    const rows = sheetOf(after, '督办事项').rows.filter((x) => String(x[1]).startsWith('DB-20261114-'));
    expect(rows.map((x) => [x[1], x[2], x[3]])).toEqual([
      ['DB-20261114-01', '协调施工用电', '县供电公司'],
      ['DB-20261114-02', '加快规划许可办理', '县自然资源局'],
    ]);
  }, 60_000);
});
