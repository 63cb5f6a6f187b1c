import { message } from '../../src/core/issues/issue.js';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { byteBudget } from '../../src/adapters/budget.js';
import { parseEml } from '../../src/adapters/eml.js';
import { UnusableFileError } from '../../src/adapters/errors.js';
import { removeLeftovers, writeAtomic } from '../../src/adapters/files.js';
import { collectInputs, walkInputs } from '../../src/adapters/inputs.js';
import { openZip } from '../../src/adapters/zip.js';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { buildZip, oneSheet, tempDir, u8 } from './helpers.js';

const codeOf = (f: () => unknown): string => {
  try {
    f();
    return 'ok';
  } catch (e) {
    if (e instanceof UnusableFileError) return e.code;
    throw e;
  }
};

describe('one size budget for the run', () => {
  it('is drawn on by every archive read with it, before the bytes are made', () => {
    const mb = new Uint8Array(1024 * 1024);
    const a = zipSync({ 'a.bin': mb }, { level: 1 });
    const b = zipSync({ 'b.bin': mb }, { level: 1 });
    const budget = byteBudget(1.5 * 1024 * 1024);
    openZip(a, undefined, budget).read('a.bin');
    expect(budget.used).toBe(1024 * 1024);
    expect(codeOf(() => openZip(b, undefined, budget).read('b.bin'))).toBe('file.runBudget');
    expect(budget.used).toBe(1024 * 1024); // nothing drawn for what was refused
  });

  it('counts a zip inside a zip, and the parts a workbook reader inflates', () => {
    const book = oneSheet('<row r="1"><c r="A1"><v>1</v></c></row>');
    const budget = byteBudget();
    const outer = openZip(zipSync({ 'in.zip': zipSync({ 'b.xlsx': book }) }), undefined, budget);
    const inner = openZip(outer.read('in.zip'), undefined, budget);
    readXlsx(inner.read('b.xlsx'), { budget });
    expect(budget.used).toBeGreaterThan(book.length);
    expect(codeOf(() => readXlsx(book, { budget: byteBudget(100) }))).toBe('file.runBudget');
  });

  it('counts what an e-mail decodes', () => {
    const mail = u8(
      'From: a@b.cn\r\nDate: Wed, 11 Nov 2026 09:00:00 +0800\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n' +
        `--b\r\nContent-Type: application/octet-stream; name="a.xlsx"\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(new Uint8Array(3000)).toString('base64')}\r\n--b--\r\n`,
    );
    expect(codeOf(() => parseEml(mail, { budget: byteBudget(1000) }))).toBe('file.runBudget');
    const budget = byteBudget();
    expect(parseEml(mail, { budget }).attachments[0]?.bytes.length).toBe(3000);
    expect(budget.used).toBeGreaterThanOrEqual(3000);
  });

  it('ratio-checks an archive as a whole: a thousand small entries of zeros are a bomb too', () => {
    const entries = Array.from({ length: 300 }, (_, i) => ({
      name: `r${i}.xml`,
      data: new Uint8Array(60_000),
    }));
    const zip = buildZip(entries);
    expect(entries.every((e) => e.data.length < 1024 * 1024)).toBe(true);
    expect(codeOf(() => openZip(zip))).toBe('file.zipBomb');
  });
});

describe('inputs, one at a time', () => {
  it('reads a file only when its turn comes', async () => {
    const dir = tempDir('lazy');
    for (const n of ['a', 'b', 'c']) writeFileSync(path.join(dir, `${n}.xlsx`), oneSheet(''));
    const seen: string[] = [];
    for await (const f of walkInputs([dir])) {
      if (f.kind === 'item') {
        seen.push(path.basename(f.item.file));
        if (seen.length === 1) rmSync(path.join(dir, 'c.xlsx')); // gone before its turn
      } else seen.push(`${path.basename(f.ignored.file)}:${f.ignored.code}`);
    }
    expect(seen).toEqual(['a.xlsx', 'b.xlsx', 'c.xlsx:input.notFound']);
  });

  it('lists folders nested too deep instead of walking (or hanging on) them, and walks a link loop once', async () => {
    const dir = tempDir('deep');
    const deep = path.join(dir, ...Array.from({ length: 40 }, () => 'd'));
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(deep, '报表.xlsx'), oneSheet(''));
    writeFileSync(path.join(dir, 'd', '浅.xlsx'), oneSheet(''));
    symlinkSync(dir, path.join(dir, 'd', '回环'));
    const r = await collectInputs([dir]);
    expect(r.items.map((i) => path.relative(dir, i.file))).toEqual([path.join('d', '浅.xlsx')]);
    expect(
      r.ignored.map((x) => [x.code, x.file.split(path.sep).length - dir.split(path.sep).length]),
    ).toEqual([['input.foldersTooDeep', 32]]);
    expect(message(r.ignored[0]!.reason)).toBe(
      '文件夹嵌套超过 32 层，其中的文件未读取；请把报表放在浅一些的文件夹中',
    );
  });

  it('calls ../ and absolute entries unsafe, and shows control characters in names as <U+…>', async () => {
    const dir = tempDir('unsafe');
    await writeFile(
      path.join(dir, 'a.zip'),
      buildZip([
        { name: '../../x.xlsx', data: oneSheet('') },
        { name: '/etc/y.xlsx', data: oneSheet('') },
        { name: '.hidden/z.xlsx', data: oneSheet('') },
        { name: '\u001b[2J红.txt', data: u8('x') },
      ]),
    );
    const r = await collectInputs([dir]);
    expect(r.ignored.map((x) => [path.basename(x.file.split(' › ')[1] ?? ''), x.code])).toEqual([
      ['<U+001B>[2J红.txt', 'input.otherType'],
      ['x.xlsx', 'input.unsafePath'],
      ['z.xlsx', 'input.hidden'],
      ['y.xlsx', 'input.unsafePath'],
    ]);
    expect(message(r.ignored[1]!.reason)).toMatch(
      /^压缩包中的路径不安全（含 \.\. 或以 \/ 开头，指向压缩包以外）/u,
    );
  });
});

