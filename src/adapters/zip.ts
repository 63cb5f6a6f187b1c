/**
 * A small, hardened, read-only ZIP reader over an in-memory archive.
 *
 * - Everything is bounds-checked; damage throws `UnusableFileError('file.corrupt')`, never a RangeError.
 * - Limits are checked twice: from the central directory before anything is inflated (entry count,
 *   declared sizes, declared ratio), and while inflating, by counting the bytes actually produced
 *   (a bomb may lie in its headers). An entry may never inflate past its declared size, so memory is
 *   bounded by the declared sizes, which are bounded by the limits.
 * - Deflate is Node's native zlib with `maxOutputLength` = declared size + 1: a lying entry is
 *   stopped as soon as it passes its declared size (see `inflateBounded`).
 * - ZIP64 is supported minimally (the ZIP64 end record and the 0x0001 extra field); multi-volume
 *   archives are rejected as corrupt.
 * - Names: UTF-8 when flag bit 11 is set, or from an Info-ZIP Unicode Path extra field; otherwise
 *   UTF-8 when valid, else GBK (Chinese Windows zip tools).
 * - No CRC-32 check (the XML parsers catch garbage); no writing; no encryption support.
 */
import { inflateRawSync } from 'node:zlib';
import type { ByteBudget } from './budget.js';
import { UnusableFileError } from './errors.js';

export interface ZipLimits {
  /** Most entries the central directory may list. */
  readonly maxEntries: number;
  /** Largest declared (and actual) uncompressed size of one entry, in bytes. */
  readonly maxEntryBytes: number;
  /** Largest sum of declared uncompressed sizes, and of bytes actually inflated, in bytes. */
  readonly maxTotalBytes: number;
  /**
   * Highest uncompressed:compressed ratio allowed for an entry larger than `ratioThresholdBytes`,
   * and for the archive as a whole once its entries together declare more than that (so a
   * thousand small entries of zeros are caught as surely as one big one).
   */
  readonly maxRatio: number;
  readonly ratioThresholdBytes: number;
}

const DEFAULT_ZIP_LIMITS: ZipLimits = Object.freeze({
  maxEntries: 5_000,
  maxEntryBytes: 100 * 1024 * 1024,
  maxTotalBytes: 300 * 1024 * 1024,
  maxRatio: 200,
  ratioThresholdBytes: 1024 * 1024,
});

interface ZipEntryInfo {
  /** The name as stored (decoded), e.g. `xl/worksheets/sheet1.xml` or `汇总/一季度.xlsx`. */
  readonly name: string;
  /** Declared uncompressed size. */
  readonly size: number;
  readonly compressedSize: number;
  /** 0 = stored, 8 = deflate; anything else cannot be read. */
  readonly method: number;
  readonly isDirectory: boolean;
  readonly encrypted: boolean;
  /** Modification time (DOS local time, or the UTC extended timestamp when present); computed on first use. */
  readonly modified: Date | undefined;
}

export interface ZipArchive {
  readonly entries: readonly ZipEntryInfo[];
  /** True when two entries share a name (compared case-insensitively, `\` as `/`). */
  readonly hasDuplicateNames: boolean;
  /** Exact name first, then case-insensitive with `\` read as `/` and a leading `/` ignored. */
  find(name: string): ZipEntryInfo | undefined;
  has(name: string): boolean;
  /**
   * Inflate one entry. The result may be a view into the archive's buffer (stored entries): do not
   * mutate it. Throws `UnusableFileError` (`file.corrupt` for a missing name or damage,
   * `file.zipBomb` for limits, `file.encrypted` for an encrypted entry).
   */
  read(entry: string | ZipEntryInfo): Uint8Array;
  /**
   * Like `read`, but small entries may be inflated into a scratch buffer shared by all archives:
   * the result is only valid until the next `readTransient` call anywhere. For parts that are
   * parsed immediately and dropped; saves an allocation per part.
   */
  readTransient(entry: string | ZipEntryInfo): Uint8Array;
}

