import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type Browser } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { fakeOfficeScript, servePane } from '../helpers/pane-site.js';
import { repoPath } from '../helpers/paths.js';
import { CHROMIUM, launchChromium } from '../helpers/chromium.js';
import { requireTool } from '../helpers/tools.js';

/**
 * 进度图 in the built task pane (dist-addin/, `npm test` builds it) in headless Chromium at
 * 360 px, over the fake of Office.js with the example 总台账: the spreadsheet writer arrives as
 * its own chunk when the button is pressed, and the chart opens as a new workbook. The site is
 * served on the loopback address, as IT serves it; office.js is the fake.
 */
const browserTool = requireTool(CHROMIUM);
const PAGE = repoPath('dist-addin', 'taskpane.html');
let browser: Browser | undefined;
let site: Awaited<ReturnType<typeof servePane>> | undefined;

browserTool.describe('the task pane 进度图 in Chromium', () => {
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  browserTool.it(
    'draws the chart as of the day typed and opens it; the page stays usable at 360 px',
    async () => {
      expect(existsSync(PAGE), 'run npm run addin:build first').toBe(true);
      const grid = readXlsx(await readFile(repoPath('examples', '总台账.xlsx'))).workbook;
      browser = await launchChromium();
      const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      site = await servePane(await fakeOfficeScript(grid));
      await page.goto(`${site.origin}/taskpane.html`);
      await page.waitForFunction("document.getElementById('status').textContent.startsWith('已连接')");
      expect(await page.inputValue('#chart-day')).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
      expect(await page.textContent('#chart')).toBe('进度图');
      await page.fill('#chart-day', '2026-11-13');
      await page.click('#chart');
      await page.waitForSelector('#status.ok, #status.bad', { timeout: 60_000 });
      expect(await page.textContent('#status')).toMatch(
        /^进度图（挂图作战，截至 2026-11-13）已在新工作簿中打开，请另存为「进度图-2026-11-13\.xlsx」：8 个指挥部，30 个项目，90 个节点/u,
      );
      const created = (await page.evaluate(() => globalThis.KpdFakeOffice.created)) as string[];
      expect(created).toHaveLength(1);
      const made = readXlsx(new Uint8Array(Buffer.from(created[0] ?? '', 'base64'))).workbook;
      expect(made.sheets.filter((s) => !s.hidden).map((s) => s.name)).toHaveLength(8);
      // Nothing sticks out of the 360 px pane.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
      await page.locator('#chart').scrollIntoViewIfNeeded();
      await page.screenshot({ path: repoPath('out', 'taskpane-chart.png') }).catch(() => undefined);
      expect(errors).toEqual([]);
    },
    120_000,
  );
});
