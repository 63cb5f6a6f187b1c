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
      // Every icon it names is one the build copies.
      for (const m of xml.matchAll(/https:\/\/localhost:3000\/assets\/([\w-]+\.png)/gu))
        await expect(readFile(repoPath('addin', 'assets', m[1] ?? ''))).resolves.toBeDefined();
    },
  );
});
