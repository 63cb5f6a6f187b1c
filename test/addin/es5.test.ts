import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'acorn';
import { beforeAll, describe, expect, it } from 'vitest';
import { filesUnder } from '../../scripts/addin/site.js';
import { ADDIN_DIR, BUILD_TIMEOUT_MS, ensureAddinBuilt } from '../helpers/addin-build.js';

/**
 * Excel 2016 and 2019 show the pane in Internet Explorer 11's engine, which parses ES5 only:
 * one `class`, arrow, `let` or regular expression flag it does not know and the whole file is
 * dropped. Every JavaScript file of the build — ours and office.js's — is parsed as ES5 here.
 */
let files: string[];

beforeAll(() => {
  ensureAddinBuilt();
  files = filesUnder(ADDIN_DIR).filter((f) => /\.js$/u.test(f));
}, BUILD_TIMEOUT_MS);

describe('dist-addin/', () => {
  it('has the pane’s scripts and office.js with its Excel host scripts', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'boot.js',
        'taskpane.js',
        'office-js/office.js',
        'office-js/excel-win32-16.01.js',
        'office-js/excel-web-16.00.js',
        'office-js/zh-cn/office_strings.js',
      ]),
    );
  });

  it('holds only ES5 JavaScript (acorn, ecmaVersion 5)', async () => {
    const newer: string[] = [];
    for (const f of files) {
      try {
        parse(await readFile(join(ADDIN_DIR, f), 'utf8'), { ecmaVersion: 5, sourceType: 'script' });
      } catch (e) {
        newer.push(`${f}: ${(e as Error).message}`);
      }
    }
    expect(newer).toEqual([]);
    expect(files.length).toBeGreaterThan(10);
  });

  it('has a page that loads everything from its own site (no other host named)', async () => {
    const html = await readFile(join(ADDIN_DIR, 'taskpane.html'), 'utf8');
    const refs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/gu)].map((m) => m[1] ?? '');
    expect(refs).toEqual(['boot.js', 'office-js/office.js', 'taskpane.js']);
    expect(html).not.toMatch(/https?:\/\//u);
  });
});
