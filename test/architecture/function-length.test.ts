import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.js';

/**
 * Functions of one idea: a function (declaration, method, arrow or expression with a body) in src/
 * is at most LIMIT lines, its nested functions included. Longer ones are listed below, each with
 * the reason it stays whole; an entry whose function got shorter must go.
 */
const SRC = join(REPO_ROOT, 'src');
const LIMIT = 80;

const LONG: Readonly<Record<string, string>> = {
  'adapters/xlsx-read/sheet.ts readSheetData':
    "the byte scanner's per-cell loop: split into functions it read 10–20% slower (npm run bench, #13)",
  // Not yet split (the rest of #13): shells that gather many inputs, one after the other.
  'adapters/mail/config.ts checkMailConfig': 'one check per section of 邮箱.toml, in order; to split',
  'adapters/office/excel.ts writeResultSheets': 'Office.js batches: one sync per step; to split',
  'adapters/office/excel.ts mergeTable': 'Office.js batches: one sync per step; to split',
  'adapters/xlsx-read/index.ts readPackage': "the package's parts in reading order; to split",
  'addin/actions/merge.ts mergeReports': "the pane's merge: pick, read, job, write, say; to split",
  'addin/taskpane.ts (function at line 273)': "the pane's Office.onReady wiring; to split",
  'cli/commands/agenda.ts agendaCommand': 'gathers the topic files one at a time; to split',
  'cli/commands/merge.ts mergeCommand': 'gathers, merges, writes three outputs; to split',
  'cli/commands/minutes.ts minutesCommand': 'gathers, drafts, writes two outputs; to split',
};

async function longFunctions(file: string, name: string): Promise<Map<string, number>> {
  const sf = ts.createSourceFile(file, await readFile(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found = new Map<string, number>();
  const visit = (node: ts.Node): void => {
    if (
      (ts.isFunctionDeclaration(node) ||
        ts.isMethodDeclaration(node) ||
        ts.isArrowFunction(node) ||
        ts.isFunctionExpression(node) ||
        ts.isConstructorDeclaration(node)) &&
      node.body
    ) {
      const from = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const to = sf.getLineAndCharacterOfPosition(node.end).line;
      const label =
        node.name?.getText(sf) ??
        (ts.isVariableDeclaration(node.parent) || ts.isPropertyAssignment(node.parent)
          ? node.parent.name.getText(sf)
          : `(function at line ${from + 1})`);
      if (to - from + 1 > LIMIT) found.set(`${name} ${label}`, to - from + 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('Functions', () => {
  it(`are at most ${LIMIT} lines, save the few listed with their reason`, async () => {
    const files = (await readdir(SRC, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
      .map((e) => relative(SRC, join(e.parentPath, e.name)).split(sep).join('/'))
      .sort();
    const long = new Map<string, number>();
    for (const name of files) for (const [k, n] of await longFunctions(join(SRC, name), name)) long.set(k, n);
    const offenders = [...long].filter(([k]) => !(k in LONG)).map(([k, n]) => `${k}: ${n} lines`);
    const stale = Object.keys(LONG).filter((k) => !long.has(k));
    expect(offenders, 'split these into functions of one idea').toEqual([]);
    expect(stale, 'no longer long: remove from LONG').toEqual([]);
  });
});
