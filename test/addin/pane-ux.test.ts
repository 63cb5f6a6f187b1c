import { createServer, type Server } from 'node:http';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { addinText } from '../../src/addin/messages.js';
import { fakeDataOf } from '../helpers/office.js';
import { ADDIN_DIR, BUILD_TIMEOUT_MS, ensureAddinBuilt } from '../helpers/addin-build.js';
import { repoPath } from '../helpers/paths.js';
import { CHROMIUM, launchChromium } from '../helpers/chromium.js';
import { requireTool } from '../helpers/tools.js';
import { installedExcelApiSets } from './api-sets.js';
import { IE11_LACKS } from './ie11.js';
import './fake-office.js';

/**
 * The pane as a clerk sees it in a 360×700 task pane (issue 15): each action's status lands
 * under its button and inside the screen, the sheet it wrote is the one Excel shows, nothing
 * sticks out sideways; 汇总通报 of 1,000 reports counts its way through without freezing the
 * page and stops cleanly on 取消; the ribbon's buttons open the pane on their section.
 */
const browserTool = requireTool(CHROMIUM);
const WIDTH = 360;
const HEIGHT = 700;

let browser: Browser | undefined;
let server: Server | undefined;
let origin = '';
let fake = '';
let data = '';
const errors: string[] = [];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const REPORTS = repoPath('examples', 'reports', '2026-11-1');

/** The pane over the example 总台账 in the fake Excel, at the task pane's size. */
async function openPane(o: { ie11?: boolean; hash?: string; excelApi?: string } = {}): Promise<Page> {
  const page = await (browser as Browser).newPage({ viewport: { width: WIDTH, height: HEIGHT } });
  page.on('pageerror', (e) => errors.push(e.message));
  if (o.ie11) await page.addInitScript({ content: IE11_LACKS });
  const options = JSON.stringify({
    apiSets: Object.fromEntries(globalThis.KpdFakeOffice.OFFERS.map((k) => [k, installedExcelApiSets()[k]])),
    excelApi: o.excelApi ?? '1.13',
    displayLanguage: 'zh-CN',
  });
  const body = `${fake}\nKpdFakeOffice.install(${data}, ${options});`;
  await page.route('**/office-js/office.js', (route) =>
    route.fulfill({
      contentType: 'application/javascript; charset=utf-8',
      body: o.ie11 ? `window.__kpdShowNatives();\n${body}\nwindow.__kpdHideNatives();` : body,
    }),
  );
  await page.goto(`${origin}/taskpane.html${o.hash ?? ''}`);
  await until(page, "document.getElementById('status').textContent.indexOf('已连接') === 0");
  return page;
}

