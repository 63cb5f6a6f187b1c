/**
 * A growing byte buffer that worksheet XML is written into directly. Building a sheet as JS
 * strings and encoding them afterwards costs more than building it: the concatenated rows must
 * be flattened and re-encoded as UTF-8, a second pass over every byte. Markup is ASCII and is
 * copied byte by byte; only cell text is UTF-8 encoded, and only when it is not ASCII.
 */
/** Excel's limit for the text of one cell. */
const MAX_CELL_TEXT = 32_767;

/** What JavaScript's \s matches, by code unit (xml:space is needed when text starts or ends with one). */
const isSpace = (c: number): boolean =>
  c <= 0x20 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

const utf8 = new TextEncoder();

export class ByteSink {
  private buf: Uint8Array;
  private pos = 0;

  constructor(private readonly chunk: number) {
    this.buf = new Uint8Array(chunk + (chunk >> 2));
  }

  get length(): number {
    return this.pos;
  }

  /** Room for `n` more bytes. */
  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    bigger.set(this.buf.subarray(0, this.pos));
    this.buf = bigger;
  }

  /** Drops what was written after `length` was `mark`. */
  rewind(mark: number): void {
    this.pos = mark;
  }

  /** Text known to be ASCII: markup, numbers, cell references. */
  ascii(s: string): void {
    const n = s.length;
    this.ensure(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** Any text, as UTF-8 (already escaped for XML by the caller). */
  text(s: string): void {
    const n = s.length;
    this.ensure(n * 3);
    const b = this.buf;
    const start = this.pos;
    let p = start;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        // Not ASCII after all: let the native encoder write the whole text.
        this.pos = start + utf8.encodeInto(s, b.subarray(start)).written;
        return;
      }
      b[p++] = c;
    }
    this.pos = p;
  }

  /**
   * Cell text that needs no escaping and no xml:space — the usual cell — written straight as
   * UTF-8; false (with nothing kept) when the text needs the careful path: markup characters,
   * control characters, surrogates, `_x` escapes, spaces at either end, over Excel's limit.
   */
  plainText(s: string): boolean {
    const n = s.length;
    if (n === 0) return true;
    if (n > MAX_CELL_TEXT || isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(n - 1))) return false;
    this.ensure(n * 3);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        // & < > " _ and control characters (tab and line breaks need xml:space) leave.
        if (c < 0x20 || c === 38 || c === 60 || c === 62 || c === 34 || c === 95) return false;
        b[p++] = c;
      } else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 0x3f);
      } else {
        if ((c >= 0xd800 && c <= 0xdfff) || c >= 0xfffe) return false;
        b[p++] = 0xe0 | (c >> 12);
        b[p++] = 0x80 | ((c >> 6) & 0x3f);
        b[p++] = 0x80 | (c & 0x3f);
      }
    }
    this.pos = p;
    return true;
  }

  /** Everything written so far, handed over; the sink starts a fresh buffer. */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.pos);
    this.buf = new Uint8Array(this.chunk + (this.chunk >> 2));
    this.pos = 0;
    return out;
  }
}
