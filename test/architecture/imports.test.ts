import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.js';

/**
 * The shape of the house, checked on the source itself: no import cycles (type-only imports
 * are erased and do not count), and the core imports nothing but the core and pure data packages.
 */
const SRC = join(REPO_ROOT, 'src');
const files = (await readdir(SRC, { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
  .map((e) => join(e.parentPath, e.name));

/** Runtime imports of a file (not `import type`, not `export type`). */
async function imports(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(
    /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gmu,
  )) {
    if (m[2]) continue;
    out.push(m[3] ?? '');
  }
  for (const m of text.matchAll(/await import\(['"]([^'"]+)['"]\)/gu)) out.push(m[1] ?? '');
  return out;
}

const graph = new Map<string, string[]>();
for (const f of files) {
  const deps = (await imports(f))
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(f), s.replace(/\.js$/u, '.ts')));
  graph.set(f, deps);
}

describe('architecture', () => {
  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'active' | 'done'>();
    const visit = (f: string, path: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'active') {
        cycles.push([...path.slice(path.indexOf(f)), f].map((p) => relative(SRC, p)).join(' → '));
        return;
      }
      state.set(f, 'active');
      for (const d of graph.get(f) ?? []) visit(d, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('keeps src/core pure', async () => {
    const pure = new Set(['chinese-days/dist/chinese-days.json']);
    const offenders: string[] = [];
    for (const f of files.filter((x) => relative(SRC, x).startsWith('core/'))) {
      for (const s of await imports(f)) {
        const inCore = s.startsWith('.') && relative(SRC, resolve(dirname(f), s)).startsWith('core/');
        if (!inCore && !pure.has(s)) offenders.push(`${relative(SRC, f)} imports ${s}`);
      }
      // Code only: comments may well say "Office.js".
      const text = (await readFile(f, 'utf8')).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gmu, '');
      if (/\bprocess\.|\bOffice\.|\bExcel\.run\b|Date\.now\(/u.test(text))
        offenders.push(`${relative(SRC, f)} touches the platform`);
    }
    expect(offenders).toEqual([]);
  });
});
