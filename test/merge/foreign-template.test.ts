import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { OpcPackage } from '../../src/adapters/opc/package.js';
import { WorkbookXml } from '../../src/adapters/opc/workbook.js';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { runKpd } from '../helpers/cli.js';
import { repoPath } from '../helpers/paths.js';
import { useTempDir } from '../helpers/tmp.js';

/**
 * kpd merge --template with a template as other programs store it: its texts as character
 * references ({{&#26399;&#25968;}}), a print area over 项目进展 written with &apos;, and an
 * empty <definedNames/> left by a script. Every placeholder is filled, the print area follows the
 * table, and no second <definedNames> appears.
 */
const tmp = useTempDir('kpd-foreign-template-');
let dir = '';
let outWb = '';
let grid: ReturnType<typeof readXlsx>['workbook'];

/** Our template re-stored: placeholders as references, a print area with &apos;, one more empty names list. */
function restore(template: Uint8Array): Uint8Array {
  const files = unzipSync(template);
  const sst = strFromU8(files['xl/sharedStrings.xml'] as Uint8Array);
  files['xl/sharedStrings.xml'] = strToU8(
    sst.replace(
      /\{\{([^{}]+)\}\}/gu,
      (_a, k: string) => `{{${[...k].map((c) => `&#${c.codePointAt(0)};`).join('')}}}`,
    ),
  );
  const wb = strFromU8(files['xl/workbook.xml'] as Uint8Array);
  files['xl/workbook.xml'] = strToU8(
    wb.replace(
      '</definedNames>',
      '<definedName name="_xlnm.Print_Area" localSheetId="1">&apos;项目进展&apos;!$A$1:$N$6</definedName></definedNames>',
    ),
  );
  return zipSync(files);
}

beforeAll(async () => {
  dir = tmp();
  await mkdir(join(dir, 'in'));
  const template = new Uint8Array(await readFile(repoPath('templates', '重点项目情况通报.xlsx')));
  await writeFile(join(dir, 'in', '模板.xlsx'), restore(template));
  const r = await runKpd(
    [
      'merge',
      repoPath('examples', 'reports', '2026-11-1'),
      '--master',
      repoPath('examples', '总台账.xlsx'),
      '--period',
      '2026-11-1',
      '--template',
      join('in', '模板.xlsx'),
      '--out',
      '通报.xlsx',
    ],
    dir,
  );
  if (r.code !== 0) throw new Error(r.err);
  const bytes = new Uint8Array(await readFile(join(dir, '通报.xlsx')));
  outWb = new OpcPackage(bytes).text('xl/workbook.xml') ?? '';
  grid = readXlsx(bytes).workbook;
}, 120_000);

describe('kpd merge --template: a template stored with references and &apos;', () => {
  it('fills every placeholder written as character references', () => {
    expect(JSON.stringify(grid.sheets.map((s) => s.rows))).not.toContain('{{');
    expect(JSON.stringify(grid.sheets[0]?.rows)).toContain('2026年11月');
  });

  it('moves the print area written with &apos; over the whole table, 合计 row included', async () => {
    const pkg = new OpcPackage(new Uint8Array(await readFile(join(dir, '通报.xlsx'))));
    const area = new WorkbookXml(pkg).definedNames().find((d) => d.name === '_xlnm.Print_Area');
    const rows = grid.sheets.find((s) => s.name === '项目进展')?.rows ?? [];
    const total = rows.findIndex((r) => r[0] === '合计') + 1;
    expect(total).toBeGreaterThan(30);
    expect(area?.text).toBe(`'项目进展'!$A$1:$N$${total}`);
    expect(outWb.match(/<definedNames\b/gu)).toHaveLength(1);
  });
});
