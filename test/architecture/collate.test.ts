import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.js';

/**
 * One order of text (ARCHITECTURE.md): src/core/values/collate.ts holds the only collator;
 * `localeCompare` (the machine's locale) and any other Intl.Collator are refused everywhere
 * else in src/. Code, not comments: the files are parsed.
 */
const SRC = join(REPO_ROOT, 'src');
const THE_COLLATOR = 'core/values/collate.ts';

describe('one collator', () => {
  it('orders text only through core/values/collate.ts', async () => {
    const files = (await readdir(SRC, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && /\.(?:ts|js)$/u.test(e.name) && !e.name.endsWith('.d.ts'))
      .map((e) => join(e.parentPath, e.name));
    const offenders: string[] = [];
    for (const f of files) {
      const name = relative(SRC, f).split(sep).join('/');
      if (name === THE_COLLATOR) continue;
      const sf = ts.createSourceFile(f, await readFile(f, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (ts.isPropertyAccessExpression(node)) {
          const text = node.getText(sf).replace(/\s+/gu, '');
          if (node.name.text === 'localeCompare' || /^Intl\??\.Collator$/u.test(text)) {
            const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
            offenders.push(`${name}:${line + 1} ${text}`);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    expect(offenders, `use compareText from src/${THE_COLLATOR}`).toEqual([]);
  });
});
