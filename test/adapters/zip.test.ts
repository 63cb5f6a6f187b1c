import fc from 'fast-check';
import { deflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { UnusableFileError } from '../../src/adapters/errors.js';
import { openZip } from '../../src/adapters/zip.js';
import { buildZip, concat, gbk, u8, zerosDeflate, zipWithRawDeflate } from './helpers.js';

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof UnusableFileError) return e.code;
    throw e;
  }
  return 'ok';
};

describe('openZip: ordinary archives', () => {
  it('reads stored and deflated entries, with sizes and times', () => {
    const zip = buildZip([
      { name: 'a.txt', data: u8('hello'), method: 0 },
      { name: 'dir/b.txt', data: u8('world '.repeat(100)) },
      { name: 'dir/', data: new Uint8Array(0), method: 0 },
    ]);
    const z = openZip(zip);
    expect(z.entries.map((e) => [e.name, e.size, e.method, e.isDirectory])).toEqual([
      ['a.txt', 5, 0, false],
      ['dir/b.txt', 600, 8, false],
      ['dir/', 0, 0, true],
    ]);
    expect(new TextDecoder().decode(z.read('a.txt'))).toBe('hello');
    expect(new TextDecoder().decode(z.read('dir/b.txt'))).toBe('world '.repeat(100));
    // 0x5b7c = 2025-11-28, 0x6000 = 12:00:00 (local time)
    const m = z.entries[0]!.modified!;
    expect([m.getFullYear(), m.getMonth() + 1, m.getDate(), m.getHours()]).toEqual([2025, 11, 28, 12]);
  });

  it('reads what fflate zipSync writes, and looks names up case-insensitively', () => {
    const z = openZip(zipSync({ 'xl/Workbook.xml': strToU8('<x/>'), '报表/进展.xlsx': strToU8('data') }));
    expect(z.has('xl/workbook.xml')).toBe(true);
    expect(z.has('/xl/WORKBOOK.xml')).toBe(true);
    expect(new TextDecoder().decode(z.read('报表/进展.xlsx'))).toBe('data');
    expect(codeOf(() => z.read('missing.xml'))).toBe('file.corrupt');
  });

  it('decodes GBK names written without the UTF-8 flag, and UTF-8 names without it too', () => {
    const z = openZip(
      buildZip([
        { name: gbk('城关镇/进展表.xlsx'), data: u8('1'), flags: 0 },
        { name: u8('乡镇/报表.xlsx'), data: u8('2'), flags: 0 },
        { name: u8('明确/标记.xlsx'), data: u8('3'), flags: 0x800 },
      ]),
    );
    expect(z.entries.map((e) => e.name)).toEqual(['城关镇/进展表.xlsx', '乡镇/报表.xlsx', '明确/标记.xlsx']);
  });

  it('supports ZIP64 sizes and the ZIP64 end record', () => {
    const z = openZip(
      buildZip([{ name: 'big.xml', data: u8('<a>ZIP64</a>'), zip64: true }], { zip64End: true }),
    );
    expect(z.entries[0]!.size).toBe(12);
    expect(new TextDecoder().decode(z.read('big.xml'))).toBe('<a>ZIP64</a>');
  });

  it('tolerates data prepended to the archive (self-extractors, gateways)', () => {
    const zip = concat(u8('MZ junk '.repeat(50)), buildZip([{ name: 'a.txt', data: u8('shifted') }]));
    expect(new TextDecoder().decode(openZip(zip).read('a.txt'))).toBe('shifted');
  });

  it('flags duplicate names', () => {
    const z = openZip(
      buildZip([
        { name: 'xl/a.xml', data: u8('1') },
        { name: 'XL\\A.xml', data: u8('2') },
      ]),
    );
    expect(z.hasDuplicateNames).toBe(true);
    expect(new TextDecoder().decode(z.read('xl/a.xml'))).toBe('1');
  });
});

describe('openZip: limits from the central directory, before inflating', () => {
  it('too many entries', () => {
    const zip = buildZip(Array.from({ length: 6 }, (_, i) => ({ name: `f${i}`, data: u8('x') })));
    expect(codeOf(() => openZip(zip, { maxEntries: 5 }))).toBe('file.zipBomb');
    expect(codeOf(() => openZip(zip, { maxEntries: 6 }))).toBe('ok');
  });

  it('an entry declaring more than the per-entry limit', () => {
    const zip = buildZip([{ name: 'a', data: u8('x'), method: 0, declaredSize: 101 * 1024 * 1024 }]);
    expect(codeOf(() => openZip(zip))).toBe('file.zipBomb');
  });

  it('entries declaring more than the total limit', () => {
    const zip = buildZip([
      { name: 'a', data: u8('x'), declaredSize: 60 },
      { name: 'b', data: u8('x'), declaredSize: 60 },
    ]);
    expect(codeOf(() => openZip(zip, { maxTotalBytes: 100 }))).toBe('file.zipBomb');
  });

  it('a declared compression ratio above 200:1 for a large entry', () => {
    const zip = zipWithRawDeflate('bomb.xml', deflateSync(new Uint8Array(3 * 1024 * 1024)), 3 * 1024 * 1024);
    expect(codeOf(() => openZip(zip))).toBe('file.zipBomb');
    // a small entry may compress as well as it likes
    const small = zipWithRawDeflate('ok.xml', deflateSync(new Uint8Array(512 * 1024)), 512 * 1024);
    expect(openZip(small).read('ok.xml').length).toBe(512 * 1024);
  });
});

