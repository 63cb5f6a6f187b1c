import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { writeTemplate, type TemplateFill } from '../../src/adapters/exceljs/write-template.js';
import type { Cell } from '../../src/core/values/grid.js';
import { MASTER } from '../../src/core/schema/master.js';
import { REPORT } from '../../src/core/schema/report.js';
import type { RowValues } from '../../src/core/template/samples.js';
import { runKpd, type CliRun } from './cli.js';
import { REPO_ROOT } from './paths.js';

/** The repository as a working directory: no trailing slash, so the merge shows paths relative to it. */
export const REPO = resolve(REPO_ROOT);

/**
 * A small county for the merge tests: three HQs, seven projects, one overdue milestone.
 * 序时进度 of 2026-11-1 is 10.5/12 = 87.5 %, so a cumulative of plan × 0.875 is exactly on time.
 */
export const HQ = { a: 'A区产业园指挥部', b: '经开区1号指挥部', c: '水利枢纽指挥部' } as const;
export const COMMANDER = { [HQ.a]: '王一', [HQ.b]: '赵三', [HQ.c]: '钱四' } as const;
export const MEMBER = { [HQ.a]: '李二', [HQ.b]: '孙五', [HQ.c]: '周六' } as const;

const project = (
  id: string,
  name: string,
  category: string,
  plan: number,
  hq: keyof typeof COMMANDER,
  unit: string,
) => ({
  projectId: id,
  name,
  category,
  totalInvestment: plan * 4,
  annualPlan: plan,
  hq,
  commander: COMMANDER[hq],
  unit,
  unitHead: '某某',
  agent: '张伟',
  townCadre: '钱进',
});

export const PROJECTS = [
  project('AY-2026-101', '甲园区标准厂房', '省重点', 12_000, HQ.a, '县工信局'),
  project('AY-2026-102', '乙精密铸造', '市重点', 8_000, HQ.a, '县工信局'),
  project('AY-2026-103', '丙园区道路', '基础设施', 4_000, HQ.a, '县交通运输局'),
  project('AY-2026-104', '丁物流中心', '市重点', 6_000, HQ.b, '县商务局'),
  project('AY-2026-105', '戊电商园', '招商引资', 2_000, HQ.b, '县商务局'),
  project('AY-2026-106', '己水系连通', '省重点', 10_000, HQ.c, '县水利局'),
  project('AY-2026-107', '庚饮水提升', '市重点', 5_000, HQ.c, '县水利局'),
] as const;

export const projectsOf = (hq: string): string[] =>
  PROJECTS.filter((p) => p.hq === hq).map((p) => p.projectId);
export const planOf = (id: string): number => PROJECTS.find((p) => p.projectId === id)?.annualPlan ?? 0;

let masterCache: Promise<Uint8Array> | undefined;

/** The small 总台账 (built once per test file). */
export function smallMaster(): Promise<Uint8Array> {
  masterCache ??= writeTemplate(MASTER, {
    rows: {
      projects: PROJECTS,
      agents: [{ name: '张伟', level: '一级', unit: '县发改局重点项目办' }],
      milestones: [
        { projectId: 'AY-2026-106', seq: 1, name: '闸坝主体完工', plannedDate: '2026-10-20' },
        {
          projectId: 'AY-2026-101',
          seq: 1,
          name: '取得施工许可',
          plannedDate: '2026-04-10',
          actualDate: '2026-04-08',
        },
      ],
    },
  });
  return masterCache;
}

export const PERIOD_LABEL = '2026年11月上半月';

/** A 半月进展报表 as the template writer makes it, for `hq`, on time and signed unless overridden. */
export function reportFill(
  hq: string,
  progress: readonly RowValues[],
  opts: { fields?: Readonly<Record<string, Cell | undefined>>; visits?: readonly RowValues[] } = {},
): TemplateFill {
  return {
    rows: { progress, siteVisits: opts.visits ?? [] },
    fields: {
      progress: {
        reporter: hq,
        period: PERIOD_LABEL,
        filledOn: '2026-11-11',
        signature: COMMANDER[hq as keyof typeof COMMANDER] ?? '某指挥长',
        filledBy: '填报员',
        phone: '0372-0000000',
        ...opts.fields,
      },
    },
  };
}

