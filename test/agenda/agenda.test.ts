import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { writeTemplate } from '../../src/adapters/exceljs/write-template.js';
import { readMaster } from '../../src/core/master/read.js';
import { TOPICS } from '../../src/core/schema/topics.js';
import type { WorkbookGrid } from '../../src/core/values/grid.js';
import { runKpd, type CliRun } from '../helpers/cli.js';
import { exampleMaster, records } from '../helpers/merge-results.js';
import { fingerprint } from '../helpers/merge-world.js';
import {
  convertWithLibreOffice,
  LIBREOFFICE_TIMEOUT_MS,
  LIBREOFFICE_TOOLS,
  pdfText,
} from '../helpers/libreoffice.js';
import { checkOoxml, OOXML_TIMEOUT_MS, OOXML_TOOLS } from '../helpers/ooxml.js';
import { gbkWord, mailBytes } from '../helpers/merge-mail.js';
import { repoPath } from '../helpers/paths.js';
import { useTempDir } from '../helpers/tmp.js';
import { requireTool } from '../helpers/tools.js';

/**
 * kpd agenda on the example county: the meeting of Saturday 2026-11-14. 督办事项 as the example
 * master has them on 11-13, the two 议题申报表 of the examples (one in time, one after Tuesday
 * 17:00) and a few files a clerk might drop into the folder by mistake.
 */
const tmp = useTempDir('kpd-agenda-');
const ooxml = requireTool(...OOXML_TOOLS);
const lo = requireTool(...LIBREOFFICE_TOOLS, 'pdftotext');

interface AgendaJson {
  readonly meeting: string;
  readonly topicCutoff: string;
  readonly basis: { period: string; label: string; fraction: number } | null;
  readonly decisions: readonly {
    itemId: string;
    unit: string;
    deadline: string;
    doneDate: string | null;
    state: string;
    overdueDays: number | null;
  }[];
  readonly topics: readonly {
    group: string;
    unit: string;
    projectId: string | null;
    topic: string;
    file: string;
    notes: string[];
  }[];
  readonly behindSchedule: readonly { hq: string; projectId: string; reasons: string[] }[];
  readonly files: { received: number; used: number };
  readonly problems: readonly { file: string; code: string; severity: string; message: string }[];
}
interface AgendaRun extends CliRun {
  readonly json: AgendaJson;
  readonly grid: WorkbookGrid;
}

let dir = '';
let before: Record<string, string>;
let run: AgendaRun;
let master: ReturnType<typeof readMaster>['data'];

async function agenda(meeting: string, inputs: readonly string[], out: string): Promise<AgendaRun> {
  const r = await runKpd(
    ['agenda', ...inputs, '--master', '总台账.xlsx', '--meeting', meeting, '--out', out, '--json'],
    dir,
  );
  if (r.code !== 0) throw new Error(`kpd agenda exited ${r.code}: ${r.err}`);
  return {
    ...r,
    json: JSON.parse(r.out) as AgendaJson,
    grid: readXlsx(await readFile(join(dir, out))).workbook,
  };
}

const topicsFile = (unit: string, submittedAt: string, rows: Record<string, string>[], signed = true) =>
  writeTemplate(TOPICS, {
    rows: { topics: rows },
    fields: {
      topics: {
        unit,
        submittedAt,
        ...(signed && { leaderSignature: '张主任', countySignature: '李县长' }),
      },
    },
  });

