import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { parse } from 'acorn';
import { beforeAll, describe, expect, it } from 'vitest';
import { openZip } from '../../src/adapters/zip.js';
import { CALLBACKS, OnAction, OnGetEnabled, GetImage, SECTIONS } from '../../src/wps/main.js';
import { addinUrl, jspluginsXml, publishXml } from '../../webpack.wps.config.js';
import { repoPath } from '../helpers/paths.js';
import { requireTool } from '../helpers/tools.js';
import '../wps/fake-wps.js';

/**
 * The WPS 加载项 as it is shipped: ribbon.xml and the add-in lists are well-formed XML and name
 * only what the entry script has; the built JavaScript is ES5; `npm run wps:package` makes the zip.
 */
const xmllint = requireTool('xmllint');
const ribbon = readFileSync(repoPath('src', 'wps', 'ribbon.xml'), 'utf8');

/** Every value of an attribute in the ribbon (onAction="OnAction" → OnAction). */
const attributes = (xml: string, name: string): string[] =>
  [...xml.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'gu'))].map((m) => m[1] ?? '');

beforeAll(() => {
  // `npm test` builds dist-wps/ first; a lone `vitest run` of this file builds it here.
  if (!existsSync(repoPath('dist-wps', 'kpd', 'main.js'))) {
    const r = spawnSync('npx', ['webpack', '--config', 'webpack.wps.config.js'], {
      cwd: repoPath(),
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`webpack failed: ${r.stdout}${r.stderr}`);
  }
}, 600_000);

describe('ribbon.xml and the entry script', () => {
  it('names, for every callback, a function main.js sets on the entry page', () => {
    const named = ['onLoad', 'onAction', 'getEnabled', 'getImage', 'getLabel', 'getVisible'].flatMap((a) =>
      attributes(ribbon, a),
    );
    expect(new Set(named)).toEqual(new Set(['OnAddinLoad', 'OnAction', 'OnGetEnabled', 'GetImage']));
    for (const name of named)
      expect(typeof (CALLBACKS as Record<string, unknown>)[name], name).toBe('function');
    for (const name of named)
      expect(typeof (globalThis as Record<string, unknown>)[name], name).toBe('function');
  });

  it('has the 重点项目 tab with the six actions, each with its section and its icon', () => {
    expect(attributes(ribbon, 'label').slice(0, 1)).toEqual(['重点项目']);
    const buttons = [...ribbon.matchAll(/<button id="([^"]+)" label="([^"]+)"/gu)].map((m) => [m[1], m[2]]);
    expect(buttons.map((b) => b[1])).toEqual([
      '检查',
      '汇总通报',
      '导入台账',
      '生成议程',
      '计算排名',
      '节假日',
      '进度图',
    ]);
    const images = readdirSync(repoPath('src', 'wps', 'images'));
    for (const [id] of buttons) {
      const control = { Id: id ?? '' };
      expect(SECTIONS[control.Id], id).toBeDefined();
      expect(OnGetEnabled(control)).toBe(true);
      expect(images).toContain(GetImage(control).replace('images/', ''));
    }
    expect(OnGetEnabled({ Id: 'somethingElse' })).toBe(false);
  });

  xmllint.it('ribbon.xml and the built add-in lists are well-formed XML', () => {
    for (const file of [
      repoPath('src', 'wps', 'ribbon.xml'),
      repoPath('dist-wps', 'kpd', 'ribbon.xml'),
      repoPath('dist-wps', 'kpd', 'jsplugins.xml'),
      repoPath('dist-wps', 'publish.xml'),
    ]) {
      const r = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
      expect(r.status, `${file}: ${r.stderr}`).toBe(0);
    }
  });

  it('opens one task pane, on the section of the button clicked, and reuses it', () => {
    const app = globalThis.KpdFakeWps.create({ workbooks: [{ sheets: [{ name: 'Sheet1' }] }] });
    const g = globalThis as unknown as { Application?: unknown; location?: { href: string } };
    g.Application = app;
    g.location = { href: 'http://10.1.2.3/kpd/index.html' };
    try {
      OnAction({ Id: 'kpdCheck' });
      expect(app.fake.panes.map((p) => [p.url, p.visible])).toEqual([
        ['http://10.1.2.3/kpd/taskpane.html#check', true],
      ]);
      OnAction({ Id: 'kpdRank' });
      expect(app.fake.panes.map((p) => [p.url, p.visible])).toEqual([
        ['http://10.1.2.3/kpd/taskpane.html#rank', true],
      ]);
    } finally {
      delete g.Application;
      delete g.location;
    }
  });
});

describe('the deployment lists (KPD_WPS_URL)', () => {
  it('point WPS at the address given, ending in /, and refuse what is not an http(s) address', () => {
    expect(addinUrl('https://oa.gov.example/kpd')).toBe('https://oa.gov.example/kpd/');
    expect(addinUrl(undefined)).toBe('http://localhost:3889/kpd/');
    expect(() => addinUrl('ftp://x/')).toThrow(/KPD_WPS_URL/u);
    expect(() => addinUrl('http://x/"><a')).toThrow(/KPD_WPS_URL/u);
    expect(jspluginsXml('http://10.1.2.3/kpd/?a=1&b=2')).toContain(
      '<jspluginonline name="kpd" type="et" url="http://10.1.2.3/kpd/?a=1&amp;b=2"/>',
    );
    expect(publishXml('0.1.0')).toContain('<jsplugin name="kpd" type="et" url="kpd_0.1.0" version="0.1.0"/>');
  });
});

describe('the built add-in (dist-wps/)', () => {
  it('ships JavaScript that parses as ES5', () => {
    const scripts = readdirSync(repoPath('dist-wps', 'kpd')).filter((f) => f.endsWith('.js'));
    expect(scripts).toEqual(expect.arrayContaining(['main.js', 'taskpane.js']));
    for (const f of scripts)
      expect(
        () => parse(readFileSync(repoPath('dist-wps', 'kpd', f), 'utf8'), { ecmaVersion: 5 }),
        f,
      ).not.toThrow();
  });

  it('loads no script from another host (the pages name only their own files)', () => {
    for (const page of ['index.html', 'taskpane.html']) {
      const html = readFileSync(repoPath('dist-wps', 'kpd', page), 'utf8');
      const sources = [...html.matchAll(/<(?:script|link|img)\b[^>]*\b(?:src|href)=["']?([^"'\s>]+)/gu)].map(
        (m) => m[1] ?? '',
      );
      expect(sources.length, page).toBeGreaterThan(0);
      for (const s of sources) expect(s, page).not.toMatch(/^(?:[a-z]+:)?\/\//iu);
    }
  });

  it('wps:package zips the folder, publish.xml and the 部署说明 with this build’s address', async () => {
    const r = spawnSync('npx', ['tsx', 'scripts/wps-package.ts'], { cwd: repoPath(), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const version = (JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { version: string })
      .version;
    const zip = openZip(new Uint8Array(readFileSync(repoPath('out', `kpd-wps-${version}.zip`))));
    const names = zip.entries.map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'kpd/index.html',
        'kpd/main.js',
        'kpd/ribbon.xml',
        'kpd/taskpane.html',
        'kpd/jsplugins.xml',
        'publish.xml',
        '部署说明.txt',
      ]),
    );
    const url = /url="([^"]+)"/u.exec(new TextDecoder().decode(zip.read('kpd/jsplugins.xml')))?.[1] ?? '';
    const notes = new TextDecoder().decode(zip.read('部署说明.txt'));
    expect(notes).toContain(`JSPluginsServer=${url}jsplugins.xml`);
    expect(notes).toContain(`kpd_${version}`);
    expect(notes).not.toMatch(/\{\{/u);
  });
});
