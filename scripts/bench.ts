/**
 * npm run bench — speed and memory figures, never a pass/fail unit test.
 *
 * 1. Scoring: 200 agents, 20,000 incidents, 5,000 approvals, 2,000 surveys; 100 units ranked.
 *    Prints the core computation and the whole `kpd score` command.
 * 2. Merge: 1,000 realistic submissions (our own 半月进展报表 template, 60 rows each). Prints the
 *    floor (only unzipping each file's sheet and shared-strings parts with fflate), the whole
 *    `kpd merge`, their ratio (target ≤ 5×), peak memory (target < 400 MB), and for scale
 *    exceljs load() on a sample.
 * 3. Hostile inputs (issue #11): the hostile corpus through merge, validate and agenda; zips of
 *    zips inflating to 1.2 GB; 180,000 findings in text mode. Time and peak memory of each.
 * Set BENCH_SUBMISSIONS to change the size (default 1000); BENCH_ONLY=score|merge|hostile runs one part.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { MASTER, REPORT } from '../src/core/schema/index.js';
import { readMaster } from '../src/core/master/read.js';
import { WorkCalendar } from '../src/core/calendar/workdays.js';
import { parseRankPeriod } from '../src/core/calendar/periods.js';
import { scoreAgents, rankUnits } from '../src/core/scoring/index.js';
import { writeTemplate } from '../src/adapters/exceljs/write-template.js';
import { fillWorkbook } from '../src/adapters/xlsx-fill/index.js';
import { readXlsx, unzipFloor } from '../src/adapters/xlsx-read/index.js';
import type { RowValues } from '../src/core/template/samples.js';
import { ruleSetToRows } from '../src/core/rules/sheet.js';
import { DEFAULT_RULES } from '../src/core/rules/ruleset.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SUBMISSIONS = Number(process.env['BENCH_SUBMISSIONS'] ?? 1000);
const ROWS = 60;

const ms = (t0: number): number => Math.round(performance.now() - t0);
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rulesRows = (): RowValues[] =>
  ruleSetToRows(DEFAULT_RULES).map((r) =>
    Object.fromEntries(['group', 'code', 'name', 'value', 'note'].map((k, i) => [k, r[i] ?? null])),
  );

/** Runs the CLI in a child process and reports its wall time and peak memory. */
function runKpd(
  args: string[],
  env: Record<string, string> = {},
): { ms: number; maxRssMb: number; out: string; err: string } {
  const probe = `const {main}=await import(${JSON.stringify(join(root, 'dist/cli/main.js'))});const {processIo}=await import(${JSON.stringify(join(root, 'dist/cli/io.js'))});const o=[];const io={...processIo(),out:(t)=>o.push(t)};const c=await main(${JSON.stringify(args)},io);process.stdout.write(o.join(''));process.stderr.write('MAXRSS '+process.resourceUsage().maxRSS+'\\n');process.exitCode=c;`;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, ...env },
  });
  const elapsed = ms(t0);
  if (r.status !== 0) throw new Error(`kpd ${args[0]} failed (${r.status}):\n${r.stderr}`);
  const rss = Number(/MAXRSS (\d+)/u.exec(r.stderr)?.[1] ?? 0);
  return { ms: elapsed, maxRssMb: Math.round(rss / 1024), out: r.stdout, err: r.stderr };
}

// ---- 1. scoring ------------------------------------------------------------------------------

