/**
 * kpd mail fetch: the office's mailbox over IMAP (imapflow, implicit TLS). Looks at the watched
 * folder's messages since the window opened, downloads those with attachments (BODY.PEEK, in a
 * read-only EXAMINE session unless the office configured marking or moving), keeps those the
 * core's routing keeps, byte for byte, and remembers every message looked at (./store.ts).
 */
import { readFile } from 'node:fs/promises';
import { ImapFlow, type FetchMessageObject, type MessageStructureObject } from 'imapflow';
import { instantToCst, type IsoDateTime } from '../../core/values/dates.js';
import { routeMessage, type IntakeWant } from '../../core/jobs/intake.js';
import type { IssueCode } from '../../core/issues/codes.js';
import { issue } from '../../core/issues/issue.js';
import { classifyMessage } from './classify.js';
import type { ImapSettings } from './config.js';
import { MailError } from './errors.js';
import { IntakeStore, messageFileName, sha256 } from './store.js';

interface FetchOptions {
  readonly settings: ImapSettings;
  readonly password: string;
  readonly into: string;
  readonly want: IntakeWant;
  /** The window's opening (China time): older messages are not looked at. */
  readonly since: IsoDateTime;
  /** Bytes an IMAP socket may stay silent before the run gives up. */
  readonly socketTimeoutMs?: number;
}

