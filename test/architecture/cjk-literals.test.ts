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
  'core/calendar/notice.ts': "parses the State Council's notice: its patterns are the notice's Chinese",
  'core/table/read.ts': 'recognises 合计/总计 rows as people type them in the forms',
  'adapters/xlsx-fill/sheet.ts': "recognises the 合计/总计 rows of a person's template when filling it",
  'core/template/samples.ts': 'the example rows the templates and examples/ carry (data, not sentences)',
  'core/template/layout.ts': 'Excel number formats (yyyy"年"m"月"d"日"), read by Excel, not by people',
  'adapters/docx/gbt9704.ts': 'font names of GB/T 9704 (方正小标宋简体, 仿宋_GB2312 …)',
  'adapters/exceljs/style.ts': 'font name 宋体',
  'adapters/xlsx-charts/chart-xml.ts': 'font name 黑体 in DrawingML',
  'addin/polyfills.ts': 'the GBK decoder checked on 中',
  'cli/say.ts': "each language's brackets and colon: the one table of them the CLI's lines are joined with",
};

/**
 * Not yet moved (the rest of #13): the number of CJK literals each file holds today — mostly
 * punctuation joining names (「」、：), example file names in usage errors and typed vocabulary values
 * (状态 such as 逾期未完成), with the printed sheets' fixed words in the core's render.ts files. It may only
 * fall — a file gaining one fails — and the entry goes when its file holds none.
 */
const NOT_YET: Readonly<Record<string, number>> = {
  'adapters/bulletin-annex.ts': 1,
  'adapters/exceljs/paper.ts': 4,
  'adapters/exceljs/validation.ts': 28,
  'adapters/exceljs/write-template.ts': 7,
  'adapters/files.ts': 15,
  'adapters/mail/config.ts': 14,
  'adapters/office/excel.ts': 2,
  'adapters/results.ts': 1,
  'adapters/wps/merge.ts': 2,
  'adapters/wps/write.ts': 1,
  'addin/actions/agenda.ts': 6,
  'addin/actions/check.ts': 2,
  'addin/actions/common.ts': 1,
  'addin/actions/ledger.ts': 6,
  'addin/actions/merge.ts': 1,
  'addin/actions/ranking.ts': 4,
  'addin/findings.ts': 2,
  'addin/taskpane.ts': 24,
  'addin/wording.ts': 10,
  'cli/commands/agenda.ts': 3,
  'cli/commands/chart.ts': 2,
  'cli/commands/forms.ts': 2,
  'cli/commands/ledger-weekly.ts': 4,
  'cli/commands/ledger.ts': 5,
  'cli/commands/merge.ts': 2,
  'cli/commands/minutes.ts': 2,
  'cli/commands/score.ts': 2,
  'cli/guard.ts': 1,
  'cli/merge-render.ts': 3,
  'cli/render-score.ts': 1,
  'cli/run.ts': 1,
  'cli/schedule-steps.ts': 4,
  'core/agenda/build.ts': 20,
  'core/agenda/render.ts': 83,
  'core/bulletin/build.ts': 24,
  'core/bulletin/charts.ts': 2,
  'core/bulletin/findings.ts': 3,
  'core/bulletin/model.ts': 8,
  'core/bulletin/render.ts': 69,
  'core/bulletin/status.ts': 9,
  'core/decisions/read.ts': 1,
  'core/document/text.ts': 21,
  'core/issues/issue.ts': 7,
  'core/jobs/agenda.ts': 4,
  'core/jobs/bulletin-document.ts': 6,
  'core/jobs/forms-layout.ts': 4,
  'core/jobs/forms.ts': 2,
  'core/jobs/minutes.ts': 8,
  'core/ledger/import.ts': 8,
  'core/master/checks.ts': 3,
  'core/master/incident.ts': 1,
  'core/master/read.ts': 2,
  'core/paper/text.ts': 3,
  'core/report/read.ts': 2,
  'core/table/merge-notes.ts': 5,
  'core/table/types.ts': 5,
  'core/template/limits.ts': 2,
  'core/topics/read.ts': 7,
  'core/values/parse.ts': 1,
  'core/workbook/identify.ts': 5,
  'wps/page.ts': 1,
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
      const ceiling = NOT_YET[name] ?? 0;
      if (name in ALLOWED) {
        if (literals.length === 0) stale.push(`${name}: in ALLOWED but holds no Chinese; remove the entry`);
        continue;
      }
      if (literals.length > ceiling) {
        const first = literals
          .slice(0, 4)
          .map((l) => JSON.stringify(l.length > 40 ? `${l.slice(0, 40)}…` : l));
        offenders.push(
          `${name}: ${literals.length} CJK literal(s)${ceiling > 0 ? ` (at most ${ceiling})` : ''}, e.g. ${first.join(', ')}`,
        );
      }
    }
    expect(
      offenders,
      'move these sentences into a message table (core/issues/messages-*.ts), keyed by code',
    ).toEqual([]);
    expect(stale).toEqual([]);
  });
});
