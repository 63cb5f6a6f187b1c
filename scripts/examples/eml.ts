/** Builds an e-mail message as a Chinese mail client sends it: GBK subject, RFC 2231 GBK attachment name. */

const CRLF = '\r\n';

function gbkPercent(s: string): string {
  // Node's TextEncoder only does UTF-8; GBK bytes come from a small reverse map over TextDecoder.
  const bytes = encodeGbk(s);
  return [...bytes]
    .map((b) =>
      b < 0x80 && /[A-Za-z0-9.\-_]/u.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

let table: Map<string, number[]> | undefined;
export function encodeGbk(s: string): Uint8Array {
  if (!table) {
    table = new Map();
    const dec = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}

const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

export function toEml(m: {
  from: string;
  sentAt: string;
  subject: string;
  attachmentName: string;
  attachment: Uint8Array;
}): Uint8Array {
  const [d, t] = m.sentAt.split(' ');
  const date = new Date(`${d}T${t}+08:00`);
  // As a client in China writes it: local time with +0800.
  const rfc = new Date(date.getTime() + 8 * 3_600_000).toUTCString().replace('GMT', '+0800');
  const fromName = m.from.replace(/\s*<.*$/u, '');
  const fromAddr = /<(.*)>/u.exec(m.from)?.[1] ?? m.from;
  const boundary = '----=_NextPart_KPD_EXAMPLE';
  const body = b64(m.attachment).replace(/.{76}/gu, `$&${CRLF}`);
  const lines = [
    `From: =?GBK?B?${b64(encodeGbk(fromName))}?= <${fromAddr}>`,
    'To: zdxmb@example.cn',
    `Subject: =?GBK?B?${b64(encodeGbk(m.subject))}?=`,
    `Date: ${rfc}`,
    'MIME-Version: 1.0',
    `Message-ID: <${date.getTime()}.kpd@example.cn>`,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset="GBK"',
    'Content-Transfer-Encoding: base64',
    '',
    b64(encodeGbk('附件是本指挥部半月进展报表，请查收。')),
    `--${boundary}`,
    `Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; name*=GBK''${gbkPercent(m.attachmentName)}`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename*=GBK''${gbkPercent(m.attachmentName)}`,
    '',
    body,
    `--${boundary}--`,
    '',
  ];
  return new TextEncoder().encode(lines.join(CRLF));
}
