/**
 * What a received file holds: a workbook is itself; a saved e-mail (.eml) gives its attachments
 * and a .zip its entries, looked at in the same way (nested up to a limit); anything else is
 * ignored with the reason. No file system here: the CLI walks folders (./inputs.ts) and hands
 * each file's bytes over; the task pane hands over the files the clerk picked.
 *
 * Everything is produced one at a time (generators): a .zip of a hundred reports holds one
 * inflated report at a time, never all of them, and every byte inflated or decoded draws on the
 * run's budget (./budget.ts).
 */
import { issue, type IgnoredFile } from '../core/issues/issue.js';
import type { IssueCode } from '../core/issues/codes.js';
import { visible } from '../core/values/visible.js';
import { byFile } from '../core/values/order.js';
import { compareCodePoints } from '../core/values/collate.js';
import { byteBudget, type ByteBudget } from './budget.js';
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
  /** The message's Date header when it could not be used (a day that does not exist, unreadable). */
  readonly badMailDate?: string;
}

type IgnoreCode = Extract<IssueCode, `input.${string}`>;

/** A file received and not read: why, as a finding (code and values), said where it is shown. */
export interface IgnoredInput extends IgnoredFile {
  readonly code: IgnoreCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface CollectOptions {
  readonly zipLimits?: Partial<ZipLimits>;
  readonly emlLimits?: Partial<EmlLimits>;
  /** How deep containers (.zip, .eml) may nest; default 3. */
  readonly maxDepth?: number;
  /** Larger files on disk are skipped without being read; default 200 MB. */
  readonly maxFileBytes?: number;
  /** How deep folders may nest below a path given; default 32. */
  readonly maxFolderDepth?: number;
  /** The run's size budget; a fresh one (1 GiB) when not given. */
  readonly budget?: ByteBudget;
}

export interface CollectedInputs {
  readonly items: InputItem[];
  readonly ignored: IgnoredInput[];
}

/** One thing found among the inputs: a workbook to read, or a file not read and why. */
export type Found =
  | { readonly kind: 'item'; readonly item: InputItem }
  | { readonly kind: 'ignored'; readonly ignored: IgnoredInput };

const WORKBOOK_EXT = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm', '.xls']);
export const SEP = ' › ';

/** Ignore codes that mean "meant for us, but could not be read": `kpd validate` exits 2 on them. */
export const UNREADABLE: ReadonlySet<IgnoreCode> = new Set<IgnoreCode>([
  'input.winmail',
  'input.xlsb',
  'input.wps',
  'input.ods',
  'input.msg',
  'input.archive',
  'input.tooLarge',
  'input.nestedTooDeep',
  'input.mailCorrupt',
  'input.zipBomb',
  'input.zipEncrypted',
  'input.zipCorrupt',
  'input.unsafePath',
  'input.notFound',
  'input.unreadable',
  'input.unreadableFolder',
  'input.foldersTooDeep',
  'input.runBudget',
]);

interface Origin {
  readonly receivedAt?: Date;
  readonly sender?: string;
  readonly badMailDate?: string;
}

export interface ExpandOptions {
  readonly zipLimits?: Partial<ZipLimits>;
  readonly emlLimits?: Partial<EmlLimits>;
  readonly maxDepth: number;
  readonly maxFileBytes: number;
  readonly maxFolderDepth: number;
  readonly budget: ByteBudget;
}

export const expandOptions = (options: CollectOptions = {}): ExpandOptions => ({
  ...options,
  maxDepth: options.maxDepth ?? 3,
  maxFileBytes: options.maxFileBytes ?? 200 * 1024 * 1024,
  maxFolderDepth: options.maxFolderDepth ?? 32,
  budget: options.budget ?? byteBudget(),
});

export function ignored(
  file: string,
  code: IgnoreCode,
  params: Readonly<Record<string, string | number>> = {},
): Found {
  return { kind: 'ignored', ignored: { file, code, params, reason: issue(code, {}, params) } };
}

/** A file given as bytes (picked in the task pane): what it holds, as collectInputs would say. */
interface GivenFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly mtime?: Date;
}

