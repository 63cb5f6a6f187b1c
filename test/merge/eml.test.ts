import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeTemplate } from '../../src/adapters/exceljs/write-template.js';
import { REPORT } from '../../src/core/schema/report.js';
import { readBulletin } from '../helpers/merge-bulletin.js';
import { gbkQWord, gbkWord, mailBytes, rawGbk, rfc2231, type Mail } from '../helpers/merge-mail.js';
import { HQ, merge, reportFill, scenario } from '../helpers/merge-world.js';
import { useTempDir } from '../helpers/tmp.js';

/**
 * Mail as the county receives it: GBK names in RFC 2047 words, RFC 2231 parameters with
 * continuations, raw GBK bytes; Dates in any zone, taken in China time; mail inside zips.
 */
const tmp = useTempDir('kpd-merge-eml-');
const reports: Record<string, Uint8Array> = {};

const mail = (over: Partial<Mail> & Pick<Mail, 'attachments'>): Uint8Array =>
  mailBytes({ from: 'unit@example.cn', subject: 'report', date: 'Wed, 11 Nov 2026 10:00:00 +0800', ...over });

beforeAll(async () => {
  for (const [hq, id] of [
    [HQ.a, 'AY-2026-101'],
    [HQ.b, 'AY-2026-104'],
    [HQ.c, 'AY-2026-106'],
  ] as const)
    reports[hq] = await writeTemplate(
      REPORT,
      reportFill(hq, [{ projectId: id, current: 10, cumulative: 1_000 }]),
    );
});

const bytesOf = (hq: string): Uint8Array => reports[hq] ?? new Uint8Array();

describe('kpd merge: e-mail names in GBK', () => {
  it('decodes a GBK RFC 2231 attachment name split over continuations, and a GBK RFC 2047 From', async () => {
    const name = '经开区1号指挥部-2026年11月上半月项目进展情况表（更正版）.xlsx';
    expect(rfc2231('filename', name).split('\n').length).toBeGreaterThan(3);
    const dir = await scenario(tmp(), 'rfc2231');
    await mkdir(join(dir, 'mail'));
    await writeFile(
      join(dir, 'mail', '1.eml'),
      mail({
        from: `${gbkWord('孙五（经开区）')} <jkq@example.cn>`,
        subject: gbkWord('经开区1号指挥部报送11月上半月进展'),
        attachments: [{ name, bytes: bytesOf(HQ.b), style: 'rfc2231' }],
      }),
    );
    const r = await merge(dir, ['mail']);
    expect(r.json.submissions.map((s) => [s.hq, s.file, s.timeSource])).toEqual([
      [HQ.b, `${join('mail', '1.eml')} › ${name}`, '邮件时间'],
    ]);
    expect(readBulletin(r.bulletin).tables.来源[0]).toMatchObject({
      发件人: '孙五（经开区） <jkq@example.cn>',
      文件: `1.eml › ${name}`,
    });
  });

  it('decodes RFC 2047 names (GBK base64 and GB2312 quoted-printable) and raw GBK bytes', async () => {
    const dir = await scenario(tmp(), 'rfc2047');
    await mkdir(join(dir, 'mail'));
    await writeFile(
      join(dir, 'mail', 'a.eml'),
      mail({
        from: `${gbkQWord('王一')} <a@example.cn>`,
        attachments: [{ name: 'A区产业园进展.xlsx', bytes: bytesOf(HQ.a), style: 'rfc2047' }],
      }),
    );
    await writeFile(
      join(dir, 'mail', 'c.eml'),
      mail({
        from: `${rawGbk('钱四')} <c@example.cn>`,
        subject: rawGbk('水利枢纽进展'),
        attachments: [{ name: '水利枢纽进展.xlsx', bytes: bytesOf(HQ.c), style: 'raw-gbk' }],
      }),
    );
    const r = await merge(dir, ['mail']);
    expect(r.json.submissions.map((s) => s.file)).toEqual([
      `${join('mail', 'a.eml')} › A区产业园进展.xlsx`,
      `${join('mail', 'c.eml')} › 水利枢纽进展.xlsx`,
    ]);
    const senders = readBulletin(r.bulletin).tables.来源.map((s) => s['发件人']);
    expect(senders).toEqual(['王一 <a@example.cn>', '钱四 <c@example.cn>']);
  });
});

