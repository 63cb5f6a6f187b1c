import { describe, expect, it } from 'vitest';
import { MESSAGES, severityOf, type IssueCode, type MessageDef } from '../../../src/core/issues/codes.js';
import { formatMessage, issue, location, message, sortIssues } from '../../../src/core/issues/issue.js';
import { TEMPLATES } from '../../../src/core/schema/templates.js';

const placeholders = (s: string): string[] =>
  [...new Set([...s.matchAll(/\{=?(\w+)\}/gu)].map((m) => m[1] ?? ''))].sort();
// Han, or CJK punctuation alone (the list separator 、 is a message of its own).
const CJK = /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/u;
const entries = Object.entries(MESSAGES) as [IssueCode, MessageDef][];

/** Codes the schemas name for blank cells and fields (五个一, unsigned reports …). */
const schemaCodes = TEMPLATES.flatMap((t) =>
  t.sheets.flatMap((s) => [
    ...s.columns.flatMap((c) => (c.requiredCode ? [c.requiredCode] : [])),
    ...(s.fields ?? []).flatMap((f) => (f.blankCode ? [f.blankCode] : [])),
  ]),
);

describe('the message table', () => {
  it('has text for every code: Chinese first, English second', () => {
    expect(entries.length).toBeGreaterThan(50);
    for (const [code, def] of entries) {
      expect(Object.keys(def), code).toEqual(['severity', 'zh', 'en']);
      expect(def.zh.trim(), `${code}: zh`).not.toBe('');
      expect(def.en.trim(), `${code}: en`).not.toBe('');
      expect(CJK.test(def.zh), `${code}: the zh text must be Chinese`).toBe(true);
    }
  });

  // {detail} is the reader's technical English (truncated archive, bad offsets): the English text
  // shows it; the Chinese one says what to do instead and never shows English to the clerk.
  const withoutDetail = (ks: string[]): string[] => ks.filter((k) => k !== 'detail');

  it('uses the same {placeholders} in both locales (only English shows the technical detail)', () => {
    for (const [code, def] of entries) {
      expect(withoutDetail(placeholders(def.en)), `${code}: en placeholders differ from zh`).toEqual(
        withoutDetail(placeholders(def.zh)),
      );
    }
  });

  it('gives each code a known severity', () => {
    for (const [code] of entries) expect(['error', 'warning', 'info'], code).toContain(severityOf(code));
  });

  it('knows every code a schema names', () => {
    for (const code of schemaCodes) expect(Object.hasOwn(MESSAGES, code), code).toBe(true);
  });

  it('fills every placeholder from the params, in both locales', () => {
    for (const [code, def] of entries) {
      const params = Object.fromEntries(placeholders(def.en).map((k) => [k, `<${k}>`]));
      for (const locale of ['zh', 'en'] as const) {
        const text = formatMessage(code, params, locale);
        expect(text, `${code} ${locale}`).not.toMatch(/\{\w+\}/u);
      }
    }
  });
});

describe('issues', () => {
  it('carry their place and read as the clerk expects', () => {
    const i = issue(
      'cell.number',
      { sheet: '进展情况', row: 7, column: 4 },
      { header: '本期完成投资(万元)', value: '一百' },
    );
    expect(i).toEqual({
      code: 'cell.number',
      severity: 'error',
      sheet: '进展情况',
      row: 7,
      column: 4,
      params: { header: '本期完成投资(万元)', value: '一百' },
    });
    expect(message(i)).toBe('「本期完成投资(万元)」应为数字，现为「一百」。请只填数字（单位已在表头）。');
    expect(message(i, 'en')).toBe('"本期完成投资(万元)" must be a number, found "一百".');
    expect(location(i)).toBe('「进展情况」D7');
    expect(location(issue('column.missing', { sheet: '进展情况', row: 5 }, { header: 'x' }))).toBe(
      '「进展情况」第5行',
    );
    expect(location(i, 'en')).toBe("'进展情况'!D7");
  });

  it('leave an unknown placeholder visible rather than inventing text', () => {
    expect(formatMessage('cell.required', {})).toBe('「{header}」必须填写。');
    const hostile = JSON.parse('{"__proto__": "x", "header": "项目编号"}') as Record<string, string>;
    expect(formatMessage('cell.required', hostile)).toBe('「项目编号」必须填写。');
  });

  it('sort by sheet order, row, column, code', () => {
    const a = issue('cell.required', { sheet: 'B', row: 2, column: 1 }, {});
    const b = issue('cell.number', { sheet: 'A', row: 9, column: 1 }, {});
    const c = issue('cell.date', { sheet: 'B', row: 2, column: 1 }, {});
    const d = issue('file.macro', {});
    expect(sortIssues([a, b, c, d], ['B', 'A'])).toEqual([d, c, a, b]);
  });
});

describe('a reason inside a finding stays a code until it is read ({=why})', () => {
  it('says the nested message in the same language, filled from the same params', () => {
    const i = issue(
      'merge.filledOnOdd',
      {},
      { value: '2026-10-20', why: 'merge.why.beforePeriod', from: '2026-11-01' },
    );
    expect(message(i)).toBe(
      '填报日期 2026-10-20 早于报告期开始（2026-11-01），可能填错了；仍按它判断是否按时报送，请核实。',
    );
    expect(message(i, 'en')).toBe(
      '填报日期 2026-10-20: before the period began (2026-11-01); probably a slip. Still used to judge lateness; please check.',
    );
  });

  it('shows a value that is not a message code as the value it is, never a message of its own code', () => {
    expect(formatMessage('merge.fileNotMerged', { reason: 'x.y' })).toBe('本文件未并入：x.y');
    expect(formatMessage('merge.fileNotMerged', { reason: 'merge.fileNotMerged' })).toBe(
      '本文件未并入：merge.fileNotMerged',
    );
  });
});