export function expandFiles(files: readonly GivenFile[], options: CollectOptions = {}): CollectedInputs {
  const opts = expandOptions(options);
  const out: CollectedInputs = { items: [], ignored: [] };
  for (const f of files) {
    const name = visible(f.name);
    const kind = classify(f.name);
    let found: Iterable<Found>;
    if (kind.code !== undefined) found = [ignored(name, kind.code, kind.params)];
    else if (f.bytes.length > opts.maxFileBytes) found = [tooLarge(name, f.bytes.length)];
    else found = expandBytes(opts, kind.kind!, f.bytes, name, f.mtime ? { mtime: f.mtime } : {}, {}, 0);
    for (const x of found) {
      if (x.kind === 'item') out.items.push(x.item);
      else out.ignored.push(x.ignored);
    }
  }
  return out;
}

/** What the files hold, each list in path order (as the CLI reads what it collects): the same files, the same result. */
export function expandFilesInOrder(
  files: readonly GivenFile[],
  options: CollectOptions = {},
): CollectedInputs {
  const collected = expandFiles(files, options);
  return { items: collected.items.sort(byFile), ignored: collected.ignored.sort(byFile) };
}

export const tooLarge = (file: string, bytes: number): Found =>
  ignored(file, 'input.tooLarge', { mb: Math.round(bytes / 1024 / 1024) });

/** The extension of a file name, lower case with its dot ('' when none), as path.extname gives. */
function extOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

type Kind = 'workbook' | 'eml' | 'zip';

/** What a file name says it is; the ignore code when it is not for us. */
export function classify(name: string): {
  kind?: Kind;
  code?: IgnoreCode;
  params?: Readonly<Record<string, string>>;
} {
  if (name.startsWith('~$')) return { code: 'input.lockFile' };
  const ext = extOf(name);
  if (WORKBOOK_EXT.has(ext)) return { kind: 'workbook' };
  if (ext === '.eml') return { kind: 'eml' };
  if (ext === '.zip') return { kind: 'zip' };
  if (name.toLowerCase() === 'winmail.dat') return { code: 'input.winmail' };
  switch (ext) {
    case '.xlsb':
      return { code: 'input.xlsb' };
    case '.et':
    case '.ett':
      return { code: 'input.wps', params: { ext } };
    case '.ods':
      return { code: 'input.ods' };
    case '.msg':
      return { code: 'input.msg' };
    case '.rar':
    case '.7z':
      return { code: 'input.archive', params: { ext } };
    case '':
      return { code: 'input.noExtension' };
    default:
      return { code: 'input.otherType', params: { ext: visible(ext) } };
  }
}

/** A workbook found in `bytes` (given as `display`), or the contents of an e-mail or a .zip. */
export function* expandBytes(
  opts: ExpandOptions,
  kind: Kind,
  bytes: Uint8Array,
  display: string,
  times: { mtime?: Date | undefined; receivedAt?: Date | undefined },
  origin: Origin,
  depth: number,
): Generator<Found> {
  if (kind === 'workbook') {
    yield {
      kind: 'item',
      item: {
        file: display,
        bytes,
        ...(origin.receivedAt ? { receivedAt: origin.receivedAt } : {}),
        ...(origin.sender ? { sender: origin.sender } : {}),
        ...(origin.badMailDate !== undefined ? { badMailDate: origin.badMailDate } : {}),
        ...(times.mtime ? { mtime: times.mtime } : {}),
      },
    };
    return;
  }
  if (depth >= opts.maxDepth) {
    yield ignored(display, 'input.nestedTooDeep', { depth: opts.maxDepth });
    return;
  }
  if (kind === 'eml') yield* expandEml(opts, bytes, display, depth + 1, times.receivedAt);
  else yield* expandZip(opts, bytes, display, origin, depth + 1);
}

/**
 * `serverTime`: when the mailbox server received the message (its INTERNALDATE, recorded beside
 * the .eml by kpd mail fetch): the time the e-mail was received, trusted over the Date the
 * sender's program wrote. A message attached inside it keeps its own Date.
 */
