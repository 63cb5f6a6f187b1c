import type { WorkbookGrid } from '../../src/core/values/grid.js';
import { MASTER } from '../../src/core/schema/master.js';
import { MASTER_SAMPLES } from '../../src/core/template/samples.js';
import { META_SHEET } from '../../src/core/workbook/identify.js';
import { tableGrid, type BuiltTable, type Values } from './grids.js';

/** Two projects of two HQs, and the roster their agents come from: a register that checks clean. */
export const BASE = {
  projects: [
    {
      projectId: 'AY-2026-001',
      name: '高端装备产业园一期',
      category: '省重点',
      totalInvestment: 150_000,
      annualPlan: 60_000,
      plannedStart: '2026-03-01',
      plannedEnd: '2027-12-31',
      hq: '高端装备产业园指挥部',
      commander: '王建国',
      unit: '县发改局',
      unitHead: '李明',
      agent: '张伟',
      townCadre: '赵强',
    },
    {
      projectId: 'AY-2026-002',
      name: '文旅康养小镇',
      category: '市重点',
      totalInvestment: 80_000,
      annualPlan: 20_000,
      hq: '文旅康养小镇指挥部',
      commander: '孙丽',
      unit: '县文旅局',
      unitHead: '周平',
      agent: '张伟',
      townCadre: '钱进',
    },
  ],
  agents: [
    { name: '张伟', level: '一级', unit: '县发改局重点项目办' },
    { name: '刘芳', level: '二级', unit: '县自然资源局' },
  ],
} as const satisfies Readonly<Record<string, readonly Values[]>>;

export interface BuiltMaster {
  readonly workbook: WorkbookGrid;
  /** The built sheet of a sheet key, for cell references in expectations. */
  readonly sheet: (key: string) => BuiltTable;
}

/**
 * A 总台账 in memory: every sheet of the template (header only unless given rows), the base
 * register and roster and the default 规则 rows unless replaced, and the template mark.
 */
export function masterWorkbook(
  rows: Readonly<Record<string, readonly Values[]>> = {},
  omit: readonly string[] = [],
): BuiltMaster {
  const all: Record<string, readonly Values[]> = { ...BASE, rules: MASTER_SAMPLES['rules'] ?? [], ...rows };
  const built = new Map<string, BuiltTable>();
  for (const spec of MASTER.sheets) {
    if (omit.includes(spec.key)) continue;
    built.set(spec.key, tableGrid(spec, all[spec.key] ?? []));
  }
  const meta = {
    name: META_SHEET,
    hidden: true,
    rows: [
      ['模板编号', MASTER.id],
      ['模板版本', MASTER.version],
    ],
  };
  return {
    workbook: { sheets: [...[...built.values()].map((b) => b.grid), meta] },
    sheet: (key) => {
      const b = built.get(key);
      if (!b) throw new Error(`sheet ${key} not built`);
      return b;
    },
  };
}