async function scoringMaster(): Promise<Uint8Array> {
  const r = rng(7);
  const agents = Array.from({ length: 200 }, (_, i) => ({
    name: `代办员${pad(i, 3)}`,
    level: i < 120 ? '一级' : '二级',
    unit: '重点办',
  }));
  const units = Array.from({ length: 100 }, (_, i) => `责任单位${pad(i, 3)}`);
  const projects = Array.from({ length: 600 }, (_, i) => ({
    projectId: `P${pad(i, 4)}`,
    name: `项目${i}`,
    category: i % 3 === 0 ? '省重点' : '市重点',
    totalInvestment: 10000,
    annualPlan: 5000,
    hq: `指挥部${pad(i % 150, 3)}`,
    commander: `指挥长${i % 150}`,
    unit: units[i % 100],
    unitHead: '一把手',
    agent: agents[i % 120]?.name,
    townCadre: '干部',
  }));
  const codes = ['1.1', '2.3', '2.5', '3.1a', '3.1b', '3.2', '3.4', '6.1', '6.2'];
  const day = (): string => `2026-${pad(7 + Math.floor(r() * 3))}-${pad(1 + Math.floor(r() * 28))}`;
  const incidents = Array.from({ length: 20_000 }, () => ({
    date: day(),
    agent: agents[Math.floor(r() * 200)]?.name,
    ruleCode: codes[Math.floor(r() * codes.length)],
    count: 1 + Math.floor(r() * 3),
  }));
  const approvals = Array.from({ length: 5_000 }, (_, i) => ({
    caseId: `C${i}`,
    projectId: `P${pad(i % 600, 4)}`,
    item: '项目备案',
    primaryAgent: agents[i % 120]?.name,
    secondaryAgent: agents[120 + (i % 80)]?.name,
    difficulty: i % 2 ? '难' : '易',
    limitDays: 10 + (i % 20),
    startDate: day(),
    ...(r() < 0.7 && { doneDate: '2026-09-29' }),
    ...(r() < 0.5 && { onSiteRating: '满意' }),
  }));
  const levels = ['非常满意', '满意', '一般', '不满意', '非常不满意'];
  const surveys = Array.from({ length: 2_000 }, (_, i) => ({
    agent: agents[i % 200]?.name,
    date: day(),
    attitude: levels[Math.floor(r() * 5)],
    efficiency: levels[Math.floor(r() * 5)],
    answers: '满意',
  }));
  return masterWith({ projects, agents, approvals, surveys, incidents, rules: rulesRows() });
}

/** A master workbook with these rows: the blank template filled by the fast filler (exceljs would take a minute). */
async function masterWith(rows: Readonly<Record<string, readonly RowValues[]>>): Promise<Uint8Array> {
  const blank = await writeTemplate(MASTER);
  const tables = MASTER.sheets.filter((s) => rows[s.key]).map((s) => ({ sheet: s, rows: rows[s.key] ?? [] }));
  return (await fillWorkbook(blank, { placeholders: new Map(), tables })).bytes;
}

async function benchScoring(dir: string): Promise<void> {
  const bytes = await scoringMaster();
  const file = join(dir, 'score-master.xlsx');
  await writeFile(file, bytes);
  const { data } = readMaster(readXlsx(bytes).workbook);
  const calendar = new WorkCalendar(data.holidays);
  const quarter = parseRankPeriod('2026Q3');
  if (!quarter) throw new Error('period');
  scoreAgents({ data, quarter, calendar }); // warm-up
  const t0 = performance.now();
  const a = scoreAgents({ data, quarter, calendar });
  const u = rankUnits({ data, period: quarter, calendar });
  const core = ms(t0);
  const cmd = runKpd(['score', file, '--period', '2026Q3', '--out', join(dir, 'score-out.xlsx')]);
  console.log('\n== kpd score: 200 agents, 20,000 incidents, 5,000 approvals, 2,000 surveys, 100 units ==');
  console.log(`agents scored ${a.agents.length}, lines ${a.lines.length}; units ranked ${u.units.length}`);
  console.log(`core computation (scoreAgents + rankUnits): ${core} ms   (target: well under 1,000 ms)`);
  console.log(
    `whole command (read, score, write the result workbook): ${cmd.ms} ms, peak memory ${cmd.maxRssMb} MB`,
  );
}

// ---- 2. merge -------------------------------------------------------------------------------

const hqName = (i: number): string => `第${pad(i, 4)}指挥部`;
const pid = (i: number, k: number): string => `H${pad(i, 4)}-${pad(k, 2)}`;

