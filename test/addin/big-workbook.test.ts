import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonBytes, readWorkbookGrid, writeResultSheets } from '../../src/adapters/office/excel.js';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { LiveCheck } from '../../src/addin/live-check.js';
import { checkEdit, checkWorkbook } from '../../src/addin/pane.js';
import type { Row, WorkbookGrid } from '../../src/core/values/grid.js';
import { PROGRESS_LOG } from '../../src/core/schema/master.js';
import { fakeWorkbook, trimmed } from '../helpers/office.js';
import { repoPath } from '../helpers/paths.js';
import type { FakeWorkbook } from './fake-office.js';

/**
 * A master of 60,000 projects through a fake Excel that refuses any round trip over 4 MB (Excel
 * on the web: about 5 MB). Reading it, writing a 60,000-row table into it and checking an edit
 * in it go in pieces; the edit reads the edited row only once the lists are kept.
 */
const PROJECTS = 60_000;
let big: WorkbookGrid;

beforeAll(async () => {
  const grid = readXlsx(await readFile(repoPath('examples', '总台账.xlsx'))).workbook;
  big = {
    ...grid,
    sheets: grid.sheets.map((s) => {
      if (s.name !== '项目登记') return s;
      const header = s.rows.findIndex((r) => r[0] === '项目编号');
      const body = s.rows.slice(header + 1).filter((r) => r.length > 0);
      const rows: Row[] = s.rows.slice(0, header + 1);
      for (let i = 0; i < PROJECTS; i++) {
        const r = [...(body[i % body.length] ?? [])];
        r[0] = `AY-2026-${String(i + 1).padStart(5, '0')}`;
        r[1] = `${String(r[1])}（第${i + 1}号）`;
        rows.push(r);
      }
      return { ...s, rows };
    }),
  };
}, 60_000);

const LIMIT = 4 * 1024 * 1024;
const most = (book: FakeWorkbook, from = 0) =>
  book.payloads
    .slice(from)
    .reduce(
      (m, p) => ({ request: Math.max(m.request, p.request), response: Math.max(m.response, p.response) }),
      { request: 0, response: 0 },
    );

describe(`a master of ${PROJECTS.toLocaleString('en')} projects`, () => {
  it('is read whole in pieces under 4 MB, round trips growing with its bytes, and checked', async () => {
    const book = fakeWorkbook(big, '1.1');
    const read = await book.run((ctx) => readWorkbookGrid(ctx, book.excel));
    const projects = read.sheets.find((s) => s.name === '项目登记');
    expect(trimmed(projects?.rows ?? [])).toEqual(
      trimmed(big.sheets.find((s) => s.name === '项目登记')?.rows ?? []),
    );
    const total = book.payloads.reduce((a, p) => a + p.response, 0);
    expect(total).toBeGreaterThan(20_000_000);
    expect(most(book).response).toBeLessThanOrEqual(LIMIT);
    // About 2 MB a round trip: the count follows the bytes (not the 60,000 rows or 15 sheets).
    expect(book.syncs).toBeLessThanOrEqual(Math.ceil(total / 1_000_000) + 3);
    const before = book.syncs;
    const r = await checkWorkbook(book.excel);
    expect(r.summary).toMatch(/^总台账检查完毕：错误 \d+ 处/u);
    expect(most(book, before).response).toBeLessThanOrEqual(LIMIT);
  }, 240_000);

  it('takes a 60,000-row table written in pieces under 4 MB', async () => {
    const book = fakeWorkbook({ sheets: [{ name: '项目登记', rows: [['项目编号']] }] }, '1.13');
    const rows = Array.from({ length: PROJECTS }, (_, i) => ({
      period: '2026-11-1',
      hq: '高端装备产业园指挥部',
      projectId: `AY-2026-${String(i + 1).padStart(5, '0')}`,
      periodInvestment: 100 + i,
      ytdInvestment: 1000 + i,
      progress: '主体结构施工，完成形象进度的百分之六十',
      issues: i % 7 === 0 ? '征地拆迁遗留问题待协调，需县自然资源局牵头解决' : '',
    }));
    await book.run((ctx) => writeResultSheets(ctx, book.excel, [{ sheet: PROGRESS_LOG, rows }], new Map()));
    const sent = book.payloads.reduce((a, p) => a + p.request, 0);
    expect(sent).toBeGreaterThan(2 * LIMIT);
    expect(most(book).request).toBeLessThanOrEqual(LIMIT);
    expect(book.syncs).toBeLessThanOrEqual(Math.ceil(sent / 1_000_000) + 3);
    const written = trimmed(book.sheet('进展记录')?.rows() ?? []);
    expect(written.at(-1)?.[2]).toBe(`AY-2026-${PROJECTS}`);
    expect(jsonBytes(written)).toBeGreaterThan(LIMIT);
  }, 240_000);

  it('checks an edit: the first reads the register and the roster in pieces, the next only the row edited', async () => {
    const book = fakeWorkbook(big, '1.9');
    const live = new LiveCheck();
    const header =
      big.sheets.find((s) => s.name === '项目登记')?.rows.findIndex((r) => r[0] === '项目编号') ?? 0;
    const agentCol = String.fromCharCode(65 + (big.sheets[0]?.rows[header]?.indexOf('代办员') ?? 0));
    const last = header + 1 + PROJECTS; // the last project's row (1-based)
    const edit = (row: number) => ({
      worksheetId: book.sheet('项目登记')?.id ?? '',
      address: `${agentCol}${row}`,
      changeType: 'RangeEdited',
    });
    await book.type('项目登记', `${agentCol}${last}`, '王小二');
    const first = await checkEdit(book.excel, live, edit(last));
    expect(first.summary).toBe(`「项目登记」${agentCol}${last}：有 1 处问题，请修改。`);
    expect(most(book).response).toBeLessThanOrEqual(LIMIT);

    await book.type('项目登记', `${agentCol}${last}`, '张伟');
    const before = book.payloads.length;
    const second = await checkEdit(book.excel, live, edit(last));
    expect(second.summary).toBe(`「项目登记」${agentCol}${last}：已检查，没有问题。`);
    const reads = book.payloads.slice(before);
    expect(reads).toHaveLength(1);
    expect(reads[0]?.response).toBeLessThan(2_000);
  }, 240_000);
});
