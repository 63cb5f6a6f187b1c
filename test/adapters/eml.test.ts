import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEml, parseMailDate, parseParams, decodeWords } from '../../src/adapters/eml.js';
import { UnusableFileError } from '../../src/adapters/errors.js';
import { concat, gbk, u8 } from './helpers.js';

const CRLF = '\r\n';
const b64 = (b: Uint8Array | string): string =>
  Buffer.from(typeof b === 'string' ? u8(b) : b).toString('base64');
const wrap76 = (s: string): string => s.replace(/.{76}/g, `$&${CRLF}`);
const pct = (b: Uint8Array): string =>
  [...b].map((x) => `%${x.toString(16).toUpperCase().padStart(2, '0')}`).join('');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const payload = new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 37) & 0xff));

const mail = (...lines: (string | Uint8Array)[]): Uint8Array => concat(...lines.flatMap((l) => [l, CRLF]));

describe('parseEml', () => {
  it('a Foxmail-style message: GBK RFC 2047 subject/from/name, base64 attachment, +0800 date', () => {
    const m = parseEml(
      mail(
        `From: =?GBK?B?${b64(gbk('城关镇指挥部'))}?= <cgz@example.cn>`,
        'To: zdxmb@example.cn',
        `Subject: =?gb2312?B?${b64(gbk('11月上半月进展'))}?=`,
        'Date: Thu, 13 Nov 2026 09:12:31 +0800',
        'Message-ID: <abc.123@example.cn>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed;',
        '\tboundary="----=_NextPart_000_0001"',
        '',
        'This is a multi-part message in MIME format.',
        '------=_NextPart_000_0001',
        'Content-Type: text/plain; charset="gb2312"',
        'Content-Transfer-Encoding: base64',
        '',
        b64(gbk('请查收附件。')),
        '------=_NextPart_000_0001',
        `Content-Type: ${XLSX};`,
        `\tname="=?GBK?B?${b64(gbk('进展表.xlsx'))}?="`,
        'Content-Transfer-Encoding: base64',
        'Content-Disposition: attachment;',
        `\tfilename="=?GBK?B?${b64(gbk('进展表.xlsx'))}?="`,
        '',
        wrap76(b64(payload)),
        '------=_NextPart_000_0001--',
      ),
    );
    expect(m.from).toBe('城关镇指挥部 <cgz@example.cn>');
    expect(m.subject).toBe('11月上半月进展');
    expect(m.messageId).toBe('<abc.123@example.cn>');
    expect(m.date?.toISOString()).toBe('2026-11-13T01:12:31.000Z');
    expect(m.text).toBe('请查收附件。');
    expect(m.attachments).toHaveLength(1);
    expect(m.attachments[0]!.filename).toBe('进展表.xlsx');
    expect(m.attachments[0]!.contentType).toBe(XLSX);
    expect(m.attachments[0]!.bytes).toEqual(payload);
  });

  it('RFC 2231 GBK names, with continuations, and a plain name= beside them', () => {
    const name = gbk('重点项目进展表（更正）.xlsx');
    const m = parseEml(
      mail(
        'From: a@example.cn',
        'Subject: test',
        'Content-Type: multipart/mixed; boundary=b1',
        '',
        '--b1',
        `Content-Type: ${XLSX}; name="fallback.xlsx"`,
        'Content-Transfer-Encoding: base64',
        `Content-Disposition: attachment; filename*0*=gbk''${pct(name.subarray(0, 7))};`,
        ` filename*1*=${pct(name.subarray(7, 15))};`,
        ` filename*2*=${pct(name.subarray(15))}`,
        '',
        b64(payload),
        '--b1',
        `Content-Type: application/octet-stream; name*=GBK''${pct(gbk('你好.xlsx'))}`,
        'Content-Transfer-Encoding: base64',
        '',
        b64('x'),
        '--b1--',
      ),
    );
    expect(m.attachments.map((a) => a.filename)).toEqual(['重点项目进展表（更正）.xlsx', '你好.xlsx']);
    expect(m.attachments[0]!.bytes).toEqual(payload);
  });

  it('raw 8-bit GBK bytes in headers (Chinese clients that skip RFC 2047)', () => {
    const m = parseEml(
      mail(
        concat('From: ', gbk('张三'), ' <zs@example.cn>'),
        concat('Subject: ', gbk('报送：城关镇进展')),
        'Content-Type: multipart/mixed; boundary="raw"',
        '',
        '--raw',
        concat('Content-Type: application/octet-stream; name="', gbk('城关镇.xlsx'), '"'),
        concat('Content-Disposition: attachment; filename="', gbk('城关镇.xlsx'), '"'),
        'Content-Transfer-Encoding: base64',
        '',
        b64(payload),
        '--raw--',
      ),
    );
    expect(m.from).toBe('张三 <zs@example.cn>');
    expect(m.subject).toBe('报送：城关镇进展');
    expect(m.attachments[0]!.filename).toBe('城关镇.xlsx');
    // raw UTF-8 works too
    const u = parseEml(mail('Subject: 直接写的中文', 'From: x@y', '', 'body'));
    expect(u.subject).toBe('直接写的中文');
  });

  it('quoted-printable text and attachments, and Q-encoded words', () => {
    const m = parseEml(
      mail(
        'From: =?utf-8?Q?=E6=9D=8E=E5=9B=9B?= <ls@example.cn>',
        'Subject: =?UTF-8?Q?=E8=BF=9B=E5=B1=95_=E6=8A=A5=E8=A1=A8?=',
        'Content-Type: multipart/mixed; boundary=q',
        '',
        '--q',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        '=E8=AF=B7=E6=9F=A5=E6=94=B6=EF=BC=8C=E8=B0=A2=E8=B0=A2=E3=80=82 a very long line th=',
        'at was soft-broken, and a=3Db   ',
        'second line',
        '--q',
        'Content-Type: text/csv; name=data.csv',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'a,b=0D',
        'c=2Cd',
        '--q--',
      ),
    );
    expect(m.from).toBe('李四 <ls@example.cn>');
    expect(m.subject).toBe('进展 报表');
    expect(m.text).toBe('请查收，谢谢。 a very long line that was soft-broken, and a=b\r\nsecond line');
    expect(new TextDecoder().decode(m.attachments[0]!.bytes)).toBe('a,b\r\r\nc,d');
  });

  it('nested multiparts: mixed inside alternative inside mixed, with quoted boundaries', () => {
    const m = parseEml(
      mail(
        'From: a@b',
        'Content-Type: multipart/mixed; boundary="outer boundary"',
        '',
        'preamble',
        '--outer boundary',
        'Content-Type: multipart/alternative; boundary="alt"',
        '',
        '--alt',
        'Content-Type: text/plain; charset=utf-8',
        '',
        '正文',
        '--alt',
        'Content-Type: multipart/mixed; boundary=inner',
        '',
        '--inner',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>正文</p>',
        '--inner',
        `Content-Type: ${XLSX}; name="内层.xlsx"`,
        'Content-Transfer-Encoding: base64',
        '',
        b64(payload),
        '--inner--',
        '--alt--',
        '--outer boundary',
        `Content-Type: ${XLSX}`,
        'Content-Disposition: attachment; filename="外层.xlsx"',
        'Content-Transfer-Encoding: base64',
        '',
        b64('outer'),
        '--outer boundary--',
        'epilogue',
      ),
    );
    expect(m.text).toBe('正文');
    expect(m.attachments.map((a) => a.filename)).toEqual(['内层.xlsx', '外层.xlsx']);
    expect(m.attachments[0]!.bytes).toEqual(payload);
    expect(new TextDecoder().decode(m.attachments[1]!.bytes)).toBe('outer');
  });

  it('attached messages, path-laden names, LF line endings, missing closing boundary', () => {
    const inner = ['From: x@y', 'Subject: =?utf-8?B?' + b64('原始邮件') + '?=', '', 'hi'].join('\n');
    const text = [
      'From: a@b',
      'Content-Type: multipart/mixed; boundary=z',
      '',
      '--z',
      'Content-Type: message/rfc822',
      '',
      inner,
      '--z',
      'Content-Type: application/octet-stream; name="C:\\Users\\张三\\Desktop\\报表.xlsx"',
      '',
      'raw bytes',
    ].join('\n');
    const m = parseEml(u8(text));
    expect(m.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['原始邮件.eml', 'message/rfc822'],
      ['报表.xlsx', 'application/octet-stream'],
    ]);
    expect(new TextDecoder().decode(m.attachments[1]!.bytes)).toBe('raw bytes');
  });

  it('limits and junk: deep nesting, too many parts, not a message', () => {
    let body = 'x';
    for (let i = 30; i >= 0; i--)
      body = `Content-Type: multipart/mixed; boundary=b${i}\r\n\r\n--b${i}\r\n${body}\r\n--b${i}--`;
    const deep = u8(`From: a@b\r\n${body}`);
    expect(() => parseEml(deep)).toThrow(UnusableFileError);
    expect(() => parseEml(deep, { maxDepth: 40 })).not.toThrow();
    const many = mail(
      'From: a@b',
      'Content-Type: multipart/mixed; boundary=m',
      '',
      ...Array.from({ length: 20 }, () => '--m\r\n\r\nx'),
      '--m--',
    );
    expect(() => parseEml(many, { maxParts: 10 })).toThrow(/MIME parts/);
    expect(() => parseEml(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0xff]))).toThrow(UnusableFileError);
    expect(() => parseEml(u8('just a text file\nwith lines\n'))).toThrow(UnusableFileError);
    expect(() => parseEml(u8('From: a@b\r\n'), { maxBytes: 5 })).toThrow(UnusableFileError);
  });

  it('never throws anything but UnusableFileError on mutated messages', () => {
    const base = new TextDecoder('latin1').decode(
      mail(
        'From: =?GBK?B?' + b64(gbk('张三')) + '?= <a@b>',
        'Date: Thu, 13 Nov 2026 09:12 +0800',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        `Content-Type: ${XLSX}; name*0*=gbk''${pct(gbk('表'))}; name*1*=.xlsx`,
        'Content-Transfer-Encoding: base64',
        '',
        b64(payload),
        '--b--',
      ),
    );
    fc.assert(
      fc.property(fc.nat(base.length), fc.nat(20), fc.string({ maxLength: 10 }), (at, del, ins) => {
        const text = base.slice(0, at) + ins + base.slice(at + del);
        try {
          parseEml(Buffer.from(text, 'latin1'));
        } catch (e) {
          if (!(e instanceof UnusableFileError)) throw e;
          expect(e.detail).not.toMatch(/^unexpected failure/);
        }
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});

describe('parseMailDate', () => {
  const iso = (s: string) => parseMailDate(s)?.toISOString();
  it('RFC 5322 and the usual deviations', () => {
    expect(iso('Thu, 13 Nov 2026 09:12:31 +0800')).toBe('2026-11-13T01:12:31.000Z');
    expect(iso('13 Nov 2026 09:12:31 +0800')).toBe('2026-11-13T01:12:31.000Z');
    expect(iso('Thu, 13 Nov 2026 09:12 +0800')).toBe('2026-11-13T01:12:00.000Z');
    expect(iso('Thu, 13 Nov 2026 09:12:31 GMT+0800')).toBe('2026-11-13T01:12:31.000Z');
    expect(iso('Thu, 13 Nov 2026 09:12:31 GMT+8')).toBe('2026-11-13T01:12:31.000Z');
    expect(iso('Thu, 13 Nov 2026 09:12:31 +0800 (CST)')).toBe('2026-11-13T01:12:31.000Z');
    expect(iso('Thu, 13 Nov 2026 09:12:31 (CST)')).toBe('2026-11-13T01:12:31.000Z');
    expect(iso('Thu, 13 Nov 2026 01:12:31 GMT')).toBe('2026-11-13T01:12:31.000Z');
    expect(iso('Wed, 12 Nov 2026 20:12:31 -0500')).toBe('2026-11-13T01:12:31.000Z');
    expect(iso('Thu, 13 November 26 09:12:31 +08:00')).toBe('2026-11-13T01:12:31.000Z');
    expect(iso('Thu, 13 Nov 2026 09:12:31')).toBe('2026-11-13T01:12:31.000Z'); // no zone: China time
    expect(iso('2026-11-13T09:12:31+08:00')).toBe('2026-11-13T01:12:31.000Z');
    expect(iso('')).toBeUndefined();
    expect(iso('yesterday')).toBeUndefined();
    expect(iso('Thu, 45 Nov 2026 09:12:31 +0800')).toBeUndefined();
  });
});

describe('header helpers', () => {
  it('decodeWords joins split multi-byte words and drops whitespace between words only', () => {
    const bytes = u8('重点项目');
    const w1 = `=?UTF-8?B?${b64(bytes.subarray(0, 4))}?=`;
    const w2 = `=?UTF-8?B?${b64(bytes.subarray(4))}?=`;
    expect(decodeWords(`${w1}\r\n ${w2}`)).toBe('重点项目');
    expect(decodeWords(`前 ${w1}${w2} 后`)).toBe('前 重点项目 后');
    expect(decodeWords('=?big5?B?' + Buffer.from([0xa4, 0xa4]).toString('base64') + '?=')).toBe('中');
    expect(decodeWords('=?gb18030?B?' + b64(gbk('进展')) + '?=')).toBe('进展');
    expect(decodeWords('=?x-unknown?B?' + b64('ok') + '?=')).toBe('ok');
  });

  it('parseParams handles quoting, escapes and case', () => {
    const p = parseParams('Attachment; FileName="a \\"b\\"; c.xlsx"; size=12');
    expect(p.value).toBe('Attachment');
    expect(p.params.get('filename')).toBe('a "b"; c.xlsx');
    expect(p.params.get('size')).toBe('12');
    expect(parseParams("attachment; filename*=utf-8'zh-cn'%E8%A1%A8.xlsx").params.get('filename')).toBe(
      '表.xlsx',
    );
    expect(parseParams('x; __proto__=1; constructor=2').params.get('__proto__')).toBe('1');
  });
});