class Entry implements ZipEntryInfo {
  #modified: Date | undefined | null = null;
  constructor(
    readonly name: string,
    readonly size: number,
    readonly compressedSize: number,
    readonly method: number,
    readonly isDirectory: boolean,
    readonly encrypted: boolean,
    readonly localOffset: number,
    private readonly dosDate: number,
    private readonly dosTime: number,
    private readonly unixTime: number,
  ) {}

  get modified(): Date | undefined {
    if (this.#modified === null) {
      this.#modified =
        this.unixTime > 0 ? new Date(this.unixTime * 1000) : dosDateTime(this.dosDate, this.dosTime);
    }
    return this.#modified;
  }
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_Z64_LOCATOR = 0x07064b50;
const SIG_Z64_EOCD = 0x06064b50;

const corrupt = (detail: string) => new UnusableFileError('file.corrupt', detail);
const bomb = (detail: string) => new UnusableFileError('file.zipBomb', detail);

const utf8 = new TextDecoder('utf-8');
const utf8Fatal = new TextDecoder('utf-8', { fatal: true });
const gbk = new TextDecoder('gbk');

/** True when the bytes start like a ZIP archive (local header, empty archive, or spanned marker). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7)
  );
}

/** Decode a file name the way Chinese Windows zip tools expect: UTF-8 if valid, else GBK. */
function decodeName(raw: Uint8Array, utf8Flag: boolean): string {
  if (raw.length <= 128) {
    // Most names are short ASCII: build them without a decoder call.
    let out = '';
    let i = 0;
    for (; i < raw.length; i++) {
      const c = raw[i]!;
      if (c >= 0x80) break;
      out += String.fromCharCode(c);
    }
    if (i === raw.length) return out;
  }
  if (utf8Flag) return utf8.decode(raw);
  try {
    return utf8Fatal.decode(raw);
  } catch {
    return gbk.decode(raw);
  }
}

function normalizeName(name: string): string {
  let n = name.includes('\\') ? name.replace(/\\/g, '/') : name;
  while (n.startsWith('/')) n = n.slice(1);
  return n.toLowerCase();
}

/**
 * Opens an archive held in memory. `budget`, when given, is the run's (./budget.ts): every entry
 * read draws its declared size on it before it is inflated.
 */
export function openZip(bytes: Uint8Array, limits?: Partial<ZipLimits>, budget?: ByteBudget): ZipArchive {
  const lim: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const le = new LittleEndian(bytes);
  const dir = centralDirectory(le, endOfCentralDirectory(le), lim);
  const { entries, exact, loose, duplicates } = readEntries(le, dir, lim);
  const find = (name: string): Entry | undefined => exact.get(name) ?? loose.get(normalizeName(name));
  const read = entryReader(le, lim, budget, find);
  return {
    entries,
    hasDuplicateNames: duplicates,
    find,
    has: (name) => find(name) !== undefined,
    read: (which) => read(which),
    readTransient: (which) => read(which),
  };
}

/** Little-endian numbers of an archive's bytes. */
class LittleEndian {
  readonly view: DataView;
  readonly len: number;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.len = bytes.length;
  }
  u16(o: number): number {
    return this.view.getUint16(o, true);
  }
  u32(o: number): number {
    return this.view.getUint32(o, true);
  }
  /** 64-bit little-endian as a Number; Infinity when it cannot be represented exactly. */
  u64(o: number): number {
    const hi = this.u32(o + 4);
    return hi >= 0x200000 ? Infinity : hi * 0x1_0000_0000 + this.u32(o);
  }
}