async function mergeFixtures(dir: string): Promise<{ master: string; inputs: string; files: Uint8Array[] }> {
  // The master: 1,000 HQs × 60 projects.
  const projects: RowValues[] = [];
  for (let i = 0; i < SUBMISSIONS; i++) {
    for (let k = 0; k < ROWS; k++) {
      projects.push({
        projectId: pid(i, k),
        name: `第${i}指挥部项目${k}`,
        category: k % 4 === 0 ? '省重点' : '市重点',
        totalInvestment: 20000,
        annualPlan: 8000 + k * 10,
        hq: hqName(i),
        commander: `指挥长${i}`,
        unit: `单位${i % 100}`,
        unitHead: '一把手',
        agent: '张伟',
        townCadre: '干部',
      });
    }
  }
  const master = join(dir, 'merge-master.xlsx');
  await writeFile(
    master,
    await masterWith({ projects, agents: [{ name: '张伟', level: '一级' }], rules: rulesRows() }),
  );

  // One real report made with our template writer; the others are the same workbook with its
  // HQ and project texts swapped in the shared strings, as 1,000 offices would fill it.
  // As in a real county, most projects keep to 序时进度 (about 92% of the annual plan by
  // mid-November); one in eight is a little behind (预警) and one in eight far behind (滞后).
  const share = (k: number): number => (k % 8 === 3 ? 0.6 : k % 8 === 5 ? 0.85 : 0.92);
  const rows: RowValues[] = Array.from({ length: ROWS }, (_, k) => ({
    projectId: pid(0, k),
    name: `第0指挥部项目${k}`,
    annualPlan: 8000 + k * 10,
    current: 120 + k,
    cumulative: Math.round((8000 + k * 10) * share(k)),
    image: '主体施工中，按计划推进',
    milestones: '节点按期完成',
    problems: k % 10 === 0 ? '征地拆迁需协调' : '',
  }));
  const visits: RowValues[] = ['指挥长0', '成员甲', '成员乙'].flatMap((person, j) =>
    ['2026-11-03', '2026-11-05'].map((date) => ({
      date,
      person,
      role: j === 0 ? '指挥长' : '成员',
      projectId: pid(0, 0),
      matter: '现场办公',
    })),
  );
  const base = await writeTemplate(REPORT, {
    rows: { progress: rows, siteVisits: visits },
    fields: {
      progress: {
        reporter: hqName(0),
        period: '2026年11月上半月',
        filledOn: '2026-11-11',
        signature: '指挥长0',
        filledBy: '填报人',
        phone: '0372-0000000',
      },
    },
  });
  const parts = unzipSync(base);
  const sst = strFromU8(parts['xl/sharedStrings.xml'] ?? new Uint8Array());
  const inputs = join(dir, 'reports');
  await mkdir(inputs, { recursive: true });
  const files: Uint8Array[] = [];
  for (let i = 0; i < SUBMISSIONS; i++) {
    const text = sst
      .replaceAll(hqName(0), hqName(i))
      .replaceAll('H0000-', `H${pad(i, 4)}-`)
      .replaceAll('第0指挥部', `第${i}指挥部`)
      .replaceAll('指挥长0', `指挥长${i}`);
    const bytes = zipSync({ ...parts, 'xl/sharedStrings.xml': strToU8(text) }, { level: 6 });
    files.push(bytes);
    await writeFile(join(inputs, `${hqName(i)}-2026年11月上半月.xlsx`), bytes);
  }
  return { master, inputs, files };
}

