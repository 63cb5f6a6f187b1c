/**
 * E-mail messages as Chinese mail clients send them, for the tests of kpd mail: GBK subjects and
 * sender names (RFC 2047), attachment names in GBK per RFC 2231 or RFC 2047, or UTF-8.
 */
import { encodeGbk } from '../../scripts/examples/eml.js';

export interface Attachment {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** How the name is written: RFC 2231 in GBK (Foxmail, Coremail), RFC 2047 in GBK (Outlook), UTF-8 2231. */
  readonly nameStyle?: 'gbk2231' | 'gbk2047' | 'utf8';
}

export interface MessageSpec {
  readonly from: string;
  readonly address: string;
  readonly subject: string;
  /** The Date header, China time "2026-11-11 17:32:10". */
  readonly date: string;
  readonly messageId?: string;
  readonly text?: string;
  readonly attachments?: readonly Attachment[];
}

const CRLF = '\r\n';
const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
const wrap = (s: string): string => s.replace(/.{76}/gu, `$&${CRLF}`);

function percent(bytes: Uint8Array): string {
  return [...bytes]
    .map((b) =>
      b < 0x80 && /[A-Za-z0-9.\-_]/u.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

function nameParams(a: Attachment): { type: string; disposition: string } {
  switch (a.nameStyle ?? 'gbk2231') {
    case 'gbk2231': {
      const v = percent(encodeGbk(a.name));
      return { type: `name*=GBK''${v}`, disposition: `filename*=GBK''${v}` };
    }
    case 'gbk2047': {
      const v = `=?GBK?B?${b64(encodeGbk(a.name))}?=`;
      return { type: `name="${v}"`, disposition: `filename="${v}"` };
    }
    case 'utf8': {
      const v = percent(new TextEncoder().encode(a.name));
      return { type: `name*=UTF-8''${v}`, disposition: `filename*=UTF-8''${v}` };
    }
  }
}

/** An RFC 5322 date with +0800 from China time. */
export function rfcDate(cst: string): string {
  const d = new Date(`${cst.replace(' ', 'T')}+08:00`);
  return new Date(d.getTime() + 8 * 3_600_000).toUTCString().replace('GMT', '+0800');
}

/** The instant of a China time ("2026-11-11 17:32:10"). */
export const cstInstant = (cst: string): Date => new Date(`${cst.replace(' ', 'T')}+08:00`);

export function mimeMessage(m: MessageSpec): Uint8Array {
  const boundary = '----=_Part_KPD_TEST';
  const atts = m.attachments ?? [];
  const head = [
    `From: =?GBK?B?${b64(encodeGbk(m.from))}?= <${m.address}>`,
    'To: zdxmb@example.cn',
    `Subject: =?GBK?B?${b64(encodeGbk(m.subject))}?=`,
    `Date: ${rfcDate(m.date)}`,
    'MIME-Version: 1.0',
    ...(m.messageId !== undefined ? [`Message-ID: <${m.messageId}>`] : []),
  ];
  const text = wrap(b64(encodeGbk(m.text ?? '请查收。')));
  if (atts.length === 0) {
    const lines = [
      ...head,
      'Content-Type: text/plain; charset="GBK"',
      'Content-Transfer-Encoding: base64',
      '',
      text,
      '',
    ];
    return new TextEncoder().encode(lines.join(CRLF));
  }
  const lines = [
    ...head,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset="GBK"',
    'Content-Transfer-Encoding: base64',
    '',
    text,
  ];
  for (const a of atts) {
    const p = nameParams(a);
    lines.push(
      `--${boundary}`,
      `Content-Type: application/octet-stream; ${p.type}`,
      'Content-Transfer-Encoding: base64',
      `Content-Disposition: attachment; ${p.disposition}`,
      '',
      wrap(b64(a.bytes)),
    );
  }
  lines.push(`--${boundary}--`, '');
  return new TextEncoder().encode(lines.join(CRLF));
}