export async function writeReport(dir: string, name: string, fill: TemplateFill): Promise<string> {
  await writeFile(join(dir, name), await writeTemplate(REPORT, fill));
  return name;
}

/**
 * The weeks 2026-11-1 assesses (Mondays 10-19, 10-26, 11-02): two visits a week for the
 * commander; the member two in the first two weeks and one in the last, a shortfall the
 * bulletin names.
 */
export const visitsOf = (hq: keyof typeof COMMANDER): RowValues[] => [
  ...['2026-10-20', '2026-10-22', '2026-10-27', '2026-10-29'].flatMap((date) => [
    { date, person: COMMANDER[hq], role: '指挥长', matter: '现场办公' },
    { date, person: MEMBER[hq], role: '成员', matter: '协调征地' },
  ]),
  { date: '2026-11-03', person: COMMANDER[hq], role: '指挥长', matter: '现场办公' },
  { date: '2026-11-05', person: COMMANDER[hq], role: '指挥长', matter: '现场办公' },
  { date: '2026-11-04', person: MEMBER[hq], role: '成员', matter: '协调征地' },
];

/** `kpd merge --json`, exactly the keys issue #4 names. */
export interface MergeJson {
  readonly period: string;
  readonly due: string;
  readonly bulletinDate: string;
  readonly submissions: readonly {
    readonly hq: string;
    readonly file: string;
    readonly receivedAt: string | null;
    readonly timeSource: string | null;
    readonly late: boolean;
    readonly signed: boolean;
    readonly replaced: boolean;
  }[];
  readonly missing: readonly string[];
  readonly late: readonly string[];
  readonly unsigned: readonly string[];
  readonly rows: { readonly in: number; readonly merged: number; readonly rejected: number };
  readonly rejected: readonly {
    readonly file: string;
    readonly sheet: string | null;
    readonly cell: string | null;
    readonly code: string;
    readonly message: string;
  }[];
  readonly behindSchedule: readonly { readonly projectId: string; readonly reasons: readonly string[] }[];
  readonly siteVisitShortfalls: readonly {
    readonly hq: string;
    readonly person: string;
    readonly week: string;
    readonly visits: number;
  }[];
  readonly ignored: readonly { readonly file: string; readonly reason: string }[];
}

export interface MergeRun extends CliRun {
  readonly json: MergeJson;
  readonly bulletin: Uint8Array;
}

/** A fresh folder for one scenario, inside the test file's temporary folder; the master written into it. */
export async function scenario(parent: string, name: string): Promise<string> {
  const dir = await mkdtemp(join(parent, `${name}-`));
  await writeFile(join(dir, '总台账.xlsx'), await smallMaster());
  return dir;
}

/** `kpd merge INPUTS --master 总台账.xlsx --period 2026-11-1 --out 通报.xlsx --json [extra]` in `dir`. */
export async function merge(
  dir: string,
  inputs: readonly string[],
  extra: readonly string[] = [],
  out = '通报.xlsx',
): Promise<MergeRun> {
  const args = ['merge', ...inputs, '--master', '总台账.xlsx', '--period', '2026-11-1', '--out', out];
  const r = await runKpd([...args, '--json', ...extra], dir);
  if (r.code !== 0) throw new Error(`kpd merge exited ${r.code}: ${r.err}`);
  return { ...r, json: JSON.parse(r.out) as MergeJson, bulletin: await readFile(join(dir, out)) };
}

/** SHA-256 and mtime of every file under `dir`, by relative path: what "never modified" compares. */
export async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    const hash = createHash('sha256')
      .update(await readFile(full))
      .digest('hex');
    out[relative(dir, full)] = `${hash} ${(await stat(full)).mtimeMs}`;
  }
  return out;
}
