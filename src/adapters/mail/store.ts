/**
 * The folder a fetch saves into (收件/2026-11-1): each message kept is `NAME.eml`, its bytes as
 * the server holds them, with `NAME.eml.json` beside it recording the server's INTERNALDATE (the
 * time the mail reached the mailbox, which the merge and the agenda use as the e-mail's time)
 * and where it came from. `.kpd-mail.json` remembers every message looked at, kept or not, by
 * UIDVALIDITY and UID, so a second run downloads nothing twice.
 *
 * Order of writing, for a run cut short: the .eml, then its sidecar, then the state — each
 * atomically. A message whose sidecar exists is known even if the state was not updated; an
 * .eml without its sidecar is fetched again under the same name (the same bytes).
 */
import { createHash } from 'node:crypto';
import { compareCodePoints } from '../../core/values/collate.js';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from '../files.js';

export const STATE_FILE = '.kpd-mail.json';
export const SIDECAR_SUFFIX = '.json';
const SIDECAR_KIND = 'kpd-mail';

interface Sidecar {
  readonly kind: typeof SIDECAR_KIND;
  readonly file: string;
  readonly account: string;
  readonly folder: string;
  readonly uidValidity: string;
  readonly uid: number;
  /** The server's INTERNALDATE, as an ISO instant. */
  readonly internalDate: string;
  readonly messageId?: string;
  readonly from?: string;
  readonly subject?: string;
  readonly size: number;
  readonly sha256: string;
}

interface SeenMessage {
  readonly saved: boolean;
  readonly file?: string;
  /** Why it was not kept (a message code) and its values. */
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

interface IntakeState {
  readonly account: string;
  readonly folder: string;
  readonly uidValidity: string;
  readonly seen: Readonly<Record<string, SeenMessage>>;
}

/** The sidecar of a saved message, if the file beside it is one of ours. */
export async function readSidecar(emlPath: string): Promise<Sidecar | undefined> {
  try {
    const v = JSON.parse(await readFile(emlPath + SIDECAR_SUFFIX, 'utf8')) as Partial<Sidecar>;
    return v.kind === SIDECAR_KIND && typeof v.internalDate === 'string' ? (v as Sidecar) : undefined;
  } catch {
    return undefined;
  }
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** What a folder already holds: the state and every sidecar. */
export class IntakeStore {
  private constructor(
    readonly dir: string,
    private state: IntakeState,
    private readonly sidecars: Sidecar[],
  ) {}

  static async open(dir: string, account: string, folder: string, uidValidity: string): Promise<IntakeStore> {
    const sidecars: Sidecar[] = [];
    let names: string[] = [];
    try {
      names = await readdir(dir);
    } catch {
      // a new folder
    }
    for (const n of names.filter((x) => x.endsWith('.eml')).sort(compareCodePoints)) {
      const s = await readSidecar(join(dir, n));
      if (s) sidecars.push(s);
    }
    let state: IntakeState = { account, folder, uidValidity, seen: {} };
    try {
      const old = JSON.parse(await readFile(join(dir, STATE_FILE), 'utf8')) as IntakeState;
      // UIDs mean nothing once the server changed UIDVALIDITY (or for another mailbox).
      if (old.account === account && old.folder === folder && old.uidValidity === uidValidity)
        state = { ...state, seen: old.seen ?? {} };
    } catch {
      // none yet, or unreadable: the sidecars still say what was saved
    }
    return new IntakeStore(dir, state, sidecars);
  }

  /** Looked at before (kept or not), by UID. */
  known(uid: number): SeenMessage | undefined {
    const s = this.state.seen[String(uid)];
    if (s) return s;
    const car = this.sidecars.find(
      (c) =>
        c.uid === uid &&
        c.uidValidity === this.state.uidValidity &&
        c.account === this.state.account &&
        c.folder === this.state.folder,
    );
    return car && { saved: true, file: car.file, code: 'mail.route.report' };
  }

  /** A saved message that is the same mail (Message-ID, else the same bytes): after a UIDVALIDITY change. */
  sameMessage(messageId: string | undefined, hash: string): Sidecar | undefined {
    return this.sidecars.find(
      (c) => (messageId !== undefined && c.messageId === messageId) || c.sha256 === hash,
    );
  }

  async save(
    name: string,
    bytes: Uint8Array,
    car: Omit<Sidecar, 'kind' | 'file' | 'size' | 'sha256'>,
  ): Promise<Sidecar> {
    const path = join(this.dir, name);
    const sidecar: Sidecar = {
      kind: SIDECAR_KIND,
      file: name,
      ...car,
      size: bytes.length,
      sha256: sha256(bytes),
    };
    await writeAtomic(path, bytes);
    await writeAtomic(path + SIDECAR_SUFFIX, JSON.stringify(sidecar, null, 2) + '\n');
    this.sidecars.push(sidecar);
    return sidecar;
  }

  async remember(uid: number, seen: SeenMessage): Promise<void> {
    this.state = { ...this.state, seen: { ...this.state.seen, [String(uid)]: seen } };
    await writeAtomic(join(this.dir, STATE_FILE), JSON.stringify(this.state, null, 2) + '\n');
  }
}

// Windows refuses these in file names, control characters included.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f]/gu;

/** A name Windows accepts: forbidden characters become spaces, no trailing dots or spaces. */
export const safeFileName = (name: string): string =>
  name
    .replace(UNSAFE, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[. ]+$/u, '');

/** A file name from the server's data alone, so a message fetched again gets the same one. */
export function messageFileName(internalDateCst: string, subject: string | undefined, uid: number): string {
  const stamp = internalDateCst.replace(/-/gu, '').replace(' ', '-').replace(/:/gu, '');
  const title = safeFileName(safeFileName(subject ?? '').slice(0, 40));
  return `${stamp}${title ? ` ${title}` : ''} #${uid}.eml`;
}
