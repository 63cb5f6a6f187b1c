/**
 * The one error type the file adapters throw for input that cannot be used.
 * `code` is stable (the CLI maps it to a Chinese message for the clerk); `detail` and the
 * message are English, for developers and logs.
 */

export type UnusableFileCode =
  /** Not a ZIP archive at all (no PK signature, no end-of-central-directory record). */
  | 'file.notZip'
  /** An OLE compound file without encryption streams: an Excel 97-2003 .xls (or another old Office file). */
  | 'file.xls'
  /** A password-protected workbook (OLE file with an EncryptionInfo stream) or an encrypted ZIP entry. */
  | 'file.encrypted'
  /** ZIP limits exceeded: too many entries, too large, too high a compression ratio, or sizes that lie. */
  | 'file.zipBomb'
  /** An XML part contains `<!DOCTYPE` or `<!ENTITY` (entity-expansion attacks are refused outright). */
  | 'file.doctype'
  /** Structural damage: truncated archive, bad offsets, unreadable XML, malformed mail, limits of a mail. */
  | 'file.corrupt'
  /** A ZIP archive that is not an Excel workbook (.docx, .ods, .xlsb, a plain archive...). */
  | 'file.notWorkbook'
  /** The run's size budget (./budget.ts) would be passed: the inputs together are too large. */
  | 'file.runBudget';

export class UnusableFileError extends Error {
  readonly code: UnusableFileCode;
  readonly detail: string;

  constructor(code: UnusableFileCode, detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'UnusableFileError';
    this.code = code;
    this.detail = detail;
  }
}
