import { crc32, deflateRawSync } from 'node:zlib';
import { inflateSync } from 'fflate';

/**
 * A package we wrote ourselves (kpd score's copy of the master), changed in a few small parts:
 * the untouched entries are copied compressed as they are, only the changed and new parts are
 * deflated. Re-deflating a big master's sheets would cost seconds for a chart of a few KB.
 * Only plain archives are handled (no ZIP64, no data descriptors, no encryption): anything else
 * returns undefined and the caller re-zips the whole package.
 */

interface CentralEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly compressed: number;
  readonly size: number;
  /** Where its local header starts, and where its data starts. */
  readonly local: number;
  readonly data: number;
}

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
const utf8 = new TextDecoder('utf-8');

/** The central directory of a plain archive, or undefined when it is not one. */
export function centralDirectory(bytes: Uint8Array): CentralEntry[] | undefined {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return undefined;
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  if (count === 0xffff || p === 0xffffffff) return undefined; // ZIP64
  const out: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (u32(bytes, p) !== 0x02014b50) return undefined;
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const local = u32(bytes, p + 42);
    if (flags & 0x9 || (method !== 0 && method !== 8) || u32(bytes, local) !== 0x04034b50) return undefined;
    const data = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    out.push({
      name: utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      method,
      crc: u32(bytes, p + 16),
      compressed: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      local,
      data,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** An entry's content, inflated. */
export function inflateEntry(bytes: Uint8Array, e: CentralEntry): Uint8Array {
  const raw = bytes.subarray(e.data, e.data + e.compressed);
  return e.method === 0 ? raw : inflateSync(raw, { out: new Uint8Array(e.size) });
}

const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1; // 2026-01-01, as the writers stamp every part

/**
 * The archive with `changed` parts replaced or added (in `order`, which lists every name to
 * keep): unchanged entries copied byte for byte, changed ones deflated.
 */
export function patchArchive(
  bytes: Uint8Array,
  entries: readonly CentralEntry[],
  changed: ReadonlyMap<string, Uint8Array>,
  order: readonly string[],
): Uint8Array {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const encoder = new TextEncoder();
  for (const name of order) {
    const stored = storedEntry(bytes, changed.get(name), byName.get(name));
    if (!stored) continue;
    const nameBytes = encoder.encode(name);
    const header = localHeader(nameBytes, stored);
    chunks.push(header, stored.data);
    central.push(centralHeader(nameBytes, stored, offset));
    offset += header.length + stored.data.length;
  }
  const centralSize = central.reduce((a, c) => a + c.length, 0);
  const end = endRecord(central.length, centralSize, offset);
  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const part of [...chunks, ...central, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** An entry as stored: its compressed bytes and what the headers say of them. */
interface Stored {
  readonly crc: number;
  readonly size: number;
  readonly method: number;
  readonly data: Uint8Array;
}

/** The old entry copied as it is, or the fresh content deflated; undefined when neither exists. */
function storedEntry(
  bytes: Uint8Array,
  fresh: Uint8Array | undefined,
  old: CentralEntry | undefined,
): Stored | undefined {
  if (fresh === undefined && old) {
    const { crc, size, method } = old;
    return { crc, size, method, data: bytes.subarray(old.data, old.data + old.compressed) };
  }
  if (fresh !== undefined)
    return { crc: crc32(fresh), size: fresh.length, method: 8, data: deflateRawSync(fresh, { level: 6 }) };
  return undefined;
}

/** The local file header (UTF-8 names, the writers' fixed date). */
function localHeader(nameBytes: Uint8Array, s: Stored): Uint8Array {
  const header = new Uint8Array(30 + nameBytes.length);
  const h = new DataView(header.buffer);
  h.setUint32(0, 0x04034b50, true);
  h.setUint16(4, 20, true);
  h.setUint16(6, 0x0800, true);
  h.setUint16(8, s.method, true);
  h.setUint16(10, DOS_TIME, true);
  h.setUint16(12, DOS_DATE, true);
  h.setUint32(14, s.crc >>> 0, true);
  h.setUint32(18, s.data.length, true);
  h.setUint32(22, s.size, true);
  h.setUint16(26, nameBytes.length, true);
  header.set(nameBytes, 30);
  return header;
}

/** The central directory's record of an entry whose local header is at `offset`. */
function centralHeader(nameBytes: Uint8Array, s: Stored, offset: number): Uint8Array {
  const c = new Uint8Array(46 + nameBytes.length);
  const d = new DataView(c.buffer);
  d.setUint32(0, 0x02014b50, true);
  d.setUint16(4, 20, true);
  d.setUint16(6, 20, true);
  d.setUint16(8, 0x0800, true);
  d.setUint16(10, s.method, true);
  d.setUint16(12, DOS_TIME, true);
  d.setUint16(14, DOS_DATE, true);
  d.setUint32(16, s.crc >>> 0, true);
  d.setUint32(20, s.data.length, true);
  d.setUint32(24, s.size, true);
  d.setUint16(28, nameBytes.length, true);
  d.setUint32(42, offset, true);
  c.set(nameBytes, 46);
  return c;
}

function endRecord(count: number, centralSize: number, centralAt: number): Uint8Array {
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, count, true);
  e.setUint16(10, count, true);
  e.setUint32(12, centralSize, true);
  e.setUint32(16, centralAt, true);
  return end;
}