describe('kpd merge: the Date of the message', () => {
  it.each([
    ['Thu, 12 Nov 2026 23:59:59 +0800', '2026-11-12 23:59:59', false],
    ['Fri, 13 Nov 2026 00:00:00 +0800', '2026-11-13 00:00:00', true],
    ['Thu, 12 Nov 2026 16:30:00 +0000', '2026-11-13 00:30:00', true],
    ['Thu, 12 Nov 2026 09:15:00 -0500', '2026-11-12 22:15:00', false],
    ['12 Nov 2026 18:05 +0800 (CST)', '2026-11-12 18:05:00', false],
  ])('Date: %s is received at %s China time (late: %s)', async (date, at, late) => {
    const dir = await scenario(tmp(), 'date');
    await writeFile(
      join(dir, 'm.eml'),
      mail({ date, attachments: [{ name: 'a.xlsx', bytes: bytesOf(HQ.a) }] }),
    );
    const s = (await merge(dir, ['m.eml'])).json.submissions[0];
    expect([s?.receivedAt, s?.timeSource, s?.late]).toEqual([at, '邮件时间', late]);
  });
});

describe('kpd merge: mail inside archives', () => {
  it('reads a zip holding an .eml holding an .xlsx, with the message’s time and sender', async () => {
    const dir = await scenario(tmp(), 'zip-eml');
    const inner = mail({
      from: `${gbkWord('钱四')} <c@example.cn>`,
      date: 'Thu, 12 Nov 2026 20:45:00 +0800',
      attachments: [
        { name: '水利枢纽指挥部进展.xlsx', bytes: bytesOf(HQ.c) },
        { name: 'A区产业园转发.xlsx', bytes: bytesOf(HQ.a), style: 'rfc2047' },
      ],
    });
    await writeFile(join(dir, '邮件备份.zip'), zipSync({ '收件/水利枢纽.eml': inner }));
    const r = await merge(dir, ['邮件备份.zip']);
    expect(r.json.submissions.map((s) => [s.hq, s.file, s.receivedAt, s.timeSource])).toEqual([
      [HQ.a, '邮件备份.zip › 收件/水利枢纽.eml › A区产业园转发.xlsx', '2026-11-12 20:45:00', '邮件时间'],
      [HQ.c, '邮件备份.zip › 收件/水利枢纽.eml › 水利枢纽指挥部进展.xlsx', '2026-11-12 20:45:00', '邮件时间'],
    ]);
    expect(readBulletin(r.bulletin).tables.来源.map((s) => s['发件人'])).toEqual([
      '钱四 <c@example.cn>',
      '钱四 <c@example.cn>',
    ]);
    expect(r.json.missing).toEqual([HQ.b]);
  });

  it('names a forwarded message after its GBK RFC 2047 subject, and takes the inner Date and sender', async () => {
    const dir = await scenario(tmp(), 'forwarded');
    const inner = mail({
      from: `${gbkWord('赵三')} <jkq@example.cn>`,
      subject: gbkWord('经开区1号指挥部11月上半月进展报送'),
      date: 'Thu, 12 Nov 2026 17:00:00 +0800',
      boundary: 'inner-boundary',
      attachments: [{ name: '经开区进展.xlsx', bytes: bytesOf(HQ.b) }],
    });
    await writeFile(
      join(dir, '转发.eml'),
      mail({
        from: `${gbkWord('办公室')} <office@example.cn>`,
        subject: gbkWord('转发：经开区报表'),
        date: 'Fri, 13 Nov 2026 08:00:00 +0800',
        attachments: [{ name: '', bytes: inner, style: 'forwarded' }],
      }),
    );
    const r = await merge(dir, ['转发.eml']);
    expect(r.json.submissions.map((s) => [s.hq, s.file, s.receivedAt, s.late])).toEqual([
      [
        HQ.b,
        '转发.eml › 经开区1号指挥部11月上半月进展报送.eml › 经开区进展.xlsx',
        '2026-11-12 17:00:00',
        false,
      ],
    ]);
    expect(readBulletin(r.bulletin).tables.来源[0]?.['发件人']).toBe('赵三 <jkq@example.cn>');
  });

  it('lists a broken message as ignored and merges the rest', async () => {
    const dir = await scenario(tmp(), 'broken-eml');
    await writeFile(join(dir, '坏邮件.eml'), 'just some text, no headers at all\n');
    await writeFile(join(dir, '空邮件.eml'), 'From: a@example.cn\r\nSubject: hi\r\n\r\nno attachment\r\n');
    await writeFile(join(dir, 'ok.eml'), mail({ attachments: [{ name: 'b.xlsx', bytes: bytesOf(HQ.b) }] }));
    const r = await merge(dir, ['坏邮件.eml', '空邮件.eml', 'ok.eml']);
    expect(r.json.ignored).toEqual([
      { file: '坏邮件.eml', reason: '邮件文件已损坏或格式不对，无法读取，已忽略' },
      { file: '空邮件.eml', reason: '邮件中没有附件，已忽略' },
    ]);
    expect(r.json.submissions.map((s) => s.hq)).toEqual([HQ.b]);
  });
});
