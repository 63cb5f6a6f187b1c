import { message } from '../../src/core/issues/issue.js';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectInputs } from '../../src/adapters/inputs.js';
import { readXlsx } from '../../src/adapters/xlsx-read.js';
import { buildZip, gbk, tempDir, u8 } from './helpers.js';

const CRLF = '\r\n';
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64').replace(/.{76}/g, `$&${CRLF}`);

async function workbook(text: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('进展').getCell('A1').value = text;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function eml(subjectFrom: string, date: string, attachments: [string, Uint8Array][]): Uint8Array {
  const lines = [
    `From: =?UTF-8?B?${Buffer.from(subjectFrom).toString('base64')}?= <unit@example.cn>`,
    `Date: ${date}`,
    'Subject: report',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="=_b"',
    '',
    '--=_b',
    'Content-Type: text/plain; charset=utf-8',
    '',
    '见附件',
  ];
  for (const [name, bytes] of attachments) {
    lines.push(
      '--=_b',
      `Content-Type: application/octet-stream; name="=?UTF-8?B?${Buffer.from(name).toString('base64')}?="`,
      'Content-Transfer-Encoding: base64',
      '',
      b64(bytes),
    );
  }
  lines.push('--=_b--', '');
  return u8(lines.join(CRLF));
}

const firstCell = (bytes: Uint8Array) => readXlsx(bytes).workbook.sheets[0]!.rows[0]![0];

describe('collectInputs', () => {
  let root: string;

  beforeAll(async () => {
    root = tempDir('inputs');
    const w = (rel: string, data: Uint8Array | string) => {
      const full = path.join(root, rel);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, data);
    };
    w('报送/b/城关镇.xlsx', await workbook('城关镇'));
    w('报送/a/10.xlsx', await workbook('ten'));
    w('报送/a/2.xlsx', await workbook('two'));
    w('报送/a/宏.xlsm', await workbook('macro'));
    w('报送/a/~$2.xlsx', 'lock');
    w('报送/.DS_Store', 'junk');
    w('报送/.hidden/x.xlsx', await workbook('hidden'));
    w('报送/说明.docx', 'not a workbook');
    w('报送/旧表.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    w('报送/二进制.xlsb', 'xlsb');
    w('报送/README', 'no extension');
    utimesSync(
      path.join(root, '报送/b/城关镇.xlsx'),
      new Date('2026-11-10T08:00:00Z'),
      new Date('2026-11-10T08:00:00Z'),
    );

    w(
      'mail/a.eml',
      eml('王五', 'Fri, 14 Nov 2026 10:00:00 +0800', [
        ['进展表.xlsx', await workbook('from mail')],
        ['照片.jpg', u8('jpeg')],
      ]),
    );
    w('mail/empty.eml', u8(['From: a@b', 'Subject: nothing', '', 'no attachments'].join(CRLF)));
    w('mail/broken.eml', u8('this is not a mail at all'));

    const innerZip = zipSync({ 'deeper.xlsx': await workbook('deep') });
    const batch = buildZip([
      { name: 'HQ1/report.xlsx', data: await workbook('hq1'), dosDate: 0x5b6e, dosTime: 0x4800 },
      {
        name: gbk('HQ2/邮件.eml'),
        data: eml('赵六', 'Sat, 15 Nov 2026 09:30 +0800', [['附件.xlsx', await workbook('zip>eml')]]),
        flags: 0,
      },
      { name: 'nested.zip', data: innerZip },
      { name: '__MACOSX/HQ1/._report.xlsx', data: u8('resource fork') },
      { name: 'HQ1/.hidden.xlsx', data: u8('x') },
      { name: 'readme.txt', data: u8('read me') },
      { name: 'HQ3/', data: new Uint8Array(0), method: 0 },
    ]);
    w('batch.zip', batch);
    w('bad.zip', u8('PK\x03\x04 truncated'));
    // zip > zip > zip > zip > xlsx: the fourth level is too deep
    let nest: Uint8Array = await workbook('too deep');
    nest = zipSync({ 'l4.xlsx': nest });
    nest = zipSync({ 'l3.zip': nest });
    nest = zipSync({ 'l2.zip': nest });
    w('deep.zip', zipSync({ 'l1.zip': nest }));
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('walks folders in a stable order and skips what is not a workbook, with reasons', async () => {
    const { items, ignored } = await collectInputs([path.join(root, '报送')]);
    const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
    expect(items.map((i) => rel(i.file))).toEqual([
      '报送/a/10.xlsx',
      '报送/a/2.xlsx',
      '报送/a/宏.xlsm',
      '报送/b/城关镇.xlsx',
      '报送/旧表.xls',
    ]);
    expect(ignored.map((i) => [rel(i.file), message(i.reason)])).toEqual([
      ['报送/.DS_Store', '隐藏文件，已忽略'],
      ['报送/.hidden', '隐藏文件，已忽略'],
      ['报送/README', '不是 .xlsx 工作簿（无扩展名），已忽略'],
      ['报送/a/~$2.xlsx', 'Office 临时锁定文件（~$ 开头），已忽略'],
      ['报送/二进制.xlsb', '是 .xlsb 二进制工作簿，请另存为 .xlsx 后重新报送'],
      ['报送/说明.docx', '不是 .xlsx 工作簿（.docx），已忽略'],
    ]);
    const town = items.find((i) => i.file.endsWith('城关镇.xlsx'))!;
    expect(town.mtime?.toISOString()).toBe('2026-11-10T08:00:00.000Z');
    expect(town.receivedAt).toBeUndefined();
    expect(firstCell(town.bytes)).toBe('城关镇');
    // .xls is passed through so that the reader names the problem against the file
    const xls = items.find((i) => i.file.endsWith('.xls'))!;
    expect(() => readXlsx(xls.bytes)).toThrow(expect.objectContaining({ code: 'file.xls' }));
  });

  it('takes workbooks out of e-mails, with the date and sender of the message', async () => {
    const { items, ignored } = await collectInputs([
      path.join(root, 'mail/a.eml'),
      path.join(root, 'mail/empty.eml'),
      path.join(root, 'mail/broken.eml'),
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]!.file).toBe(`${path.join(root, 'mail/a.eml')} › 进展表.xlsx`);
    expect(items[0]!.receivedAt?.toISOString()).toBe('2026-11-14T02:00:00.000Z');
    expect(items[0]!.sender).toBe('王五 <unit@example.cn>');
    expect(items[0]!.mtime).toBeUndefined();
    expect(firstCell(items[0]!.bytes)).toBe('from mail');
    expect(ignored.map((i) => [path.basename(i.file), message(i.reason)])).toEqual([
      ['a.eml › 照片.jpg', '不是 .xlsx 工作簿（.jpg），已忽略'],
      ['empty.eml', '邮件中没有附件，已忽略'],
      ['broken.eml', '邮件文件已损坏或格式不对，无法读取，已忽略'],
    ]);
  });

  it('expands zip archives: workbooks, e-mails inside them, nested zips', async () => {
    const zipPath = path.join(root, 'batch.zip');
    const { items, ignored } = await collectInputs([zipPath]);
    const shown = (f: string) => f.slice(zipPath.length);
    expect(items.map((i) => shown(i.file))).toEqual([
      ' › HQ1/report.xlsx',
      ' › HQ2/邮件.eml › 附件.xlsx',
      ' › nested.zip › deeper.xlsx',
    ]);
    expect(items.map((i) => firstCell(i.bytes))).toEqual(['hq1', 'zip>eml', 'deep']);
    const [hq1, fromMail] = items;
    // DOS time 0x5b6e/0x4800 = 2025-11-14 09:00:00 local time
    expect(hq1!.mtime?.getFullYear()).toBe(2025);
    expect(hq1!.mtime?.getHours()).toBe(9);
    expect(fromMail!.sender).toBe('赵六 <unit@example.cn>');
    expect(fromMail!.receivedAt?.toISOString()).toBe('2026-11-15T01:30:00.000Z');
    expect(ignored.map((i) => [shown(i.file), message(i.reason)])).toEqual([
      [' › HQ1/.hidden.xlsx', '隐藏文件，已忽略'],
      [' › __MACOSX/HQ1/._report.xlsx', 'macOS 压缩时附带的系统文件，已忽略'],
      [' › readme.txt', '不是 .xlsx 工作簿（.txt），已忽略'],
    ]);
  });

  it('limits container depth to 3, reports broken archives and missing paths', async () => {
    const { items, ignored } = await collectInputs([
      path.join(root, 'deep.zip'),
      path.join(root, 'bad.zip'),
      path.join(root, 'nope.xlsx'),
    ]);
    expect(items).toEqual([]);
    expect(ignored.map((i) => [path.relative(root, i.file), message(i.reason)])).toEqual([
      ['deep.zip › l1.zip › l2.zip › l3.zip', '压缩包或邮件嵌套超过 3 层，已忽略'],
      ['bad.zip', '压缩包已损坏，无法打开，已忽略'],
      ['nope.xlsx', '文件不存在'],
    ]);
  });

  it('lists a file reached twice once, and never modifies inputs', async () => {
    const file = path.join(root, '报送/a/2.xlsx');
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    const { items } = await collectInputs([path.join(root, '报送/a'), file]);
    expect(items.filter((i) => i.file.endsWith('2.xlsx'))).toHaveLength(1);
    expect(readFileSync(file)).toEqual(before);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it('takes the time the mailbox received a fetched message from the record beside it, and lists no bookkeeping', async () => {
    const dir = path.join(root, '收件');
    mkdirSync(dir, { recursive: true });
    const name = '20261113-091231 物流园 #16.eml';
    writeFileSync(
      path.join(dir, name),
      eml('罗敏', 'Thu, 12 Nov 2026 10:00:00 +0800', [['进展.xlsx', await workbook('late')]]),
    );
    writeFileSync(
      path.join(dir, `${name}.json`),
      JSON.stringify({ kind: 'kpd-mail', file: name, uid: 16, internalDate: '2026-11-13T01:12:31.000Z' }),
    );
    writeFileSync(path.join(dir, '.kpd-mail.json'), '{}');
    // A .json that is no message's record is an input like any other.
    writeFileSync(path.join(dir, '别的.json'), '{}');
    const { items, ignored } = await collectInputs([dir]);
    expect(items.map((i) => [path.basename(i.file), i.receivedAt?.toISOString()])).toEqual([
      [`${name} › 进展.xlsx`, '2026-11-13T01:12:31.000Z'],
    ]);
    expect(ignored.map((i) => [path.basename(i.file), message(i.reason)])).toEqual([
      ['别的.json', '不是 .xlsx 工作簿（.json），已忽略'],
    ]);
    // Without its record the message's own Date is the time, as before.
    const alone = await collectInputs([path.join(dir, name)]);
    expect(alone.items[0]?.receivedAt?.toISOString()).toBe('2026-11-13T01:12:31.000Z');
    rmSync(path.join(dir, `${name}.json`));
    const bare = await collectInputs([path.join(dir, name)]);
    expect(bare.items[0]?.receivedAt?.toISOString()).toBe('2026-11-12T02:00:00.000Z');
  });
});
