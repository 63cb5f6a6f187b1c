import { zipSync } from 'fflate';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countInputFiles } from '../../src/adapters/input-count.js';
import { walkInputs } from '../../src/adapters/inputs.js';
import { repoPath } from '../helpers/paths.js';
import { oneSheet, tempDir, u8 } from './helpers.js';

/**
 * The progress line's N: the entries the walk will yield, counted from the folder listings
 * without reading a file — the same number the walk then gives, except that an archive is one
 * until it is opened.
 */
const dir = tempDir('count');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function walked(paths: readonly string[]): Promise<number> {
  let n = 0;
  for await (const _ of walkInputs(paths)) n++;
  return n;
}

describe('countInputFiles', () => {
  it('counts what the walk yields: files used or skipped, nested folders, a file reached twice once', async () => {
    const book = oneSheet('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>');
    mkdirSync(path.join(dir, 'a', 'b', 'c'), { recursive: true });
    writeFileSync(path.join(dir, 'a', '1.xlsx'), book);
    writeFileSync(path.join(dir, 'a', 'b', '2.xlsx'), book);
    writeFileSync(path.join(dir, 'a', 'b', 'c', '3.xlsx'), book);
    writeFileSync(path.join(dir, 'a', 'b', '说明.pdf'), u8('%PDF'));
    writeFileSync(path.join(dir, 'a', '~$1.xlsx'), u8('lock'));
    writeFileSync(path.join(dir, 'a', '.DS_Store'), u8(''));
    // kpd mail fetch's bookkeeping: not counted, not yielded.
    writeFileSync(path.join(dir, 'a', 'b', 'm.eml'), u8('From: x\r\n\r\nbody'));
    writeFileSync(path.join(dir, 'a', 'b', 'm.eml.json'), u8('{}'));
    writeFileSync(path.join(dir, 'a', '.kpd-mail.json'), u8('{}'));
    symlinkSync(path.join(dir, 'a', 'b'), path.join(dir, 'a', 'again'));
    const paths = [path.join(dir, 'a'), path.join(dir, 'a', '1.xlsx'), path.join(dir, 'missing.xlsx')];
    // 1, 2, 3.xlsx, 说明.pdf, the lock file, .DS_Store, m.eml, and the missing path's line.
    expect(await countInputFiles(paths)).toBe(8);
    expect(await walked(paths)).toBe(8);
  });

  it('counts an archive as one until it is opened', async () => {
    const book = oneSheet('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>');
    const zip = path.join(dir, 'two.zip');
    writeFileSync(zip, zipSync({ 'x.xlsx': book, 'y.xlsx': book }));
    expect(await countInputFiles([zip])).toBe(1);
    expect(await walked([zip])).toBe(2);
  });

  it('gives the example folder its 8 reports (seven workbooks and an e-mail carrying one)', async () => {
    const reports = repoPath('examples', 'reports', '2026-11-1');
    expect(await countInputFiles([reports])).toBe(await walked([reports]));
    expect(await countInputFiles([reports])).toBe(8);
  });
});
