/**
 * The hostile corpus: files made to hurt, or broken the way real files are, one per class of
 * issue #11, generated at test time (nothing binary is committed). Each case says what it is
 * and what every command must make of it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { writeTemplate } from '../../src/adapters/exceljs/write-template.js';
import { TOPICS } from '../../src/core/schema/topics.js';
import { mailBytes } from '../helpers/merge-mail.js';
import { MASTER } from '../../src/core/schema/master.js';
import { INPUT_MESSAGES } from '../../src/core/issues/messages-input.js';
import { PERIOD_LABEL } from '../helpers/merge-world.js';
import {
  rawEntries,
  rawZip,
  reportXlsx,
  sheetXml,
  type HandCell,
  type HandReport,
} from '../helpers/merge-xlsx.js';

/** The corpus's county: one HQ per case, so no report replaces another and each is seen as it is. */
export const hq = (n: number): string => `第${String(n).padStart(2, '0')}指挥部`;
export const pid = (n: number): string => `HX-${String(n).padStart(2, '0')}`;

export const corpusMaster = (): Promise<Uint8Array> =>
  writeTemplate(MASTER, {
    rows: {
      projects: Array.from({ length: 16 }, (_, i) => ({
        projectId: pid(i + 1),
        name: `项目${i + 1}`,
        category: '市重点',
        totalInvestment: 40_000,
        annualPlan: 10_000,
        hq: hq(i + 1),
        commander: `指挥长${i + 1}`,
        unit: '县发改局',
        unitHead: '某某',
        agent: '张伟',
        townCadre: '钱进',
      })),
      agents: [{ name: '张伟', level: '一级', unit: '县发改局重点项目办' }],
    },
  });

export interface HostileCase {
  /** Path below the corpus folder. */
  readonly file: string;
  /** What it does (the class of issue #11 it stands for). */
  readonly what: string;
  /**
   * What `kpd merge` makes of it: `merged` (a submission), `refused` (a file-level rejection in
   * 数据问题), `ignored` (listed as not read) — and the codes said about it, if any.
   */
  readonly merge: 'merged' | 'refused' | 'ignored';
  readonly codes?: readonly string[];
  /** Where it is listed, when not under its own path (a folder above it). */
  readonly listedAs?: string;
}

const fields = (hq: string, over: Readonly<Record<string, HandCell>> = {}): Record<string, HandCell> => ({
  填报单位: hq,
  报告期: PERIOD_LABEL,
  填报日期: '2026-11-11',
  指挥长签字: '签',
  ...over,
});

const report = (hq: string, id: string, over: Partial<HandReport> = {}): HandReport => ({
  fields: fields(hq),
  progress: [[id, 100, 2_000, '施工中', '']],
  visits: [['2026-11-03', '某人', '成员', '', '现场']],
  ...over,
});

/** Rows of `n` cells each at column IV (the 256th), far from the table: what padded a grid with millions of nulls. */
const farCells = (from: number, n: number): string => {
  let xml = '';
  for (let r = from; r < from + n; r++) xml += `<row r="${r}"><c r="IV${r}"><v>1</v></c></row>`;
  return xml;
};

