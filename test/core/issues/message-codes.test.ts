import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/paths.js';

/**
 * The message tables are spread into one (core/issues/codes.ts): a code defined in two tables
 * would silently take the later text. Each code is defined once.
 */
const DIR = join(REPO_ROOT, 'src/core/issues');

async function codesOf(file: string): Promise<string[]> {
  const sf = ts.createSourceFile(file, await readFile(join(DIR, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const codes: string[] = [];
  const visit = (node: ts.Node): void => {
    // `'code': { severity, zh, en }` at any depth of a table.
    if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.initializer)) {
      const keys = node.initializer.properties.map((p) => p.name?.getText(sf));
      if (keys.includes('zh') && keys.includes('en'))
        codes.push(ts.isStringLiteral(node.name) ? node.name.text : node.name.getText(sf));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return codes;
}

describe('Message codes', () => {
  it('are each defined in one table only', async () => {
    const files = (await readdir(DIR)).filter((f) => /^(messages.*|codes)\.ts$/u.test(f)).sort();
    const where = new Map<string, string[]>();
    for (const f of files) for (const c of await codesOf(f)) where.set(c, [...(where.get(c) ?? []), f]);
    expect(where.size).toBeGreaterThan(500);
    expect([...where].filter(([, fs]) => fs.length > 1).map(([c, fs]) => `${c}: ${fs.join(', ')}`)).toEqual(
      [],
    );
  });
});