async function benchMerge(dir: string): Promise<void> {
  const t0 = performance.now();
  const fx = await mergeFixtures(dir);
  const setup = ms(t0);

  // The floor: only unzip each file's sheets and shared strings (files already in memory, like
  // the merge after reading them).
  const fileBytes = await Promise.all(
    fx.files.map(async (_, i) => readFile(join(fx.inputs, `${hqName(i)}-2026年11月上半月.xlsx`))),
  );
  // Best of three: this machine's speed drifts, and the floor is short.
  let floor = Infinity;
  let floorBytes = 0;
  for (let round = 0; round < 3; round++) {
    const f0 = performance.now();
    floorBytes = 0;
    for (const b of fileBytes) floorBytes += unzipFloor(b);
    floor = Math.min(floor, ms(f0));
  }

  const r0 = performance.now();
  for (const b of fileBytes) readXlsx(b);
  const readOnly = ms(r0);

  const sample = fileBytes.slice(0, Math.min(100, fileBytes.length));
  const e0 = performance.now();
  for (const b of sample)
    await new ExcelJS.Workbook().xlsx.load(
      b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer,
    );
  const exceljs = ((performance.now() - e0) / sample.length) * fileBytes.length;

  const out = join(dir, 'bulletin.xlsx');
  const merge = runKpd(
    ['merge', fx.inputs, '--master', fx.master, '--period', '2026-11-1', '--out', out, '--json'],
    { KPD_TIMINGS: '1' },
  );
  const phases = [...merge.err.matchAll(/\[timing\] (\w+) (\d+) ms/gu)].map(
    (m) => [m[1] ?? '', Number(m[2])] as const,
  );
  const phase = (name: string): number => phases.find(([n]) => n === name)?.[1] ?? 0;
  const result = JSON.parse(merge.out) as {
    rows: { in: number; merged: number; rejected: number };
    submissions: unknown[];
  };

  console.log(
    `\n== kpd merge: ${SUBMISSIONS} submissions × ${ROWS} rows (setup ${setup} ms, not counted) ==`,
  );
  console.log(
    `rows in ${result.rows.in} = merged ${result.rows.merged} + rejected ${result.rows.rejected}; submissions ${result.submissions.length}`,
  );
  console.log(
    `floor: unzip sheet + shared-strings parts only (fflate): ${floor} ms (${Math.round(floorBytes / 1e6)} MB of XML)`,
  );
  console.log(
    `our reader alone (readXlsx, hardened):                 ${readOnly} ms = ${(readOnly / floor).toFixed(1)}× floor`,
  );
  console.log(
    `for scale, exceljs load() (extrapolated from ${sample.length}):   ${Math.round(exceljs)} ms = ${(exceljs / floor).toFixed(1)}× floor`,
  );
  console.log(
    `whole merge (process start, master, ${SUBMISSIONS} files, bulletin written): ${merge.ms} ms = ${(merge.ms / floor).toFixed(1)}× floor   (target ≤ 5×)`,
  );
  // The issue's own yardstick: "exceljs load() alone is about 12× the floor". This machine's
  // ratio of JavaScript work to native inflate drifts (exceljs measures 12–47× here); the merge
  // against exceljs on the same files, put on the scale, is the figure that does not.
  const calibrated = (merge.ms / exceljs) * 12;
  console.log(
    `  on the issue's scale (exceljs load() = 12× floor): merge ÷ exceljs = ${(merge.ms / exceljs).toFixed(2)} → ${calibrated.toFixed(1)}× floor`,
  );
  // What the target leaves for the submissions: everything else the command must do at this
  // scale (start, read a 60,000-project master, build and write a 66,000-row bulletin).
  const rest = merge.ms - phase('read');
  console.log(
    `  everything but reading the submissions (start, master, build, write): ${rest} ms = ${(rest / floor).toFixed(1)}× floor`,
  );
  console.log(`peak memory of the merge: ${merge.maxRssMb} MB   (target < 400 MB)`);
  console.log(
    `  of which: read the master (${SUBMISSIONS * ROWS} projects) ${phase('master')} ms; read and check the submissions ${phase('read')} ms = ${(phase('read') / floor).toFixed(1)}× floor;`,
  );
  console.log(
    `            build the bulletin ${phase('assemble')} ms; write it (${result.rows.merged} project rows and their sources) ${phase('fill') + phase('write')} ms`,
  );
}

// ---- 3. hostile inputs ----------------------------------------------------------------------

/** Like runKpd, for runs whose exit code is part of the result (validate exits 2 on unreadable files). */
function runAny(args: string[], cwd: string): { ms: number; maxRssMb: number; code: number | null } {
  const probe = `const {main}=await import(${JSON.stringify(join(root, 'dist/cli/main.js'))});const {processIo}=await import(${JSON.stringify(join(root, 'dist/cli/io.js'))});const c=await main(${JSON.stringify(args)},{...processIo(),out:()=>undefined});process.stderr.write('MAXRSS '+process.resourceUsage().maxRSS+'\\n');process.exitCode=c;`;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: 120_000,
  });
  const rss = Number(/MAXRSS (\d+)/u.exec(r.stderr)?.[1] ?? 0);
  return { ms: ms(t0), maxRssMb: Math.round(rss / 1024), code: r.status };
}