/** One worksheet part listed for `n` sheets. */
function sharedPart(n: number): Uint8Array {
  const parts = rawEntries(report(hq(2), pid(2)));
  return rawZip(
    parts.map((e) => {
      if (e.name === 'xl/workbook.xml') {
        const sheets = Array.from(
          { length: n },
          (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId1"/>`,
        );
        const xml = new TextDecoder()
          .decode(e.data)
          .replace(/<sheets>.*<\/sheets>/su, `<sheets>${sheets.join('')}</sheets>`);
        return { ...e, data: strToU8(xml) };
      }
      return e;
    }),
  );
}

/** Text that deflate shrinks about 3:1 (pseudo-random digits): medium archives with honest ratios. */
function digits(bytes: number, seed: number): Uint8Array {
  const out = new Uint8Array(bytes);
  let a = seed >>> 0;
  for (let i = 0; i < bytes; i++) {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    out[i] = 48 + ((a >>> 16) % 10);
  }
  return out;
}

/** A message whose top multipart holds `n` empty multiparts before the report and a long text part. */
function emptyMultiparts(n: number, attachment: Uint8Array): Uint8Array {
  const CRLF = '\r\n';
  const lines = [
    'From: a@example.cn',
    'To: b@example.cn',
    'Subject: empty parts',
    'Date: Wed, 11 Nov 2026 09:00:00 +0800',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="top"',
    '',
  ];
  for (let i = 0; i < n; i++)
    lines.push('--top', `Content-Type: multipart/alternative; boundary="inner${i}"`, '', '');
  lines.push(
    '--top',
    'Content-Type: application/octet-stream; name="empty-parts.xlsx"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(attachment).toString('base64').replace(/.{76}/gu, `$&${CRLF}`),
    '--top',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'x'.repeat(2_000_000),
    '--top--',
    '',
  );
  return strToU8(lines.join(CRLF));
}

const mail = (date: string, name: string, bytes: Uint8Array): Uint8Array =>
  mailBytes({ from: 'hq@example.cn', subject: 'report', date, attachments: [{ name, bytes }] });

/** A 周例会议题申报表 for the meeting of 2026-11-14, so `kpd agenda` has one real topic among the hostile files. */
export const topicsForm = (): Promise<Uint8Array> =>
  writeTemplate(TOPICS, {
    rows: {
      topics: [{ projectId: pid(1), topic: '用地指标协调', problem: '指标不足', proposal: '县里统筹' }],
    },
    fields: {
      topics: {
        unit: hq(1),
        submittedAt: '2026-11-10 09:00',
        leaderSignature: '王一',
        countySignature: '李县长',
      },
    },
  });

/**
 * Writes the corpus into `dir` and returns its cases.
 */
export async function writeHostileCorpus(dir: string): Promise<HostileCase[]> {
  const cases: HostileCase[] = [];
  const put = async (c: HostileCase, bytes: Uint8Array | string): Promise<void> => {
    const full = join(dir, c.file);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, bytes);
    cases.push(c);
  };

  await put(
    {
      file: '远格.xlsx',
      what: 'a report with a cell at IV in each of 60,000 rows (memory follows the cells, not the addresses)',
      merge: 'merged',
      codes: ['file.truncatedFar'],
    },
    reportXlsx(
      report(hq(1), pid(1), {
        transform: (part, xml) =>
          part === 'xl/worksheets/sheet1.xml'
            ? xml.replace('</sheetData>', `${farCells(20, 60_000)}</sheetData>`)
            : xml,
      }),
    ),
  );
  await put(
    {
      file: '共用部件.xlsx',
      what: 'one worksheet part listed for 2,000 sheets',
      merge: 'refused',
      codes: ['file.corrupt'],
    },
    sharedPart(2_000),
  );
  const innerBomb = rawZip([{ name: 'zeros.xlsx', data: new Uint8Array(4 * 1024 * 1024) }]);
  await put(
    {
      file: '套娃.zip',
      what: 'a zip of zips: a report two levels down, and a bomb of small entries beside it',
      merge: 'merged',
      codes: ['input.zipBomb'],
    },
    zipSync({
      '外层/内层.zip': zipSync({ '经开区.xlsx': reportXlsx(report(hq(3), pid(3))) }),
      '外层/炸弹.zip': innerBomb,
    }),
  );
  await put(
    {
      file: '炸弹.zip',
      what: 'a zip bomb (4 MB of zeros per entry)',
      merge: 'ignored',
      codes: ['input.zipBomb'],
    },
    rawZip(
      Array.from({ length: 8 }, (_, i) => ({ name: `r${i}.xlsx`, data: new Uint8Array(4 * 1024 * 1024) })),
    ),
  );
  await put(
    {
      file: '空多部件.eml',
      what: 'an e-mail with 900 empty multiparts before its attachment',
      merge: 'merged',
    },
    emptyMultiparts(900, reportXlsx(report(hq(4), pid(4)))),
  );
  await put(
    { file: '坏邮件.eml', what: 'a damaged e-mail', merge: 'ignored', codes: ['input.mailCorrupt'] },
    new Uint8Array([0x00, 0xff, 0xfe, 0x01, 0x02, 0x03]),
  );
  await put(
    {
      file: '二月三十日.eml',
      what: 'an e-mail dated 30 Feb 2026: never 2 March',
      merge: 'merged',
      codes: ['mail.dateInvalid'],
    },
    mail('Mon, 30 Feb 2026 10:00:00 +0800', '二月三十日.xlsx', reportXlsx(report(hq(5), pid(5)))),
  );
  await put(
    { file: '未来.eml', what: 'an e-mail dated 2099', merge: 'merged', codes: ['merge.timeFuture'] },
    mail('Thu, 12 Nov 2099 10:00:00 +0800', '未来.xlsx', reportXlsx(report(hq(6), pid(6)))),
  );
  await put(
    { file: '填报2062.xlsx', what: 'a 填报日期 of 2062', merge: 'merged', codes: ['merge.timeFuture'] },
    reportXlsx({ ...report(hq(7), pid(7)), fields: fields(hq(7), { 填报日期: '2062-11-11' }) }),
  );
  await put(
    {
      file: '转义序列.zip',
      what: 'zip entry names carrying terminal escape sequences',
      merge: 'ignored',
      codes: ['input.otherType'],
    },
    zipSync({ '\u001b[2J\u001b[31m清屏.txt': strToU8('x'), '\u001b]0;标题\u0007\u009b1m.doc': strToU8('x') }),
  );
  await put(
    {
      file: '零宽.xlsx',
      what: 'IDs with a zero-width space and a bidi override',
      merge: 'merged',
      codes: ['cell.invisible', 'ref.project'],
    },
    reportXlsx(
      report(hq(8), pid(8), {
        progress: [
          [`${pid(8)}\u200b`, 10, 100, '', ''],
          [`\u202e${pid(8)}`, 10, 100, '', ''],
        ],
      }),
    ),
  );
  await put(
    {
      file: '逃逸.zip',
      what: 'zip entries pointing outside the archive',
      merge: 'ignored',
      codes: ['input.unsafePath'],
    },
    rawZip([
      { name: '../../逃逸.xlsx', data: reportXlsx(report(hq(9), pid(9))) },
      { name: '/etc/绝对.xlsx', data: reportXlsx(report(hq(9), pid(9))) },
    ]),
  );
  const header2: HandCell[][] = [
    ['重点项目建设进展情况表'],
    ...Object.entries(fields(hq(10))).map(([k, v]) => [k, v]),
    ['项目编号', '项目名称', '年度计划投资(万元)', '投资情况(万元)', null, '形象进度'],
    [null, null, null, '本期', '累计', null],
    [pid(10), '项目10', 10_000, 300, 5_000, '主体施工'],
  ];
  await put(
    { file: '两行表头.xlsx', what: 'a two-row header: 投资情况 merged over 本期 / 累计', merge: 'merged' },
    reportXlsx({
      ...report(hq(10), pid(10)),
      transform: (part, xml) => (part === 'xl/worksheets/sheet1.xml' ? sheetXml(header2) : xml),
    }),
  );
  const filler: HandCell[][] = Array.from({ length: 30 }, (_, i) => [`说明第${i + 1}条：按实际填写。`]);
  await put(
    { file: '深表头.xlsx', what: 'a header below row 25', merge: 'merged' },
    reportXlsx({
      ...report(hq(11), pid(11)),
      transform: (part, xml) =>
        part === 'xl/worksheets/sheet1.xml'
          ? sheetXml([
              ...Object.entries(fields(hq(11))).map(([k, v]) => [k, v]),
              ...filler,
              ['项目编号', '本期完成投资(万元)', '年度累计完成投资(万元)'],
              [pid(11), 10, 8_000],
            ])
          : xml,
    }),
  );
  await put(
    {
      file: '改名.xlsx',
      what: 'a visits sheet renamed 一线工作(1)',
      merge: 'merged',
      codes: ['sheet.renamed'],
    },
    reportXlsx({
      ...report(hq(12), pid(12)),
      transform: (part, xml) =>
        part === 'xl/workbook.xml' ? xml.replace('name="一线工作"', 'name="一线工作(1)"') : xml,
    }),
  );
  // A report a thousand folders deep: listed as too deep, never walked (nor hung on).
  await put(
    {
      file: `${Array.from({ length: 1_000 }, () => 'd').join('/')}/深处.xlsx`,
      what: 'a report a thousand folders deep',
      merge: 'ignored',
      listedAs: Array.from({ length: 32 }, () => 'd').join('/'),
      codes: ['input.foldersTooDeep'],
    },
    reportXlsx(report(hq(13), pid(13))),
  );
  return cases;
}

