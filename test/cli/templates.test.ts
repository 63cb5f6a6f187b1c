import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTemplates } from '../../src/cli/commands/templates.js';
import { readMaster } from '../../src/core/master/read.js';
import { DEFAULT_RULES } from '../../src/core/rules/ruleset.js';
import { MASTER } from '../../src/core/schema/master.js';
import { validateWorkbook } from '../../src/core/validate/workbook.js';
import { runKpd, type CliRun } from '../helpers/cli.js';
import { useTempDir } from '../helpers/tmp.js';
import { differingParts, gridOf } from '../helpers/xlsx.js';

const tmp = useTempDir('kpd-cli-templates-');
const FILLABLE = ['总台账.xlsx', '半月进展报表.xlsx', '周例会议题申报表.xlsx'];

describe('kpd templates --out DIR', () => {
  let run: CliRun & { dir: string };
  beforeAll(async () => {
    run = { ...(await runKpd(['templates', '--out', 'out/模板'], tmp())), dir: join(tmp(), 'out', '模板') };
  });

  it('writes the three templates people fill, saying where', async () => {
    expect(run.code).toBe(0);
    const files = await readdir(run.dir);
    expect(files).toEqual(expect.arrayContaining(FILLABLE));
    expect(files.filter((f) => !f.endsWith('.xlsx'))).toEqual([]);
    for (const f of FILLABLE) expect(run.out).toContain(`已生成 ${join(run.dir, f)}`);
  });

  it('writes what buildTemplates() makes, part for part', async () => {
    // Only the fillable ones: the bulletin template has random parts (test/helpers/known-bugs.ts).
    for (const t of (await buildTemplates()).filter((x) => FILLABLE.includes(x.fileName))) {
      expect(
        differingParts(t.bytes, new Uint8Array(await readFile(join(run.dir, t.fileName)))),
        t.fileName,
      ).toEqual([]);
    }
  });

  it('gives a 总台账 with every master sheet, clean worked examples and the default 规则', async () => {
    const wb = gridOf(new Uint8Array(await readFile(join(run.dir, MASTER.fileName))));
    expect(wb.sheets.filter((s) => !s.hidden).map((s) => s.name)).toEqual(MASTER.sheets.map((s) => s.name));
    const { data, issues } = readMaster(wb);
    expect(issues).toEqual([]);
    expect(data.projects.map((p) => p.record.projectId)).toEqual(['AY-2026-001']);
    expect(data.agents.length).toBeGreaterThan(0);
    expect(data.rules).toEqual(DEFAULT_RULES);
  });

  it('gives blank forms that validate only their empty fields', async () => {
    for (const f of FILLABLE.slice(1)) {
      const v = validateWorkbook(gridOf(new Uint8Array(await readFile(join(run.dir, f)))));
      expect(v.version, f).toBe(1);
      expect(new Set(v.issues.map((i) => i.code)), f).toEqual(
        new Set(
          f.startsWith('半月')
            ? ['field.required', 'report.unsigned']
            : ['field.required', 'topic.unsignedLeader'],
        ),
      );
    }
  });

  it('writes into templates/ of the working directory by default, and in English with --lang en', async () => {
    const r = await runKpd(['templates', '--lang', 'en'], tmp());
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Wrote ${join(tmp(), 'templates', MASTER.fileName)}`);
  });
});
