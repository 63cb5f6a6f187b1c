import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import type { WorkbookGrid } from '../../src/core/values/grid.js';
import { AGENDA_DECISIONS } from '../../src/core/schema/agenda.js';
import { trimmed } from '../helpers/office.js';
import { repoPath } from '../helpers/paths.js';
import { CHROMIUM, launchChromium } from '../helpers/chromium.js';
import { requireTool } from '../helpers/tools.js';
import { fakeBookOf } from '../helpers/wps.js';

/**
 * The WPS 加载项 as WPS 表格 loads it, in headless Chromium: the built folder (dist-wps/kpd)
 * served over HTTP from this machine, WPS's window.Application given by the test (the fake of its
 * object model, holding the example 总台账). The entry page sets the ribbon's callbacks; a click
 * on 检查 opens the task pane page on its section; the page's WPS host reads and writes the
 * workbook through the ES5 bundle; nothing is requested from any other origin.
 */
const browserTool = requireTool(CHROMIUM);
const ROOT = repoPath('dist-wps');
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.xml': 'text/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

let server: Server;
let origin = '';
let browser: Browser | undefined;
let grid: WorkbookGrid;
/** The fake of WPS and window.Application over the example master, run before any page script. */
let init = '';
const foreign: string[] = [];
const errors: string[] = [];

async function open(path: string): Promise<Page> {
  if (!browser) throw new Error('no browser');
  const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  await page.addInitScript({ content: init });
  await page.goto(`${origin}/kpd/${path}`);
  return page;
}