/** The end of central directory record: the last signature within the final 22 + 65535 bytes. */
function endOfCentralDirectory(le: LittleEndian): number {
  const { bytes, len } = le;
  if (len < 22)
    throw looksLikeZip(bytes)
      ? corrupt('archive too short')
      : new UnusableFileError('file.notZip', 'too short to be a ZIP archive');
  for (let i = len - 22, stop = Math.max(0, len - 22 - 0xffff); i >= stop; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && le.u32(i) === SIG_EOCD) return i;
  }
  throw looksLikeZip(bytes)
    ? corrupt('no end-of-central-directory record (truncated archive?)')
    : new UnusableFileError('file.notZip', 'no ZIP signature');
}

interface Directory {
  readonly count: number;
  readonly cdSize: number;
  readonly cdOffset: number;
  /** Bytes prepended to the archive (self-extractors, mail gateways): added to every offset. */
  readonly shift: number;
}

/** Where the central directory is and how many entries it lists (ZIP64 end record included), checked. */
function centralDirectory(le: LittleEndian, eocd: number, lim: ZipLimits): Directory {
  let diskNo = le.u16(eocd + 4);
  let cdDisk = le.u16(eocd + 6);
  let count = le.u16(eocd + 10);
  let cdSize = le.u32(eocd + 12);
  let cdOffset = le.u32(eocd + 16);
  let zip64 = false;
  if (eocd >= 20 && le.u32(eocd - 20) === SIG_Z64_LOCATOR) {
    const z = le.u64(eocd - 20 + 8);
    if (!(z + 56 <= eocd) || le.u32(z) !== SIG_Z64_EOCD)
      throw corrupt('bad ZIP64 end-of-central-directory record');
    zip64 = true;
    diskNo = le.u32(z + 16);
    cdDisk = le.u32(z + 20);
    count = le.u64(z + 32);
    cdSize = le.u64(z + 40);
    cdOffset = le.u64(z + 48);
  } else if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    throw corrupt('ZIP64 markers without a ZIP64 end record');
  }
  if (diskNo !== 0 || cdDisk !== 0) throw corrupt('multi-volume archives are not supported');
  if (count > lim.maxEntries) throw bomb(`${count} entries (limit ${lim.maxEntries})`);
  if (!Number.isFinite(cdSize) || !Number.isFinite(cdOffset) || cdSize < count * 46 || cdSize > le.len) {
    throw corrupt('central directory size out of range');
  }
  // Data prepended to the archive (self-extractors, mail gateways) shifts every offset.
  let shift = 0;
  const cdEnd = zip64 ? eocd - 20 - 56 : eocd; // the usual place the central directory ends
  if (!(cdOffset + 4 <= le.len && le.u32(cdOffset) === SIG_CENTRAL) && count > 0) {
    const guess = cdEnd - cdSize;
    if (guess >= 0 && guess + 4 <= le.len && le.u32(guess) === SIG_CENTRAL) shift = guess - cdOffset;
    else throw corrupt('central directory not found at its declared offset');
  }
  return { count, cdSize, cdOffset, shift };
}

/** Every entry of the central directory, checked against the limits, by exact and by loose name. */
function readEntries(le: LittleEndian, dir: Directory, lim: ZipLimits) {
  const entries: Entry[] = [];
  const exact = new Map<string, Entry>();
  const loose = new Map<string, Entry>();
  let duplicates = false;
  let declaredTotal = 0;
  let p = dir.cdOffset + dir.shift;
  const cdLimit = Math.min(le.len, p + dir.cdSize);
  for (let i = 0; i < dir.count; i++) {
    const entry = readEntry(le, p, i, cdLimit, dir.shift);
    declaredTotal += entry.size;
    checkDeclared(entry, declaredTotal, lim);
    entries.push(entry);
    if (!exact.has(entry.name)) exact.set(entry.name, entry);
    const key = normalizeName(entry.name);
    if (loose.has(key)) duplicates = true;
    else loose.set(key, entry);
    p = entryEnd.at;
  }
  if (declaredTotal > lim.ratioThresholdBytes && declaredTotal > le.len * lim.maxRatio)
    throw bomb(
      `entries declare ${declaredTotal} bytes from a ${le.len}-byte archive (ratio above ${lim.maxRatio}:1)`,
    );
  return { entries, exact, loose, duplicates };
}

