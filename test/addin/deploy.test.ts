import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEPLOY_MESSAGES, deployText } from '../../scripts/addin/messages.js';
import { AddinUrlError, addinAddress, filesUnder, manifestFor } from '../../scripts/addin/site.js';
import { BUILD_TIMEOUT_MS } from '../helpers/addin-build.js';
import { MANIFEST_XSD, repoPath } from '../helpers/paths.js';
import { requireTool } from '../helpers/tools.js';

/**
 * Deployment as the IT office does it: `KPD_ADDIN_URL=https://内网地址/kpd npm run addin:build`
 * gives a site and a manifest that names that address only, valid against the Office schema;
 * `npm run addin:package` puts the site, the manifest and the 部署说明 in one zip.
 */
const xmllint = requireTool('xmllint');
const URL_GIVEN = 'https://内网地址/kpd/';
const BASE = 'https://xn--v6qz1lnb867w/kpd';

const npm = (args: string[], env: Record<string, string>) =>
  spawnSync('npm', args, { cwd: repoPath(), encoding: 'utf8', env: { ...process.env, ...env } });

const validate = (file: string) =>
  spawnSync('xmllint', ['--noout', '--schema', MANIFEST_XSD, file], { encoding: 'utf8' });

describe('the office’s address (KPD_ADDIN_URL)', () => {
  it('is made what a manifest can carry: https, host in punycode, no trailing slash', () => {
    expect(addinAddress(URL_GIVEN)).toEqual({
      base: BASE,
      origin: 'https://xn--v6qz1lnb867w',
      host: 'xn--v6qz1lnb867w',
    });
    expect(addinAddress('https://oa.example.gov.cn:8443').base).toBe('https://oa.example.gov.cn:8443');
  });

  it('is refused, with what to write instead, when Excel could not load from it', () => {
    const code = (text: string) => {
      try {
        addinAddress(text);
        return 'accepted';
      } catch (e) {
        return e instanceof AddinUrlError ? e.code : 'thrown';
      }
    };
    expect(code('http://oa.example.gov.cn/kpd')).toBe('url.notHttps');
    expect(code('oa.example.gov.cn/kpd')).toBe('url.invalid');
    expect(code('https://oa.example.gov.cn/kpd?v=1')).toBe('url.extra');
    expect(deployText('url.notHttps', 'zh', { url: 'http://x' })).toMatch(
      /^KPD_ADDIN_URL「http:\/\/x」不是 https 地址/u,
    );
  });

  xmllint.it(
    'rewrites every address of manifest.xml, which stays valid against the Office schema',
    async () => {
      const xml = manifestFor(await readFile(repoPath('manifest.xml'), 'utf8'), addinAddress(URL_GIVEN));
      expect(xml).not.toMatch(/localhost/u);
      const urls = [...xml.matchAll(/"(https:\/\/[^"]+)"|>(https:\/\/[^<]+)</gu)].map((m) => m[1] ?? m[2]);
      expect(urls.length).toBeGreaterThan(6);
      for (const u of urls) expect(u?.startsWith('https://xn--v6qz1lnb867w')).toBe(true);
      expect(xml).toContain('<AppDomain>https://xn--v6qz1lnb867w</AppDomain>');
      expect(xml).toContain(`<SourceLocation DefaultValue="${BASE}/taskpane.html"/>`);
      const dir = await mkdtemp(join(tmpdir(), 'kpd-manifest-'));
      await writeFile(join(dir, 'manifest.xml'), xml);
      const r = validate(join(dir, 'manifest.xml'));
      expect(r.status, r.stderr).toBe(0);
    },
  );
});

