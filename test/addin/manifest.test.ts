import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { MANIFEST_XSD, repoPath } from '../helpers/paths.js';
import { requireTool } from '../helpers/tools.js';

/**
 * manifest.xml against the Office add-in manifest schema, offline (office-addin-manifest
 * validate needs an online service): what Excel checks before it loads the task pane.
 */
const xmllint = requireTool('xmllint');

xmllint.describe('manifest.xml', () => {
  xmllint.it('validates against OfficeAppManifestV1_1.xsd (with its version overrides)', () => {
    const r = spawnSync('xmllint', ['--noout', '--schema', MANIFEST_XSD, repoPath('manifest.xml')], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('manifest.xml validates');
  });

  xmllint.it(
    'opens the task pane the webpack build writes, in Chinese, for Excel workbooks only',
    async () => {
      const xml = await readFile(repoPath('manifest.xml'), 'utf8');
      expect(xml).toContain('<Host Name="Workbook"/>');
      expect(xml).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
      expect(xml).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
      expect(xml).toContain('DefaultValue="计算排名"');
      expect(xml).toContain('<Set Name="ExcelApi" MinVersion="1.1"/>');
      // Every icon it names is one the build copies.
      for (const m of xml.matchAll(/https:\/\/localhost:3000\/assets\/([\w-]+\.png)/gu))
        await expect(readFile(repoPath('addin', 'assets', m[1] ?? ''))).resolves.toBeDefined();
    },
  );

  xmllint.it(
    'has a 重点项目 group on the Home tab with one button per task, in order of use, each opening the pane on its section',
    async () => {
      const xml = await readFile(repoPath('manifest.xml'), 'utf8');
      const html = await readFile(repoPath('src', 'addin', 'taskpane.html'), 'utf8');
      const strings = new Map(
        [...xml.matchAll(/<bt:(?:String|Url) id="([^"]+)" DefaultValue="([^"]*)"/gu)].map((m) => [
          m[1],
          m[2],
        ]),
      );
      const group = /<Group id="Kpd.Group">([\s\S]*?)<\/Group>/u.exec(xml)?.[1] ?? '';
      expect(strings.get(/<Label resid="([^"]+)"\/>/u.exec(group)?.[1] ?? '')).toBe('重点项目');
      const buttons = [
        ...group.matchAll(/<Control xsi:type="Button" id="[^"]+">([\s\S]*?)<\/Control>/gu),
      ].map((m) => {
        const body = m[1] ?? '';
        return {
          label: strings.get(/<Label resid="([^"]+)"/u.exec(body)?.[1] ?? ''),
          url: strings.get(/<SourceLocation resid="([^"]+)"/u.exec(body)?.[1] ?? ''),
          pane: /<TaskpaneId>([^<]+)</u.exec(body)?.[1],
        };
      });
      expect(buttons.map((b) => b.label)).toEqual(['检查', '汇总通报', '导入台账', '生成议程', '计算排名']);
      const sections = buttons.map(
        (b) => /^https:\/\/localhost:3000\/taskpane\.html#(\w+)$/u.exec(b.url ?? '')?.[1],
      );
      expect(sections).toEqual(['check', 'merge', 'ledger', 'agenda', 'rank']);
      // One pane for all of them (the same TaskpaneId): a button moves it to its section.
      expect(new Set(buttons.map((b) => b.pane))).toEqual(new Set(['KpdPane']));
      for (const id of sections) {
        expect(html, id).toContain(`<section id="s-${id}">`);
        expect(html, id).toContain(`<button id="${id}"`);
      }
    },
  );
});