describe('openZip: limits enforced while inflating (headers that lie)', () => {
  it('stops an entry that inflates past its small declared size (one-shot path)', () => {
    const zip = zipWithRawDeflate('sheet.xml', zerosDeflate(20 * 1024 * 1024), 1000);
    const z = openZip(zip);
    const t0 = performance.now();
    expect(codeOf(() => z.read('sheet.xml'))).toBe('file.zipBomb');
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it('stops a large lying entry after one slice, with bounded memory (streaming path)', () => {
    // 256 MB of zeros in ~1.3 MB of deflate; declares 1 MB. Inflating it all would take 256 MB.
    const deflated = zerosDeflate(256 * 1024 * 1024);
    expect(deflated.length).toBeGreaterThan(64 * 1024);
    const zip = zipWithRawDeflate('sheet.xml', deflated, 1024 * 1024);
    const z = openZip(zip);
    const before = process.memoryUsage().arrayBuffers;
    const t0 = performance.now();
    expect(codeOf(() => z.read('sheet.xml'))).toBe('file.zipBomb');
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(200 * 1024 * 1024);
  }, 30_000);

  it('an entry shorter than declared is corrupt', () => {
    const zip = zipWithRawDeflate('a.xml', zerosDeflate(100), 200);
    expect(codeOf(() => openZip(zip).read('a.xml'))).toBe('file.corrupt');
  });

  it('a stored entry whose sizes disagree is corrupt', () => {
    const zip = buildZip([{ name: 'a', data: u8('abc'), method: 0, declaredSize: 10 }]);
    expect(codeOf(() => openZip(zip).read('a'))).toBe('file.corrupt');
  });
});

describe('openZip: damage', () => {
  it('not a zip, empty, truncated, garbage after PK', () => {
    expect(codeOf(() => openZip(u8('just some text, long enough to be looked at')))).toBe('file.notZip');
    expect(codeOf(() => openZip(new Uint8Array(0)))).toBe('file.notZip');
    const zip = buildZip([{ name: 'a.txt', data: u8('hello world') }]);
    expect(codeOf(() => openZip(zip.subarray(0, zip.length - 30)))).toBe('file.corrupt');
    expect(codeOf(() => openZip(concat(u8('PK\x03\x04'), new Uint8Array(100))))).toBe('file.corrupt');
  });

  it('damaged deflate data is corrupt', () => {
    const zip = zipWithRawDeflate('a.xml', new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), 10);
    expect(codeOf(() => openZip(zip).read('a.xml'))).toBe('file.corrupt');
  });

  it('unsupported methods and encrypted entries', () => {
    const zip = buildZip([
      { name: 'a', data: u8('x'), method: 12 },
      { name: 'b', data: u8('x'), flags: 1 },
    ]);
    const z = openZip(zip);
    expect(codeOf(() => z.read('a'))).toBe('file.corrupt');
    expect(z.entries[1]!.encrypted).toBe(true);
    expect(codeOf(() => z.read('b'))).toBe('file.encrypted');
  });

  it('never throws anything but UnusableFileError on mutated archives', () => {
    const good = zipSync({
      'a.xml': strToU8('<a>' + 'hello '.repeat(200) + '</a>'),
      'b/c.xml': strToU8('<b/>'),
      's.txt': [strToU8('stored'), { level: 0 }],
    });
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(good.length - 1), value: fc.integer({ min: 0, max: 255 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.option(fc.nat(good.length), { nil: undefined }),
        (edits, cut) => {
          const bytes = good.slice(0, cut ?? good.length);
          for (const { at, value } of edits) if (at < bytes.length) bytes[at] = value;
          try {
            const z = openZip(bytes);
            for (const e of z.entries) {
              try {
                z.read(e);
              } catch (err) {
                if (!(err instanceof UnusableFileError)) throw err;
              }
            }
          } catch (err) {
            if (!(err instanceof UnusableFileError)) throw err;
          }
        },
      ),
      { numRuns: 400 },
    );
  }, 30_000);
});