browserTool.describe('the WPS 加载项 in Chromium', () => {
  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'kpd', 'taskpane.js'))) {
      const r = spawnSync('npx', ['webpack', '--config', 'webpack.wps.config.js'], {
        cwd: repoPath(),
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`webpack failed: ${r.stdout}${r.stderr}`);
    }
    grid = readXlsx(await readFile(repoPath('examples', '总台账.xlsx'))).workbook;
    const fake = await readFile(repoPath('test', 'wps', 'fake-wps.js'), 'utf8');
    // Workbooks.Open of a made workbook gives a book of one sheet: the test reads the bytes WPS
    // was given (Application.fake.files) with our reader, in Node.
    init = `${fake}\nwindow.Application = KpdFakeWps.create(${JSON.stringify({ workbooks: [fakeBookOf(grid)] })}, { open: function () { return { sheets: [{ name: '汇总' }] }; } });`;
    server = createServer((req, res) => {
      const path = normalize(decodeURIComponent((req.url ?? '/').replace(/[?#].*$/u, ''))).replace(
        /^(\.\.[/\\])+/u,
        '',
      );
      readFile(join(ROOT, path))
        .then((body) => {
          res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
          res.end(body);
        })
        .catch(() => {
          res.writeHead(404);
          res.end();
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  browserTool.it(
    'the entry page sets the ribbon callbacks; 检查 opens the task pane on its section',
    async () => {
      const entry = await open('index.html');
      const ribbon = await (await fetch(`${origin}/kpd/ribbon.xml`)).text();
      const named = [...ribbon.matchAll(/\s(?:onLoad|onAction|getEnabled|getImage)="([^"]+)"/gu)].map(
        (m) => m[1],
      );
      expect(named.length).toBeGreaterThan(6);
      for (const name of new Set(named))
        expect(
          await entry.evaluate(
            (n) => typeof (globalThis as unknown as Record<string, unknown>)[n ?? ''],
            name,
          ),
          name,
        ).toBe('function');
      const pane = await entry.evaluate(() => {
        const w = globalThis as unknown as {
          OnAddinLoad(ui: object): boolean;
          OnAction(c: { Id: string }): boolean;
          GetImage(c: { Id: string }): string;
          Application: { fake: { panes: { url: string; visible: boolean }[] } };
        };
        w.OnAddinLoad({});
        w.OnAction({ Id: 'kpdCheck' });
        return {
          panes: w.Application.fake.panes.map((p) => [p.url, p.visible]),
          image: w.GetImage({ Id: 'kpdCheck' }),
        };
      });
      expect(pane.panes).toEqual([[`${origin}/kpd/taskpane.html#check`, true]]);
      expect((await fetch(`${origin}/kpd/${pane.image}`)).status).toBe(200);
      expect(foreign).toEqual([]);
      expect(errors).toEqual([]);
    },
    60_000,
  );

  browserTool.it(
    'the task pane page (the shared page) runs the WPS host from its ES5 bundle: reads the master, writes a sheet',
    async () => {
      const page = await open('taskpane.html#check');
      expect(await page.title()).toBe('重点项目推进助手');
      await page.waitForFunction(
        () => (globalThis as unknown as { kpdHost?: unknown }).kpdHost !== undefined,
      );
      const read = await page.evaluate(async () => {
        const host = (
          globalThis as unknown as {
            kpdHost: {
              readWorkbook(): Promise<{
                sheets: { name: string; rows: unknown[][] }[];
                definedNames?: Map<string, string>;
              }>;
            };
          }
        ).kpdHost;
        const wb = await host.readWorkbook();
        return { sheets: wb.sheets, names: [...(wb.definedNames ?? new Map()).entries()] };
      });
      expect(read.sheets.map((s) => s.name)).toEqual(grid.sheets.map((s) => s.name));
      for (const s of grid.sheets)
        expect(trimmed(read.sheets.find((x) => x.name === s.name)?.rows ?? []), s.name).toEqual(
          trimmed(s.rows),
        );
      expect(new Map(read.names)).toEqual(grid.definedNames);

      const rows = [
        { itemId: 'DB-1', unit: '县发改委', deadline: '2026-11-20', state: '未到期' },
        { itemId: 'DB-2', unit: '县自然资源局', deadline: '2026-11-01', state: '逾期未完成' },
      ];
      const written = await page.evaluate(
        async ([sheet, r]) => {
          const w = globalThis as unknown as {
            kpdHost: { writeSheets(s: unknown[], p: Map<string, string>): Promise<void> };
            Application: { fake: { sheet(n: string): { rows(): unknown[][]; freeze: unknown } | undefined } };
          };
          await w.kpdHost.writeSheets([{ sheet, rows: r }], new Map([['例会日期', '2026-11-14']]));
          const ws = w.Application.fake.sheet((sheet as { name: string }).name);
          return { rows: ws?.rows() ?? [], freeze: ws?.freeze };
        },
        [AGENDA_DECISIONS, rows] as const,
      );
      const header = AGENDA_DECISIONS.columns.map((c) => c.header);
      const at = written.rows.findIndex((r) => r[0] === header[0]);
      expect(written.rows[at]).toEqual(header);
      expect(written.rows.slice(at + 1).map((r) => r.filter((v) => v !== ''))).toHaveLength(2);
      expect(written.freeze).toEqual({ rows: at + 1, cols: 0 });
      await page
        .screenshot({ path: repoPath('out', 'wps-taskpane.png'), fullPage: true })
        .catch(() => undefined);
      expect(foreign).toEqual([]);
      expect(errors).toEqual([]);
    },
    60_000,
  );

  browserTool.it(
    'at 360 px, 汇总通报 and 导入放假通知 run from their buttons through WPS and say what they did',
    async () => {
      const page = await open('taskpane.html#merge');
      await page.waitForFunction("!document.getElementById('merge').disabled");
      expect(await page.textContent('#status')).toBe(
        '已连接 WPS 表格。打开总台账后，选择要做的事并点击按钮。',
      );
      // The page's script is loaded once (the shared HTML's own script tags are the Office pane's).
      expect(await page.locator('script').count()).toBe(1);
      const dir = repoPath('examples', 'reports', '2026-11-1');
      const names = (await readdir(dir)).sort();
      await page.fill('#report-period', '2026-11-1');
      await page.setInputFiles(
        '#reports',
        names.map((n) => join(dir, n)),
      );
      await page.click('#merge');
      await page.waitForFunction("document.getElementById('status').className !== ''", null, {
        timeout: 60_000,
      });
      const merged = await page.evaluate(() => {
        const w = globalThis as unknown as {
          Application: { fake: { files: Map<string, Uint8Array>; books: { name: string }[] } };
        };
        return {
          files: [...w.Application.fake.files.entries()].map(
            ([path, bytes]) => [path, Array.from(bytes)] as const,
          ),
          books: w.Application.fake.books.map((b) => b.name),
        };
      });
      const status = [await page.getAttribute('#status', 'class'), await page.textContent('#status')];
      const lines = await page.locator('#lines li').allTextContents();
      expect(status).toEqual([
        'ok',
        expect.stringMatching(
          /^重点项目情况通报（第21期）（2026年11月上半月，报送截止 2026-11-12）已在新工作簿中打开，请另存为「重点项目情况通报-第21期\.xlsx」：应报 8 个指挥部/u,
        ),
      ]);
      // One bulletin (one click, one run), opened in WPS; the 公文 beside it in the same folder.
      expect(merged.files.map(([path]) => path.replace(/^.*[\\/]/u, ''))).toEqual([
        '重点项目情况通报-第21期.xlsx',
        '重点项目情况通报-第21期.docx',
      ]);
      expect(merged.books).toEqual(['总台账.xlsx', '重点项目情况通报-第21期.xlsx']);
      expect(lines[0]).toMatch(/^公文（Word 格式）已存为「C:.*重点项目情况通报-第21期\.docx」/u);
      const bulletin = readXlsx(new Uint8Array(merged.files[0]?.[1] ?? [])).workbook;
      expect(bulletin.sheets.map((x) => x.name)).toContain('汇总');
      expect(bulletin.sheets.find((x) => x.name === '汇总')?.rows.flat()).toContain('高端装备产业园指挥部');
      await page
        .screenshot({ path: repoPath('out', 'wps-taskpane-merge.png'), fullPage: false })
        .catch(() => undefined);

      const notice = await readFile(repoPath('test', 'fixtures', 'holiday-notices', '2025.txt'), 'utf8');
      const holidays = await open('taskpane.html#holidays');
      await holidays.waitForFunction("!document.getElementById('holidays').disabled");
      await holidays.fill('#notice-text', notice);
      await holidays.click('#holidays');
      await holidays.waitForFunction("document.getElementById('status').className !== ''");
      expect(await holidays.textContent('#status')).toBe(
        '已把 2025 年放假安排写入「节假日」表：放假 28 天、调休上班 5 天（表中共 33 行）。',
      );
      const written = await holidays.evaluate(() => {
        const w = globalThis as unknown as {
          Application: { fake: { sheet(n: string): { rows(): unknown[][] } | undefined } };
        };
        return w.Application.fake.sheet('节假日')?.rows() ?? [];
      });
      expect(written.flat()).toContain('春节');
      await holidays
        .screenshot({ path: repoPath('out', 'wps-taskpane-holidays.png'), fullPage: false })
        .catch(() => undefined);
      expect(foreign).toEqual([]);
      expect(errors).toEqual([]);
    },
    120_000,
  );
});