/** Filled by readEntry: where the next central directory entry starts. */
const entryEnd = { at: 0 };

/** The central directory entry `i` at `p`, its extra fields read (ZIP64 sizes, Unicode name, timestamp). */
function readEntry(le: LittleEndian, p: number, i: number, cdLimit: number, shift: number): Entry {
  const { bytes } = le;
  if (p + 46 > cdLimit || le.u32(p) !== SIG_CENTRAL) throw corrupt(`central directory entry ${i} damaged`);
  const flags = le.u16(p + 8);
  const sizes = { csize: le.u32(p + 20), usize: le.u32(p + 24), local: le.u32(p + 42) };
  const nameLen = le.u16(p + 28);
  const extraLen = le.u16(p + 30);
  const nameStart = p + 46;
  const extraStart = nameStart + nameLen;
  const next = extraStart + extraLen + le.u16(p + 32);
  if (next > cdLimit) throw corrupt(`central directory entry ${i} runs past the directory`);
  const extra = readExtraFields(le, extraStart, extraStart + extraLen, sizes);
  const name = extra.name ?? decodeName(bytes.subarray(nameStart, extraStart), (flags & 0x800) !== 0);
  entryEnd.at = next;
  return new Entry(
    name,
    sizes.usize,
    sizes.csize,
    le.u16(p + 10),
    name.endsWith('/') || name.endsWith('\\'),
    (flags & 0x41) !== 0,
    sizes.local + shift,
    le.u16(p + 14),
    le.u16(p + 12),
    extra.unixTime,
  );
}

/**
 * Extra fields in [from, end): ZIP64 sizes (0x0001, written into `sizes`), Info-ZIP Unicode path
 * (0x7075), extended timestamp (0x5455).
 */
function readExtraFields(
  le: LittleEndian,
  from: number,
  end: number,
  sizes: { csize: number; usize: number; local: number },
): { name: string | undefined; unixTime: number } {
  const { bytes } = le;
  let name: string | undefined;
  let unixTime = 0;
  for (let x = from; x + 4 <= end;) {
    const id = le.u16(x);
    const size = le.u16(x + 2);
    const body = x + 4;
    if (body + size > end) break;
    if (id === 0x0001) {
      let q = body;
      const take = () => {
        if (q + 8 > body + size) throw corrupt('short ZIP64 extra field');
        const v = le.u64(q);
        q += 8;
        return v;
      };
      if (sizes.usize === 0xffffffff) sizes.usize = take();
      if (sizes.csize === 0xffffffff) sizes.csize = take();
      if (sizes.local === 0xffffffff) sizes.local = take();
    } else if (id === 0x7075 && size > 5 && bytes[body] === 1) {
      name = utf8.decode(bytes.subarray(body + 5, body + size));
    } else if (id === 0x5455 && size >= 5 && (bytes[body]! & 1) === 1) {
      unixTime = le.u32(body + 1);
    }
    x = body + size;
  }
  return { name, unixTime };
}

/** An entry's declared sizes against the limits, before anything is inflated. */
function checkDeclared(e: Entry, declaredTotal: number, lim: ZipLimits): void {
  const name = JSON.stringify(e.name);
  if (!Number.isFinite(e.size) || !Number.isFinite(e.compressedSize) || !Number.isFinite(e.localOffset)) {
    throw bomb(`entry ${name} declares a size beyond 2^53`);
  }
  // (directories too: one that declares a size can still be read)
  if (e.size > lim.maxEntryBytes)
    throw bomb(`entry ${name} declares ${e.size} bytes (limit ${lim.maxEntryBytes})`);
  if (declaredTotal > lim.maxTotalBytes)
    throw bomb(`entries declare more than ${lim.maxTotalBytes} bytes in total`);
  if (e.size > lim.ratioThresholdBytes && e.size > e.compressedSize * lim.maxRatio) {
    throw bomb(`entry ${name} declares a compression ratio above ${lim.maxRatio}:1`);
  }
}

