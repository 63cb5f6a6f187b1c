/**
 * A small MIME (.eml) reader: headers, nested multiparts, attachments. Enough for the mail that a
 * county office receives from Outlook, Foxmail, NetEase/QQ webmail and phone clients, which
 * means tolerating GBK everywhere: RFC 2047 encoded words, RFC 2231 parameters (with
 * continuations), and raw 8-bit GBK bytes straight in the headers.
 *
 * The message is handled as a "binary string" (one char per byte, ISO-8859-1), so structure is
 * found with plain string searches and every byte range converts back exactly. Runs in Node and,
 * for the task pane, in a browser (./binary.ts).
 */
import { base64Bytes, latin1Bytes, latin1String } from './binary.js';
import type { ByteBudget } from './budget.js';
import { UnusableFileError } from './errors.js';

interface EmlAttachment {
  /** Decoded file name, path components removed, e.g. "进展表.xlsx". */
  readonly filename: string;
  /** Lower-case MIME type, e.g. "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet". */
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

export interface ParsedEml {
  readonly date?: Date;
  /**
   * The Date header as written, when it is there but names no real moment (`30 Feb 2026`,
   * `32 Jan`, `25:00`, garbage): then `date` is absent, never a day rolled over into the next month.
   */
  readonly badDate?: string;
  /** Decoded From header, e.g. `张三 <zhangsan@example.cn>`. */
  readonly from?: string;
  readonly subject?: string;
  readonly messageId?: string;
  /** The first text/plain body that is not an attachment, decoded. */
  readonly text?: string;
  /** Every leaf part with a file name (and every attached message/rfc822, named after its subject). */
  readonly attachments: EmlAttachment[];
}

export interface EmlLimits {
  readonly maxBytes: number;
  readonly maxParts: number;
  readonly maxDepth: number;
}

const DEFAULT_EML_LIMITS: EmlLimits = Object.freeze({
  maxBytes: 100 * 1024 * 1024,
  maxParts: 1_000,
  maxDepth: 20,
});

const corrupt = (detail: string) => new UnusableFileError('file.corrupt', detail);

interface EmlOptions extends Partial<EmlLimits> {
  /** The run's budget (./budget.ts): every attachment decoded draws its size on it. */
  readonly budget?: ByteBudget;
}

export function parseEml(bytes: Uint8Array, limits?: EmlOptions): ParsedEml {
  try {
    return parseMessage(bytes, limits);
  } catch (e) {
    if (e instanceof UnusableFileError) throw e;
    throw corrupt(
      `unexpected failure while reading the message: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

function parseMessage(bytes: Uint8Array, limits: EmlOptions | undefined): ParsedEml {
  const lim: EmlLimits = { ...DEFAULT_EML_LIMITS, ...limits };
  if (bytes.length > lim.maxBytes) throw corrupt(`message larger than ${lim.maxBytes} bytes`);
  let bin = latin1String(bytes);
  if (bin.startsWith('\xef\xbb\xbf')) bin = bin.slice(3);
  if (bin.startsWith('From ')) bin = bin.slice(lineEnd(bin, 0)); // mbox separator line

  const top = splitPart(bin, 0, bin.length);
  if (top.headers.size === 0) throw corrupt('not an e-mail message: no headers');
  const known = [
    'from',
    'date',
    'subject',
    'to',
    'received',
    'message-id',
    'mime-version',
    'content-type',
    'return-path',
  ];
  if (!known.some((h) => top.headers.has(h))) throw corrupt('not an e-mail message: no mail headers');

  const state: WalkState = { parts: 0, attachments: [], text: undefined, lim, budget: limits?.budget };
  walk(bin, top, 0, state);

  const header = (name: string) => {
    const v = top.headers.get(name);
    return v === undefined ? undefined : decodeWords(v).replace(/\s+/g, ' ').trim();
  };
  const dateHeader = (top.headers.get('date') ?? '').trim();
  const date = parseMailDate(dateHeader);
  const from = header('from');
  const subject = header('subject');
  const messageId = top.headers.get('message-id')?.trim();
  return {
    ...(date ? { date } : {}),
    ...(!date && dateHeader !== '' ? { badDate: dateHeader.slice(0, 80) } : {}),
    ...(from ? { from } : {}),
    ...(subject !== undefined ? { subject } : {}),
    ...(messageId ? { messageId } : {}),
    ...(state.text !== undefined ? { text: state.text } : {}),
    attachments: state.attachments,
  };
}

// ---------------------------------------------------------------------------------------------
// Structure

interface Part {
  /** Lower-case header name → first value, unfolded, raw bytes decoded (UTF-8, else GBK). */
  readonly headers: Map<string, string>;
  readonly bodyStart: number;
  readonly bodyEnd: number;
}

interface WalkState {
  parts: number;
  attachments: EmlAttachment[];
  text: string | undefined;
  readonly lim: EmlLimits;
  readonly budget: ByteBudget | undefined;
}

function lineEnd(s: string, from: number): number {
  const nl = s.indexOf('\n', from);
  return nl < 0 ? s.length : nl + 1;
}

/** Split [start, end) into headers and body at the first empty line. */
function splitPart(bin: string, start: number, end: number): Part {
  const headers = new Map<string, string>();
  let p = start;
  let name: string | undefined;
  let value = '';
  const flush = () => {
    if (name !== undefined && !headers.has(name)) headers.set(name, decodeRawHeader(value));
    name = undefined;
  };
  while (p < end) {
    const e = Math.min(lineEnd(bin, p), end);
    let line = bin.slice(p, e);
    p = e;
    line = line.replace(/\r?\n$/, '');
    if (line === '' || line === '\r') {
      flush();
      return { headers, bodyStart: p, bodyEnd: end };
    }
    const c = line.charCodeAt(0);
    if ((c === 32 || c === 9) && name !== undefined) {
      value += line; // unfolding: drop the line break, keep the whitespace
      continue;
    }
    flush();
    const colon = line.indexOf(':');
    if (colon > 0 && /^[\x21-\x39\x3b-\x7e]+$/.test(line.slice(0, colon).trimEnd())) {
      name = line.slice(0, colon).trim().toLowerCase();
      value = line.slice(colon + 1);
    } else if (headers.size === 0) {
      // Not a header line before any header: there are no headers, the whole thing is body.
      return { headers, bodyStart: start, bodyEnd: end };
    }
  }
  flush();
  return { headers, bodyStart: end, bodyEnd: end };
}

function walk(bin: string, part: Part, depth: number, st: WalkState): void {
  if (++st.parts > st.lim.maxParts) throw corrupt(`more than ${st.lim.maxParts} MIME parts`);
  if (depth > st.lim.maxDepth) throw corrupt(`MIME parts nested deeper than ${st.lim.maxDepth}`);
  const ct = parseParams(part.headers.get('content-type') ?? 'text/plain');
  const type = ct.value.toLowerCase() || 'text/plain';
  const boundary = ct.params.get('boundary');

  if (type.startsWith('multipart/') && boundary) {
    for (const [s, e] of splitMultipart(bin, part.bodyStart, part.bodyEnd, boundary)) {
      walk(bin, splitPart(bin, s, e), depth + 1, st);
    }
    return;
  }

  const disp = parseParams(part.headers.get('content-disposition') ?? '');
  let filename = disp.params.get('filename') ?? ct.params.get('name');
  const body = () => {
    // A decoded body is at most as long as its encoded text: drawn before it is made.
    st.budget?.take(part.bodyEnd - part.bodyStart, filename ?? 'message part');
    return decodeBody(bin, part.bodyStart, part.bodyEnd, part.headers.get('content-transfer-encoding'));
  };
  if (filename === undefined && type === 'message/rfc822') {
    // A forwarded message attached without a name: name it after its subject.
    const innerBin = latin1String(body());
    const inner = splitPart(innerBin, 0, innerBin.length);
    const subj = decodeWords(inner.headers.get('subject') ?? '')
      .replace(/[\\/]/g, '_')
      .trim();
    filename = `${subj || 'message'}.eml`;
  }
  if (filename !== undefined) {
    const clean = cleanFilename(filename);
    st.attachments.push({ filename: clean === '' ? 'attachment' : clean, contentType: type, bytes: body() });
    return;
  }
  if (type === 'text/plain' && st.text === undefined && disp.value.toLowerCase() !== 'attachment') {
    st.text = decodeCharset(body(), ct.params.get('charset') ?? 'utf-8');
  }
}

/**
 * Body ranges of a multipart: between delimiter lines `--boundary`, up to `--boundary--`.
 * Delimiters are searched for within this part's own body only (a slice, which V8 makes without
 * copying): a search for a boundary that is not there stops at the part's end, not at the end of
 * the message, so a message of many (empty) multiparts is read in time proportional to its size.
 */
function splitMultipart(bin: string, start: number, end: number, boundary: string): [number, number][] {
  const delim = `--${boundary}`;
  const out: [number, number][] = [];
  const body = bin.slice(start, end);
  const find = (from: number): number => {
    const k = body.indexOf(delim, from - start);
    return k < 0 ? -1 : k + start;
  };
  let partStart = -1;
  let p = start;
  for (;;) {
    let i = find(p);
    // A delimiter starts a line and is followed by "--", or by optional blanks and a line break.
    while (
      i >= 0 &&
      !((i === start || bin.charCodeAt(i - 1) === 10) && delimiterEnds(bin, i + delim.length))
    ) {
      i = find(i + 1);
    }
    if (i < 0) break;
    const close = bin.startsWith('--', i + delim.length);
    if (partStart >= 0) {
      // The line break before the delimiter belongs to the delimiter.
      let e = i;
      if (bin.charCodeAt(e - 1) === 10) e--;
      if (bin.charCodeAt(e - 1) === 13) e--;
      out.push([partStart, Math.max(partStart, e)]);
    }
    if (close) return out;
    partStart = Math.min(lineEnd(bin, i + delim.length), end);
    p = partStart;
  }
  if (partStart >= 0 && partStart < end) out.push([partStart, end]); // no closing delimiter: to the end
  return out;
}

function delimiterEnds(bin: string, at: number): boolean {
  if (bin.startsWith('--', at)) return true;
  let k = at;
  while (bin.charCodeAt(k) === 32 || bin.charCodeAt(k) === 9) k++;
  return k >= bin.length || bin.charCodeAt(k) === 13 || bin.charCodeAt(k) === 10;
}

function decodeBody(bin: string, start: number, end: number, cte: string | undefined): Uint8Array {
  const raw = bin.slice(start, end);
  const enc = (cte ?? '').trim().toLowerCase();
  if (enc === 'base64') return base64Bytes(raw);
  if (enc === 'quoted-printable') return qpDecode(raw, false);
  return latin1Bytes(raw);
}

function qpDecode(s: string, underscoreIsSpace: boolean): Uint8Array {
  const out = new Uint8Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 61 /* = */) {
      const h = s.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(h)) {
        out[n++] = parseInt(h, 16);
        i += 2;
        continue;
      }
      // soft line break: "=" then optional whitespace then CRLF/LF
      const m = /^[ \t]*\r?\n/.exec(s.slice(i + 1, i + 80));
      if (m) {
        i += m[0].length;
        continue;
      }
      out[n++] = c;
    } else if (c === 95 /* _ */ && underscoreIsSpace) {
      out[n++] = 32;
    } else if ((c === 32 || c === 9) && !underscoreIsSpace) {
      // trailing whitespace on a line is padding added in transport
      let j = i;
      while (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9) j++;
      const next = s.charCodeAt(j);
      if (next === 13 || next === 10 || j >= s.length) {
        i = j - 1;
        continue;
      }
      out[n++] = c;
    } else {
      out[n++] = c & 0xff;
    }
  }
  return out.slice(0, n);
}

// ---------------------------------------------------------------------------------------------
// Headers, words and parameters

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

/** Raw header bytes (latin1 string): ASCII as is, else UTF-8 when valid, else GBK. */
function decodeRawHeader(v: string): string {
  if (!/[\x80-\xff]/.test(v)) return v;
  const bytes = latin1Bytes(v);
  try {
    return utf8Fatal.decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

const CHARSET_ALIASES = new Map([
  ['gb2312', 'gbk'],
  ['gb_2312-80', 'gbk'],
  ['x-gbk', 'gbk'],
  ['cp936', 'gbk'],
  ['ms936', 'gbk'],
  ['euc-cn', 'gbk'],
  ['utf8', 'utf-8'],
  ['big5-hkscs', 'big5'],
  ['ascii', 'utf-8'],
  ['us-ascii', 'utf-8'],
]);

/** Decode bytes in a MIME charset; unknown charsets fall back to UTF-8 (then GBK if invalid). */
function decodeCharset(bytes: Uint8Array, charset: string): string {
  let label = charset.trim().toLowerCase();
  const star = label.indexOf('*'); // RFC 2231 language: utf-8*zh-cn
  if (star >= 0) label = label.slice(0, star);
  label = CHARSET_ALIASES.get(label) ?? label;
  if (label !== 'utf-8' && label !== 'utf8') {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // unknown charset label: fall through
    }
  }
  try {
    return utf8Fatal.decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

/**
 * Decode RFC 2047 encoded words. Whitespace between adjacent encoded words is dropped, and
 * adjacent words in the same charset are joined as bytes before decoding (clients split
 * multi-byte characters across words).
 */
export function decodeWords(v: string): string {
  if (!v.includes('=?')) return v;
  let out = '';
  let last = 0;
  let pending: { charset: string; bytes: number[] } | undefined;
  const flush = () => {
    if (pending) out += decodeCharset(Uint8Array.from(pending.bytes), pending.charset);
    pending = undefined;
  };
  for (const m of v.matchAll(ENCODED_WORD)) {
    const between = v.slice(last, m.index);
    if (!(pending && /^\s*$/.test(between))) {
      flush();
      out += between;
    }
    const charset = m[1]!.toLowerCase();
    const data = m[3]!;
    const bytes: Uint8Array = /[bB]/.test(m[2]!) ? base64Bytes(data) : qpDecode(data, true);
    if (pending && pending.charset === charset) for (const b of bytes) pending.bytes.push(b);
    else {
      flush();
      pending = { charset, bytes: Array.from(bytes) };
    }
    last = m.index + m[0].length;
  }
  flush();
  return out + v.slice(last);
}

interface Params {
  /** The value before the first `;`, e.g. `multipart/mixed` or `attachment`. */
  readonly value: string;
  /** Lower-case parameter name → decoded value (RFC 2231 and RFC 2047 applied). */
  readonly params: Map<string, string>;
}

/** Parse `value; a=b; c="d"; name*0*=gbk''%C4%E3; name*1*=%BA%C3` style headers. */
export function parseParams(header: string): Params {
  const pieces = splitParams(header);
  const value = pieces[0]!.trim();
  const { simple, segments } = collectParams(pieces.slice(1));
  const params = new Map<string, string>();
  for (const [k, v] of simple) params.set(k, decodeWords(v));
  // RFC 2231 wins over a plain parameter of the same name.
  for (const [base, segs] of segments) params.set(base, decodeWords(joinSegments(segs)));
  return { value, params };
}

/** The header cut at each `;` outside quotes. */
function splitParams(header: string): string[] {
  const pieces: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const ch = header[i]!;
    if (quoted) {
      // quoted-pair, but only before " or \ : Windows clients put unescaped paths in quotes
      if (ch === '\\' && (header[i + 1] === '"' || header[i + 1] === '\\')) {
        cur += header[++i];
        continue;
      }
      if (ch === '"') quoted = false;
      cur += ch;
    } else if (ch === '"') {
      quoted = true;
      cur += ch;
    } else if (ch === ';') {
      pieces.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  pieces.push(cur);
  return pieces;
}

type Segments = Map<number, { ext: boolean; raw: string }>;

/** Plain parameters (the first of a name wins) and RFC 2231 ones by base name → index → segment. */
function collectParams(pieces: readonly string[]): {
  simple: Map<string, string>;
  segments: Map<string, Segments>;
} {
  const simple = new Map<string, string>();
  const segments = new Map<string, Segments>();
  for (const piece of pieces) {
    const eq = piece.indexOf('=');
    if (eq < 0) continue;
    const key = piece.slice(0, eq).trim().toLowerCase();
    let raw = piece.slice(eq + 1).trim();
    if (raw.startsWith('"')) raw = raw.slice(1, raw.endsWith('"') && raw.length > 1 ? -1 : undefined);
    const m = /^([^*]+)\*(?:(\d{1,3})\*?)?$/.exec(key);
    if (m) {
      const base = m[1]!;
      const idx = m[2] === undefined ? 0 : Number(m[2]);
      const ext = m[2] === undefined || key.endsWith('*');
      let segs = segments.get(base);
      if (!segs) segments.set(base, (segs = new Map()));
      if (!segs.has(idx)) segs.set(idx, { ext, raw });
    } else if (!simple.has(key)) {
      simple.set(key, raw);
    }
  }
  return { simple, segments };
}

/** An RFC 2231 parameter's segments in order: percent-encoded ones decoded in the first one's charset. */
function joinSegments(segs: Segments): string {
  const ordered = [...segs.entries()].sort((a, b) => a[0] - b[0]);
  let charset = 'utf-8';
  let out = '';
  let bytes: number[] = [];
  ordered.forEach(([, seg], i) => {
    let raw = seg.raw;
    if (seg.ext && i === 0) {
      const m = /^([^']*)'[^']*'(.*)$/s.exec(raw);
      if (m) {
        charset = m[1] || 'utf-8';
        raw = m[2]!;
      }
    }
    if (seg.ext) {
      for (const b of percentDecode(raw)) bytes.push(b);
    } else {
      if (bytes.length) out += decodeCharset(Uint8Array.from(bytes), charset);
      bytes = [];
      out += raw;
    }
  });
  if (bytes.length) out += decodeCharset(Uint8Array.from(bytes), charset);
  return out;
}

const utf8Encoder = new TextEncoder();

function percentDecode(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 37 && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      out.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) {
      out.push(c);
    } else {
      for (const b of utf8Encoder.encode(s[i]!)) out.push(b);
    }
  }
  return out;
}

/** Strip directories ("C:\\Users\\x\\表.xlsx" → "表.xlsx"), control characters and outer whitespace. */
function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(/\p{Cc}/gu, '').trim();
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS = new Map([
  ['jan', 0],
  ['feb', 1],
  ['mar', 2],
  ['apr', 3],
  ['may', 4],
  ['jun', 5],
  ['jul', 6],
  ['aug', 7],
  ['sep', 8],
  ['oct', 9],
  ['nov', 10],
  ['dec', 11],
]);

const ZONES = new Map([
  ['ut', 0],
  ['utc', 0],
  ['gmt', 0],
  ['z', 0],
  ['est', -300],
  ['edt', -240],
  ['cdt', -300],
  ['mst', -420],
  ['mdt', -360],
  ['pst', -480],
  ['pdt', -420],
  // "CST" is US Central in RFC 822, but from Chinese mail clients it means China Standard Time.
  ['cst', 480],
  ['bjt', 480],
  ['hkt', 480],
]);

/** Minutes east of UTC assumed when a Date header carries no zone at all: China Standard Time. */
const DEFAULT_ZONE = 480;

/**
 * Parse an RFC 5322 date, tolerating what real clients send: no weekday, no seconds, two-digit
 * years, "GMT+0800" / "GMT+8" / "+08:00", trailing "(CST)" comments, full month names, and
 * ISO 8601. Returns undefined when nothing sensible can be read.
 */
export function parseMailDate(header: string): Date | undefined {
  const comments: string[] = [];
  const s = header
    .replace(/\(([^()]*)\)/g, (_, c: string) => {
      comments.push(c.trim());
      return ' ';
    })
    .replace(/\s+/g, ' ')
    .trim();
  if (s === '') return undefined;
  const m =
    /^(?:[A-Za-z]+,?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3})[A-Za-z]*\.?[\s-]+(\d{2,4}),?\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?\s*(.*)$/.exec(
      s,
    );
  if (!m) {
    const d = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}/.exec(s);
    // Date.parse rolls 2026-02-30 over to March: the day must exist.
    if (!d || Number(d[3]) < 1 || Number(d[3]) > daysInMonth(Number(d[1]), Number(d[2]) - 1))
      return undefined;
    const iso = Date.parse(s.replace(' ', 'T'));
    return Number.isNaN(iso) ? undefined : new Date(iso);
  }
  const day = Number(m[1]);
  const month = MONTHS.get(m[2]!.toLowerCase());
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  else if (m[3]!.length === 3) year += 1900;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (
    month === undefined ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 60
  )
    return undefined;
  let offset = zoneOffset(m[7]!.trim());
  if (offset === undefined) {
    offset = DEFAULT_ZONE;
    for (const c of comments) {
      const z = zoneOffset(c);
      if (z !== undefined) offset = z;
    }
  }
  const t = Date.UTC(year, month, day, hour, minute, second) - offset * 60_000;
  return Number.isNaN(t) ? undefined : new Date(t);
}

/** Days in a month (0-based), leap years included. */
function daysInMonth(year: number, month0: number): number {
  if (month0 < 0 || month0 > 11) return 0;
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/** "+0800", "-05:00", "GMT+8", "UTC+08:00", "GMT", "CST" → minutes east of UTC. */
function zoneOffset(z: string): number | undefined {
  if (z === '') return undefined;
  const m = /^(?:(?:GMT|UTC|UT)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?\b/i.exec(z);
  if (m) {
    const h = Number(m[2]);
    const min = m[3] === undefined ? 0 : Number(m[3]);
    if (h > 14 || min > 59) return undefined;
    return (m[1] === '-' ? -1 : 1) * (h * 60 + min);
  }
  const word = /^[A-Za-z]+/.exec(z)?.[0].toLowerCase();
  return word === undefined ? undefined : ZONES.get(word);
}