/** Plain evaluations only: the IE11 page lacks what Playwright's waiting helpers need. */
async function until(page: Page, expression: string, timeout = 120_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const DONE = "document.getElementById('status').className !== ''";
const status = (page: Page): Promise<string> =>
  page.evaluate("document.getElementById('status').textContent");
const lines = (page: Page): Promise<string[]> =>
  page.evaluate(
    "Array.prototype.map.call(document.querySelectorAll('#lines li'), function (li) { return li.textContent; })",
  );
const activeSheet = (page: Page): Promise<string | undefined> =>
  page.evaluate('window.KpdFakeOffice.book.active && window.KpdFakeOffice.book.active.name');

/** Where the status is on screen, and how wide the page and its widest element are. */
interface Layout {
  readonly top: number;
  readonly bottom: number;
  readonly buttonTop: number;
  readonly scrollWidth: number;
  readonly widest: number;
}
const layout = (page: Page, button: string): Promise<Layout> =>
  page.evaluate(`(function () {
    var s = document.getElementById('status').getBoundingClientRect();
    var b = document.getElementById(${JSON.stringify(button)}).getBoundingClientRect();
    var widest = 0;
    var all = document.body.getElementsByTagName('*');
    for (var i = 0; i < all.length; i++) {
      var r = all[i].getBoundingClientRect();
      if (r.width > 0 && r.right > widest) widest = r.right;
    }
    return { top: s.top, bottom: s.bottom, buttonTop: b.top, scrollWidth: document.documentElement.scrollWidth, widest: widest };
  })()`);

/** The status of the action just run is on screen, under its button; nothing is wider than the pane. */
async function expectInView(page: Page, button: string): Promise<void> {
  const l = await layout(page, button);
  expect(l.top, `status of ${button}`).toBeGreaterThanOrEqual(0);
  expect(l.bottom, `status of ${button}`).toBeLessThanOrEqual(HEIGHT);
  expect(l.buttonTop, `button ${button}`).toBeGreaterThanOrEqual(0);
  expect(l.buttonTop).toBeLessThan(l.top);
  expect(l.scrollWidth).toBeLessThanOrEqual(WIDTH);
  expect(l.widest).toBeLessThanOrEqual(WIDTH);
}

const shot = async (page: Page, name: string): Promise<void> => {
  await mkdir(repoPath('out'), { recursive: true });
  await page.screenshot({ path: repoPath('out', `pane-${name}.png`) });
};

/** The example reports, as files picked in the pane. */
async function exampleReports(): Promise<{ name: string; mimeType: string; buffer: Buffer }[]> {
  const names = (await readdir(REPORTS)).filter((n) => n.endsWith('.xlsx')).sort();
  return Promise.all(
    names.map(async (name) => ({ name, mimeType: XLSX, buffer: await readFile(join(REPORTS, name)) })),
  );
}

browserTool.describe('the pane at 360×700: results where the eye is, long work that never freezes', () => {
  beforeAll(async () => {
    ensureAddinBuilt();
    const grid = readXlsx(await readFile(repoPath('examples', '总台账.xlsx'))).workbook;
    fake = await readFile(repoPath('test', 'addin', 'fake-office.js'), 'utf8');
    data = JSON.stringify(fakeDataOf(grid));
    server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
        /^(\.\.[/\\])+/u,
        '',
      );
      readFile(join(ADDIN_DIR, path))
        .then((body) => {
          const type = extname(path) === '.html' ? 'text/html; charset=utf-8' : 'application/javascript';
          res.writeHead(200, { 'content-type': type });
          res.end(body);
        })
        .catch(() => {
          res.writeHead(404);
          res.end();
        });
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchChromium();
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  browserTool.it(
    'each action, clicked as a clerk would (IE11 mode): status on screen under its button, its sheet shown, nothing wider than the pane',
    async () => {
      const page = await openPane({ ie11: true });
      // In the order of use: 检查 first, 计算排名 after the weekly and half-monthly work.
      const order = (await page.evaluate(
        "Array.prototype.map.call(document.getElementsByTagName('section'), function (s) { return s.id; })",
      )) as string[];
      expect(order.slice(0, 5)).toEqual(['s-check', 's-merge', 's-ledger', 's-agenda', 's-rank']);
      await shot(page, 'start');

      await page.click('#check');
      await until(page, DONE);
      expect(await status(page)).toMatch(/^总台账检查完毕/u);
      await expectInView(page, 'check');
      await shot(page, 'check');

      // 汇总通报: the bulletin opens in a new workbook; the pane then offers it to 导入台账.
      await page.fill('#report-period', '2026-11-1');
      await page.setInputFiles('#reports', await exampleReports());
      await page.click('#merge');
      await until(page, DONE);
      expect(await page.evaluate("document.getElementById('status').className")).toBe('ok');
      await expectInView(page, 'merge');
      // The corrected resubmission: one line for the whole replaced file, not one per row.
      const merged = await lines(page);
      const replaced = merged.filter((l) => l.includes('已被更正件'));
      expect(replaced).toHaveLength(1);
      expect(replaced[0]).toMatch(/^未并入　新能源汽车零部件指挥部-2026年11月上半月进展\.xlsx：整份 \d+ 行/u);
      expect(
        merged.filter((l) => l.includes('新能源汽车零部件指挥部-2026年11月上半月进展.xlsx')),
      ).toHaveLength(1);
      expect(
        await page.evaluate("getComputedStyle(document.getElementById('next-ledger')).display"),
      ).not.toBe('none');
      await shot(page, 'merge');

      await page.click('#next-ledger');
      await until(page, DONE);
      expect(await status(page)).toMatch(/^已导入 2026-11-1：进展记录 \d+ 行/u);
      expect(await activeSheet(page)).toBe('进展记录');
      await expectInView(page, 'ledger');
      await shot(page, 'ledger');

      await page.fill('#meeting', '2026-11-14');
      await page.click('#agenda');
      await until(page, DONE);
      expect(await page.evaluate("document.getElementById('status').className")).toBe('ok');
      expect(await activeSheet(page)).toBe('议程');
      await expectInView(page, 'agenda');
      await shot(page, 'agenda');

      await page.fill('#period', '2026Q3');
      await page.click('#rank');
      await until(page, DONE);
      expect(await status(page)).toContain('2026年第3季度已计算');
      expect(await activeSheet(page)).toBe('代办员考核结果');
      await expectInView(page, 'rank');
      await shot(page, 'rank');

      await page.fill(
        '#notice-text',
        await readFile(repoPath('test', 'fixtures', 'holiday-notices', '2026.txt'), 'utf8'),
      );
      await page.click('#holidays');
      await until(page, DONE);
      expect(await page.evaluate("document.getElementById('status').className")).toBe('ok');
      expect(await activeSheet(page)).toBe('节假日');
      await expectInView(page, 'holidays');
      await shot(page, 'holidays');

      // A notice without its year: the pane points at its own 年份 box, never at a --year option.
      await page.fill('#notice-text', '一、元旦：1月1日放假，共1天。');
      await page.fill('#notice-year', '');
      await page.click('#holidays');
      await until(page, DONE);
      const said = [await status(page), ...(await lines(page))].join('\n');
      expect(said).toContain('「年份」');
      expect(said).not.toMatch(/--[a-z]/u);
      await expectInView(page, 'holidays');
      await page.close();
      expect(errors).toEqual([]);
    },
    300_000,
  );

  browserTool.it(
    '汇总通报 of 1,000 reports: counts in order, the page answers clicks meanwhile, 取消 stops it with nothing written, every finding reachable',
    async () => {
      const page = await openPane();
      const examples = await exampleReports();
      // 1,000 small reports: the examples sent again and again (each HQ's last one wins).
      const files = Array.from({ length: 1000 }, (_, i) => {
        const e = examples[i % examples.length] as (typeof examples)[number];
        return { ...e, name: `${String(i).padStart(4, '0')}-${e.name}` };
      });
      await page.fill('#report-period', '2026-11-1');
      await page.setInputFiles('#reports', files);
      // What the status said, at every change the page let the observer see.
      await page.evaluate(`(function () {
        window.__seen = [];
        var s = document.getElementById('status');
        new MutationObserver(function () { window.__seen.push(s.textContent); })
          .observe(s, { childList: true, characterData: true, subtree: true });
        var probe = document.createElement('button');
        probe.id = 'probe';
        probe.textContent = 'probe';
        probe.onclick = function () { window.__probeAt = s.textContent; };
        document.body.insertBefore(probe, document.body.firstChild);
      })()`);
      const created = (): Promise<number> => page.evaluate('window.KpdFakeOffice.created.length');
      const before = await created();

      // 取消 while the reports are read: nothing opened, nothing written.
      const sheetsBefore = await page.evaluate(
        'JSON.stringify(window.KpdFakeOffice.book.sheets.map(function (s) { return s.name; }))',
      );
      await page.click('#merge');
      await until(
        page,
        "/正在读取文件 ([5-9]\\d|\\d{3,})\\//.test(document.getElementById('status').textContent)",
      );
      await page.click('#cancel');
      await until(page, DONE);
      expect(await status(page)).toBe(addinText('work.cancelled'));
      expect(await created()).toBe(before);
      expect(
        await page.evaluate(
          'JSON.stringify(window.KpdFakeOffice.book.sheets.map(function (s) { return s.name; }))',
        ),
      ).toBe(sheetsBefore);
      await shot(page, 'merge-cancelled');

      // Again to the end: a click on the page is answered while the files are read.
      await page.evaluate('window.__seen = []; window.__probeAt = undefined;');
      await page.click('#merge');
      await until(page, "/正在读取文件/.test(document.getElementById('status').textContent)");
      await shot(page, 'merge-progress');
      await page.click('#probe');
      expect(await page.evaluate('window.__probeAt')).toMatch(/^正在读取文件 \d+\/1000/u);
      await until(page, DONE, 600_000);
      expect(await page.evaluate("document.getElementById('status').className")).toBe('ok');
      expect(await created()).toBe(before + 1);

      // The counts arrived in order: files opened, then read n/1000 rising, then writing, then done.
      const seen = (await page.evaluate('window.__seen')) as string[];
      const phase = (t: string): number =>
        t === '正在汇总……'
          ? 0
          : t.startsWith('正在打开所选文件')
            ? 1
            : t.startsWith('正在读取文件')
              ? 2
              : /正在写入/u.test(t)
                ? 3
                : 4;
      const phases = seen.map(phase);
      expect([...phases].sort((a, b) => a - b)).toEqual(phases);
      expect(phases).toEqual(expect.arrayContaining([2, 3, 4]));
      const reading = seen.filter((t) => phase(t) === 2).map((t) => Number(/(\d+)\/1000/u.exec(t)?.[1]));
      expect(reading.length).toBeGreaterThan(1);
      for (let i = 1; i < reading.length; i++) expect(reading[i]).toBeGreaterThan(reading[i - 1] as number);
      expect(seen.find((t) => phase(t) === 3)).toMatch(/^已读取 1000 个文件、\d+ 行，正在写入/u);

      // 999 replaced files, one line each; the first 200 shown, the count said, the rest a click away.
      expect(await page.evaluate("document.querySelectorAll('#lines li').length")).toBe(200);
      const note = (await page.evaluate("document.getElementById('note').textContent")) as string;
      const total = Number(/^共 (\d+) 条，显示前 200 条/u.exec(note)?.[1]);
      expect(total).toBeGreaterThan(990);
      await expectInView(page, 'merge');
      await shot(page, 'merge-1000');
      await page.click('#more');
      expect(await page.evaluate("document.querySelectorAll('#lines li').length")).toBe(400);
      await page.close();
      expect(errors).toEqual([]);
    },
    900_000,
  );

  browserTool.it(
    '取消 in IE11 mode (the ES5 build with its polyfills): the merge stops, nothing is opened',
    async () => {
      const page = await openPane({ ie11: true });
      const examples = await exampleReports();
      const files = Array.from({ length: 300 }, (_, i) => {
        const e = examples[i % examples.length] as (typeof examples)[number];
        return { ...e, name: `${String(i).padStart(4, '0')}-${e.name}` };
      });
      await page.fill('#report-period', '2026-11-1');
      await page.setInputFiles('#reports', files);
      await page.click('#merge');
      await until(
        page,
        "/正在读取文件 ([2-9]\\d|\\d{3,})\\//.test(document.getElementById('status').textContent)",
      );
      await page.click('#cancel');
      await until(page, DONE);
      expect(await status(page)).toBe(addinText('work.cancelled'));
      expect(await page.evaluate("document.getElementById('status').className")).toBe('cancelled');
      expect(await page.evaluate('window.KpdFakeOffice.created.length')).toBe(0);
      await expectInView(page, 'merge');
      await page.close();
      expect(errors).toEqual([]);
    },
    300_000,
  );

  browserTool.it(
    'each ribbon button opens the pane on its section (taskpane.html#merge …)',
    async () => {
      for (const id of ['check', 'merge', 'ledger', 'agenda', 'rank']) {
        const page = await openPane({ hash: `#${id}` });
        const where = (await page.evaluate(
          `(function () { var s = document.getElementById('s-${id}'); var r = s.getBoundingClientRect();
            return { top: r.top, current: s.className, status: document.getElementById('status').getBoundingClientRect().bottom }; })()`,
        )) as { top: number; current: string; status: number };
        expect(where.current, id).toContain('current');
        expect(where.top, id).toBeGreaterThanOrEqual(0);
        expect(where.top, id).toBeLessThan(40);
        expect(where.status, id).toBeLessThanOrEqual(HEIGHT);
        if (id === 'merge') await shot(page, 'ribbon-merge');
        await page.close();
      }
      expect(errors).toEqual([]);
    },
    120_000,
  );
});