interface FetchedLine {
  readonly uid: number;
  readonly saved: boolean;
  readonly file?: string;
  readonly from: string;
  readonly subject: string;
  /** The server's INTERNALDATE, China time. */
  readonly at: IsoDateTime;
  readonly code: IssueCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface FetchReport {
  /** Messages in the window. */
  readonly total: number;
  /** Looked at in an earlier run (kept or not). */
  readonly known: number;
  readonly lines: readonly FetchedLine[];
}

/** Whether a message has a part that could be an attachment (else it is not downloaded). */
function hasAttachment(node: MessageStructureObject | undefined): boolean {
  if (!node) return false;
  if (node.childNodes?.length) return node.childNodes.some(hasAttachment);
  const type = node.type.toLowerCase();
  return (
    node.disposition?.toLowerCase() === 'attachment' ||
    node.dispositionParameters?.['filename'] !== undefined ||
    node.parameters?.['name'] !== undefined ||
    type.startsWith('application/') ||
    type === 'message/rfc822'
  );
}

/** Turns what imapflow throws into the clerk's message. */
function mailError(e: unknown, s: ImapSettings, saved: number, connected: boolean): MailError {
  const err = e as {
    code?: string;
    authenticationFailed?: boolean;
    mailboxMissing?: boolean;
    message?: string;
  };
  const detail = err.message ?? String(e);
  if (err.authenticationFailed)
    return new MailError(issue('mail.auth', {}, { host: s.host, user: s.user, env: s.passwordEnv, detail }));
  if (err.mailboxMissing) return new MailError(issue('mail.folder', {}, { folder: s.folder }));
  const code = err.code ?? '';
  if (/CERT|SSL|TLS|SELF_SIGNED|ERR_TLS|UNABLE_TO_VERIFY/u.test(code + detail) && !connected)
    return new MailError(issue('mail.tls', {}, { host: s.host, detail }));
  if (!connected) return new MailError(issue('mail.connect', {}, { host: s.host, port: s.port, detail }));
  return new MailError(issue('mail.dropped', {}, { saved, detail }));
}

async function client(s: ImapSettings, password: string, socketTimeout: number): Promise<ImapFlow> {
  let ca: Buffer | undefined;
  if (s.ca !== undefined) {
    try {
      ca = await readFile(s.ca);
    } catch {
      throw new MailError(issue('mail.config.caUnreadable', {}, { ca: s.ca }));
    }
  }
  return new ImapFlow({
    host: s.host,
    port: s.port,
    secure: true,
    auth: { user: s.user, pass: password },
    logger: false,
    tls: ca ? { ca } : {},
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout,
    disableAutoIdle: true,
  });
}

const dateOf = (v: Date | string | undefined): Date => (v instanceof Date ? v : new Date(v ?? 0));

export async function fetchMail(o: FetchOptions): Promise<FetchReport> {
  const s = o.settings;
  const imap = await client(s, o.password, o.socketTimeoutMs ?? 120_000);
  // imapflow reports a dropped socket as an 'error' event too; the awaited command rejects with it.
  imap.on('error', () => undefined);
  let connected = false;
  const lines: FetchedLine[] = [];
  try {
    await imap.connect();
    connected = true;
    const box = await imap.mailboxOpen(s.folder, { readOnly: !(s.markSeen || s.moveTo) });
    const uidValidity = String(box.uidValidity);
    const store = await IntakeStore.open(o.into, `${s.user}@${s.host}`, s.folder, uidValidity);
    let known = 0;
    let total = 0;
    for (const m of await messagesSince(imap, o.since)) {
      const at = instantToCst(dateOf(m.internalDate));
      if (at < o.since) continue;
      total++;
      if (store.known(m.uid)) known++;
      else await takeMessage({ o, imap, store, uidValidity, lines }, m, at);
    }
    return { total, known, lines };
  } catch (e) {
    if (e instanceof MailError) throw e;
    throw mailError(e, s, lines.filter((l) => l.saved).length, connected);
  } finally {
    await imap.logout().catch(() => imap.close());
  }
}

/** The messages since the day before `since` (SEARCH SINCE compares dates in the server's zone), by UID. */
async function messagesSince(imap: ImapFlow, since: IsoDateTime): Promise<FetchMessageObject[]> {
  const sinceDay = new Date(`${since.slice(0, 10)}T00:00:00+08:00`);
  sinceDay.setUTCDate(sinceDay.getUTCDate() - 1);
  const uids = ((await imap.search({ since: sinceDay }, { uid: true })) || []).sort((a, b) => a - b);
  const metas: FetchMessageObject[] = [];
  if (uids.length > 0)
    for await (const m of imap.fetch(
      uids,
      { uid: true, internalDate: true, size: true, bodyStructure: true, envelope: true },
      { uid: true },
    ))
      metas.push(m);
  return metas.sort((a, b) => a.uid - b.uid);
}

interface Mailbox {
  readonly o: FetchOptions;
  readonly imap: ImapFlow;
  readonly store: IntakeStore;
  readonly uidValidity: string;
  /** What was done with each message, said as it is done (a failure later still counts the saved). */
  readonly lines: FetchedLine[];
}

/** One new message: saved into the intake folder, or remembered as skipped with its reason. */
async function takeMessage(box: Mailbox, m: FetchMessageObject, at: IsoDateTime): Promise<void> {
  const { o, imap, store } = box;
  const s = o.settings;
  const base = {
    uid: m.uid,
    from:
      m.envelope?.from
        ?.map((a) => (a.name ? `${a.name} <${a.address ?? ''}>` : (a.address ?? '')))
        .join(', ') ?? '',
    subject: m.envelope?.subject ?? '',
    at,
  };
  const skip = async (code: IssueCode, params: Record<string, string | number> = {}): Promise<void> => {
    await store.remember(m.uid, { saved: false, code, params });
    box.lines.push({ ...base, saved: false, code, params });
  };
  // Without a BODYSTRUCTURE (a server that gave none) the message is downloaded and looked at.
  if (m.bodyStructure && !hasAttachment(m.bodyStructure)) return skip('mail.route.noAttachment');
  const size = m.size ?? 0;
  if (size > s.maxMessageMb * 1024 * 1024)
    return skip('mail.route.tooBig', { size: Math.round(size / 1048576), max: s.maxMessageMb });
  const one = await imap.fetchOne(String(m.uid), { source: true }, { uid: true });
  const source = one ? one.source : undefined;
  if (!source) throw new Error(`UID ${m.uid}: no source`);
  const bytes = new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  const { mail, forms } = classifyMessage(bytes);
  const route = routeMessage(forms, o.want);
  const subject = mail?.subject ?? base.subject;
  const from = mail?.from ?? base.from;
  if (!route.save) return skip(route.code, route.params);
  const same = store.sameMessage(mail?.messageId, sha256(bytes));
  if (same) return skip('mail.route.duplicate', { file: same.file });
  const file = messageFileName(at, subject, m.uid);
  await store.save(file, bytes, {
    account: `${s.user}@${s.host}`,
    folder: s.folder,
    uidValidity: box.uidValidity,
    uid: m.uid,
    internalDate: dateOf(m.internalDate).toISOString(),
    ...(mail?.messageId !== undefined && { messageId: mail.messageId }),
    ...(from && { from }),
    ...(subject && { subject }),
  });
  await store.remember(m.uid, { saved: true, file, code: route.code });
  box.lines.push({ ...base, from, subject, saved: true, file, code: route.code, params: route.params });
  // Only what the office configured changes anything on the server.
  if (s.markSeen) await imap.messageFlagsAdd(String(m.uid), ['\\Seen'], { uid: true });
  if (s.moveTo) await imap.messageMove(String(m.uid), s.moveTo, { uid: true });
}
