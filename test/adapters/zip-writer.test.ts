import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZipWriter, reproducible } from '../../src/adapters/zip-writer.js';
import { ByteSink } from '../../src/adapters/xlsx-fill/sink.js';
import { needsPreserve, xmlText } from '../../src/adapters/xlsx-fill/text.js';
import { openZip } from '../../src/adapters/zip.js';
import { tempDir } from './helpers.js';
import { requireTool } from '../helpers/tools.js';
import { runKpd } from '../helpers/cli.js';
import { REPO_ROOT, repoPath } from '../helpers/paths.js';

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

/**
 * Excel and WPS recognise a data bar's 2010 settings (solid fill, negative colour, axis) by fixed
 * extension URIs (MS-XLSX 2.2.4); renumbering them for reproducible files would make both programs
 * skip the settings. Only the random ids (x14:id, the x14:cfRule id) are renumbered, consistently.
 */
describe('data-bar extension URIs', () => {
  const CF_EXT = '{78C0D931-6437-407d-A8EE-F0AAD7539E65}';
  const DATA_BAR_EXT = '{B025F937-C7B1-47D3-B67F-A62EFF666E3E}';
  const dataBarSheets = (bytes: Uint8Array): string[] =>
    Object.entries(unzipSync(bytes))
      .filter(([n]) => n.startsWith('xl/worksheets/'))
      .map(([, b]) => text(b))
      .filter((x) => x.includes('dataBar'));
  const expectIntact = (xml: string): void => {
    expect(xml).toContain(`uri="${CF_EXT}"`);
    expect(xml).toContain(`uri="${DATA_BAR_EXT}"`);
    const id = /<x14:id>([^<]+)<\/x14:id>/u.exec(xml)?.[1];
    expect(id).toMatch(/^\{[0-9A-F-]{36}\}$/u);
    expect(xml).toContain(`<x14:cfRule type="dataBar" id="${id}"`);
  };

  it('reproducible() keeps every uri GUID and renumbers the others in order of appearance', () => {
    const sheet = `<ext uri="${CF_EXT}"><x14:id>{1A2B3C4D-0000-4000-8000-ABCDEFABCDEF}</x14:id></ext><x14:cfRule id="{1a2b3c4d-0000-4000-8000-abcdefabcdef}"/><ext uri = '${DATA_BAR_EXT}'/>`;
    const out = text(
      unzipSync(reproducible({ 'xl/worksheets/sheet1.xml': Buffer.from(sheet) }))['xl/worksheets/sheet1.xml'],
    );
    expect(out).toBe(
      `<ext uri="${CF_EXT}"><x14:id>{00000000-0000-4000-8000-000000000001}</x14:id></ext><x14:cfRule id="{00000000-0000-4000-8000-000000000001}"/><ext uri = '${DATA_BAR_EXT}'/>`,
    );
  });

  it('survive in the bulletin template and in a bulletin written from it', async () => {
    const template = await readFile(path.join(REPO_ROOT, 'templates', '重点项目情况通报.xlsx'));
    const inTemplate = dataBarSheets(template);
    expect(inTemplate.length).toBeGreaterThan(0);
    inTemplate.forEach(expectIntact);
    const dir = tempDir('databar');
    const out = path.join(dir, '通报.xlsx');
    const r = await runKpd(
      [
        'merge',
        repoPath('examples/reports/2026-11-1'),
        '--master',
        repoPath('examples/总台账.xlsx'),
        '--period',
        '2026-11-1',
        '--out',
        out,
      ],
      dir,
    );
    expect(r.code).toBe(0);
    const written = dataBarSheets(await readFile(out));
    expect(written.length).toBe(inTemplate.length);
    written.forEach(expectIntact);
  });
});
