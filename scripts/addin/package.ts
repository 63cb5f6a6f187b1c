/**
 * npm run addin:package — one zip for the IT office: the built site, the manifest and the
 * Chinese 部署说明, in out/kpd-addin-<version>.zip (KPD_ADDIN_PACKAGE to write elsewhere).
 * With KPD_ADDIN_URL it builds first; without, it packs dist-addin/ (KPD_ADDIN_OUT) if that was
 * built for an intranet address, and otherwise says how (exit 2).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deployText, localeOf } from './messages.js';
import { AddinUrlError, packageZip } from './site.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const locale = localeOf(args);
const site = resolve(process.env['KPD_ADDIN_OUT'] || join(root, 'dist-addin'));
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const zip = resolve(process.env['KPD_ADDIN_PACKAGE'] ?? join(root, 'out', `kpd-addin-${version}.zip`));

if (process.env['KPD_ADDIN_URL']) {
  const b = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'scripts', 'addin', 'build.ts'), ...args],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, KPD_ADDIN_OUT: site },
    },
  );
  if (b.status !== 0) process.exit(b.status ?? 1);
}

let made: ReturnType<typeof packageZip>;
try {
  made = packageZip(site, readFileSync(join(root, 'addin', 'deploy', '部署说明.txt'), 'utf8'), version);
} catch (e) {
  if (!(e instanceof AddinUrlError) && (e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  process.stderr.write(`${deployText('package.needsBuild', locale, { out: site })}\n`);
  process.exit(2);
}
mkdirSync(dirname(zip), { recursive: true });
// Written aside, then renamed: a half-written zip never has the final name.
writeFileSync(`${zip}.tmp`, made.bytes);
renameSync(`${zip}.tmp`, zip);
const size = `${(made.bytes.length / 1024 / 1024).toFixed(1)} MB`;
process.stdout.write(`${deployText('package.done', locale, { zip, size, url: made.address })}\n`);