/** Two such entries an archive: three archives pass MEDIUM_BUDGET_MB together, two do not. */
export const MEDIUM_ENTRY_BYTES = 6 * 1024 * 1024;
export const MEDIUM_BUDGET_MB = 40;

/**
 * Medium archives side by side, each within every limit of its own (honest sizes, ratios about
 * 2:1): together they pass a run budget of MEDIUM_BUDGET_MB; the third one is not read.
 */
export async function writeMediumArchives(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const names: string[] = [];
  for (const i of [1, 2, 3]) {
    const name = `中等压缩包${i}.zip`;
    await writeFile(
      join(dir, name),
      zipSync(
        {
          [`填报${i}a.xlsx`]: digits(MEDIUM_ENTRY_BYTES, i),
          [`填报${i}b.xlsx`]: digits(MEDIUM_ENTRY_BYTES, i + 10),
        },
        { level: 1 },
      ),
    );
    names.push(name);
  }
  return names;
}

/** A report with `rows` rows of two bad cells each: `2 × rows` findings for `kpd validate`. */
export function manyFindings(rows: number): Uint8Array {
  const progress: HandCell[][] = [];
  for (let i = 0; i < rows; i++) progress.push([`AY-${i}`, '两万', '三万', '', '']);
  return reportXlsx({ fields: fields(hq(14)), progress });
}

/** A template with an entry that declares 1 GiB: refused, never copied. */
export const hugeTemplate = (): Uint8Array =>
  rawZip([
    ...rawEntries(report(hq(1), pid(1))),
    { name: 'xl/media/huge.bin', data: new Uint8Array(1024), declaredSize: 1024 * 1024 * 1024 },
  ]);

/** The code of an ignore reason as printed (the merge's --json gives the reason, as issue #4 has it). */
export function ignoreCodeOf(reason: string): string | undefined {
  for (const [code, m] of Object.entries(INPUT_MESSAGES)) {
    const pattern = m.zh.replace(/[.*+?^$()|[\]\\]/gu, '\\$&').replace(/\{\w+\}/gu, '.*');
    if (new RegExp(`^${pattern}$`, 'u').test(reason)) return code;
  }
  return undefined;
}
