/**
 * npm run addin:build — the task pane for the office's intranet:
 *   KPD_ADDIN_URL=https://内网地址/kpd npm run addin:build
 * writes dist-addin/ (KPD_ADDIN_OUT to write elsewhere) with every address of the manifest
 * pointing there; without KPD_ADDIN_URL, to https://localhost:3000 for development.
 * Exit 2 and no build when the address is not one Excel can load from.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deployText, localeOf } from './messages.js';
import { AddinUrlError, DEV_URL, addinAddress, manifestFor, type AddinAddress } from './site.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const locale = localeOf(process.argv.slice(2));
const out = resolve(process.env['KPD_ADDIN_OUT'] || join(root, 'dist-addin'));

let address: AddinAddress;
try {
  address = addinAddress(process.env['KPD_ADDIN_URL'] || DEV_URL);
} catch (e) {
  if (!(e instanceof AddinUrlError)) throw e;
  process.stderr.write(`${deployText(e.code, locale, { url: e.url })}\n`);
  process.exit(2);
}

const tmp = mkdtempSync(join(tmpdir(), 'kpd-manifest-'));
const manifestFile = join(tmp, 'manifest.xml');
writeFileSync(manifestFile, manifestFor(readFileSync(join(root, 'manifest.xml'), 'utf8'), address));
const r = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js'),
    '--config',
    join(root, 'webpack.config.js'),
    '--env',
    `out=${out}`,
    '--env',
    `manifestFile=${manifestFile}`,
    '--stats',
    'errors-warnings',
  ],
  { cwd: root, stdio: 'inherit' },
);
rmSync(tmp, { recursive: true, force: true });
if (r.status !== 0) {
  process.stderr.write(`${deployText('build.failed', locale)}\n`);
  process.exit(1);
}
process.stdout.write(`${deployText('build.done', locale, { out, url: address.base })}\n`);
if (address.base === DEV_URL) process.stdout.write(`${deployText('build.localhost', locale)}\n`);
