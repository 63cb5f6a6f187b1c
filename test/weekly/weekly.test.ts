import XlsxPopulate from 'xlsx-populate';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTemplates } from '../../src/cli/commands/templates.js';
import { writeTemplate } from '../../src/adapters/exceljs/write-template.js';
import { readMaster } from '../../src/core/master/read.js';
import { AGENT_WEEKLY, WEEKLY_LOG } from '../../src/core/schema/weekly.js';
import { validateWorkbook } from '../../src/core/validate/workbook.js';
import { caseMasterBytes } from '../helpers/case-master.js';
import { runKpd } from '../helpers/cli.js';
import { checkOoxml, OOXML_TIMEOUT_MS, OOXML_TOOLS } from '../helpers/ooxml.js';
import { useTempDir } from '../helpers/tmp.js';
import { requireTool } from '../helpers/tools.js';
import { gridOf } from '../helpers/xlsx.js';
import { records } from '../helpers/merge-results.js';
import { isDateCell, type Cell } from '../../src/core/values/grid.js';
import { serialToIsoDate } from '../../src/core/values/dates.js';

/**
 * 代办员周报: the agents' Thursday report (代办员制度 八、2) — a template like the others, checked
 * by kpd validate, imported into the master's 代办周报记录 by kpd ledger import.
 */
const tmp = useTempDir('kpd-weekly-');
const ooxml = requireTool(...OOXML_TOOLS);

interface PopulateCell {
  value(v: string | number | Date): PopulateCell;
}
interface PopulateBook {
  sheet(name: string): { cell(row: number, col: number): PopulateCell };
  outputAsync(): Promise<Uint8Array>;
}

const LINES: readonly (readonly (string | Date | undefined)[])[] = [
  [
    'DB-2026-101',
    'AY-2026-001',
    '安阳示例装备制造有限公司',
    '用地规划许可',
    '国土',
    '已办结',
    new Date(Date.UTC(2026, 4, 12)),
    '取得许可证',
  ],
  [
    'DB-2026-101',
    'AY-2026-001',
    '安阳示例装备制造有限公司',
    '工程规划许可',
    '规划',
    '办理中',
    undefined,
    '方案已报规划局',
    '需企业补交日照分析',
  ],
  ['DB-2026-999', undefined, '另一企业', '施工许可', '住建', '已办结'],
  ['DB-2026-101', undefined, undefined, undefined, undefined, '办理中'],
];

/**
 * Fills the blank template as another program would (xlsx-populate rewrites the whole package
 * its own way): fields in row 2 (value right of each label), header on row 3, lines from row 4.
 */
async function fill(blank: Uint8Array, out: string, agent: string, date: string): Promise<void> {
  const wb = (await XlsxPopulate.fromDataAsync(blank)) as unknown as PopulateBook;
  const ws = wb.sheet('代办员周报');
  ws.cell(2, 2).value(agent);
  ws.cell(2, 5).value(new Date(`${date}T00:00:00Z`));
  ws.cell(2, 8).value('13700000001');
  LINES.forEach((line, i) =>
    line.forEach((v, j) => {
      if (v !== undefined) ws.cell(4 + i, 1 + j).value(v);
    }),
  );
  await writeFile(out, await wb.outputAsync());
}

const iso = (c: Cell | undefined): Cell => (isDateCell(c) ? serialToIsoDate(c.serial) : (c ?? null));

describe('代办员周报 template', () => {
  it('is one of the templates kpd templates writes, and a blank one asks only for its fields', async () => {
    const t = (await buildTemplates()).find((x) => x.fileName === AGENT_WEEKLY.fileName);
    expect(t).toBeDefined();
    const v = validateWorkbook(gridOf(t?.bytes ?? new Uint8Array()));
    expect(v.template?.id).toBe(AGENT_WEEKLY.id);
    expect(v.issues.map((i) => [i.code, i.params['label']])).toEqual([
      ['field.required', '代办员'],
      ['field.required', '填报日期'],
    ]);
  });

  it('the master has the 代办周报记录 ledger, read clean with its worked example', async () => {
    const master = (await buildTemplates()).find((x) => x.fileName === '总台账.xlsx');
    const wb = gridOf(master?.bytes ?? new Uint8Array());
    expect(wb.sheets.map((s) => s.name)).toContain(WEEKLY_LOG.name);
    expect(readMaster(wb).issues).toEqual([]);
  });
});

