import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type Browser } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { docxMedia, docxParts, paragraphsOf } from '../helpers/docx.js';
import { fakeOfficeScript, servePane } from '../helpers/pane-site.js';
import { repoPath } from '../helpers/paths.js';
import { CHROMIUM, launchChromium } from '../helpers/chromium.js';
import { requireTool } from '../helpers/tools.js';

/**
 * In headless Chromium, the built pane's 汇总通报 offers the 公文 as a download: a .docx whose
 * two charts the browser drew (its canvas and fonts, no resvg), beside the workbook it opens.
 */
const browserTool = requireTool(CHROMIUM);
const PAGE = repoPath('dist-addin', 'taskpane.html');
let browser: Browser | undefined;
let site: Awaited<ReturnType<typeof servePane>> | undefined;

browserTool.describe('the task pane in Chromium, 汇总通报 as a 公文', () => {
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  browserTool.it(
    'downloads 重点项目情况通报-第21期.docx with the charts drawn by the browser',
    async () => {
      if (!existsSync(PAGE)) {
        const r = spawnSync('npx', ['webpack', '--config', 'webpack.config.js'], {
          cwd: repoPath(),
          encoding: 'utf8',
        });
        if (r.status !== 0) throw new Error(`webpack failed: ${r.stdout}${r.stderr}`);
      }
      const grid = readXlsx(await readFile(repoPath('examples', '总台账.xlsx'))).workbook;
      site = await servePane(await fakeOfficeScript(grid));
      browser = await launchChromium();
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${site.origin}/taskpane.html`);
      await page.waitForFunction("document.getElementById('status').textContent.startsWith('已连接')");
      await page.fill('#report-period', '2026-11-1');
      await page.setInputFiles(
        '#reports',
        repoPath('examples', 'reports', '2026-11-1', '高端装备产业园指挥部-2026年11月上半月进展.xlsx'),
      );
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#merge')]);
      expect(download.suggestedFilename()).toBe('重点项目情况通报-第21期.docx');
      await page.waitForSelector('#status.ok');
      expect(await page.textContent('#lines')).toContain(
        'Word 公文格式的通报已下载为「重点项目情况通报-第21期.docx」',
      );
      const bytes = new Uint8Array(await readFile((await download.path()) ?? ''));
      const text = paragraphsOf(docxParts(bytes)['word/document.xml'] ?? '').map((p) => p.text);
      expect(text.slice(0, 5)).toEqual([
        '重点项目情况通报',
        '第21期',
        '发展改革局重点项目办公室2026年11月13日',
        '关于2026年11月上半月重点项目建设进展情况的通报',
        '报：纪工委、工委（综合）办公室',
      ]);
      const pictures = Object.values(docxMedia(bytes));
      expect(pictures).toHaveLength(2);
      for (const png of pictures) expect([...png.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
      expect(errors).toEqual([]);
    },
    120_000,
  );
});
