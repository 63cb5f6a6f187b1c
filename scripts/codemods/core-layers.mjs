#!/usr/bin/env node
/**
 * Issue #13, layering of src/core: moves files so that the core's folders import one another in
 * one direction only (the order is written down in ARCHITECTURE.md and checked by
 * test/architecture/layers.test.ts), and rewrites every relative path that points at a moved
 * file — imports, `export … from`, `import()`, `vi.mock(…)`, any relative string literal — in
 * src/, test/, scripts/ and bench/.
 *
 * Re-runnable and idempotent: a file already moved is skipped; a tree merged from other branches
 * (new files still pointing at the old paths, new message tables in core/validate/) is brought
 * in line by running it again. It refuses, before changing anything, when a move's source and
 * destination both exist.
 *
 *   node scripts/codemods/core-layers.mjs [--dry-run] [ROOT]
 *
 * Uses the `typescript` package's parser (a devDependency) to find string literals, so that
 * comments and regular expressions are never touched, and prettier to re-wrap the files it changed.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const ROOT = resolve(args.find((a) => !a.startsWith('--')) ?? '.');

/**
 * Where a file goes, by its path relative to ROOT (posix separators), or undefined when it
 * stays. Rules rather than a list, so that files other branches add (a new messages-*.ts in
 * core/validate, a new file in core/score) move too.
 */
function destination(rel) {
  let m;
  // The issue primitives everyone uses: Issue, codes, message tables, formatting.
  if ((m = /^src\/core\/validate\/((?:codes|issue|messages[^/]*)\.ts)$/u.exec(rel)))
    return `src/core/issues/${m[1]}`;
  // The picture of a workbook and ISO date arithmetic: pure values, the bottom of the core.
  if (rel === 'src/core/grid.ts') return 'src/core/values/grid.ts';
  if (rel === 'src/core/calendar/dates.ts') return 'src/core/values/dates.ts';
  // The host interface: grids in, table writes out (types from table/ and template/).
  if (rel === 'src/core/host.ts') return 'src/core/table/host.ts';
  // The 节假日 sheet's reader (readTable over the master's schema) is a reader, not calendar math.
  if (rel === 'src/core/calendar/overrides.ts') return 'src/core/master/holidays.ts';
  // The notice's vocabulary sits with the rule table (rules and schema both use it).
  if (rel === 'src/core/schema/vocab.ts') return 'src/core/rules/vocab.ts';
  // One home for scoring: the use case to jobs/, its result sheets and charts to scoring/.
  if (rel === 'src/core/score/run.ts') return 'src/core/jobs/score-master.ts';
  if ((m = /^src\/core\/score\/([^/]+\.ts)$/u.exec(rel))) return `src/core/scoring/${m[1]}`;
  // Their tests follow them (test/ mirrors src/).
  if (rel === 'test/core/validate/messages.test.ts') return 'test/core/issues/messages.test.ts';
  if (rel === 'test/core/calendar/dates.test.ts') return 'test/core/values/dates.test.ts';
  return undefined;
}

const SCAN = ['src', 'test', 'scripts', 'bench'];
const CODE = /\.(?:ts|tsx|mts|cts|js|mjs|cjs)$/u;
const SKIP = new Set(['node_modules', 'dist', 'dist-addin', 'dist-wps', 'out', '.git']);

const posix = (p) => p.split(sep).join('/');
const relOf = (abs) => posix(relative(ROOT, abs));

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (SKIP.has(e.name)) return [];
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

const files = SCAN.flatMap((d) => walk(join(ROOT, d)));

// ---- 1. the moves, checked before anything changes ----------------------------------------
const moves = new Map(); // old abs → new abs
for (const f of files) {
  const to = destination(relOf(f));
  if (to !== undefined) moves.set(f, join(ROOT, to));
}
const clashes = [...moves]
  .filter(([, to]) => existsSync(to))
  .map(([from, to]) => `${relOf(from)} → ${relOf(to)}`);
if (clashes.length > 0) {
  console.error(`core-layers: destination exists already, nothing changed:\n  ${clashes.join('\n  ')}`);
  process.exit(1);
}

/** Where a path (old or not) is after the moves. */
const after = (abs) => {
  const to = destination(relOf(abs));
  return to === undefined ? abs : join(ROOT, to);
};

// ---- 2. every relative string literal that names a moved file, or sits in a moved file ----
const CANDIDATES = (abs) => {
  if (/\.js$/u.test(abs)) return [abs.replace(/\.js$/u, '.ts'), abs];
  if (/\.(?:ts|mjs|json)$/u.test(abs)) return [abs];
  return [abs, `${abs}.ts`, join(abs, 'index.ts')];
};

function rewriteSpecifier(spec, fromOld, fromNew) {
  const target = resolve(dirname(fromOld), spec);
  const cands = CANDIDATES(target);
  const moved = cands.find((c) => destination(relOf(c)) !== undefined);
  let newTarget;
  if (moved !== undefined) {
    const to = after(moved);
    // keep the specifier's own suffix style (.js for .ts sources, none, .ts)
    if (moved === target) newTarget = to;
    else if (target.endsWith('.js') && moved.endsWith('.ts')) newTarget = to.replace(/\.ts$/u, '.js');
    else if (moved === `${target}.ts`) newTarget = to.replace(/\.ts$/u, '');
    else newTarget = to; // index.ts: no folder moves here
  } else if (fromOld !== fromNew) {
    newTarget = target; // a moved file's import of something that stays
  } else return spec;
  let out = posix(relative(dirname(fromNew), newTarget));
  if (!out.startsWith('.')) out = `./${out}`;
  return out;
}

/** The repository's prettier, so that a longer path re-wraps its import as `npm run lint` wants. */
const prettier = await import('prettier').catch(() => undefined);
async function formatted(file, text) {
  if (prettier === undefined) return text;
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}

let changedFiles = 0;
let changedSpecs = 0;
for (const f of files.filter((x) => CODE.test(x))) {
  const text = readFileSync(f, 'utf8');
  if (!/['"`]\.\.?\//u.test(text)) {
    continue;
  }
  const kind = /\.(?:js|mjs|cjs)$/u.test(f) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(f, text, ts.ScriptTarget.Latest, false, kind);
  const edits = [];
  const fromNew = after(f);
  const visit = (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const spec = node.text;
      if (/^\.\.?\//u.test(spec)) {
        const next = rewriteSpecifier(spec, f, fromNew);
        if (next !== spec) {
          const start = node.getStart(sf);
          const quote = text[start];
          edits.push({ start, end: node.end, text: `${quote}${next}${quote}` });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (edits.length === 0) continue;
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  changedFiles++;
  changedSpecs += edits.length;
  if (dryRun) console.log(`${relOf(f)}: ${edits.length} path(s)`);
  else writeFileSync(f, await formatted(f, out));
}

// ---- 3. the moves themselves ---------------------------------------------------------------
for (const [from, to] of moves) {
  console.log(`${dryRun ? 'would move' : 'moved'} ${relOf(from)} → ${relOf(to)}`);
  if (dryRun) continue;
  mkdirSync(dirname(to), { recursive: true });
  renameSync(from, to);
  let d = dirname(from);
  while (d.startsWith(ROOT) && d !== ROOT && readdirSync(d).length === 0) {
    rmdirSync(d);
    d = dirname(d);
  }
}
console.log(
  `core-layers: ${moves.size} file(s) moved, ${changedSpecs} path(s) rewritten in ${changedFiles} file(s)`,
);
