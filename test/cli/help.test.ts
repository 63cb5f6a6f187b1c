import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKpd } from '../helpers/cli.js';
import { useTempDir } from '../helpers/tmp.js';
import { PromptMistake } from '../../src/cli/args.js';
import type { ExitCode, Io } from '../../src/cli/io.js';
import * as USAGE from '../../src/cli/usage.js';
import { closestName } from '../../src/cli/suggest.js';

/**
 * `kpd merg` says "did you mean merge" in one line; `kpd help merge`, `kpd merge --help` and
 * `kpd merge -h` print merge's usage only; `kpd help` one line per command; and every help text
 * names exactly the options its command takes (and `templates` exactly the files it writes).
 */
const tmp = useTempDir('kpd-help-');

const COMMANDS = [
  'templates',
  'validate',
  'deadlines',
  'merge',
  'score',
  'ledger',
  'agenda',
  'chart',
  'forms',
  'mail',
  'schedule',
  'holidays',
  'minutes',
] as const;

describe('did you mean', () => {
  it('names the command meant, in one line, exit 2', async () => {
    expect(await runKpd(['merg', 'reports', '--master', 'x.xlsx'], tmp())).toEqual({
      code: 2,
      out: '',
      err: '没有 merg 这个命令。您是不是要用 merge？\n',
    });
    expect((await runKpd(['valdiate'], tmp())).err).toBe('没有 valdiate 这个命令。您是不是要用 validate？\n');
    expect((await runKpd(['Templates'], tmp())).err).toContain('您是不是要用 templates？');
    expect(await runKpd(['merg', '--lang', 'en'], tmp())).toEqual({
      code: 2,
      out: '',
      err: 'There is no command merg. Did you mean merge?\n',
    });
    expect((await runKpd(['--lang', 'en', 'frobnicate'], tmp())).err).toBe(
      'There is no command frobnicate. kpd help lists every command.\n',
    );
  });

  it('names the subcommand meant, exit 2', async () => {
    expect(
      await runKpd(['ledger', 'imprt', '通报.xlsx', '--into', 'a.xlsx', '--out', 'b.xlsx'], tmp()),
    ).toEqual({
      code: 2,
      out: '',
      err: '没有 kpd ledger imprt 这个命令。您是不是要用 kpd ledger import？\n',
    });
    expect((await runKpd(['mail', 'remnd', '--lang', 'en'], tmp())).err).toBe(
      'There is no command kpd mail remnd. Did you mean kpd mail remind?\n',
    );
    // Nothing near: the command says what it takes.
    expect((await runKpd(['mail', 'list'], tmp())).err).toMatch(/^请写 kpd mail fetch/u);
  });

  it('names the option meant, exit 2, and writes nothing', async () => {
    const dir = tmp();
    const before = await readdir(dir);
    const argv = ['merge', 'reports', '--mastr', '总台账.xlsx', '--period', '2026-11-1', '--out', 'o.xlsx'];
    expect(await runKpd(argv, dir)).toEqual({
      code: 2,
      out: '',
      err: '不认识的选项 --mastr，您是不是要用 --master？\n',
    });
    expect((await runKpd([...argv, '--lang', 'en'], dir)).err).toBe(
      'Unknown option --mastr. Did you mean --master?\n',
    );
    expect((await runKpd(['templates', '--ot', 'x'], dir)).err).toBe(
      '不认识的选项 --ot，您是不是要用 --out？\n',
    );
    expect((await runKpd(['agenda', '--meting', '2026-11-14'], dir)).err).toContain('--meeting？');
    expect(await readdir(dir)).toEqual(before);
  });

  it('says an option without its value, a value given to a switch and an extra argument', async () => {
    const a = await runKpd(['merge', 'r', '--master'], tmp());
    expect([a.code, a.err.split('\n')[0]]).toEqual([2, '选项 --master 后面缺少值。kpd merge 的用法：']);
    expect(a.err).toContain(USAGE.MERGE_USAGE);
    const b = await runKpd(['deadlines', '2026', '--json=yes'], tmp());
    expect([b.code, b.err]).toEqual([2, '选项 --json 不带值，请去掉“=yes”。\n']);
    const c = await runKpd(['templates', 'extra', '--lang', 'en'], tmp());
    expect([c.code, c.err.split('\n')[0]]).toEqual([
      2,
      'Unexpected argument "extra". Usage of kpd templates:',
    ]);
  });

  it('guesses only what is close', () => {
    expect(closestName('merg', COMMANDS)).toBe('merge');
    expect(closestName('shedule', COMMANDS)).toBe('schedule');
    expect(closestName('merge-all', COMMANDS)).toBeUndefined();
    expect(closestName('x', ['out', 'json'])).toBeUndefined();
    expect(closestName('mastr', ['master', 'meeting'])).toBe('master');
  });
});

