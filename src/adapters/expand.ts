/**
 * What a received file holds: a workbook is itself; a saved e-mail (.eml) gives its attachments
 * and a .zip its entries, looked at in the same way (nested up to a limit); anything else is
 * ignored with the reason, in Chinese. No file system here: the CLI walks folders (./inputs.ts)
 * and hands each file's bytes over; the task pane hands over the files the clerk picked.
 */
import { parseEml, type EmlLimits } from './eml.js';
import { UnusableFileError } from './errors.js';
import { openZip, type ZipLimits } from './zip.js';

export interface InputItem {
  /** Display path, e.g. `报送/城关镇.xlsx`, `mail/a.eml › 进展表.xlsx`, `batch.zip › HQ1/report.xlsx`. */
  readonly file: string;
  readonly bytes: Uint8Array;
  /** The Date header of the message the workbook came in. */
  readonly receivedAt?: Date;
  /** The From header of that message, decoded, e.g. `张三 <zs@example.cn>`. */
  readonly sender?: string;
  /** Modification time of a plain file, or of a zip entry. */
  readonly mtime?: Date;
}

export interface IgnoredInput {
  readonly file: string;
  /** Chinese, for the clerk. */
  readonly reason: string;
}

export interface CollectOptions {
  readonly zipLimits?: Partial<ZipLimits>;
  readonly emlLimits?: Partial<EmlLimits>;
  /** How deep containers (.zip, .eml) may nest; default 3. */
  readonly maxDepth?: number;
  /** Larger files on disk are skipped without being read; default 200 MB. */
  readonly maxFileBytes?: number;
}

export interface CollectedInputs {
  readonly items: InputItem[];
  readonly ignored: IgnoredInput[];
}

const WORKBOOK_EXT = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm', '.xls']);
export const SEP = ' › ';
/** The reason given for Office's lock files (~$…), which callers may leave unmentioned. */
export const LOCK_FILE = 'Office 临时锁定文件（~$ 开头），已忽略';

export interface Origin {
  readonly receivedAt?: Date;
  readonly sender?: string;
}

/** Where expanded files go: the items found and everything ignored, with the limits that apply. */
export interface ExpandCtx {
  readonly items: InputItem[];
  readonly ignored: IgnoredInput[];
  readonly opts: Required<Pick<CollectOptions, 'maxDepth' | 'maxFileBytes'>> & CollectOptions;
}

export const expandContext = (options: CollectOptions = {}): ExpandCtx => ({
  items: [],
  ignored: [],
  opts: { maxDepth: 3, maxFileBytes: 200 * 1024 * 1024, ...options },
});

/** A file given as bytes (picked in the task pane): what it holds, as collectInputs would say. */
export interface GivenFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly mtime?: Date;
}

export function expandFiles(files: readonly GivenFile[], options: CollectOptions = {}): CollectedInputs {
  const ctx = expandContext(options);
  for (const f of files) {
    const kind = classify(f.name);
    if (kind.reason !== undefined) ignore(ctx, f.name, kind.reason);
    else if (f.bytes.length > ctx.opts.maxFileBytes)
      ignore(ctx, f.name, `文件过大（${Math.round(f.bytes.length / 1024 / 1024)} MB），已忽略`);
    else handleBytes(ctx, kind.kind!, f.bytes, f.name, f.mtime ? { mtime: f.mtime } : {}, {}, 0);
  }
  return { items: ctx.items, ignored: ctx.ignored };
}

/** The extension of a file name, lower case with its dot ('' when none), as path.extname gives. */
function extOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

export type Kind = 'workbook' | 'eml' | 'zip';

/** What a file name says it is; `reason` (Chinese) when it is not for us. */
export function classify(name: string): { kind?: Kind; reason?: string } {
  if (name.startsWith('~$')) return { reason: LOCK_FILE };
  const ext = extOf(name);
  if (WORKBOOK_EXT.has(ext)) return { kind: 'workbook' };
  if (ext === '.eml') return { kind: 'eml' };
  if (ext === '.zip') return { kind: 'zip' };
  if (name.toLowerCase() === 'winmail.dat') {
    return { reason: 'Outlook 专用格式附件（winmail.dat），请让报送单位以普通附件重新发送' };
  }
  switch (ext) {
    case '.xlsb':
      return { reason: '是 .xlsb 二进制工作簿，请另存为 .xlsx 后重新报送' };
    case '.et':
    case '.ett':
      return { reason: `是 WPS 表格格式（${ext}），请另存为 .xlsx 后重新报送` };
    case '.ods':
      return { reason: '是 OpenDocument 表格（.ods），请另存为 .xlsx 后重新报送' };
    case '.msg':
      return { reason: '是 Outlook 邮件（.msg），请在 Outlook 中直接保存其中的附件，或另存为 .eml 后导入' };
    case '.rar':
    case '.7z':
      return { reason: `是 ${ext} 压缩包，暂只支持 .zip，请解压后再导入` };
    case '':
      return { reason: '不是 .xlsx 工作簿（无扩展名），已忽略' };
    default:
      return { reason: `不是 .xlsx 工作簿（${ext}），已忽略` };
  }
}