/** Bytes deflate shrinks about 120:1 (a random byte every 500): big, but within every ratio limit. */
function sparseNoise(bytes: number, seed: number): Uint8Array {
  const out = new Uint8Array(bytes);
  const r = rng(seed);
  for (let i = 0; i < bytes; i += 500) out[i] = Math.floor(r() * 256);
  return out;
}

async function benchHostile(dir: string): Promise<void> {
  const { corpusMaster, manyFindings, topicsForm, writeHostileCorpus } =
    await import('../test/corpus/hostile.js');
  const { buildZip } = await import('../test/adapters/helpers.js');
  const { deflateSync } = await import('fflate');
  const h = join(dir, 'hostile');
  await mkdir(join(h, 'in'), { recursive: true });
  await mkdir(join(h, 'topics'), { recursive: true });
  await mkdir(join(h, 'big'), { recursive: true });
  await writeFile(join(h, '总台账.xlsx'), await corpusMaster());
  const cases = await writeHostileCorpus(join(h, 'in'));
  await writeFile(join(h, 'topics', '议题.xlsx'), await topicsForm());
  // Zips of zips: six archives of 200 MB each (two honest 100 MB entries), 1.2 GB in all.
  const entry = sparseNoise(100 * 1024 * 1024, 3);
  const packed = deflateSync(entry, { level: 6 });
  const inner = buildZip([
    { name: 'a.xlsx', data: new Uint8Array(0), compressed: packed, declaredSize: entry.length },
    { name: 'b.xlsx', data: new Uint8Array(0), compressed: packed, declaredSize: entry.length },
  ]);
  await writeFile(
    join(h, 'big', '套娃.zip'),
    buildZip(Array.from({ length: 6 }, (_, i) => ({ name: `批${i}.zip`, data: inner, method: 0 }))),
  );
  await writeFile(join(h, 'many.xlsx'), manyFindings(90_000));
  const merge = ['merge', '--master', '总台账.xlsx', '--period', '2026-11-1'];
  const runs: [string, string[]][] = [
    [
      `kpd merge over the corpus (${cases.length} hostile files)`,
      [...merge.slice(0, 1), 'in', ...merge.slice(1), '--out', 'a.xlsx'],
    ],
    ['kpd validate over the corpus', ['validate', 'in']],
    [
      'kpd agenda over the corpus',
      ['agenda', 'in', 'topics', '--master', '总台账.xlsx', '--meeting', '2026-11-14', '--out', 'b.xlsx'],
    ],
    [
      'kpd merge: zips of zips, 1.2 GB inflated (run budget 1 GB)',
      [...merge.slice(0, 1), 'big', ...merge.slice(1), '--out', 'c.xlsx'],
    ],
    ['kpd validate: 180,000 findings, text mode', ['validate', 'many.xlsx']],
  ];
  console.log('\n== hostile inputs (issue #11: no input takes kpd past 1 GB or 60 s) ==');
  for (const [label, args] of runs) {
    const r = runAny(args, h);
    console.log(`${label}: exit ${r.code}, ${r.ms} ms, peak memory ${r.maxRssMb} MB`);
  }
}

// BENCH_DIR keeps the generated files (for profiling); by default a temporary folder is used.
const keep = process.env['BENCH_DIR'];
const dir = keep ?? (await mkdtemp(join(tmpdir(), 'kpd-bench-')));
if (keep) await mkdir(keep, { recursive: true });
try {
  console.log(`kpd bench on Node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
  const only = process.env['BENCH_ONLY'];
  if (only === undefined || only === 'score') await benchScoring(dir);
  if (only === undefined || only === 'merge') await benchMerge(dir);
  if (only === undefined || only === 'hostile') await benchHostile(dir);
} finally {
  if (!keep) await rm(dir, { recursive: true, force: true });
}
