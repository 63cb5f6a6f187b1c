import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { addinText, BOOT_WAIT_SECONDS } from '../../src/addin/messages.js';
import { fakeDataOf } from '../helpers/office.js';
import { mailBytes } from '../helpers/merge-mail.js';
import { ADDIN_DIR, BUILD_TIMEOUT_MS, ensureAddinBuilt } from '../helpers/addin-build.js';
import { repoPath } from '../helpers/paths.js';
import { CHROMIUM, launchChromium } from '../helpers/chromium.js';
import { requireTool } from '../helpers/tools.js';
import { installedExcelApiSets } from './api-sets.js';
import { IE11_LACKS } from './ie11.js';
import './fake-office.js';

/**
 * The task pane as a real page in headless Chromium: the built site (dist-addin/) served on
 * localhost, every request to another host blocked and recorded (there must be none), the fake
 * of Office.js served where office.js is (the real runtime needs Excel), over the example 总台账.
 * A clerk's clicks in Excel 2016's ExcelApi 1.1 with the page's modern built-ins taken away (as
 * IE11 lacks them), in an older and in a current Excel, in English; and what the page says when
 * office.js or Excel never answers.
 */
const browserTool = requireTool(CHROMIUM);

let browser: Browser | undefined;
let server: Server | undefined;
let origin = '';
let fake = '';
let data = '';
/** Requests the pages made to any host but the site's own: must stay empty. */
const elsewhere: string[] = [];
const errors: string[] = [];

const JS = 'application/javascript; charset=utf-8';
const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'text/xml; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

interface PaneOptions {
  /** The newest ExcelApi set of the Excel the page is in. */
  readonly excelApi?: string;
  readonly displayLanguage?: string;
  /** Take away what IE11 lacks before the page's scripts run. */
  readonly ie11?: boolean;
  /** What is served as office.js: the fake of Office.js (default), nothing (404), or one that never answers. */
  readonly office?: 'fake' | 'missing' | 'silent';
  /** Serve this instead of the pane's script. */
  readonly taskpaneJs?: string;
  /** Control the page's clock (the boot script's wait). */
  readonly clock?: boolean;
}

/** office.js's stand-in: the fake installed over the example master, with the options given. */
function officeScript(o: PaneOptions): string {
  const options = JSON.stringify({
    apiSets: Object.fromEntries(globalThis.KpdFakeOffice.OFFERS.map((k) => [k, installedExcelApiSets()[k]])),
    excelApi: o.excelApi ?? '1.13',
    displayLanguage: o.displayLanguage ?? 'zh-CN',
  });
  const body = `${fake}\nKpdFakeOffice.install(${data}, ${options});`;
  return o.ie11 ? `window.__kpdShowNatives();\n${body}\nwindow.__kpdHideNatives();` : body;
}

/**
 * Waits until a page expression is true, asking with plain evaluations: Playwright's own
 * waiting helpers run a script in the page that needs the built-ins the IE11 page lacks.
 */
