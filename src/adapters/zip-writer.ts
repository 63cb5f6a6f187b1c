import { promisify } from 'node:util';
import { constants, crc32, deflateRaw, deflateRawSync, type ZlibOptions } from 'node:zlib';

/**
 * A small ZIP writer over Node's native zlib: entries are deflated chunk by chunk (each chunk
 * ends on a sync flush, the last block closes the stream), so a 60,000-row sheet never exists
 * as one buffer, and native deflate is several times faster than a JavaScript one.
 */
const CHUNK = 256 * 1024;
const DOS_TIME = 0; // 00:00:00
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1; // 2026-01-01: fixed, so output is reproducible

/** Chunks waiting for the thread pool in `addAsync`: enough to keep the other core busy. */
const IN_FLIGHT = 4;

const deflateRawAsync = promisify(deflateRaw) as (data: Uint8Array, opts: ZlibOptions) => Promise<Buffer>;

interface Sums {
  crc: number;
  size: number;
}

/** Gathers pieces into chunks of about `CHUNK` bytes; each is check-summed, then handed on. */
function chunked(
  content: Uint8Array | Iterable<string | Uint8Array>,
  take: (data: Uint8Array) => void,
): Sums {
  const sums = { crc: 0, size: 0 };
  const c = new Chunker(sums);
  for (const p of content instanceof Uint8Array ? [content] : content) {
    const ready = c.push(p);
    if (ready) take(ready);
  }
  const rest = c.end();
  if (rest) take(rest);
  return sums;
}

async function chunkedAsync(
  content: Iterable<string | Uint8Array>,
  take: (data: Uint8Array) => Promise<void>,
): Promise<Sums> {
  const sums = { crc: 0, size: 0 };
  const c = new Chunker(sums);
  for (const p of content) {
    const ready = c.push(p);
    if (ready) await take(ready);
  }
  const rest = c.end();
  if (rest) await take(rest);
  return sums;
}

class Chunker {
  private pending: Uint8Array[] = [];
  private pendingSize = 0;
  constructor(private readonly sums: Sums) {}

  push(p: string | Uint8Array): Uint8Array | undefined {
    const bytes = typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
    this.pending.push(bytes);
    this.pendingSize += bytes.length;
    return this.pendingSize >= CHUNK ? this.end() : undefined;
  }

  end(): Uint8Array | undefined {
    if (this.pendingSize === 0) return undefined;
    const data =
      this.pending.length === 1
        ? (this.pending[0] as Uint8Array)
        : Buffer.concat(this.pending, this.pendingSize);
    this.sums.crc = crc32(data, this.sums.crc);
    this.sums.size += data.length;
    this.pending = [];
    this.pendingSize = 0;
    return data;
  }
}

interface Entry {
  readonly name: Uint8Array;
  readonly crc: number;
  readonly size: number;
  readonly compressed: number;
  readonly offset: number;
}

export class ZipWriter {
  private readonly parts: Uint8Array[] = [];
  private readonly entries: Entry[] = [];
  private offset = 0;

  /** Adds an entry from one buffer or a sequence of pieces (strings are UTF-8 encoded). */
  add(name: string, content: Uint8Array | Iterable<string | Uint8Array>, level = 6): void {
    const out: Uint8Array[] = [];
    const sums = chunked(content, (data) => {
      out.push(deflateRawSync(data, { level, finishFlush: constants.Z_SYNC_FLUSH }));
    });
    this.record(name, sums, out, level);
  }

  /**
   * Like `add`, but each chunk is deflated on libuv's thread pool while the next one is being
   * made, so a large sheet's XML is generated on one core and compressed on the other. At most
   * `IN_FLIGHT` chunks wait for compression, which bounds the memory held.
   */
  async addAsync(name: string, content: Iterable<string | Uint8Array>, level = 6): Promise<void> {
    const out: Uint8Array[] = [];
    const queue: Promise<Buffer>[] = [];
    const opts = { level, finishFlush: constants.Z_SYNC_FLUSH };
    const sums = await chunkedAsync(content, async (data) => {
      queue.push(deflateRawAsync(data, opts));
      if (queue.length > IN_FLIGHT) out.push(await (queue.shift() as Promise<Buffer>));
    });
    for (const z of await Promise.all(queue)) out.push(z);
    this.record(name, sums, out, level);
  }

  /** The local header and the compressed chunks of one entry, closed by a final empty block. */
  private record(name: string, sums: { crc: number; size: number }, out: Uint8Array[], level: number): void {
    const last = deflateRawSync(Buffer.alloc(0), { level });
    out.push(last);
    let compressed = 0;
    for (const z of out) compressed += z.length;
    const { crc, size } = sums;
    const nameBytes = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(compressed, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    this.entries.push({ name: nameBytes, crc: crc >>> 0, size, compressed, offset: this.offset });
    this.parts.push(header, nameBytes, ...out);
    this.offset += header.length + nameBytes.length + compressed;
  }

  finish(): Uint8Array {
    const central: Uint8Array[] = [];
    let centralSize = 0;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(0x0800, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(DOS_TIME, 12);
      h.writeUInt16LE(DOS_DATE, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      central.push(h, e.name);
      centralSize += h.length + e.name.length;
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(centralSize, 12);
    end.writeUInt32LE(this.offset, 16);
    return Buffer.concat([...this.parts, ...central, end]);
  }
}

/**
 * The same package, re-zipped with fixed times and its random GUIDs (exceljs gives each data bar
 * one) replaced by numbered ones in order of appearance: the same input, the same bytes.
 * An extension's `uri` is not random: it names the extension ({78C0D931-…} conditional formats,
 * {B025F937-…} a data bar's 2010 settings, MS-XLSX 2.2.4), and Excel and WPS skip an `<ext>` whose
 * URI they do not know — so a GUID in a `uri` attribute is never renumbered.
 */
export function reproducible(
  parts: Readonly<Record<string, Uint8Array>>,
  options: { renumberGuids?: boolean } = {},
): Uint8Array {
  const renumber = options.renumberGuids ?? true;
  const zip = new ZipWriter();
  const guids = new Map<string, string>();
  const names = Object.keys(parts).sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0,
  );
  for (const name of names) {
    let data = parts[name] as Uint8Array;
    if (renumber && name.endsWith('.xml')) {
      const text = Buffer.from(data).toString('utf8');
      const fixed = text.replace(
        /(\buri\s*=\s*["'])?(\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\})/gu,
        (all, uri: string | undefined, g: string) => {
          if (uri) return all;
          const known = guids.get(g.toUpperCase());
          if (known) return known;
          const n = `{00000000-0000-4000-8000-${String(guids.size + 1).padStart(12, '0')}}`;
          guids.set(g.toUpperCase(), n);
          return n;
        },
      );
      if (fixed !== text) data = Buffer.from(fixed, 'utf8');
    }
    zip.add(name, data);
  }
  return zip.finish();
}