beforeAll(async () => {
  dir = tmp();
  await exampleMaster(dir);
  master = readMaster(readXlsx(await readFile(join(dir, '总台账.xlsx'))).workbook).data;
  await cp(repoPath('examples', 'topics'), join(dir, '议题'), { recursive: true });
  // What else lands in the folder: a 半月进展报表, a topic file of a meeting already held, and a
  // township's topic on a project that is not registered.
  await cp(
    repoPath('examples', 'reports', '2026-11-1', '城区棚户区改造指挥部-2026年11月上半月进展.xlsx'),
    join(dir, '议题', '城区棚户区改造指挥部-进展.xlsx'),
  );
  await writeFile(
    join(dir, '议题', '高端装备产业园指挥部-上周议题.xlsx'),
    await topicsFile('高端装备产业园指挥部', '2026-11-02 10:00', [{ topic: '上周的议题' }]),
  );
  await writeFile(
    join(dir, '议题', '柏庄镇-议题申报.xlsx'),
    await topicsFile('柏庄镇', '2026-11-09 16:00', [
      {
        projectId: 'AY-2026-999',
        topic: '镇区道路改造用地',
        problem: '用地指标不足',
        proposal: '县自然资源局协调',
      },
    ]),
  );
  await mkdir(join(dir, 'out'));
  before = await fingerprint(dir);
  run = await agenda('2026-11-14', ['议题'], 'out/议程.xlsx');
}, 60_000);

describe('kpd agenda: (1) the decisions being tracked', () => {
  it('reports every open item, the last meeting’s and those done since, with its state on 11-14', () => {
    const byState = (s: string) => run.json.decisions.filter((d) => d.state === s).map((d) => d.itemId);
    expect(byState('逾期未完成')).toEqual(['DB-0704-2', 'DB-0815-1', 'DB-0829-2', 'DB-1017-1']);
    expect(run.json.decisions.find((d) => d.itemId === 'DB-0704-2')?.overdueDays).toBe(118); // 07-19 → 11-14
    // The last meeting's (11-07) three items are all listed, whatever their state.
    expect(run.json.decisions.filter((d) => d.itemId.startsWith('DB-1107-'))).toHaveLength(3);
    // Every item the master has that is not done by the meeting is here; none closed earlier is.
    const open = master.decisions.filter((d) => d.record.doneDate === undefined).map((d) => d.record.itemId);
    for (const id of open) expect(run.json.decisions.map((d) => d.itemId)).toContain(id);
    expect(run.json.decisions.map((d) => d.itemId)).not.toContain('DB-0912-1');
  });

  it('shows them in 督办落实 with the counts in its lead line', () => {
    const rows = records(run.grid, '督办落实', '序号');
    expect(rows.map((r) => r['事项编号'])).toEqual(run.json.decisions.map((d) => d.itemId));
    const n = (s: string) => run.json.decisions.filter((d) => d.state === s).length;
    const lead =
      run.grid.sheets
        .find((s) => s.name === '督办落实')
        ?.rows.flat()
        .join('') ?? '';
    expect(lead).toContain(`共 ${run.json.decisions.length} 项`);
    expect(lead).toContain(`逾期未完成 ${n('逾期未完成')} 项`);
    expect(lead).toContain('上次会议（2026年11月7日）');
  });
});