export function handleBytes(
  ctx: ExpandCtx,
  kind: Kind,
  bytes: Uint8Array,
  display: string,
  times: { mtime?: Date | undefined; receivedAt?: Date | undefined },
  origin: Origin,
  depth: number,
): void {
  if (kind === 'workbook') {
    ctx.items.push({
      file: display,
      bytes,
      ...(origin.receivedAt ? { receivedAt: origin.receivedAt } : {}),
      ...(origin.sender ? { sender: origin.sender } : {}),
      ...(times.mtime ? { mtime: times.mtime } : {}),
    });
    return;
  }
  if (depth >= ctx.opts.maxDepth) {
    return ignore(ctx, display, `压缩包或邮件嵌套超过 ${ctx.opts.maxDepth} 层，已忽略`);
  }
  if (kind === 'eml') expandEml(ctx, bytes, display, depth + 1, times.receivedAt);
  else expandZip(ctx, bytes, display, origin, depth + 1);
}

/**
 * `serverTime`: when the mailbox server received the message (its INTERNALDATE, recorded beside
 * the .eml by kpd mail fetch): the time the e-mail was received, trusted over the Date the
 * sender's program wrote. A message attached inside it keeps its own Date.
 */
function expandEml(
  ctx: ExpandCtx,
  bytes: Uint8Array,
  display: string,
  depth: number,
  serverTime?: Date,
): void {
  let mail;
  try {
    mail = parseEml(bytes, ctx.opts.emlLimits);
  } catch (e) {
    if (!(e instanceof UnusableFileError)) throw e;
    return ignore(ctx, display, '邮件文件已损坏或格式不对，无法读取，已忽略');
  }
  const received = serverTime ?? mail.date;
  const origin: Origin = {
    ...(received ? { receivedAt: received } : {}),
    ...(mail.from ? { sender: mail.from } : {}),
  };
  if (mail.attachments.length === 0) return ignore(ctx, display, '邮件中没有附件，已忽略');
  for (const att of mail.attachments) {
    const child = `${display}${SEP}${att.filename}`;
    const kind = classify(att.filename);
    if (kind.reason !== undefined) {
      ignore(ctx, child, kind.reason);
      continue;
    }
    handleBytes(ctx, kind.kind!, att.bytes, child, {}, origin, depth);
  }
}

function expandZip(ctx: ExpandCtx, bytes: Uint8Array, display: string, origin: Origin, depth: number): void {
  let zip;
  try {
    zip = openZip(bytes, ctx.opts.zipLimits);
  } catch (e) {
    if (!(e instanceof UnusableFileError)) throw e;
    return ignore(ctx, display, zipReason(e));
  }
  const entries = zip.entries
    .filter((e) => !e.isDirectory)
    .map((e) => ({ e, name: e.name.replace(/\\/g, '/') }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (entries.length === 0) return ignore(ctx, display, '压缩包中没有文件，已忽略');
  for (const { e, name } of entries) {
    const child = `${display}${SEP}${name}`;
    const segments = name.split('/').filter((s) => s !== '');
    const base = segments[segments.length - 1] ?? name;
    if (segments.includes('__MACOSX')) {
      ignore(ctx, child, 'macOS 压缩时附带的系统文件，已忽略');
      continue;
    }
    if (segments.some((s) => s.startsWith('.'))) {
      ignore(ctx, child, '隐藏文件，已忽略');
      continue;
    }
    const kind = classify(base);
    if (kind.reason !== undefined) {
      ignore(ctx, child, kind.reason);
      continue;
    }
    let data: Uint8Array;
    try {
      data = zip.read(e);
    } catch (err) {
      if (!(err instanceof UnusableFileError)) throw err;
      ignore(ctx, child, zipReason(err));
      continue;
    }
    handleBytes(ctx, kind.kind!, data, child, { mtime: e.modified }, origin, depth);
  }
}

function zipReason(e: UnusableFileError): string {
  switch (e.code) {
    case 'file.zipBomb':
      return '压缩包异常（解压后过大或文件过多），已忽略';
    case 'file.encrypted':
      return '压缩包设有密码，无法解压，已忽略';
    default:
      return '压缩包已损坏，无法打开，已忽略';
  }
}

export function ignore(ctx: ExpandCtx, file: string, reason: string): void {
  ctx.ignored.push({ file, reason });
}