function* expandEml(
  opts: ExpandOptions,
  bytes: Uint8Array,
  display: string,
  depth: number,
  serverTime?: Date,
): Generator<Found> {
  let mail;
  try {
    mail = parseEml(bytes, { ...opts.emlLimits, budget: opts.budget });
  } catch (e) {
    if (!(e instanceof UnusableFileError)) throw e;
    yield ignored(display, e.code === 'file.runBudget' ? 'input.runBudget' : 'input.mailCorrupt', {
      limit: budgetLimit(opts.budget),
    });
    return;
  }
  const received = serverTime ?? mail.date;
  const origin: Origin = {
    ...(received ? { receivedAt: received } : {}),
    ...(mail.from ? { sender: visible(mail.from) } : {}),
    ...(mail.badDate !== undefined && serverTime === undefined ? { badMailDate: visible(mail.badDate) } : {}),
  };
  if (mail.attachments.length === 0) {
    yield ignored(display, 'input.mailNoAttachments');
    return;
  }
  for (const att of mail.attachments) {
    const child = `${display}${SEP}${visible(att.filename)}`;
    const kind = classify(att.filename);
    if (kind.code !== undefined) yield ignored(child, kind.code, kind.params);
    else yield* expandBytes(opts, kind.kind!, att.bytes, child, {}, origin, depth);
  }
}

/** An entry name that points outside the archive (`../x`, `/etc/x`, `C:\x`): no zip tool makes one. */
const unsafeName = (segments: readonly string[], name: string): boolean =>
  segments.includes('..') || /^(?:[/\\]|[A-Za-z]:)/u.test(name);

function* expandZip(
  opts: ExpandOptions,
  bytes: Uint8Array,
  display: string,
  origin: Origin,
  depth: number,
): Generator<Found> {
  let zip;
  try {
    zip = openZip(bytes, opts.zipLimits, opts.budget);
  } catch (e) {
    if (!(e instanceof UnusableFileError)) throw e;
    yield zipIgnored(opts, display, e);
    return;
  }
  const entries = zip.entries
    .filter((e) => !e.isDirectory)
    .map((e) => ({ e, name: e.name.replace(/\\/g, '/') }))
    .sort((a, b) => compareCodePoints(a.name, b.name));
  if (entries.length === 0) {
    yield ignored(display, 'input.zipEmpty');
    return;
  }
  for (const { e, name } of entries) {
    const child = `${display}${SEP}${visible(name)}`;
    const segments = name.split('/').filter((s) => s !== '' && s !== '.');
    const base = segments[segments.length - 1] ?? name;
    if (unsafeName(segments, name)) {
      yield ignored(child, 'input.unsafePath');
      continue;
    }
    if (segments.includes('__MACOSX')) {
      yield ignored(child, 'input.macosx');
      continue;
    }
    if (segments.some((s) => s.startsWith('.'))) {
      yield ignored(child, 'input.hidden');
      continue;
    }
    const kind = classify(base);
    if (kind.code !== undefined) {
      yield ignored(child, kind.code, kind.params);
      continue;
    }
    let data: Uint8Array;
    try {
      data = zip.read(e);
    } catch (err) {
      if (!(err instanceof UnusableFileError)) throw err;
      yield zipIgnored(opts, child, err);
      continue;
    }
    yield* expandBytes(opts, kind.kind!, data, child, { mtime: e.modified }, origin, depth);
  }
}

const budgetLimit = (b: ByteBudget): string => `${Math.round(b.limit / 1024 / 1024)} MB`;

function zipIgnored(opts: ExpandOptions, file: string, e: UnusableFileError): Found {
  switch (e.code) {
    case 'file.zipBomb':
      return ignored(file, 'input.zipBomb');
    case 'file.encrypted':
      return ignored(file, 'input.zipEncrypted');
    case 'file.runBudget':
      return ignored(file, 'input.runBudget', { limit: budgetLimit(opts.budget) });
    default:
      return ignored(file, 'input.zipCorrupt');
  }
}
