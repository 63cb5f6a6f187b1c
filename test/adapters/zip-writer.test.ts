import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZipWriter } from '../../src/adapters/zip-writer.js';
import { ByteSink } from '../../src/adapters/xlsx-fill/sink.js';
import { needsPreserve, xmlText } from '../../src/adapters/xlsx-fill/text.js';
import { openZip } from '../../src/adapters/zip.js';
import { tempDir } from './helpers.js';
import { requireTool } from '../helpers/tools.js';

const python = requireTool('python3');

const text = (b: Uint8Array | undefined): string => Buffer.from(b ?? new Uint8Array()).toString('utf8');

/** Rows of a sheet-like text, large enough to span many 256 KB chunks. */
function* rows(n: number): Generator<string | Uint8Array> {
  for (let i = 0; i < n; i++) {
    const row = `<row r="${i + 1}"><c t="inlineStr"><is><t>第${i}指挥部项目，按计划推进</t></is></c></row>`;
    // Alternate strings and bytes, as the sheet filler hands both.
    yield i % 2 === 0 ? row : Buffer.from(row, 'utf8');
  }
}

describe('ZipWriter', () => {
  it('addAsync (thread-pool deflate) writes the same entries as add, in order, across many chunks', async () => {
    const expected = [...rows(40_000)].map((p) => (typeof p === 'string' ? p : text(p))).join('');
    expect(expected.length).toBeGreaterThan(8 * 256 * 1024); // more chunks than are ever in flight

    const b = new ZipWriter();
    await b.addAsync('big.xml', rows(40_000), 1);
    b.add('after.xml', Buffer.from('<after/>'));
    const parts = unzipSync(b.finish());
    expect(Object.keys(parts)).toEqual(['big.xml', 'after.xml']);
    expect(text(parts['big.xml'])).toBe(expected);
    expect(text(parts['after.xml'])).toBe('<after/>');
    // Our own hardened reader agrees on sizes and CRCs.
    const zip = openZip(b.finish());
    expect(text(zip.readTransient('big.xml'))).toBe(expected);
  });

  it('an empty entry and an entry of empty pieces are valid', async () => {
    const z = new ZipWriter();
    await z.addAsync('none.xml', [], 6);
    await z.addAsync('blank.xml', ['', new Uint8Array()], 6);
    const parts = unzipSync(z.finish());
    expect(text(parts['none.xml'])).toBe('');
    expect(text(parts['blank.xml'])).toBe('');
  });

  python.it("the archive passes Python's zipfile test (an independent implementation)", async () => {
    const z = new ZipWriter();
    await z.addAsync('xl/worksheets/sheet1.xml', rows(20_000), 1);
    const file = path.join(tempDir('zipw'), 'a.zip');
    writeFileSync(file, z.finish());
    const out = execFileSync('python3', ['-m', 'zipfile', '-t', file], { encoding: 'utf8' });
    expect(out).toMatch(/Done testing/u);
  });
});

/** Code units the fast path leaves to the careful one: surrogates (even paired), U+FFFE/F, underscores. */
const awkward = (s: string): boolean =>
  s.split('').some((ch) => {
    const c = ch.charCodeAt(0);
    return (c >= 0xd800 && c <= 0xdfff) || c >= 0xfffe || ch === '_';
  });

describe('ByteSink', () => {
  it('writes ASCII and any Unicode text as UTF-8, growing as needed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.string({ unit: 'binary', maxLength: 40 }))), (ops) => {
        const sink = new ByteSink(16);
        let expected = '';
        for (const [asAscii, s] of ops) {
          if (asAscii) {
            const ascii = [...s].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch : 'x')).join('');
            sink.ascii(ascii);
            expected += ascii;
          } else {
            sink.text(s);
            expected += s;
          }
        }
        expect(sink.length).toBe(Buffer.byteLength(expected, 'utf8'));
        expect(Buffer.from(sink.take()).equals(Buffer.from(expected, 'utf8'))).toBe(true);
        expect(sink.length).toBe(0);
      }),
    );
  });

  it('plainText writes only text that needs no escaping and no xml:space, exactly as the careful path would', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 30 }),
          fc.string({
            unit: fc.constantFrom('重', '点', ' ', '\u3000', '&', '<', '_', 'x', '1', 'é', '\t'),
            maxLength: 12,
          }),
        ),
        (s) => {
          const sink = new ByteSink(8);
          sink.ascii('<t>');
          if (sink.plainText(s)) {
            expect(needsPreserve(s)).toBe(false);
            expect(text(sink.take())).toBe(`<t>${xmlText(s)}`);
          } else {
            expect(sink.length).toBe(3); // nothing of the text kept
            expect(needsPreserve(s) || xmlText(s) !== s || awkward(s)).toBe(true);
          }
        },
      ),
    );
    const sink = new ByteSink(8);
    expect(sink.plainText('第0指挥部项目，按计划推进')).toBe(true);
    expect(sink.plainText('\u3000缩进')).toBe(false); // an ideographic space at the start needs xml:space
    expect(sink.plainText('A&B')).toBe(false);
  });

  it('take hands over what was written and starts afresh', () => {
    const sink = new ByteSink(8);
    sink.text('重点项目');
    const first = sink.take();
    sink.ascii('<row/>');
    expect(text(first)).toBe('重点项目');
    expect(text(sink.take())).toBe('<row/>');
  });
});
