/**
 * Bytes ⇄ "binary strings" (one char per byte, ISO-8859-1) and base64, for the mail reader.
 * Node's Buffer does these natively and is used when it is there; in a browser (the task pane
 * reads e-mailed topic forms too) the plain versions below do the same, byte for byte.
 */

/** The part of Node's Buffer used here (typed locally: the task pane's build has no Node types). */
interface NodeBufferStatics {
  from(data: ArrayBufferLike, offset: number, length: number): { toString(encoding: 'latin1'): string };
  from(data: string, encoding: 'latin1' | 'base64'): Uint8Array;
}
const NodeBuf = (globalThis as { Buffer?: NodeBufferStatics }).Buffer;

/** Bytes as a string with one char (U+0000–U+00FF) per byte. */
export function latin1String(bytes: Uint8Array): string {
  if (NodeBuf) return NodeBuf.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1StringPlain(bytes);
}

export function latin1StringPlain(bytes: Uint8Array): string {
  let out = '';
  // fromCharCode takes its arguments on the stack: a few thousand at a time.
  for (let i = 0; i < bytes.length; i += 8192)
    out += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 8192)));
  return out;
}

/** The bytes of a binary string (each char's low byte). */
export function latin1Bytes(s: string): Uint8Array {
  if (NodeBuf) return new Uint8Array(NodeBuf.from(s, 'latin1'));
  return latin1BytesPlain(s);
}

export function latin1BytesPlain(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

const B64 = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++)
  B64['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;

/**
 * Base64 as mail carries it: characters outside the alphabet (line breaks, padding) are skipped,
 * and a last incomplete group gives the bytes it holds, as Node's decoder does.
 */
export function base64Bytes(s: string): Uint8Array {
  if (NodeBuf) return new Uint8Array(NodeBuf.from(s.replace(/[^A-Za-z0-9+/]/gu, ''), 'base64'));
  return base64BytesPlain(s);
}

export function base64BytesPlain(s: string): Uint8Array {
  const out = new Uint8Array(Math.floor((s.length * 3) / 4) + 3);
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? (B64[c] as number) : -1;
    if (v < 0) continue;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}
