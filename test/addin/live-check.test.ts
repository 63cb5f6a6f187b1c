import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookGrid } from '../../src/adapters/office/excel.js';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { LiveCheck, sheetsChecked } from '../../src/addin/live-check.js';
import { checkEdit } from '../../src/addin/pane.js';
import { columnLetters, type Cell, type WorkbookGrid } from '../../src/core/values/grid.js';
import { readMaster } from '../../src/core/master/read.js';
import { MASTER } from '../../src/core/schema/master.js';
import type { Issue } from '../../src/core/issues/issue.js';
import { META_SHEET } from '../../src/core/workbook/identify.js';
import { fakeWorkbook } from '../helpers/office.js';
import { repoPath } from '../helpers/paths.js';
import type { FakeWorkbook } from './fake-office.js';

/**
 * The check of an edit reads the edited rows and the sheets they are checked against, not the
 * workbook. Held here to the whole workbook's check: for every sheet of the master, the
 * findings on it are the same whether the workbook is read whole or only that sheet and its
 * lists — on the example master and on one where every cross-sheet check has something to find.
 */
let grid: WorkbookGrid;

beforeAll(async () => {
  grid = readXlsx(await readFile(repoPath('examples', '总台账.xlsx'))).workbook;
});

const key = (i: { code: string; sheet?: string; row?: number; column?: number }): string =>
  `${i.sheet ?? ''}!${i.row ?? ''}:${i.column ?? ''} ${i.code}`;

/** Only the sheets an edit of `sheet` reads (and the hidden mark), as the live check builds it. */
function reduced(wb: WorkbookGrid, sheet: string): WorkbookGrid {
  const keep = new Set([...sheetsChecked(MASTER, sheet), META_SHEET]);
  return { ...wb, sheets: wb.sheets.filter((s) => keep.has(s.name)) };
}

/** A copy of the workbook with cells changed: [sheet, row (1-based), header, value]. */
function edited(wb: WorkbookGrid, edits: readonly [string, number, string, Cell][]): WorkbookGrid {
  return {
    ...wb,
    sheets: wb.sheets.map((s) => {
      const mine = edits.filter((e) => e[0] === s.name);
      if (mine.length === 0) return s;
      const rows = s.rows.map((r) => [...r]);
      const header = rows.findIndex((r) => mine.every((e) => r.includes(e[2])));
      for (const [, row, h, value] of mine) {
        const target = rows[row - 1] ?? [];
        target[(rows[header] ?? []).indexOf(h)] = value;
        rows[row - 1] = target;
      }
      return { ...s, rows };
    }),
  };
}

/** Every cross-sheet check with something to find. */
const BROKEN: readonly [string, number, string, Cell][] = [
  ['项目登记', 4, '代办员', '王小二'],
  ['项目登记', 5, '项目编号', 'AY-2026-001'],
  ['节点计划', 3, '项目编号', 'AY-2099-999'],
  ['代办事项', 3, '一级代办员', '不在册'],
  ['代办事项', 4, '项目编号', 'AY-2099-998'],
  ['满意度测评', 3, '代办员', '无此人'],
  ['扣分记录', 3, '代办员', '查无此人'],
  ['单位考评', 3, '责任单位', '县外星局'],
  ['单位考评', 3, '督办落实', 99],
  ['进展记录', 4, '指挥部', '不存在指挥部'],
  ['报送记录', 3, '指挥部', '不存在指挥部'],
  ['一线工作记录', 3, '指挥部', '不存在指挥部'],
];

describe('the lists an edit is checked against (MASTER_LISTS)', () => {
  for (const [name, wb] of [
    ['the example master', () => grid],
    ['a master with a finding for every cross-sheet check', () => edited(grid, BROKEN)],
  ] as const)
    it(`give each sheet the findings the whole workbook gives it: ${name}`, () => {
      const whole = readMaster(wb()).issues;
      let compared = 0;
      for (const spec of MASTER.sheets) {
        const mine = (issues: readonly Issue[]) => issues.filter((i) => i.sheet === spec.name);
        const expected = mine(whole).map(key).sort();
        expect(
          mine(readMaster(reduced(wb(), spec.name)).issues)
            .map(key)
            .sort(),
          spec.name,
        ).toEqual(expected);
        compared += expected.length;
      }
      expect(compared).toBeGreaterThanOrEqual(name.startsWith('a master') ? BROKEN.length : 1);
    });
});