describe('a 代办员周报 filled by another program (xlsx-populate)', () => {
  beforeAll(async () => {
    const blank = await writeTemplate(AGENT_WEEKLY);
    await writeFile(join(tmp(), '总台账.xlsx'), await caseMasterBytes());
    await fill(blank, join(tmp(), '张伟-0521.xlsx'), '张伟', '2026-05-21'); // a Thursday
    await fill(blank, join(tmp(), '张伟-0523.xlsx'), '张伟', '2026-05-23'); // Saturday: late
  });

  it('kpd validate: the 已办结 line without its date, the late report, the row without its item', async () => {
    const r = await runKpd(['validate', '张伟-0523.xlsx', '--json'], tmp());
    const issues = (JSON.parse(r.out) as { files: { issues: { code: string; row: number | null }[] }[] })
      .files[0]?.issues;
    expect(issues?.map((i) => [i.code, i.row])).toEqual([
      ['weekly.late', 2],
      ['weekly.doneNoDate', 6],
      ['cell.required', 7],
    ]);
    expect(r.code).toBe(1);
  });

  it('kpd ledger import: lines into 代办周报记录; a row with an error is listed, not imported', async () => {
    const r = await runKpd(
      ['ledger', 'import', '张伟-0521.xlsx', '--into', '总台账.xlsx', '--out', '新总台账.xlsx'],
      tmp(),
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已导入代办员周报 1 份，写入「代办周报记录」3 行（替换原有 0 行，未导入 1 行）');
    expect(r.err).toContain('案卷号「DB-2026-999」不在总台账「代办事项」中');
    expect(r.err).toContain('（该行未导入）');
    const rows = records(
      gridOf(new Uint8Array(await readFile(join(tmp(), '新总台账.xlsx')))),
      WEEKLY_LOG.name,
      '填报日期',
    );
    expect(
      rows.map((x) => [iso(x['填报日期']), x['代办员'], x['审批事项'], x['办理进度'], iso(x['办结日期'])]),
    ).toEqual([
      ['2026-05-21', '张伟', '用地规划许可', '已办结', '2026-05-12'],
      ['2026-05-21', '张伟', '工程规划许可', '办理中', null],
      ['2026-05-21', '张伟', '施工许可', '已办结', null],
    ]);
    // The rest of the master is as it was: the case's approvals are all still there.
    expect(
      records(gridOf(new Uint8Array(await readFile(join(tmp(), '新总台账.xlsx')))), '代办事项', '案卷号'),
    ).toHaveLength(7);
  });

  it('importing the same agent and week again replaces those lines, never doubles them', async () => {
    const r = await runKpd(
      ['ledger', 'import', '张伟-0523.xlsx', '--into', '新总台账.xlsx', '--out', '新总台账2.xlsx', '--json'],
      tmp(),
    );
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out.trim().split('\n').at(-1) ?? '{}')).toEqual({
      weeklyReports: { reports: 1, rows: 3, replaced: 3, rejected: 1 },
    });
    const rows = records(
      gridOf(new Uint8Array(await readFile(join(tmp(), '新总台账2.xlsx')))),
      WEEKLY_LOG.name,
      '填报日期',
    );
    expect(rows.map((x) => iso(x['填报日期']))).toEqual(['2026-05-23', '2026-05-23', '2026-05-23']);
  });

  it('says in English what it did with --lang en', async () => {
    const r = await runKpd(
      ['ledger', 'import', '张伟-0521.xlsx', '--into', '总台账.xlsx', '--out', 'en.xlsx', '--lang', 'en'],
      tmp(),
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('Imported 1 weekly reports: 3 rows into 代办周报记录');
  });

  ooxml.it(
    'the master it writes conforms to the OOXML schemas',
    async () => {
      const c = await checkOoxml([join(tmp(), '新总台账.xlsx')]);
      expect(c.status, c.output).toBe(0);
    },
    // A whole master: one schema check per part, some thirty parts.
    2 * OOXML_TIMEOUT_MS,
  );
});