describe('npm run addin:build and addin:package', () => {
  let site: string;
  let zipFile: string;
  let build: ReturnType<typeof npm>;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kpd-deploy-'));
    site = join(dir, 'site');
    zipFile = join(dir, 'kpd.zip');
    build = npm(['run', 'addin:build'], { KPD_ADDIN_URL: URL_GIVEN, KPD_ADDIN_OUT: site });
  }, BUILD_TIMEOUT_MS);

  xmllint.it('build: the site with a manifest naming the office’s address only', async () => {
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout).toContain(`加载项已生成到 ${site}：清单 manifest.xml 中的地址都是 ${BASE}。`);
    const manifest = await readFile(join(site, 'manifest.xml'), 'utf8');
    expect(manifest).not.toMatch(/localhost/u);
    expect(manifest).toContain(`<SourceLocation DefaultValue="${BASE}/taskpane.html"/>`);
    expect(validate(join(site, 'manifest.xml')).status).toBe(0);
    // Every icon the manifest names is in the site.
    for (const m of manifest.matchAll(/\/kpd\/(assets\/[\w-]+\.png)/gu))
      expect(existsSync(join(site, m[1] ?? '')), m[1]).toBe(true);
    expect(filesUnder(site)).toEqual(
      expect.arrayContaining([
        'taskpane.html',
        'boot.js',
        'taskpane.js',
        'office-js/office.js',
        'office-js/LICENSE.md',
      ]),
    );
  });

  it('package: one zip with the site (no source maps), the manifest and the 部署说明', async () => {
    const r = npm(['run', 'addin:package'], {
      KPD_ADDIN_OUT: site,
      KPD_ADDIN_PACKAGE: zipFile,
      KPD_ADDIN_URL: '',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/已生成 .*kpd\.zip（\d+\.\d MB）：交给信息中心/u);
    const entries = unzipSync(new Uint8Array(await readFile(zipFile)));
    const names = Object.keys(entries);
    const root = 'kpd-addin-0.1.0/';
    expect(names).toEqual(
      expect.arrayContaining([
        `${root}manifest.xml`,
        `${root}部署说明.txt`,
        `${root}site/taskpane.html`,
        `${root}site/office-js/office.js`,
      ]),
    );
    expect(names.filter((n) => n.endsWith('.map'))).toEqual([]);
    expect(strFromU8(entries[`${root}manifest.xml`] ?? new Uint8Array())).toBe(
      await readFile(join(site, 'manifest.xml'), 'utf8'),
    );
    const guideBytes = entries[`${root}部署说明.txt`] ?? new Uint8Array();
    const guide = strFromU8(guideBytes);
    // For Notepad: a BOM and CRLF line ends.
    expect([...guideBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(guide.split('\n').every((l, i, all) => i === all.length - 1 || l.endsWith('\r'))).toBe(true);
    for (const needed of [
      `${BASE}/taskpane.html`,
      '受信任的外接程序目录',
      '证书',
      'HTTPS',
      '集中部署',
      '检查是否部署成功',
      'office-js',
    ])
      expect(guide, needed).toContain(needed);
    expect(guide).not.toMatch(/\{(url|host|version|files)\}/u);
  });

  it('refuses an address Excel cannot load from (exit 2, no build) and a package of a development build', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kpd-deploy-bad-'));
    const bad = npm(['run', 'addin:build'], {
      KPD_ADDIN_URL: 'http://oa.example.gov.cn/kpd',
      KPD_ADDIN_OUT: join(dir, 'x'),
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(deployText('url.notHttps', 'zh', { url: 'http://oa.example.gov.cn/kpd' }));
    expect(existsSync(join(dir, 'x'))).toBe(false);
    const none = npm(['run', 'addin:package'], {
      KPD_ADDIN_OUT: join(dir, 'x'),
      KPD_ADDIN_PACKAGE: join(dir, 'x.zip'),
      KPD_ADDIN_URL: '',
    });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain(deployText('package.needsBuild', 'zh', { out: join(dir, 'x') }));
    expect(existsSync(join(dir, 'x.zip'))).toBe(false);
  });
});

describe('the deployment messages', () => {
  it('have Chinese and English with the same placeholders', () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]).sort();
    for (const [code, m] of Object.entries(DEPLOY_MESSAGES)) {
      expect(/[\u4e00-\u9fff]/u.test(m.zh), code).toBe(true);
      expect(holes(m.en), code).toEqual(holes(m.zh));
    }
  });
});
