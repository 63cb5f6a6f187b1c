import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { progressCounter } from '../../src/cli/progress.js';
import { repoPath } from '../helpers/paths.js';
import { useTempDir } from '../helpers/tmp.js';

/**
 * Long work counts on stderr as it goes — only when stderr is a terminal, never under --json,
 * and a pipe gets nothing on stderr but the warnings.
 */
const tmp = useTempDir('kpd-progress-');

interface Captured {
  io: Io;
  out: () => string;
  err: () => string;
  status: () => string;
}

function capture(interactive: boolean, cwd = repoPath()): Captured {
  let out = '';
  let err = '';
  let status = '';
  return {
    io: {
      out: (t) => void (out += t),
      err: (t) => void (err += t),
      status: (t) => void (status += t),
      interactive,
      cwd,
      env: {},
    },
    out: () => out,
    err: () => err,
    status: () => status,
  };
}

/** The line as a terminal last shows it: what follows the last redraw (cursor to column 1). */
const ESC = String.fromCharCode(27);
const lastFrame = (s: string): string =>
  (s.split(`${ESC}[1G`).at(-1) ?? '')
    .replace(new RegExp(`${ESC}(\\[[0-9;?]*[A-Za-z]|[78])`, 'gu'), '')
    .trim();

const REPORTS = repoPath('examples', 'reports', '2026-11-1');
/** The workbooks in the example folder: seven .xlsx and one saved e-mail carrying one. */
const reportCount = async (): Promise<number> =>
  (await readdir(REPORTS)).filter((n) => n.endsWith('.xlsx') || n.endsWith('.eml')).length;

describe('progressCounter', () => {
  it('draws the count in place on a terminal and ends the line', () => {
    const c = capture(true);
    const bar = progressCounter(c.io, 'merge', 'zh');
    bar.tick(10);
    bar.tick(0);
    bar.tick(5);
    bar.done();
    expect(lastFrame(c.status())).toBe('读取报表：已读 3 个文件，15 行');
    expect(c.status()).toMatch(/\n$/u);
    expect(c.err()).toBe('');
    const en = capture(true);
    const b = progressCounter(en.io, 'validate', 'en');
    b.tick(2);
    b.done();
    expect(lastFrame(en.status())).toBe('Checking: 1 files, 2 findings');
  });

  it('says n/N when the number of files is known, and raises N when an archive holds more', () => {
    const c = capture(true);
    const bar = progressCounter(c.io, 'merge', 'zh', false, 2);
    bar.tick(4);
    bar.tick(1);
    bar.tick(2);
    bar.done();
    expect(lastFrame(c.status())).toBe('读取报表：3/3 个文件，7 行');
    const en = capture(true);
    const b = progressCounter(en.io, 'validate', 'en', false, 5);
    b.tick(2);
    b.done();
    expect(lastFrame(en.status())).toBe('Checking: 1/5 files, 2 findings');
  });

  it('writes nothing to a pipe or under --json', () => {
    for (const [interactive, quiet] of [
      [false, false],
      [true, true],
    ] as const) {
      const c = capture(interactive);
      const bar = progressCounter(c.io, 'agenda', 'zh', quiet);
      bar.tick(3);
      bar.done();
      expect([c.status(), c.err()]).toEqual(['', '']);
    }
  });
});

describe('kpd merge, validate and agenda count what they read', () => {
  const merge = (out: string): string[] => [
    'merge',
    REPORTS,
    '--master',
    repoPath('examples', '总台账.xlsx'),
    '--period',
    '2026-11-1',
    '--out',
    join(tmp(), out),
  ];

  it('merge: files and rows on a terminal', async () => {
    const c = capture(true);
    expect(await main(merge('a.xlsx'), c.io), c.err()).toBe(0);
    // The files are counted from the folder's listing before the first is read: n/N all along.
    const n = await reportCount();
    expect(lastFrame(c.status())).toMatch(new RegExp(`^读取报表：${n}/${n} 个文件，[1-9]\\d* 行$`, 'u'));
    const frames = c
      .status()
      .split(`${ESC}[1G`)
      .map((f) => lastFrame(f))
      .filter(Boolean);
    expect(frames[0]).toBe(`读取报表：0/${n} 个文件，0 行`);
    expect(frames.every((f) => f.includes(`/${n} 个文件`))).toBe(true);
  });

  it('merge: nothing but warnings on a pipe, nothing at all beside --json', async () => {
    const piped = capture(false);
    expect(await main(merge('b.xlsx'), piped.io)).toBe(0);
    expect(piped.status()).toBe('');
    expect(piped.err()).not.toMatch(new RegExp(`\r|${ESC}|读取报表`, 'u'));
    const json = capture(true);
    expect(await main([...merge('c.xlsx'), '--json'], json.io)).toBe(0);
    expect(json.status()).toBe('');
    expect(() => JSON.parse(json.out()) as unknown).not.toThrow();
  });

  it('validate of a folder: files and findings on a terminal, none under --json', async () => {
    const c = capture(true);
    await main(['validate', REPORTS], c.io);
    expect(lastFrame(c.status())).toMatch(
      new RegExp(`^检查：已查 ${await reportCount()} 个文件，\\d+ 个问题$`, 'u'),
    );
    const json = capture(true);
    await main(['validate', REPORTS, '--json'], json.io);
    expect(json.status()).toBe('');
  });

  it('agenda: topic forms and topics on a terminal', async () => {
    const topics = repoPath('examples', 'topics');
    const n = (await readdir(topics)).filter((f) => f.endsWith('.xlsx')).length;
    const c = capture(true);
    const argv = [
      'agenda',
      topics,
      '--master',
      repoPath('examples', '总台账.xlsx'),
      '--meeting',
      '2026-11-14',
    ];
    expect(await main([...argv, '--out', join(tmp(), '议程.xlsx')], c.io), c.err()).toBe(0);
    expect(lastFrame(c.status())).toMatch(
      new RegExp(`^读取议题申报表：已读 ${n} 个文件，[1-9]\\d* 个议题$`, 'u'),
    );
  });
});