async function until(page: Page, expression: string, timeout = 60_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Text of an element, and of the result lines (plain evaluations too). */
const text = (page: Page, id: string): Promise<string> =>
  page.evaluate(`document.getElementById(${JSON.stringify(id)}).textContent`);
const lines = (page: Page): Promise<string[]> =>
  page.evaluate(
    "Array.prototype.map.call(document.querySelectorAll('#lines li'), function (li) { return li.textContent; })",
  );

/** The pane opened as Excel would open it, on the site served here. */
async function openPane(o: PaneOptions = {}, waitFor: string | null = '已连接'): Promise<Page> {
  const page = await (browser as Browser).newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  if (o.clock) {
    // Time stands still until the test moves it: the wait is counted from the page's start.
    await page.clock.install({ time: 0 });
    await page.clock.pauseAt(1000);
  }
  if (o.ie11) await page.addInitScript({ content: IE11_LACKS });
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== origin) {
      elsewhere.push(url.href);
      return route.abort('blockedbyclient');
    }
    if (url.pathname === '/office-js/office.js') {
      const office = o.office ?? 'fake';
      if (office === 'missing') return route.fulfill({ status: 404, body: 'Not Found' });
      const body =
        office === 'silent'
          ? 'window.Office = { onReady: function () { return new Promise(function () {}); }, context: {} };'
          : officeScript(o);
      return route.fulfill({ contentType: JS, body });
    }
    if (url.pathname === '/taskpane.js' && o.taskpaneJs !== undefined)
      return route.fulfill({ contentType: JS, body: o.taskpaneJs });
    return route.continue();
  });
  await page.goto(`${origin}/taskpane.html`);
  if (waitFor !== null)
    await until(
      page,
      `document.getElementById('status').textContent.indexOf(${JSON.stringify(waitFor)}) === 0`,
    );
  return page;
}

/** The fake workbook behind a page (window, not globalThis: the IE11 page has no globalThis before its polyfills). */
const sheetNames = (page: Page): Promise<string[]> =>
  page.evaluate('window.KpdFakeOffice.book.sheets.map(function (s) { return s.name; })');

let page: Page;
let english: Page;