describe('kpd agenda: (2) HQ by HQ, the topics and the projects behind', () => {
  it('lists the topics sent in time, under the HQ of their project or of their unit', () => {
    expect(run.json.topics.map((t) => [t.group, t.unit, t.projectId, t.notes])).toEqual([
      ['智慧城市建设指挥部', '智慧城市建设指挥部', 'AY-2026-029', []],
      ['智慧城市建设指挥部', '智慧城市建设指挥部', 'AY-2026-027', []],
      ['柏庄镇', '柏庄镇', 'AY-2026-999', ['项目编号不在项目登记中']],
    ]);
    expect(run.json.files).toEqual({ received: 5, used: 2 });
  });

  it('adds every project behind 序时进度 on the latest progress imported (2026-10-2), with its reasons', () => {
    expect(run.json.basis).toEqual({ period: '2026-10-2', label: '2026年10月', fraction: 0.8333 });
    // Checked by hand from 进展记录 and 项目登记: 年度累计 ÷ 年度计划 against 10/12.
    const plan = new Map(master.projects.map((p) => [p.record.projectId, p.record.annualPlan]));
    const done = new Map(
      master.progressLog
        .filter((r) => r.record.period === '2026-10-2')
        .map((r) => [r.record.projectId, r.record.cumulative ?? 0]),
    );
    const underInvested = [...done]
      .filter(([id, c]) => c / (plan.get(id) ?? 1) < 10 / 12 - 1e-9)
      .map(([id]) => id)
      .sort();
    const listedForMoney = run.json.behindSchedule
      .filter((p) => p.reasons.some((r) => r.startsWith('投资完成率')))
      .map((p) => p.projectId)
      .sort();
    expect(listedForMoney).toEqual(underInvested);
    // Milestones: planned by the meeting day and not done.
    const late = master.milestones.filter(
      (m) => m.record.plannedDate <= '2026-11-14' && m.record.actualDate === undefined,
    );
    for (const m of late)
      expect(
        run.json.behindSchedule.find((p) => p.projectId === m.record.projectId)?.reasons.join(''),
      ).toContain(`节点${m.record.seq}「${m.record.name}」`);
  });

  it('orders 议题及滞后项目 HQ by HQ in register order, topics before the projects behind', () => {
    const rows = records(run.grid, '议题及滞后项目', '序号');
    expect(rows).toHaveLength(run.json.topics.length + run.json.behindSchedule.length);
    const hqOrder = [...new Set(master.projects.map((p) => p.record.hq))];
    const groups = [...new Set(rows.map((r) => r['指挥部']))];
    expect(groups).toEqual([...hqOrder.filter((h) => groups.includes(h)), '柏庄镇']);
    const smart = rows.filter((r) => r['指挥部'] === '智慧城市建设指挥部').map((r) => r['类型']);
    expect(smart.slice(0, 2)).toEqual(['申报议题', '申报议题']);
    expect(new Set(smart.slice(2))).toEqual(new Set(['滞后项目']));
  });

  it('sets out the three parts in 议程, one line per HQ with business', () => {
    const rows = records(run.grid, '议程', '序号');
    expect(rows[0]?.['序号']).toBe('一');
    expect(rows[1]?.['序号']).toBe('二');
    expect(rows.at(-1)?.['序号']).toBe('三');
    expect(rows.slice(2, -1).map((r) => r['议程'])).toEqual([
      ...new Set(records(run.grid, '议题及滞后项目', '序号').map((r) => r['指挥部'])),
    ]);
  });
});