describe('e-mail: boundaries and dates', () => {
  const message = (date: string, body = ''): Uint8Array =>
    u8(
      `From: a@b.cn\r\nDate: ${date}\r\nSubject: x\r\nContent-Type: multipart/mixed; boundary="top"\r\n\r\n${body}--top--\r\n`,
    );

  it('never rolls 30 February over into March', () => {
    for (const d of [
      'Mon, 30 Feb 2026 10:00:00 +0800',
      '2026-02-30 10:00',
      '31 Apr 2026 08:00 +0800',
      '29 Feb 2027 10:00',
    ]) {
      const m = parseEml(message(d));
      expect([m.date, m.badDate], d).toEqual([undefined, d]);
    }
    expect(parseEml(message('Tue, 29 Feb 2028 10:00:00 +0800')).date?.toISOString()).toBe(
      '2028-02-29T02:00:00.000Z',
    );
  });

  it('finds the attachment after many empty multiparts, each searched within itself', () => {
    let body = '';
    for (let i = 0; i < 500; i++)
      body += `--top\r\nContent-Type: multipart/alternative; boundary="in${i}"\r\n\r\n\r\n`;
    body += `--top\r\nContent-Type: application/octet-stream; name="r.xlsx"\r\n\r\nxyz\r\n`;
    const m = parseEml(message('Wed, 11 Nov 2026 09:00:00 +0800', body));
    expect(m.attachments.map((a) => [a.filename, a.bytes.length])).toEqual([['r.xlsx', 3]]);
  });
});

describe('atomic writes leave nothing a person cannot name', () => {
  it('names the temporary file for what it is, and removes the leftovers of a killed run', async () => {
    const dir = tempDir('atomic');
    const target = path.join(dir, '通报.xlsx');
    const dead = `通报.xlsx.kpd-部分写入-999999999-deadbeef.tmp`;
    const live = `通报.xlsx.kpd-部分写入-${process.pid}-cafebabe.tmp`;
    writeFileSync(path.join(dir, dead), 'half');
    writeFileSync(path.join(dir, live), 'being written');
    writeFileSync(path.join(dir, '别的.tmp'), 'not ours');
    expect(await writeAtomic(target, 'done')).toEqual([dead]);
    expect((await readdir(dir)).sort()).toEqual(['别的.tmp', live, '通报.xlsx'].sort());
    expect(await removeLeftovers(target)).toEqual([]);
  });
});

describe('reader: memory follows the cells present', () => {
  it('keeps a few far cells, drops a flood of them (said with the first one dropped), never padding millions', () => {
    let rows = '<row r="1"><c r="A1"><v>1</v></c><c r="Z1"><v>2</v></c></row>';
    for (let r = 2; r <= 60_000; r++) rows += `<row r="${r}"><c r="IV${r}"><v>${r}</v></c></row>`;
    const { workbook, flags } = readXlsx(oneSheet(rows));
    const grid = workbook.sheets[0]?.rows ?? [];
    const slots = grid.reduce((n, r) => n + r.length, 0) + grid.length;
    expect(grid[0]?.[25]).toBe(2);
    expect(slots).toBeLessThan(2_000_000 + 8 * 60_001 + 1);
    expect(flags.truncated.map((t) => [t.kind, t.cell !== undefined])).toEqual([['far', true]]);
  });

  it('refuses a worksheet part listed for many sheets instead of reading it again and again', () => {
    const book = unzipSync(oneSheet('<row r="1"><c r="A1"><v>1</v></c></row>'));
    const workbook = strFromU8(book['xl/workbook.xml'] ?? new Uint8Array());
    const many = Array.from(
      { length: 500 },
      (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId1"/>`,
    );
    book['xl/workbook.xml'] = strToU8(
      workbook.replace(/<sheets>.*<\/sheets>/su, `<sheets>${many.join('')}</sheets>`),
    );
    expect(codeOf(() => readXlsx(zipSync(book)))).toBe('file.corrupt');
  });
});
