import { encodeGbk } from '../../scripts/examples/eml.js';

/**
 * E-mail messages as Chinese mail clients write them: GBK everywhere, names split over RFC 2231
 * continuations, raw 8-bit GBK in headers (old Foxmail), the Date in any zone.
 */

const CRLF = '\r\n';
const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
const wrap76 = (s: string): string => s.replace(/.{76}/gu, `$&${CRLF}`);

/** RFC 2047 encoded word in GBK, base64. */
export const gbkWord = (s: string): string => `=?GBK?B?${b64(encodeGbk(s))}?=`;

/** RFC 2047 encoded word in GB2312, quoted-printable (another common client habit). */
export const gbkQWord = (s: string): string =>
  `=?gb2312?Q?${[...encodeGbk(s)].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')}?=`;

/** `name*0*=GBK''%..; name*1*=%..` — an RFC 2231 parameter split into continuations of `per` bytes. */
export function rfc2231(param: string, value: string, per = 12): string {
  const pct = [...encodeGbk(value)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`);
  const pieces: string[] = [];
  for (let i = 0; i < pct.length; i += per) pieces.push(pct.slice(i, i + per).join(''));
  return pieces.map((p, i) => `${param}*${i}*=${i === 0 ? "GBK''" : ''}${p}`).join(`;${CRLF}\t`);
}

/** How an attachment's name is written; 'forwarded' is a message/rfc822 part with no name at all. */
export type NameStyle = 'rfc2231' | 'rfc2047' | 'raw-gbk' | 'forwarded';

export interface MailAttachment {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly style?: NameStyle;
  readonly contentType?: string;
}

export interface Mail {
  /** The From header as written (use gbkWord for an encoded display name). */
  readonly from: string;
  readonly subject: string;
  /** RFC 5322 date, e.g. "Thu, 12 Nov 2026 23:30:00 +0800". */
  readonly date: string;
  readonly attachments: readonly MailAttachment[];
  /** The multipart boundary; a message forwarded inside another needs its own. */
  readonly boundary?: string;
}

function nameParams(a: MailAttachment): { type: string; disposition: string } {
  switch (a.style ?? 'rfc2231') {
    case 'rfc2231':
      return { type: rfc2231('name', a.name), disposition: rfc2231('filename', a.name) };
    case 'rfc2047':
      return { type: `name="${gbkWord(a.name)}"`, disposition: `filename="${gbkWord(a.name)}"` };
    case 'raw-gbk':
      return { type: `name="${rawGbk(a.name)}"`, disposition: `filename="${rawGbk(a.name)}"` };
    case 'forwarded':
      return { type: '', disposition: '' };
  }
}

/** Text written into a header as raw 8-bit GBK bytes, unencoded (what old clients send). */
export const rawGbk = (s: string): string => `\u0001${s}\u0001`;

/** The message as bytes; text marked with rawGbk becomes GBK bytes, the rest is ASCII. */
export function mailBytes(m: Mail): Uint8Array {
  const boundary = m.boundary ?? '----=_Part_KPD_TEST';
  const lines = [
    `From: ${m.from}`,
    'To: zdxmb@example.cn',
    `Subject: ${m.subject}`,
    `Date: ${m.date}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed;${CRLF}\tboundary="${boundary}"`,
    '',
    'This is a multi-part message in MIME format.',
    `--${boundary}`,
    'Content-Type: text/plain; charset="gb2312"',
    'Content-Transfer-Encoding: base64',
    '',
    b64(encodeGbk('附件是本指挥部半月进展报表，请查收。')),
  ];
  for (const a of m.attachments) {
    if (a.style === 'forwarded') {
      // As clients forward a message "as attachment": no name, the message itself as the body.
      const body = Buffer.from(a.bytes).toString('latin1');
      lines.push(
        `--${boundary}`,
        'Content-Type: message/rfc822',
        'Content-Disposition: attachment',
        '',
        body,
      );
      continue;
    }
    const p = nameParams(a);
    lines.push(
      `--${boundary}`,
      `Content-Type: ${a.contentType ?? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'};${CRLF}\t${p.type}`,
      'Content-Transfer-Encoding: base64',
      `Content-Disposition: attachment;${CRLF}\t${p.disposition}`,
      '',
      wrap76(b64(a.bytes)),
    );
  }
  lines.push(`--${boundary}--`, '');
  const pieces = lines.join(CRLF).split('\u0001');
  return Buffer.concat(pieces.map((t, i) => (i % 2 === 1 ? encodeGbk(t) : new TextEncoder().encode(t))));
}