describe('kpd agenda: what could not go on the agenda', () => {
  it('says why of each file not used: after the cut-off, a meeting already held, not a topic form', () => {
    const by = (code: string) => run.json.problems.filter((p) => p.code === code).map((p) => p.file);
    expect(by('agenda.topicsDeferred')).toEqual(['议题/水系连通工程指挥部-议题申报-1114.xlsx']);
    expect(run.json.problems.find((p) => p.code === 'agenda.topicsDeferred')?.message).toBe(
      '「水系连通工程指挥部」2026-11-11 09:20 申报，晚于本次会议的议题截止（2026-11-10 17:00），转入 2026-11-21 的例会。',
    );
    expect(by('agenda.topicsPast')).toEqual(['议题/高端装备产业园指挥部-上周议题.xlsx']);
    expect(by('agenda.notTopics')).toEqual(['议题/城区棚户区改造指挥部-进展.xlsx']);
    const sheet = records(run.grid, '数据问题', '序号');
    expect(sheet.map((r) => [r['文件'], r['处理']])).toContainEqual([
      '议题/水系连通工程指挥部-议题申报-1114.xlsx',
      '顺延',
    ]);
  });

  it('takes the late topic at the next meeting, marked late and unsigned', async () => {
    const next = await agenda('2026-11-21', ['议题/水系连通工程指挥部-议题申报-1114.xlsx'], 'out/下周.xlsx');
    expect(next.json.topics.map((t) => [t.group, t.notes])).toEqual([
      [
        '水系连通工程指挥部',
        ['未经分管县级领导签字', '错过 2026-11-14 例会的议题截止（2026-11-10 17:00），转入本次'],
      ],
    ]);
  });

  it('places a form that came by e-mail by the mail’s time, not the time typed in it', async () => {
    const form = new Uint8Array(await readFile(join(dir, '议题', '水系连通工程指挥部-议题申报-1114.xlsx')));
    const mail = (date: string): Uint8Array =>
      mailBytes({
        from: `${gbkWord('水系连通工程指挥部')} <slgc@example.cn>`,
        subject: 'topics',
        date,
        attachments: [{ name: '水系连通工程指挥部议题申报.xlsx', bytes: form, style: 'rfc2047' }],
      });
    await mkdir(join(dir, '邮件'), { recursive: true });
    // Typed Wednesday 09:20; the mail reached the office on Tuesday at 16:55: on time.
    await writeFile(join(dir, '邮件', '周二.eml'), mail('Tue, 10 Nov 2026 16:55:00 +0800'));
    const onTime = await agenda('2026-11-14', ['邮件/周二.eml'], 'out/邮件-周二.xlsx');
    expect(onTime.json.files).toEqual({ received: 1, used: 1 });
    expect(onTime.json.topics.map((t) => [t.group, t.file])).toEqual([
      ['水系连通工程指挥部', '邮件/周二.eml › 水系连通工程指挥部议题申报.xlsx'],
    ]);
    // A mail of Tuesday 17:05 is after the cut-off, and the message says the mail's time decided.
    await writeFile(join(dir, '邮件', '周二晚.eml'), mail('Tue, 10 Nov 2026 17:05:00 +0800'));
    const late = await agenda('2026-11-14', ['邮件/周二晚.eml'], 'out/邮件-周二晚.xlsx');
    expect(late.json.files).toEqual({ received: 1, used: 0 });
    expect(late.json.problems.find((p) => p.code === 'agenda.topicsDeferred')?.message).toBe(
      '「水系连通工程指挥部」2026-11-10 17:05 申报（按邮件时间），晚于本次会议的议题截止（2026-11-10 17:00），转入 2026-11-21 的例会。',
    );
    await rm(join(dir, '邮件'), { recursive: true }); // the inputs of the other tests stay as they were
  });

  it('refuses a day that is not the meeting day, in Chinese, and writes nothing', async () => {
    const r = await runKpd(
      ['agenda', '--master', '总台账.xlsx', '--meeting', '2026-11-13', '--out', 'out/周五.xlsx'],
      dir,
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      '2026-11-13 不是例会日（「规则」表中的例会日为星期六，另召开的例会填在「例会」表中）',
    );
    await expect(readFile(join(dir, 'out', '周五.xlsx'))).rejects.toThrow();
  });
});

describe('kpd agenda: the workbook', () => {
  it('has the four sheets, every placeholder filled, and the inputs untouched', async () => {
    expect(run.grid.sheets.filter((s) => !s.hidden).map((s) => s.name)).toEqual([
      '议程',
      '督办落实',
      '议题及滞后项目',
      '数据问题',
    ]);
    const text = run.grid.sheets.flatMap((s) => s.rows.flat()).join('');
    expect(text).not.toContain('{{');
    expect(text).toContain('会议时间：2026年11月14日（星期六）上午');
    const inputs = (f: Record<string, string>) =>
      Object.fromEntries(Object.entries(f).filter(([k]) => !k.startsWith('out/')));
    expect(inputs(await fingerprint(dir))).toEqual(inputs(before));
  });

  lo.it(
    'prints in LibreOffice: every sheet’s title, filled in, and the topics',
    async () => {
      const pdfDir = join(dir, 'pdf');
      await mkdir(pdfDir);
      convertWithLibreOffice([join(dir, 'out', '议程.xlsx')], 'pdf', pdfDir);
      const text = pdfText(join(pdfDir, '议程.pdf')).replace(/\s+/gu, '');
      for (const title of [
        '重大建设项目推进工作周例会议程',
        '会议议定事项督办落实情况（截至2026年11月14日）',
        '各指挥部存在问题及滞后项目（逐个汇报）',
        '镇区道路改造用地',
      ])
        expect(text).toContain(title);
    },
    LIBREOFFICE_TIMEOUT_MS,
  );

  ooxml.it(
    'conforms to ECMA-376 in every part (no "repair" prompt in Excel)',
    async () => {
      const r = await checkOoxml([join(dir, 'out', '议程.xlsx')]);
      expect(r.status, r.output).toBe(0);
    },
    OOXML_TIMEOUT_MS,
  );
});
