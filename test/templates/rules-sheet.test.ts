import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeTemplate } from '../../src/adapters/exceljs/write-template.js';
import { buildTemplates } from '../../src/cli/commands/templates.js';
import { readMaster } from '../../src/core/master/read.js';
import { DEFAULT_RULES, ruleSetId } from '../../src/core/rules/ruleset.js';
import { RULE_PARAMS, RULE_SHEET_HEADERS, ruleSetToRows } from '../../src/core/rules/sheet.js';
import { MASTER, PROJECTS, RULES } from '../../src/core/schema/master.js';
import type { Cell } from '../../src/core/values/grid.js';
import { validRuleCellsArb, type RuleCell } from '../helpers/rules.js';
import { fixtureXlsx, gridOf } from '../helpers/xlsx.js';

/** The rule table lives in the 规则 sheet of 总台账: written by the tool, edited by the clerk, read back. */
const ruleRowsOf = (cells: readonly RuleCell[]) =>
  cells.map(({ param, cell }) => ({
    group: param.group,
    code: param.code,
    name: param.name,
    value: cell,
    note: param.note,
  }));
const rulesIssues = <I extends { code: string }>(issues: readonly I[]): I[] =>
  issues.filter((i) => i.code.startsWith('rules.'));
/** The 规则 rows as exceljs takes them (the rule table holds only text, numbers and booleans). */
const asExcel = (rows: readonly (readonly (Cell | undefined)[])[]) =>
  rows.map((r) => r.map((c) => (typeof c === 'object' || c === undefined ? null : c)));

describe('the 规则 sheet of 总台账', () => {
  it('is written by `kpd templates` with the default rules, and reads back as them', async () => {
    const master = (await buildTemplates()).find((t) => t.fileName === MASTER.fileName);
    const { data, issues } = readMaster(gridOf(master?.bytes ?? new Uint8Array()));
    expect(rulesIssues(issues)).toEqual([]);
    expect(data.rules).toEqual(DEFAULT_RULES);
    expect(data.rulesLabel).toContain(ruleSetId(DEFAULT_RULES));
  });

  it('reads back any valid edit of every value (seeded)', async () => {
    await fc.assert(
      fc.asyncProperty(validRuleCellsArb, async (cells) => {
        const bytes = await writeTemplate(MASTER, { rows: { [RULES.key]: ruleRowsOf(cells) } });
        const { data, issues } = readMaster(gridOf(bytes));
        expect(rulesIssues(issues).filter((i) => i.code !== 'rules.sum')).toEqual([]);
        for (const { param, cell } of cells)
          expect(param.get(data.rules), param.code).toEqual(param.kind.parse(cell));
      }),
      { seed: 42, numRuns: 8 },
    );
  });

  it('keeps the defaults of values it cannot read, saying where they are', async () => {
    const rows = ruleSetToRows(DEFAULT_RULES).map((r) =>
      r[1] === '1.1' ? [r[0], r[1], r[2], '扣一分', r[4]] : r,
    );
    const bytes = await fixtureXlsx([
      { name: PROJECTS.name, rows: [PROJECTS.columns.map((c) => c.header)] },
      { name: RULES.name, rows: [[RULES.title], [...RULE_SHEET_HEADERS], ...asExcel(rows)] },
    ]);
    const { data, issues } = readMaster(gridOf(bytes));
    expect(rulesIssues(issues).map((i) => [i.code, i.row, i.column])).toEqual([
      ['rules.invalid', 3 + RULE_PARAMS.findIndex((p) => p.code === '1.1'), 4],
    ]);
    expect(data.rules).toEqual(DEFAULT_RULES);
  });

  // Regression (was a bug, fixed): src/core/rules/sheet.ts timeKind.parse. A clerk who types 17:30 into 值 in Excel gets
  // a time cell (0.7291… formatted h:mm); our reader returns it as a date cell and the rule table
  // refuses it: rules.invalid, default 17:00 kept. Expected: 周例会议题截止（时刻） = '17:30'.
  it('reads a time the clerk typed in Excel (a cell formatted h:mm)', async () => {
    const rows = ruleSetToRows(DEFAULT_RULES);
    const k = rows.findIndex((r) => r[1] === '周例会议题截止（时刻）');
    const edited = rows.map((r, i) => (i === k ? [r[0], r[1], r[2], 17.5 / 24, r[4]] : r));
    const bytes = await fixtureXlsx([
      { name: PROJECTS.name, rows: [PROJECTS.columns.map((c) => c.header)] },
      {
        name: RULES.name,
        rows: [[RULES.title], [...RULE_SHEET_HEADERS], ...asExcel(edited)],
        numFmts: { [`D${k + 3}`]: 'h:mm' },
      },
    ]);
    const { data, issues } = readMaster(gridOf(bytes));
    expect(rulesIssues(issues)).toEqual([]);
    expect(data.rules.schedule.topicCutoffTime).toBe('17:30');
  });
});
