import { readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { expect, it } from 'vitest';
import { buildTemplates } from '../../src/cli/commands/templates.js';
import { checkOoxml, OOXML_TIMEOUT_MS, OOXML_TOOLS } from '../helpers/ooxml.js';
import { REPO_ROOT, repoPath } from '../helpers/paths.js';
import { useTempDir } from '../helpers/tmp.js';
import { requireTool } from '../helpers/tools.js';
import { partsOf } from '../helpers/xlsx.js';

/**
 * Every .xlsx the project writes must conform to ECMA-376, or Excel offers to "repair" it and
 * may drop content. Templates and examples here; result files reuse checkOoxml in their tests.
 */
const ooxml = requireTool(...OOXML_TOOLS);
const tmp = useTempDir('kpd-ooxml-');
const templates = await buildTemplates();
// The example reports all come from one writer and one template: the master, the first
// report and the first topic sheet stand for them (each check costs a JVM per part).
const all = (await readdir(repoPath('examples'), { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile() && e.name.endsWith('.xlsx'))
  .map((e) => relative(REPO_ROOT, join(e.parentPath, e.name)))
  .sort();
const examples = [
  ...all.filter((p) => p.endsWith('总台账.xlsx')),
  ...all.filter((p) => p.includes('/reports/')).slice(0, 1),
  ...all.filter((p) => p.includes('/topics/')).slice(0, 1),
];

ooxml.describe('ECMA-376 conformance (check-ooxml)', () => {
  it.each(templates.map((t) => [t.fileName, t.bytes] as const))(
    'template %s',
    async (fileName, bytes) => {
      const file = join(tmp(), fileName);
      await writeFile(file, bytes);
      const r = await checkOoxml([file]);
      expect(r.status, r.output).toBe(0);
      expect(r.output).toMatch(/ 0 violations/u);
    },
    OOXML_TIMEOUT_MS,
  );

  it('has example workbooks to check', () => {
    expect(examples.length).toBe(3);
  });

  it.each(examples)(
    'example %s',
    async (path) => {
      const r = await checkOoxml([repoPath(path)]);
      expect(r.status, r.output).toBe(0);
    },
    OOXML_TIMEOUT_MS,
  );

  it('reports a part that breaks the schema (the check is not a no-op)', async () => {
    const parts = partsOf(templates[0]?.bytes ?? new Uint8Array());
    const sheet = new TextDecoder().decode(parts['xl/worksheets/sheet1.xml']);
    // <sheetData> before <sheetViews>, and twice: elements out of order, as Excel would refuse.
    const broken = sheet.replace(/(<worksheet[^>]*>)/u, '$1<sheetData/>');
    const file = join(tmp(), 'broken.xlsx');
    const types = parts['[Content_Types].xml'] ?? new Uint8Array();
    await writeFile(
      file,
      zipSync({ '[Content_Types].xml': types, 'xl/worksheets/sheet1.xml': strToU8(broken) }),
    );
    const r = await checkOoxml([file]);
    expect(r.status, r.output).toBe(1);
    expect(r.output).toMatch(/1 parts checked, [1-9]\d* violations/u);
    expect(r.output).toMatch(/xl\/worksheets\/sheet1\.xml/u);
  });
});
