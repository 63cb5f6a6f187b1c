import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PANE_WORDING, paneText } from '../../src/addin/wording.js';
import { ADDIN_MESSAGES } from '../../src/addin/messages.js';
import { MESSAGES, type IssueCode } from '../../src/core/issues/codes.js';
import { repoPath } from '../helpers/paths.js';

/**
 * Inside Excel there is no command line: every finding the pane can show that names a CLI
 * option (--year, --period …) has the pane's own wording, pointing at the pane's field instead.
 */
const OPTION = /(^|[^-\w])--[a-z]/u;

/** The command line's own messages and help texts (src/cli, kpd help): the pane never shows them. */
const cliOnly = (code: string): boolean =>
  CLI_ONLY.has(code) || code.startsWith('cli.') || code.startsWith('usage.');

/** Codes only the command line gives (its usage, its files and folders, its mail commands). */
const CLI_ONLY = new Set<string>([
  'paper.pdfHint',
  'mail.usage.config',
  'mail.usage.master',
  'mail.usage.which',
  'mail.usage.into',
  'mail.usage.period',
  'mail.usage.at',
  'mail.remindNeedsReports',
  'mail.remind.preview',
  'mail.remind.outbox',
  'schedule.sendOn',
  'schedule.sendOff',
  'holidays.usage',
  'holidays.noOutput',
  'holidays.badCsvName',
  'holidays.wroteCsv',
  'cli.outIsFolder',
  'minutes.needMaster',
  'minutes.needOut',
  'minutes.needMeeting',
  'minutes.decisionsNotForm',
  'minutes.decisionsOtherMeeting',
]);

describe('the pane’s wording of findings that name a command-line option', () => {
  const holes = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]))].sort();

  it('covers every such code the pane can meet, with the core’s placeholders, in both languages', () => {
    const naming = (Object.keys(MESSAGES) as IssueCode[]).filter(
      (c) => OPTION.test(MESSAGES[c].zh) || OPTION.test(MESSAGES[c].en),
    );
    expect(naming.length).toBeGreaterThan(0);
    for (const code of naming)
      expect(code in PANE_WORDING || cliOnly(code), `${code} needs a pane wording`).toBe(true);
    for (const [code, m] of Object.entries(PANE_WORDING)) {
      const core = MESSAGES[code as IssueCode];
      expect(core, code).toBeDefined();
      expect(holes(m.zh), code).toEqual(holes(core.zh));
      expect(holes(m.en), code).toEqual(holes(core.zh));
      expect(m.zh, code).not.toMatch(OPTION);
      expect(m.en, code).not.toMatch(OPTION);
    }
  });

  it('renders the pane’s wording and falls back to the core’s text elsewhere', () => {
    expect(paneText('notice.yearMismatch', { given: 2026, found: 2027 })).toBe(
      '「年份」框中填的是 2026 年，通知写的是 2027 年。请核对是否贴错了通知，或改正「年份」。',
    );
    expect(paneText('ledger.noPeriod', {})).not.toMatch(OPTION);
    expect(paneText('ledger.noPeriod', {}, 'en')).toContain('Merge');
    expect(paneText('merge.replaced', { by: 'x.xlsx' })).toContain('x.xlsx');
  });

  it('the pane’s own sentences and page name no command-line option', () => {
    for (const [code, m] of Object.entries(ADDIN_MESSAGES))
      if (!code.startsWith('boot.')) for (const text of [m.zh, m.en]) expect(text, code).not.toMatch(OPTION);
    for (const file of ['src/addin/pane.ts', 'src/addin/taskpane.ts', 'src/addin/taskpane.html']) {
      const strings = readFileSync(repoPath(...file.split('/')), 'utf8')
        .split('\n')
        .filter((l) => !/^\s*(\/\/|\*|\/\*\*|<!--)/u.test(l));
      for (const l of strings) expect(l, file).not.toMatch(/['"`][^'"`]*\s--[a-z][^'"`]*['"`]/u);
    }
  });
});