describe('LiveCheck over a fake Excel', () => {
  const editOf = (book: FakeWorkbook, sheet: string, address: string, changeType = 'RangeEdited') => ({
    worksheetId: book.sheet(sheet)?.id ?? '',
    address,
    changeType,
  });
  /** The 项目登记 column of a header, as a letter. */
  const column = (book: FakeWorkbook, header: string): string => {
    const rows = book.sheet('项目登记')?.rows() ?? [];
    const h = rows.find((r) => r.includes(header)) ?? [];
    return columnLetters(h.indexOf(header));
  };

  it('reads the lists once, then only the edited rows; edits of a list keep it true', async () => {
    const book = fakeWorkbook(grid, '1.9');
    const live = new LiveCheck();
    const agent = `${column(book, '代办员')}6`;
    await book.type('项目登记', agent, '王小二');
    let before = book.payloads.length;
    const first = await checkEdit(book.excel, live, editOf(book, '项目登记', agent));
    expect(first.summary).toBe(`「项目登记」${agent}：有 1 处问题，请修改。`);
    expect(first.lines[0]).toContain('王小二');
    const firstReads = book.payloads.slice(before);
    // The sheet list, the mark, then 项目登记 and 代办员名册 (their used ranges, their cells) —
    // not the twelve other sheets: less than half of what reading the workbook takes.
    expect(firstReads.length).toBeLessThanOrEqual(5);
    const whole = fakeWorkbook(grid, '1.9');
    await whole.run((ctx) => readWorkbookGrid(ctx, whole.excel));
    const bytes = (p: readonly { response: number }[]) => p.reduce((a, b) => a + b.response, 0);
    expect(bytes(firstReads)).toBeLessThan(bytes(whole.payloads) / 2);

    // The roster gains 王小二 (typed in the roster): that edit is checked and patches the list …
    const roster = book.sheet('代办员名册')?.rows() ?? [];
    const next = roster.length + 1;
    await book.paste('代办员名册', `A${next}`, [['王小二', '一级', '县发改局重点项目办']]);
    before = book.payloads.length;
    const rosterCheck = await checkEdit(book.excel, live, editOf(book, '代办员名册', `A${next}:C${next}`));
    expect(rosterCheck.summary).toBe(`「代办员名册」A${next}:C${next}：已检查，没有问题。`);
    // … by reading that row only: one round trip, a few hundred bytes.
    expect(book.payloads.slice(before)).toEqual([
      { request: expect.any(Number), response: expect.any(Number) },
    ]);
    expect(book.payloads.at(-1)?.response).toBeLessThan(1_000);

    // … so the 代办员 typed before is now known, reading the edited row only.
    before = book.payloads.length;
    const again = await checkEdit(book.excel, live, editOf(book, '项目登记', agent));
    expect(again.summary).toBe(`「项目登记」${agent}：已检查，没有问题。`);
    expect(book.payloads.length - before).toBe(1);
  });

  it('reads a sheet whole again after rows are inserted, and nothing at all for a sheet of no form', async () => {
    const book = fakeWorkbook(grid, '1.13');
    const live = new LiveCheck();
    const results: string[] = [];
    await book.run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async (e) => {
        const r = await checkEdit(book.excel, live, e);
        results.push(r.summary);
      });
      await ctx.sync();
    });
    await book.type('项目登记', `${column(book, '代办员')}4`, '张伟');
    expect(results.at(-1)).toMatch(/：已检查，没有问题。$/u);
    // A row inserted above row 5 with an unknown agent: the rows below moved, the sheet is re-read.
    const row = (book.sheet('项目登记')?.rows()[3] ?? []).map((v, i) =>
      i === 0 ? 'AY-2026-777' : v === '张伟' ? '赵不在' : v,
    );
    await book.insertRow('项目登记', 5, row as (string | number)[]);
    expect(results.at(-1)).toBe('「项目登记」5:5：有 1 处问题，请修改。');
    // A sheet none of our forms has (the pane's own results): not read.
    await book.run(async (ctx) => {
      ctx.workbook.worksheets.add('备注');
      await ctx.sync();
    });
    live.reset();
    await book.type('项目登记', 'A1', '重点项目登记表');
    const before = book.payloads.length;
    await book.type('备注', 'A1', '随手记');
    expect(results.at(-1)).toBe('');
    expect(book.payloads.length).toBe(before);
  });
});
