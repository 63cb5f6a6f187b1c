// npm run release: one tarball that installs kpd on a PC with Node 20 and no registry.
//
//   release/key-project-desk-<version>.tgz  — dist/, bin/, templates/, README, and every runtime
//   dependency bundled inside (bundleDependencies), so that
//   `npm install -g ./key-project-desk-<version>.tgz --offline` needs nothing from the network.
//
// npm pack does the packing; this script only stages a copy whose node_modules holds the
// production dependencies of package-lock.json (npm ci --omit=dev), then drops the build-only
// fields from its package.json (a tarball install never runs `prepare`, but a stray devDependency
// list would make npm look for them).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, 'release');
const stage = join(out, 'stage');
const npm = (args, cwd) => execFileSync('npm', args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });

if (!existsSync(join(root, 'dist/cli/run.js'))) {
  process.stderr.write('缺少 dist/：请先运行 npm run build（npm run release 会先构建）。\n');
  process.exit(2);
}
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const p of ['bin', 'dist', 'templates', 'README.md', 'package.json', 'package-lock.json'])
  cpSync(join(root, p), join(stage, p), { recursive: true });
// Source maps point at src/, which is not shipped.
execFileSync('find', [join(stage, 'dist'), '-name', '*.map', '-delete']);

// Exactly the locked production tree; no install scripts (none of our runtime dependencies needs one).
npm(['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], stage);

const shipped = {
  name: pkg.name,
  version: pkg.version,
  description: pkg.description,
  type: pkg.type,
  license: pkg.license,
  engines: pkg.engines,
  bin: pkg.bin,
  files: ['bin/', 'dist/', 'templates/', 'README.md'],
  dependencies: pkg.dependencies,
  bundleDependencies: Object.keys(pkg.dependencies),
};
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(shipped, null, 2)}\n`);
rmSync(join(stage, 'package-lock.json'));

const name = `${pkg.name}-${pkg.version}.tgz`;
npm(['pack', '--pack-destination', out, '--silent'], stage);
rmSync(stage, { recursive: true, force: true });
if (!existsSync(join(out, name))) throw new Error(`npm pack did not write ${name}`);
process.stdout.write(`已生成离线安装包：release/${name}\n`);