browserTool.describe('the task pane in Chromium, served from its own site', () => {
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
          res.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream' });
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
    page = await openPane();
    english = await openPane({ displayLanguage: 'en-US' }, 'Connected');
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  browserTool.it(
    'in Excel 2016 (ExcelApi 1.1) with what IE11 lacks taken away: 计算排名, 汇总通报 (downloaded) and 检查 run, no request leaves the site',
    async () => {
      const old = await openPane({ excelApi: '1.1', ie11: true });
      // The page's own Promise and TextDecoder are the polyfills' (the engine's were taken away).
      expect(await old.evaluate('typeof window.Promise + typeof window.TextDecoder')).toBe(
        'functionfunction',
      );
      // Typing is not checked on 1.1, and the page says what to do instead.
      expect(await old.evaluate("document.getElementById('live').disabled")).toBe(true);
      expect(await text(old, 'live-note')).toBe(addinText('api.noLiveCheck'));
      const done = "document.getElementById('status').className !== ''";

      await old.fill('#period', '2026Q3');
      await old.click('#rank');
      await until(old, done);
      expect(await text(old, 'status')).toContain('2026年第3季度已计算：代办员 10 名，责任单位 12 个。');
      expect(await lines(old)).toContain(addinText('api.basicLayout'));
      expect(await sheetNames(old)).toEqual(expect.arrayContaining(['代办员考核结果', '单位考评排名']));

      // 汇总通报 with a report and an e-mail whose attachment has a GBK-encoded name: the
      // polyfilled TextDecoder reads it; the bulletin is offered as a file.
      const from = (name: string): string => repoPath('examples', 'reports', '2026-11-1', name);
      const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const first = '高端装备产业园指挥部-2026年11月上半月进展.xlsx';
      const other = await readFile(from('城区棚户区改造指挥部-2026年11月上半月进展.xlsx'));
      const mail = mailBytes({
        from: 'cqgz@example.cn',
        subject: 'report',
        date: 'Wed, 11 Nov 2026 16:00:00 +0800',
        attachments: [
          { name: '城区棚户区改造指挥部进展.xlsx', bytes: new Uint8Array(other), style: 'rfc2047' },
        ],
      });
      await old.fill('#report-period', '2026-11-1');
      await old.setInputFiles('#reports', [
        { name: first, mimeType: xlsx, buffer: await readFile(from(first)) },
        { name: '来信.eml', mimeType: 'message/rfc822', buffer: Buffer.from(mail) },
      ]);
      const [download] = await Promise.all([old.waitForEvent('download'), old.click('#merge')]);
      expect(download.suggestedFilename()).toBe('重点项目情况通报-第21期.xlsx');
      await until(old, done);
      expect(await text(old, 'status')).toContain('已下载为「重点项目情况通报-第21期.xlsx」');
      expect(await lines(old)).toContain(addinText('api.downloaded'));
      const saved = readXlsx(new Uint8Array(await readFile((await download.path()) ?? ''))).workbook;
      expect(saved.sheets.find((x) => x.name === '来源')?.rows.flat()).toContain(
        '来信.eml › 城区棚户区改造指挥部进展.xlsx',
      );

      await old.click('#check');
      await until(old, "document.getElementById('status').textContent.indexOf('总台账检查完毕') === 0");
      expect((await lines(old))[0]).toMatch(/^错误　/u);
      await old.setViewportSize({ width: 360, height: 900 });
      await old
        .screenshot({ path: repoPath('out', 'taskpane-excel2016.png'), fullPage: true })
        .catch(() => undefined);
      await old.close();
      expect(errors).toEqual([]);
      expect(elsewhere).toEqual([]);
    },
    180_000,
  );

  browserTool.it('opens in Chinese, connected, with last quarter proposed', async () => {
    expect(await page.title()).toBe('重点项目推进助手');
    expect(await page.inputValue('#period')).toMatch(/^\d{4}Q[1-4]$/u);
    expect(await page.isEnabled('#rank')).toBe(true);
    expect(await page.textContent('#rank')).toBe('计算排名');
  });

  browserTool.it(
    '计算排名 writes the result sheets into the workbook and says who is praised',
    async () => {
      await page.fill('#period', '2026Q3');
      await page.click('#rank');
      await page.waitForSelector('#status.ok, #status.bad');
      expect(await page.getAttribute('#status', 'class')).toBe('ok');
      expect(await page.textContent('#status')).toContain(
        '2026年第3季度已计算：代办员 10 名，责任单位 12 个。',
      );
      const lines = await page.$$eval('#lines li', (li) => li.map((x) => x.textContent ?? ''));
      expect(lines[0]).toMatch(/^通报表扬：/u);
      const sheets = await sheetNames(page);
      expect(sheets).toEqual(
        expect.arrayContaining(['代办员考核结果', '扣分明细', '单位考评排名', '排名历史', '数据问题']),
      );
      expect(errors).toEqual([]);
    },
    60_000,
  );

  browserTool.it(
    'checks an entry where it is typed: a 代办员 not in the roster, then corrected',
    async () => {
      const type = (address: string, value: string) =>
        page.evaluate(
          ([a, v]) =>
            (
              globalThis as unknown as {
                KpdFakeOffice: { book: { type(s: string, a: string, v: string): Promise<void> } };
              }
            ).KpdFakeOffice.book.type('项目登记', a as string, v as string),
          [address, value],
        );
      const column = await page.evaluate(() => {
        const book = (
          globalThis as unknown as {
            KpdFakeOffice: { book: { sheet(n: string): { rows(): unknown[][] } } };
          }
        ).KpdFakeOffice.book;
        const rows = book.sheet('项目登记').rows();
        const h = rows.findIndex((r) => r.includes('代办员'));
        return { col: rows[h]?.indexOf('代办员') ?? -1, row: h + 2 };
      });
      const address = `${String.fromCharCode(65 + column.col)}${column.row}`;
      await type(address, '王小二');
      await page.waitForSelector('#status.bad');
      expect(await page.textContent('#status')).toBe(`「项目登记」${address}：有 1 处问题，请修改。`);
      expect(await page.textContent('#lines li')).toContain('王小二');
      await type(address, '张伟');
      await page.waitForSelector('#status.ok');
      expect(await page.textContent('#status')).toBe(`「项目登记」${address}：已检查，没有问题。`);
      expect(errors).toEqual([]);
    },
    60_000,
  );

  browserTool.it(
    '生成议程 writes the meeting’s sheets for the Saturday given',
    async () => {
      expect(await page.inputValue('#meeting')).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
      await page.fill('#meeting', '2026-11-14');
      await page.click('#agenda');
      await page.waitForFunction("document.getElementById('status').textContent.includes('例会议程已写入')");
      expect(await page.getAttribute('#status', 'class')).toBe('ok');
      expect(errors).toEqual([]);
    },
    60_000,
  );

  browserTool.it(
    '生成议程 with topic forms picked in the page: a workbook and an e-mail (GBK name) read in the browser',
    async () => {
      const topics = (name: string): Promise<Buffer> => readFile(repoPath('examples', 'topics', name));
      const water = await topics('水系连通工程指挥部-议题申报-1114.xlsx');
      // The water HQ's form came by e-mail on Tuesday morning: the mail's time puts it on time
      // (its own 申报时间 says Wednesday, after the cut-off).
      const mail = mailBytes({
        from: 'slgc@example.cn',
        subject: 'topics',
        date: 'Tue, 10 Nov 2026 09:30:00 +0800',
        attachments: [
          { name: '水系连通工程指挥部议题.xlsx', bytes: new Uint8Array(water), style: 'rfc2231' },
        ],
      });
      await page.setInputFiles('#topics', [
        {
          name: '智慧城市建设指挥部-议题申报-1114.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer: await topics('智慧城市建设指挥部-议题申报-1114.xlsx'),
        },
        { name: '来信.eml', mimeType: 'message/rfc822', buffer: Buffer.from(mail) },
      ]);
      await page.fill('#meeting', '2026-11-14');
      await page.click('#agenda');
      await page.waitForFunction("document.getElementById('status').textContent.includes('例会议程已写入')");
      expect(await page.getAttribute('#status', 'class')).toBe('ok');
      expect(await page.textContent('#lines li')).toMatch(
        /^所选文件 2 个，其中议题申报表 2 份，列入本次会议 2 份，议题 [3-9] 项；/u,
      );
      const rows = (await page.evaluate(() =>
        globalThis.KpdFakeOffice.book?.sheet('议题及滞后项目')?.rows(),
      )) as unknown[][];
      const topicRows = rows.filter((r) => r[2] === '申报议题');
      expect(new Set(topicRows.map((r) => r[1]))).toEqual(
        new Set(['智慧城市建设指挥部', '水系连通工程指挥部']),
      );
      const problems = (await page.evaluate(() =>
        globalThis.KpdFakeOffice.book?.sheet('议题数据问题')?.rows(),
      )) as unknown[][];
      expect(problems.flat().join('\n')).not.toContain('转入');
      await page.setInputFiles('#topics', []);
      expect(errors).toEqual([]);
    },
    60_000,
  );

  browserTool.it(
    '汇总通报: reports picked in the page (one inside an e-mail) become the bulletin, opened as a new workbook; 导入台账 takes it into the ledgers',
    async () => {
      const from = (name: string): string => repoPath('examples', 'reports', '2026-11-1', name);
      await page.fill('#report-period', '2026-11-1');
      await page.setInputFiles('#reports', [
        from('高端装备产业园指挥部-2026年11月上半月进展.xlsx'),
        from('现代物流园指挥部-2026年11月上半月进展.eml'),
      ]);
      await page.click('#merge');
      await page.waitForSelector('#status.ok, #status.bad');
      expect(await page.textContent('#status')).toMatch(
        /^重点项目情况通报（第21期）（2026年11月上半月，报送截止 2026-11-12）已在新工作簿中打开，请另存为「重点项目情况通报-第21期\.xlsx」：应报 8 个指挥部，按时 1、迟报 1、未报 6；/u,
      );
      const created = (await page.evaluate(() => globalThis.KpdFakeOffice.created)) as string[];
      expect(created).toHaveLength(1);
      const made = readXlsx(new Uint8Array(Buffer.from(created[0] ?? '', 'base64'))).workbook;
      const sources = made.sheets.find((x) => x.name === '来源')?.rows.flat() ?? [];
      // The e-mail's attachment, its Chinese name decoded in the browser, is behind its figures.
      expect(sources).toContain(
        '现代物流园指挥部-2026年11月上半月进展.eml › 现代物流园指挥部11月上半月进展.xlsx',
      );
      await page.setInputFiles('#reports', []);
      expect(errors).toEqual([]);

      // The clerk saves it, then 导入台账 takes its period into the master's ledgers.
      await page.setInputFiles('#bulletin', {
        name: '重点项目情况通报-第21期.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from(created[0] ?? '', 'base64'),
      });
      await page.click('#ledger');
      await page.waitForFunction("document.getElementById('status').textContent.startsWith('已导入')");
      expect(await page.textContent('#status')).toMatch(
        /^已导入 2026-11-1：进展记录 \d+ 行，报送记录 8 行，/u,
      );
      const log = (await page.evaluate(() =>
        globalThis.KpdFakeOffice.book?.sheet('报送记录')?.rows(),
      )) as unknown[][];
      expect(log.filter((r) => r[0] === '2026-11-1').map((r) => r[4])).toContain('迟报');
      expect(errors).toEqual([]);
    },
    60_000,
  );

  browserTool.it(
    'in Excel 2019 (ExcelApi 1.7), 汇总通报 offers the bulletin as a download; typing is checked by the button only',
    async () => {
      const older = await openPane({ excelApi: '1.7' });
      expect(await older.isDisabled('#live')).toBe(true);
      expect(await older.textContent('#live-note')).toBe(addinText('api.noLiveCheck'));
      await older.fill('#report-period', '2026-11-1');
      await older.setInputFiles(
        '#reports',
        repoPath('examples', 'reports', '2026-11-1', '高端装备产业园指挥部-2026年11月上半月进展.xlsx'),
      );
      const [download] = await Promise.all([older.waitForEvent('download'), older.click('#merge')]);
      expect(download.suggestedFilename()).toBe('重点项目情况通报-第21期.xlsx');
      await older.waitForSelector('#status.ok');
      expect(await older.textContent('#status')).toContain('已下载为「重点项目情况通报-第21期.xlsx」');
      const saved = readXlsx(new Uint8Array(await readFile((await download.path()) ?? ''))).workbook;
      expect(saved.sheets.map((x) => x.name)).toContain('项目进展');
      expect(await older.evaluate(() => globalThis.KpdFakeOffice.created.length)).toBe(0);
      await older.close();
      expect(errors).toEqual([]);
    },
    60_000,
  );

  browserTool.it(
    'speaks English where Office does: its words, its results (sheet names stay Chinese)',
    async () => {
      expect(await english.title()).toBe('Key Project Desk');
      expect(await english.textContent('#rank')).toBe('Rank (计算排名)');
      expect(await english.textContent('#merge')).toBe('Merge into bulletin (汇总通报)');
      expect(await english.textContent('#ledger')).toBe('Import into ledgers (导入台账)');
      expect(await english.textContent('#l-topics')).toBe(
        'Topic forms received (several allowed; .xlsx, .eml or .zip)',
      );
      await english.fill('#period', '2026Q3');
      await english.click('#rank');
      await english.waitForSelector('#status.ok, #status.bad');
      expect(await english.textContent('#status')).toMatch(
        /^2026Q3 done: 10 agents, 12 units\. Results written to 「代办员考核结果」/u,
      );
      expect(errors).toEqual([]);
    },
    60_000,
  );

  browserTool.it(
    '导入放假通知: the notice pasted into the page becomes the 节假日 rows (at 360 px wide)',
    async () => {
      const narrow = await openPane();
      await narrow.setViewportSize({ width: 360, height: 900 });
      await narrow.fill(
        '#notice-text',
        await readFile(repoPath('test', 'fixtures', 'holiday-notices', '2026.txt'), 'utf8'),
      );
      await narrow.click('#holidays');
      await narrow.waitForSelector('#status.ok, #status.bad');
      expect(await narrow.textContent('#status')).toBe(
        '已把 2026 年放假安排写入「节假日」表：放假 33 天、调休上班 6 天（表中共 39 行）。',
      );
      const rows = (await narrow.evaluate(() =>
        globalThis.KpdFakeOffice.book?.sheet('节假日')?.rows(),
      )) as unknown[][];
      expect(rows.filter((r) => r[1] === '班')).toHaveLength(6);
      // Wider than the pane nothing is: the text box and the button fit in 360 px.
      const widths = (await narrow.evaluate(
        "['notice-text', 'holidays'].map((id) => document.getElementById(id).getBoundingClientRect().right)",
      )) as number[];
      for (const w of widths) expect(w).toBeLessThanOrEqual(360);
      await narrow.locator('#h-holidays').scrollIntoViewIfNeeded();
      await narrow
        .screenshot({ path: repoPath('out', 'taskpane-holidays.png'), fullPage: true })
        .catch(() => undefined);
      await narrow.close();
      expect(errors).toEqual([]);
    },
    60_000,
  );

  browserTool.it(
    '检查 lists the master’s findings, sheet and cell first',
    async () => {
      await page.click('#check');
      await page.waitForFunction(
        "document.getElementById('status').textContent.startsWith('总台账检查完毕')",
      );
      const lines = await page.$$eval('#lines li', (li) => li.map((x) => x.textContent ?? ''));
      expect(lines.length).toBeGreaterThan(0);
      expect(lines[0]).toMatch(/^错误　/u);
      await page.screenshot({ path: repoPath('out', 'taskpane.png') }).catch(() => undefined);
      expect(errors).toEqual([]);
    },
    60_000,
  );

  browserTool.it(
    'says within 10 seconds, in Chinese, that office.js did not load, and what to check',
    async () => {
      const p = await openPane({ office: 'missing', clock: true }, null);
      await p.clock.runFor(BOOT_WAIT_SECONDS * 1000 + 100);
      // Chinese first (the browser here is English, so the English follows on its own line).
      expect(await p.textContent('#status')).toBe(
        `${addinText('boot.officeJsMissing', 'zh', { url: `${origin}/office-js/office.js` })}\n${addinText('boot.officeJsMissing', 'en', { url: `${origin}/office-js/office.js` })}`,
      );
      await p.close();
    },
    60_000,
  );

  browserTool.it(
    'says within 10 seconds that Excel did not answer (office.js there, onReady never called)',
    async () => {
      const p = await openPane({ office: 'silent', clock: true }, null);
      await p.clock.runFor((BOOT_WAIT_SECONDS - 1) * 1000);
      expect(await p.textContent('#status')).toBe('正在连接 Excel……');
      await p.clock.runFor(1100);
      expect(await p.textContent('#status')).toMatch(
        new RegExp(`^${addinText('boot.hostSilent', 'zh', { seconds: BOOT_WAIT_SECONDS })}\n`, 'u'),
      );
      await p.close();
    },
    60_000,
  );

  browserTool.it(
    'says so when the pane’s own script cannot run (an engine that cannot parse it, a damaged file)',
    async () => {
      const before = errors.length;
      const p = await openPane({ taskpaneJs: 'var pane = class extends {', clock: true }, null);
      await p.clock.runFor(BOOT_WAIT_SECONDS * 1000 + 100);
      expect(await p.textContent('#status')).toMatch(
        /^窗格的脚本没有运行（Uncaught SyntaxError: [^）]+）：请确认网站上的 taskpane\.js/u,
      );
      await p.close();
      errors.splice(before);
      expect(elsewhere).toEqual([]);
    },
    60_000,
  );
});
