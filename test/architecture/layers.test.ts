import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.js';

/**
 * The layers of src/core (ARCHITECTURE.md, "Layers of the core"): a folder imports only folders
 * of lower layers, so the folders never import one another in a circle. Type-only imports count:
 * a folder that needs another's types knows about it. No file lies outside a folder (there is no
 * public barrel: every importer names the module it uses).
 */
const CORE = join(REPO_ROOT, 'src', 'core');
const files = (await readdir(CORE, { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
  .map((e) => join(e.parentPath, e.name));

/** The folder of src/core a file is in, or its own name for a file at the root. */
const folderOf = (file: string): string => relative(CORE, file).split(sep)[0] ?? '';
const rel = (file: string): string => relative(join(REPO_ROOT, 'src'), file).split(sep).join('/');

/** folder → folder → the first import that makes the edge (for the failure message). */
const edges = new Map<string, Map<string, string>>();
for (const f of files) {
  const from = folderOf(f);
  const { importedFiles } = ts.preProcessFile(await readFile(f, 'utf8'), true, true);
  for (const { fileName } of importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const target = resolve(dirname(f), fileName.replace(/\.js$/u, '.ts'));
    if (!target.startsWith(CORE + sep)) continue;
    const to = folderOf(target);
    if (to === from) continue;
    const out = edges.get(from) ?? new Map<string, string>();
    if (!out.has(to)) out.set(to, `${rel(f)} imports ${fileName}`);
    edges.set(from, out);
  }
}

/** Folder → layer, as ARCHITECTURE.md writes them: one line per layer, its number then its folders. */
async function layers(): Promise<Map<string, number>> {
  const text = await readFile(join(REPO_ROOT, 'ARCHITECTURE.md'), 'utf8');
  const block = /<!-- core-layers -->\s*```[^\n]*\n([\s\S]*?)```/u.exec(text)?.[1];
  if (block === undefined) throw new Error('ARCHITECTURE.md has no <!-- core-layers --> block');
  const rank = new Map<string, number>();
  for (const line of block.split('\n')) {
    // "10 agenda    the Saturday meeting": the folders run until two spaces
    const m = /^\s*(\d+) ((?:[a-z-]+ ?)+?)(?: {2}|$)/u.exec(line);
    for (const name of m?.[2]?.trim().split(' ') ?? []) rank.set(name, Number(m?.[1]));
  }
  return rank;
}

/** A cycle among the folders, as the imports that make it, or undefined. */
function findCycle(): string[] | undefined {
  const state = new Map<string, 'active' | 'done'>();
  const visit = (v: string, path: string[]): string[] | undefined => {
    if (state.get(v) === 'done') return undefined;
    if (state.get(v) === 'active') {
      const loop = [...path.slice(path.indexOf(v)), v];
      return loop.slice(1).map((to, k) => `${loop[k]} → ${to} (${edges.get(loop[k] ?? '')?.get(to)})`);
    }
    state.set(v, 'active');
    for (const w of [...(edges.get(v)?.keys() ?? [])].sort()) {
      const found = visit(w, [...path, v]);
      if (found) return found;
    }
    state.set(v, 'done');
    return undefined;
  };
  for (const v of [...edges.keys()].sort()) {
    const found = visit(v, []);
    if (found) return found;
  }
  return undefined;
}

describe('the layers of src/core', () => {
  it('has no import cycle between its folders', () => {
    const cycle = findCycle();
    expect(cycle, `folder cycle:\n  ${cycle?.join('\n  ')}`).toBeUndefined();
  });

  it('imports only downwards, in the order ARCHITECTURE.md gives', async () => {
    const rank = await layers();
    const folders = [...new Set(files.map(folderOf))].sort();
    const unplaced = folders.filter((n) => !rank.has(n));
    expect(unplaced, 'folders of src/core missing from ARCHITECTURE.md\'s "core-layers" block').toEqual([]);
    expect(
      [...rank.keys()].filter((n) => !folders.includes(n)),
      'layers named that are no folder',
    ).toEqual([]);
    const upwards: string[] = [];
    for (const [from, out] of edges)
      for (const [to, example] of out)
        if ((rank.get(to) ?? Infinity) >= (rank.get(from) ?? -Infinity))
          upwards.push(`${from} (layer ${rank.get(from)}) → ${to} (layer ${rank.get(to)}): ${example}`);
    expect(upwards.sort(), 'imports of a folder at the same or a higher layer').toEqual([]);
  });

  it('keeps no file at the root of src/core', () => {
    expect(files.filter((f) => dirname(f) === CORE).map(rel)).toEqual([]);
  });
});
