import { readFile } from 'node:fs/promises';
import type * as Zlib from 'node:zlib';
import { deflateRawSync, inflateRawSync as zlibInflate } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { base64BytesPlain, latin1BytesPlain, latin1StringPlain } from '../../src/adapters/binary.js';
import { expandFiles } from '../../src/adapters/expand.js';
import { collectInputs } from '../../src/adapters/inputs.js';
import { UnusableFileError } from '../../src/adapters/errors.js';
import { openZip } from '../../src/adapters/zip.js';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { inflateRawSync as browserInflate } from '../../src/addin/zlib-browser.js';
import { mailBytes } from '../helpers/merge-mail.js';
import { repoPath } from '../helpers/paths.js';
import { tempDir, zerosDeflate, zipWithRawDeflate } from '../adapters/helpers.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';

/**
 * The task pane reads the topic forms the clerk picks in the browser, where there is no Buffer
 * and no node:zlib: the mail reader's byte helpers and the zip reader's inflater have plain
 * versions. Here they are held to what Node's do, byte for byte; in this file the zip reader
 * runs on the browser inflater (node:zlib is replaced, as webpack replaces it in the bundle).
 */
vi.mock('node:zlib', async (original) => ({
  ...(await original<typeof Zlib>()),
  inflateRawSync: (await import('../../src/addin/zlib-browser.js')).inflateRawSync,
}));

const bytes = fc.uint8Array({ maxLength: 20_000 });

describe('byte helpers without Buffer', () => {
  it('latin1 strings: every byte one char, back to the same bytes (as Buffer does)', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const s = latin1StringPlain(b);
        expect(s).toBe(Buffer.from(b).toString('latin1'));
        expect(latin1BytesPlain(s)).toEqual(new Uint8Array(b));
      }),
      { numRuns: 60 },
    );
  });

  it('base64 as mail carries it: line breaks, padding and stray characters skipped, as Node decodes it', () => {
    const noisy = fc
      .tuple(bytes, fc.array(fc.constantFrom('\r\n', '=', ' ', '*', '\u00e9'), { maxLength: 8 }), fc.nat(3))
      .map(([b, noise, cut]) => {
        let s = Buffer.from(b).toString('base64');
        s = s.slice(0, Math.max(0, s.length - cut)); // a last group cut short
        for (const [i, n] of noise.entries()) {
          const at = Math.floor((s.length * (i + 1)) / (noise.length + 1));
          s = s.slice(0, at) + n + s.slice(at);
        }
        return s;
      });
    fc.assert(
      fc.property(noisy, (s) => {
        expect(base64BytesPlain(s)).toEqual(
          new Uint8Array(Buffer.from(s.replace(/[^A-Za-z0-9+/]/gu, ''), 'base64')),
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe('inflating without node:zlib', () => {
  it('gives what Node’s inflater gives, for every part of the example workbooks', async () => {
    const native = (await vi.importActual<typeof Zlib>('node:zlib')).inflateRawSync;
    for (const file of ['总台账.xlsx', 'topics/智慧城市建设指挥部-议题申报-1114.xlsx']) {
      const zip = openZip(await readFile(repoPath('examples', file)));
      for (const e of zip.entries.filter((x) => !x.isDirectory)) {
        const raw = zip.read(e);
        const deflated = deflateRawSync(raw);
        expect(browserInflate(deflated, { maxOutputLength: raw.length + 1 })).toEqual(
          new Uint8Array(native(deflated)),
        );
      }
    }
  });

  it('stops at the bound, as Node’s maxOutputLength does, and says so the same way', () => {
    const deflated = new Uint8Array(deflateRawSync(new Uint8Array(8 * 1024 * 1024)));
    let code: string | undefined;
    try {
      browserInflate(deflated, { maxOutputLength: 1000 });
    } catch (e) {
      code = (e as { code?: string }).code;
    }
    expect(code).toBe('ERR_BUFFER_TOO_LARGE');
    expect(() => browserInflate(new Uint8Array([0xff, 0xff, 0xff, 0x00]))).toThrow();
  });

  const codeOf = (f: () => unknown): string | undefined => {
    try {
      f();
      return undefined;
    } catch (e) {
      if (e instanceof UnusableFileError) return e.code;
      throw e;
    }
  };

  it('the zip reader on it refuses a lying bomb and a short entry, and reads the example master', async () => {
    expect(zlibInflate).toBe(browserInflate); // the reader below runs on it
    const bomb = zipWithRawDeflate('sheet.xml', zerosDeflate(64 * 1024 * 1024), 1024 * 1024);
    expect(codeOf(() => openZip(bomb).read('sheet.xml'))).toBe('file.zipBomb');
    const short = zipWithRawDeflate('a.xml', zerosDeflate(100), 200);
    expect(codeOf(() => openZip(short).read('a.xml'))).toBe('file.corrupt');
    const wb = readXlsx(await readFile(repoPath('examples', '总台账.xlsx'))).workbook;
    expect(wb.sheets.find((s) => s.name === '项目登记')?.rows.length).toBeGreaterThan(30);
  });
});

describe('expandFiles: files given as bytes, as the pane gives them', () => {
  it('says of each file what collectInputs says of it on disk', async () => {
    const form = await readFile(repoPath('examples', 'topics', '水系连通工程指挥部-议题申报-1114.xlsx'));
    const given = [
      { name: '议题.xlsx', bytes: new Uint8Array(form) },
      {
        name: '来信.eml',
        bytes: mailBytes({
          from: 'unit@example.cn',
          subject: 'topics',
          date: 'Tue, 10 Nov 2026 09:30:00 +0800',
          attachments: [
            { name: '水系连通工程指挥部议题.xlsx', bytes: new Uint8Array(form), style: 'rfc2231' },
          ],
        }),
      },
      {
        name: '打包.zip',
        bytes: zipSync({ '甲/议题.xlsx': new Uint8Array(form), '说明.docx': new Uint8Array(3) }),
      },
      { name: '说明.txt', bytes: new Uint8Array([65]) },
      { name: '坏.zip', bytes: new Uint8Array([80, 75, 3, 4, 0]) },
    ];
    const dir = tempDir('expand');
    for (const g of given) writeFileSync(join(dir, g.name), g.bytes);
    const onDisk = await collectInputs(given.map((g) => join(dir, g.name)));
    const strip = (f: string): string => f.replace(`${dir}/`, '');
    const fromBytes = expandFiles(given);
    expect(fromBytes.items.map((i) => [i.file, i.bytes.length, i.receivedAt, i.sender])).toEqual(
      onDisk.items.map((i) => [strip(i.file), i.bytes.length, i.receivedAt, i.sender]),
    );
    expect(fromBytes.ignored).toEqual(onDisk.ignored.map((x) => ({ ...x, file: strip(x.file) })));
    expect(fromBytes.items.map((i) => i.file)).toEqual([
      '议题.xlsx',
      '来信.eml › 水系连通工程指挥部议题.xlsx',
      '打包.zip › 甲/议题.xlsx',
    ]);
    expect(fromBytes.ignored.map((x) => x.file)).toEqual(['打包.zip › 说明.docx', '说明.txt', '坏.zip']);
  });
});