/** Reads an entry's data, counting what is inflated against the limits and the run's budget. */
function entryReader(
  le: LittleEndian,
  lim: ZipLimits,
  budget: ByteBudget | undefined,
  find: (name: string) => Entry | undefined,
): (which: string | ZipEntryInfo) => Uint8Array {
  let inflatedTotal = 0;
  return (which) => {
    const e = typeof which === 'string' ? find(which) : which;
    if (!(e instanceof Entry))
      throw corrupt(`no entry named ${JSON.stringify(typeof which === 'string' ? which : which.name)}`);
    if (e.encrypted)
      throw new UnusableFileError('file.encrypted', `entry ${JSON.stringify(e.name)} is encrypted`);
    const lo = e.localOffset;
    if (lo < 0 || lo + 30 > le.len || le.u32(lo) !== SIG_LOCAL)
      throw corrupt(`local header of ${JSON.stringify(e.name)} not found`);
    const start = lo + 30 + le.u16(lo + 26) + le.u16(lo + 28);
    const end = start + e.compressedSize;
    if (end > le.len) throw corrupt(`data of ${JSON.stringify(e.name)} runs past the end of the archive`);
    const data = le.bytes.subarray(start, end);
    if (inflatedTotal + e.size > lim.maxTotalBytes)
      throw bomb(`more than ${lim.maxTotalBytes} bytes inflated in total`);
    budget?.take(e.size, e.name);
    if (e.method === 0) {
      if (e.compressedSize !== e.size)
        throw corrupt(`stored entry ${JSON.stringify(e.name)} has inconsistent sizes`);
      inflatedTotal += e.size;
      return data;
    }
    if (e.method !== 8)
      throw corrupt(`entry ${JSON.stringify(e.name)} uses unsupported compression method ${e.method}`);
    const out = inflateBounded(data, e.size, e.name);
    inflatedTotal += out.length;
    return out;
  };
}

/**
 * Inflate raw deflate data that must produce exactly `declared` bytes, with Node's native zlib
 * (about 2.5× faster than a JavaScript inflater). `maxOutputLength` makes zlib stop the moment
 * the output would pass declared + 1 bytes, so a bomb that lies in its headers costs at most that
 * much memory; the per-entry, total and ratio limits were checked against `declared` before.
 */
function inflateBounded(data: Uint8Array, declared: number, name: string): Uint8Array {
  let out: Uint8Array;
  try {
    out = inflateRawSync(data, { maxOutputLength: declared + 1 });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (err instanceof RangeError || code === 'ERR_BUFFER_TOO_LARGE') {
      throw bomb(`entry ${JSON.stringify(name)} inflates beyond its declared ${declared} bytes`);
    }
    throw corrupt(`entry ${JSON.stringify(name)}: damaged deflate data (${(err as Error).message})`);
  }
  if (out.length > declared)
    throw bomb(`entry ${JSON.stringify(name)} inflates beyond its declared ${declared} bytes`);
  if (out.length !== declared) {
    throw corrupt(
      `entry ${JSON.stringify(name)} inflated to ${out.length} bytes, not the declared ${declared}`,
    );
  }
  return out;
}

function dosDateTime(date: number, time: number): Date | undefined {
  const day = date & 0x1f;
  const month = (date >> 5) & 0x0f;
  const year = ((date >> 9) & 0x7f) + 1980;
  if (day === 0 || month === 0 || month > 12) return undefined;
  return new Date(year, month - 1, day, time >> 11, (time >> 5) & 0x3f, (time & 0x1f) * 2);
}
