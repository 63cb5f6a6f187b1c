/**
 * `npm run wps:package`: one zip for the IT office — the WPS 加载项 folder as `npm run wps:build`
 * wrote it (dist-wps/), publish.xml for a PC without a server, and 部署说明.txt in Chinese with this
 * build's address and version filled in. Written to out/kpd-wps-<version>.zip (temp file + rename).
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist-wps');
const FOLDER = 'kpd';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** The address the build put into jsplugins.xml: the 部署说明 names the same one. */
function builtUrl(): string {
  const xml = readFileSync(join(dist, FOLDER, 'jsplugins.xml'), 'utf8');
  const m = /<jspluginonline\b[^>]*\burl="([^"]+)"/u.exec(xml);
  if (!m?.[1]) throw new Error('dist-wps/kpd/jsplugins.xml names no url: run npm run wps:build first');
  return m[1].replace(/&amp;/gu, '&');
}

function deployNotes(template: string, url: string, version: string): string {
  const text = template
    .replace(/\{\{URL\}\}/gu, url)
    .replace(/\{\{VERSION\}\}/gu, version)
    .replace(/\{\{FOLDER\}\}/gu, FOLDER)
    .replace(/\{\{LOCAL\}\}/gu, `${FOLDER}_${version}`);
  // Windows line ends and a BOM: the notes open right in any Notepad.
  return `\ufeff${text.replace(/\r?\n/gu, '\r\n')}`;
}

function main(): void {
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string })
    .version;
  const entries: Record<string, Uint8Array> = {};
  for (const path of files(dist)) {
    const name = relative(dist, path).split(/[\\/]/u).join('/');
    entries[name] = new Uint8Array(readFileSync(path));
  }
  if (!entries[`${FOLDER}/ribbon.xml`] || !entries['publish.xml'])
    throw new Error('dist-wps/ is incomplete: run npm run wps:build first');
  const notes = readFileSync(join(root, 'src', 'wps', '部署说明.txt'), 'utf8');
  entries['部署说明.txt'] = strToU8(deployNotes(notes, builtUrl(), version));
  const out = join(root, 'out', `kpd-wps-${version}.zip`);
  mkdirSync(dirname(out), { recursive: true });
  const temp = `${out}.${process.pid}.tmp`;
  writeFileSync(temp, zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
  renameSync(temp, out);
  console.log(`${relative(root, out)}: ${Object.keys(entries).length} 个文件，地址 ${builtUrl()}`);
}

main();
