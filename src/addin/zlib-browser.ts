/**
 * `node:zlib` for the task pane's bundle: the one call the zip reader makes, inflateRawSync,
 * done by fflate in the browser. As with Node's `maxOutputLength`, inflating stops as soon as
 * the output passes the bound (input is fed in small pieces, so a bomb never gets far past it),
 * and the error says so the way Node's does (code ERR_BUFFER_TOO_LARGE).
 */
import { Inflate } from 'fflate';

const PIECE = 16 * 1024;

export function inflateRawSync(data: Uint8Array, options: { maxOutputLength?: number } = {}): Uint8Array {
  const max = options.maxOutputLength ?? Number.MAX_SAFE_INTEGER;
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > max)
      throw Object.assign(new Error(`inflated data exceeds ${max} bytes`), { code: 'ERR_BUFFER_TOO_LARGE' });
    chunks.push(chunk);
  });
  if (data.length === 0) inflater.push(data, true);
  for (let i = 0; i < data.length; i += PIECE)
    inflater.push(data.subarray(i, Math.min(data.length, i + PIECE)), i + PIECE >= data.length);
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
