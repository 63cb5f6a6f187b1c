import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A small ZIP writer over Node's native zlib: entries are deflated chunk by chunk (each chunk
 * ends on a sync flush, the last block closes the stream), so a 60,000-row sheet never exists
 * as one buffer, and native deflate is several times faster than a JavaScript one.
 */
const CHUNK = 256 * 1024;
const DOS_TIME = 0; // 00:00:00
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1; // 2026-01-01: fixed, so output is reproducible

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
    const pieces = content instanceof Uint8Array ? [content] : content;
    const out: Uint8Array[] = [];
    let crc = 0;
    let size = 0;
    let compressed = 0;
    let pending: Uint8Array[] = [];
    let pendingSize = 0;
    const flush = (): void => {
      if (pendingSize === 0) return;
      const data = pending.length === 1 ? (pending[0] as Uint8Array) : Buffer.concat(pending, pendingSize);
      crc = crc32(data, crc);
      size += data.length;
      const z = deflateRawSync(data, { level, finishFlush: constants.Z_SYNC_FLUSH });
      out.push(z);
      compressed += z.length;
      pending = [];
      pendingSize = 0;
    };
    for (const p of pieces) {
      const bytes = typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
      pending.push(bytes);
      pendingSize += bytes.length;
      if (pendingSize >= CHUNK) flush();
    }
    flush();
    const last = deflateRawSync(Buffer.alloc(0), { level });
    out.push(last);
    compressed += last.length;

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
        /\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}/gu,
        (g) => {
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
