import { mkdir, writeFile } from 'node:fs/promises';
import { fileName } from '../../src/core/values/file-name.js';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeTemplate } from '../../src/adapters/exceljs/write-template.js';
import { REPORT } from '../../src/core/schema/report.js';
import { readBulletin } from '../helpers/merge-bulletin.js';
import { gbkWord, mailBytes } from '../helpers/merge-mail.js';
import {
  HQ,
  merge,
  reportFill,
  scenario,
  visitsOf,
  writeReport,
  type MergeRun,
} from '../helpers/merge-world.js';
import { useTempDir } from '../helpers/tmp.js';

/**
 * What kpd merge takes: .xlsx files, folders (recursively), .eml messages (their .xlsx
 * attachments, Date and sender), .zip archives of these; anything else is listed as ignored.
 */
const tmp = useTempDir('kpd-merge-inputs-');
let dir = '';
let run: MergeRun;

const rowsOf = (hq: string, id: string) => [
  { projectId: id, current: 100, cumulative: 3_000, image: `${hq}施工中` },
];

beforeAll(async () => {
  dir = await scenario(tmp(), 'inputs');
  const inbox = join(dir, '收件箱');
  await mkdir(join(inbox, '11月', '上半月'), { recursive: true });
  await writeReport(
    join(inbox, '11月', '上半月'),
    'A区.xlsx',
    reportFill(HQ.a, rowsOf(HQ.a, 'AY-2026-101'), { visits: visitsOf(HQ.a) }),
  );
  const b = await writeTemplate(REPORT, reportFill(HQ.b, rowsOf(HQ.b, 'AY-2026-104')));
  const c = await writeTemplate(REPORT, reportFill(HQ.c, rowsOf(HQ.c, 'AY-2026-106')));
  await writeFile(
    join(inbox, '打包.zip'),
    zipSync({
      '经开区/经开区1号进展.xlsx': b,
      '__MACOSX/经开区/._经开区1号进展.xlsx': strToU8('x'),
      '经开区/说明.docx': strToU8('x'),
    }),
  );
  await writeFile(
    join(inbox, '水利枢纽.eml'),
    mailBytes({
      from: `${gbkWord('周六')} <slsn@example.cn>`,
      subject: gbkWord('水利枢纽指挥部11月上半月进展'),
      date: 'Wed, 11 Nov 2026 17:32:10 +0800',
      attachments: [
        { name: '水利枢纽指挥部进展.xlsx', bytes: c },
        { name: '现场照片.jpg', bytes: strToU8('jpeg'), contentType: 'image/jpeg' },
      ],
    }),
  );
  for (const [name, data] of [
    ['说明.txt', '请查收'],
    ['.DS_Store', 'x'],
    ['~$A区.xlsx', 'lock'],
    ['旧表.xlsb', 'x'],
    ['报表.et', 'x'],
    ['打包.rar', 'x'],
    ['邮件.msg', 'x'],
    ['通报草稿', 'x'],
  ] as const)
    await writeFile(join(inbox, name), data);
  // The same folder given twice, once through a file in it: each file is read once.
  run = await merge(dir, ['收件箱', join('收件箱', '11月', '上半月', 'A区.xlsx')]);
});

describe('kpd merge: inputs', () => {
  it('takes .xlsx files from nested folders, .zip entries and .eml attachments, each once', () => {
    expect(run.json.submissions.map((s) => [s.hq, s.file])).toEqual([
      [HQ.a, join('收件箱', '11月', '上半月', 'A区.xlsx')],
      [HQ.b, join('收件箱', '打包.zip') + ' › 经开区/经开区1号进展.xlsx'],
      [HQ.c, join('收件箱', '水利枢纽.eml') + ' › 水利枢纽指挥部进展.xlsx'],
    ]);
    expect(run.json.missing).toEqual([]);
    expect(run.json.rows).toEqual({ in: 14, merged: 14, rejected: 0 });
  });

  it('takes the message Date as the received time and records the sender', () => {
    const c = run.json.submissions.find((s) => s.hq === HQ.c);
    expect([c?.receivedAt, c?.timeSource, c?.late]).toEqual(['2026-11-11 17:32:10', '邮件时间', false]);
    const source = readBulletin(run.bulletin).tables.来源.find((r) => r['项目编号'] === 'AY-2026-106');
    expect(source).toMatchObject({
      发件人: '周六 <slsn@example.cn>',
      时间来源: '邮件时间',
      收到时间: '2026-11-11 17:32:10',
    });
  });

  it('lists everything else as ignored, with a reason in Chinese', () => {
    const reasons = new Map(run.json.ignored.map((x) => [x.file, x.reason]));
    const inbox = (n: string) => join('收件箱', n);
    expect(Object.fromEntries(reasons)).toEqual({
      [inbox('.DS_Store')]: '隐藏文件，已忽略',
      [inbox('~$A区.xlsx')]: 'Office 临时锁定文件（~$ 开头），已忽略',
      [inbox('报表.et')]: '是 WPS 表格格式（.et），请另存为 .xlsx 后重新报送',
      [inbox('打包.rar')]: '是 .rar 压缩包，暂只支持 .zip，请解压后再导入',
      [`${inbox('打包.zip')} › __MACOSX/经开区/._经开区1号进展.xlsx`]: 'macOS 压缩时附带的系统文件，已忽略',
      [`${inbox('打包.zip')} › 经开区/说明.docx`]: '不是 .xlsx 工作簿（.docx），已忽略',
      [inbox('旧表.xlsb')]: '是 .xlsb 二进制工作簿，请另存为 .xlsx 后重新报送',
      [`${inbox('水利枢纽.eml')} › 现场照片.jpg`]: '不是 .xlsx 工作簿（.jpg），已忽略',
      [inbox('说明.txt')]: '不是 .xlsx 工作簿（.txt），已忽略',
      [inbox('通报草稿')]: '不是 .xlsx 工作簿（无扩展名），已忽略',
      [inbox('邮件.msg')]: '是 Outlook 邮件（.msg），请在 Outlook 中直接保存其中的附件，或另存为 .eml 后导入',
    });
  });

  it('puts the ignored files into the bulletin’s 数据问题 too', () => {
    const problems = readBulletin(run.bulletin).tables.数据问题;
    const ignored = problems.filter((p) => p['处理'] === '忽略');
    // The bulletin leaves the office: file names without the clerk's folders (--json keeps them).
    expect(ignored.map((p) => p['文件'])).toEqual(run.json.ignored.map((x) => fileName(x.file)));
    expect(
      ignored.every(
        (p) => typeof p['问题说明'] === 'string' && /已忽略|另存为|解压|保存/u.test(p['问题说明']),
      ),
    ).toBe(true);
  });

  it('says when there is nothing to merge at all, and still writes the bulletin (every HQ missing)', async () => {
    const empty = await scenario(tmp(), 'empty');
    await mkdir(join(empty, '空'));
    const r = await merge(empty, ['空']);
    expect([r.code, r.json.submissions, r.json.missing]).toEqual([0, [], [HQ.a, HQ.b, HQ.c]]);
    expect(r.json.rows).toEqual({ in: 0, merged: 0, rejected: 0 });
  });
});
