import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeReports, type PickedFile } from '../../src/addin/pane.js';
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
      (batch) => book.run(batch),
      '2026-11-1',
      reports,
      { bytes: await readFile(repoPath('templates', '重点项目情况通报.xlsx')) },
      async (bytes) => {
        workbook = bytes;
        return true;
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