describe('help', () => {
  it('prints one line per command for kpd help and kpd --help', async () => {
    for (const argv of [['help'], ['--help'], ['-h']]) {
      const r = await runKpd(argv, tmp());
      expect(r.code).toBe(0);
      const lines = r.out.split('\n').filter((l) => l.startsWith('  kpd '));
      expect(lines.map((l) => l.split(/\s+/u)[2])).toEqual([...COMMANDS]);
      expect(r.out).toContain('kpd help 命令');
    }
    const en = await runKpd(['help', '--lang', 'en'], tmp());
    expect(en.out).toMatch(/^Key Project Desk \(kpd\)\n/u);
    expect(en.out).toContain('  kpd merge      Merge the half-monthly reports received into the bulletin\n');
  });

  it.each(COMMANDS)('prints only the usage of %s for help CMD, CMD --help and CMD -h', async (cmd) => {
    const usage = USAGE.usageOf(cmd, 'zh');
    expect(usage).toMatch(new RegExp(`^kpd ${cmd}`, 'u'));
    for (const argv of [
      ['help', cmd],
      [cmd, '--help'],
      [cmd, '-h'],
    ])
      expect(await runKpd(argv, tmp())).toEqual({ code: 0, out: `${usage ?? ''}\n`, err: '' });
    const en = USAGE.usageOf(cmd, 'en');
    expect(en).toMatch(new RegExp(`^kpd ${cmd}`, 'u'));
    for (const argv of [
      ['--lang', 'en', 'help', cmd],
      [cmd, '--help', '--lang', 'en'],
    ])
      expect(await runKpd(argv, tmp())).toEqual({ code: 0, out: `${en ?? ''}\n`, err: '' });
  });

  it('says a misspelt command after help', async () => {
    expect(await runKpd(['help', 'merg'], tmp())).toEqual({
      code: 2,
      out: '',
      err: '没有 merg 这个命令。您是不是要用 merge？\n',
    });
  });
});

/** What a command says it takes: the options its parser refuses `--zz-probe` against. */
async function optionsTaken(
  run: (argv: string[], io: Io) => Promise<ExitCode>,
  argv: string[],
): Promise<string[]> {
  const io: Io = { out: () => undefined, err: () => undefined, interactive: false, cwd: tmp(), env: {} };
  const e: unknown = await run([...argv, '--zz-probe'], io).catch((x: unknown) => x);
  if (!(e instanceof PromptMistake)) throw new Error(`${argv.join(' ')}: no PromptMistake`);
  return e.known.filter((k) => k !== '--lang');
}

/** The options a usage names for its own command: not LibreOffice's in a `soffice …` hint. */
const flagsIn = (text: string): string[] =>
  [
    ...new Set(
      text
        .split('\n')
        .map((l) => l.replace(/soffice .*$/u, ''))
        .join('\n')
        .match(/--[a-z][a-z-]*/gu) ?? [],
    ),
  ].sort();

/** Another command's option a usage points to (holidays import writes a file for --holidays). */
const CROSS_REFERENCES: Readonly<Record<string, readonly string[]>> = { holidays: ['--holidays'] };

describe('help texts are true', () => {
  it.each([
    ['templates', async () => (await import('../../src/cli/commands/templates.js')).templatesCommand, [[]]],
    ['validate', async () => (await import('../../src/cli/commands/validate.js')).validateCommand, [[]]],
    ['deadlines', async () => (await import('../../src/cli/commands/deadlines.js')).deadlinesCommand, [[]]],
    ['merge', async () => (await import('../../src/cli/commands/merge.js')).mergeCommand, [[]]],
    ['score', async () => (await import('../../src/cli/commands/score.js')).scoreCommand, [[]]],
    ['ledger', async () => (await import('../../src/cli/commands/ledger.js')).ledgerCommand, [['import']]],
    ['agenda', async () => (await import('../../src/cli/commands/agenda.js')).agendaCommand, [[]]],
    ['chart', async () => (await import('../../src/cli/commands/chart.js')).chartCommand, [[]]],
    ['forms', async () => (await import('../../src/cli/commands/forms.js')).formsCommand, [[]]],
    [
      'mail',
      async () => (await import('../../src/cli/commands/mail.js')).mailCommand,
      [['fetch'], ['remind']],
    ],
    ['schedule', async () => (await import('../../src/cli/commands/schedule.js')).scheduleCommand, [[]]],
    [
      'holidays',
      async () => (await import('../../src/cli/commands/holidays.js')).holidaysCommand,
      [['import']],
    ],
    ['minutes', async () => (await import('../../src/cli/commands/minutes.js')).minutesCommand, [[]]],
  ] as const)('kpd %s --help names exactly the options it takes', async (cmd, load, subs) => {
    const run = await load();
    const taken = new Set<string>();
    for (const sub of subs) for (const o of await optionsTaken(run, [...sub])) taken.add(o);
    for (const locale of ['zh', 'en'] as const)
      expect(flagsIn(USAGE.usageOf(cmd, locale) ?? '')).toEqual(
        [...taken, ...(CROSS_REFERENCES[cmd] ?? [])].sort(),
      );
  });

  it('kpd templates --help names exactly the files it writes (in both languages)', async () => {
    const out = join(tmp(), 'templates');
    const r = await runKpd(['templates', '--out', out], tmp());
    expect(r.code, r.err).toBe(0);
    const written = (await readdir(out)).sort();
    const named = (text: string): string[] =>
      [...new Set(text.match(/[^\s、：；（），,:;()]+\.xlsx/gu) ?? [])].sort();
    expect(named(USAGE.TEMPLATES_USAGE)).toEqual(written);
    expect(USAGE.TEMPLATES_USAGE).toContain(`共 ${written.length} 个文件`);
    expect(named(USAGE.usageOf('templates', 'en') ?? '')).toEqual(written);
    expect(USAGE.usageOf('templates', 'en')).toContain(`(${written.length} files)`);
  }, 60_000);
});
