import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.js';

/**
 * Every sentence a person reads comes from a message table keyed by code (zh and en): Chinese
 * lives in the message tables (messages*.ts, core/issues/codes.ts), the schema (core/schema/) and
 * the rule table with its vocabulary (core/rules/). Elsewhere a string or template literal holding
 * CJK (Han, CJK punctuation, full-width forms) is refused, save the files listed below. The files
 * are parsed, so comments never count.
 */
const SRC = join(REPO_ROOT, 'src');
const CJK = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/u;

const TABLES = [
  /(^|\/)messages[^/]*\.ts$/u,
  /^core\/issues\/codes\.ts$/u,
  /^core\/schema\//u,
  /^core\/rules\//u,
];

/** Chinese as data, not sentences: for good. */
const ALLOWED: Readonly<Record<string, string>> = {
  'core/values/zh-number.ts': 'Chinese numerals (一二三, 十五) are the data it reads and writes',
  'core/values/parse.ts': 'recognises the unit 万元 people type after an amount (1,200万元)',
  'core/calendar/notice.ts': "parses the State Council's notice: its patterns are the notice's Chinese",
  'core/table/read.ts': 'recognises 合计/总计 rows as people type them in the forms',
  'adapters/xlsx-fill/sheet.ts': "recognises the 合计/总计 rows of a person's template when filling it",
  'core/template/samples.ts': 'the example rows the templates and examples/ carry (data, not sentences)',
  'core/template/layout.ts': 'Excel number formats (yyyy"年"m"月"d"日"), read by Excel, not by people',
  'adapters/docx/gbt9704.ts': 'font names of GB/T 9704 (方正小标宋简体, 仿宋_GB2312 …)',
  'adapters/exceljs/style.ts': 'font name 宋体',
  'adapters/exceljs/paper.ts': 'font names 宋体 and 黑体 of the laid-out papers (read by Excel)',
  'adapters/xlsx-charts/chart-xml.ts': 'font name 黑体 in DrawingML',
  'addin/polyfills.ts': 'the GBK decoder checked on 中',
};

async function cjkLiterals(file: string): Promise<string[]> {
  const sf = ts.createSourceFile(file, await readFile(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const literal =
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node);
    if (literal && CJK.test(node.text)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('Chinese text', () => {
  it('is in message, schema and rule tables only (a short list of files excepted)', async () => {
    const files = (await readdir(SRC, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
      .map((e) => relative(SRC, join(e.parentPath, e.name)).split(sep).join('/'))
      .sort();
    const offenders: string[] = [];
    const stale: string[] = [];
    for (const name of files) {
      if (TABLES.some((t) => t.test(name))) continue;
      const literals = await cjkLiterals(join(SRC, name));
      if (name in ALLOWED) {
        if (literals.length === 0) stale.push(`${name}: in ALLOWED but holds no Chinese; remove the entry`);
        continue;
      }
      if (literals.length > 0) {
        const first = literals
          .slice(0, 4)
          .map((l) => JSON.stringify(l.length > 40 ? `${l.slice(0, 40)}…` : l));
        offenders.push(`${name}: ${literals.length} CJK literal(s), e.g. ${first.join(', ')}`);
      }
    }
    expect(
      offenders,
      'move these sentences into a message table (core/issues/messages-*.ts), keyed by code',
    ).toEqual([]);
    expect(stale).toEqual([]);
  });
});
