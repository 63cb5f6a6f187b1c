import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { fakeDataOf } from '../helpers/office.js';
import { mailBytes } from '../helpers/merge-mail.js';
import { repoPath } from '../helpers/paths.js';
import { requireTool } from '../helpers/tools.js';

/**
 * The task pane as a real page in headless Chromium: the built bundle (dist-addin/) with the
 * fake of Office.js served where office.js is loaded from, over the example 总台账. A clerk's
 * clicks: 计算排名 for 2026Q3, then 检查.
 */
const CHROMIUM = '/usr/bin/chromium';
const browserTool = requireTool(CHROMIUM);
const PAGE = repoPath('dist-addin', 'taskpane.html');

let browser: Browser | undefined;
let page: Page;
let english: Page;
/** The fake of office.js with the example master, as served in place of office.js. */
let script = '';
const errors: string[] = [];

browserTool.describe('the task pane in Chromium', () => {
  beforeAll(async () => {
    // `npm test` builds the bundle first; a lone `vitest run` of this file builds it here.
    if (!existsSync(PAGE)) {
      const r = spawnSync('npx', ['webpack', '--config', 'webpack.config.js'], {
        cwd: repoPath(),
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`webpack failed: ${r.stdout}${r.stderr}`);
    }
    const grid = readXlsx(await readFile(repoPath('examples', '总台账.xlsx'))).workbook;
    const fake = await readFile(repoPath('test', 'addin', 'fake-office.js'), 'utf8');
    script = `${fake}\nKpdFakeOffice.install(${JSON.stringify(fakeDataOf(grid))});`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    // office.js comes from Microsoft's CDN in Excel; here, the fake takes its place.
    await page.route('https://appsforoffice.microsoft.com/**', (route) =>
      route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: script }),
    );
    await page.goto(pathToFileURL(PAGE).href);
    await page.waitForFunction("document.getElementById('status').textContent.startsWith('已连接')");
    // The same pane in an Office whose interface is English.
    english = await browser.newPage();
    english.on('pageerror', (e) => errors.push(e.message));
    await english.route('https://appsforoffice.microsoft.com/**', (route) =>
      route.fulfill({
        contentType: 'text/javascript; charset=utf-8',
        body: script.replace(/\);$/u, ", { displayLanguage: 'en-US' });"),
      }),
    );
    await english.goto(pathToFileURL(PAGE).href);
    await english.waitForFunction("document.getElementById('status').textContent.startsWith('Connected')");
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

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
      const sheets = await page.evaluate(() =>
        (
          globalThis as unknown as { KpdFakeOffice: { book: { sheets: { name: string }[] } } }
        ).KpdFakeOffice.book.sheets.map((s) => s.name),
      );
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
    'in an Excel older than ExcelApi 1.8, 汇总通报 offers the bulletin as a download; typing is checked by the button only',
    async () => {
      const older = await (browser as Browser).newPage();
      older.on('pageerror', (e) => errors.push(e.message));
      await older.route('https://appsforoffice.microsoft.com/**', (route) =>
        route.fulfill({
          contentType: 'text/javascript; charset=utf-8',
          body: script.replace(/\);$/u, ', { maxExcelApi: 7 });'),
        }),
      );
      await older.goto(pathToFileURL(PAGE).href);
      await older.waitForFunction("document.getElementById('status').textContent.startsWith('已连接')");
      expect(await older.isDisabled('#live')).toBe(true);
      expect(await older.textContent('#live-note')).toBe(
        '此版本的 Excel 不支持输入时检查，请用「检查」按钮。',
      );
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
      const narrow = await (browser as Browser).newPage({ viewport: { width: 360, height: 900 } });
      narrow.on('pageerror', (e) => errors.push(e.message));
      await narrow.route('https://appsforoffice.microsoft.com/**', (route) =>
        route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: script }),
      );
      await narrow.goto(pathToFileURL(PAGE).href);
      await narrow.waitForFunction("document.getElementById('status').textContent.startsWith('已连接')");
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
});
