/**
 * Outgoing mail (issue #17): each message is composed once into its raw bytes (nodemailer's
 * MailComposer), so what a dry run writes to the outbox is exactly what --send sends (nodemailer
 * over SMTP, implicit TLS or STARTTLS, certificates checked).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { issue } from '../../core/issues/issue.js';
import { writeAtomic } from '../files.js';
import type { SmtpSettings } from './config.js';
import { MailError } from './errors.js';
import { safeFileName } from './store.js';

interface OutgoingMail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly attachments: readonly { readonly filename: string; readonly content: Uint8Array }[];
  /** The Date of the message (the schedule's clock, not necessarily now). */
  readonly date: Date;
}

export interface ComposedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly raw: Buffer;
}

export async function composeMail(from: string, m: OutgoingMail): Promise<ComposedMail> {
  const raw = await new MailComposer({
    from,
    to: [...m.to],
    subject: m.subject,
    text: m.text,
    date: m.date,
    attachments: m.attachments.map((a) => ({ filename: a.filename, content: Buffer.from(a.content) })),
  })
    .compile()
    .build();
  return { from, to: m.to, subject: m.subject, raw };
}

/** The plain address of "Name <a@b>" (the SMTP envelope's sender). */
function bareAddress(from: string): string {
  return /<([^>]+)>/u.exec(from)?.[1]?.trim() ?? from.trim();
}

/** Writes each message as an .eml a mail client opens (the outbox of a run without --send). */
export async function writeOutbox(
  dir: string,
  mails: readonly (ComposedMail & { name: string })[],
): Promise<string[]> {
  const files: string[] = [];
  for (const m of mails) {
    const file = join(dir, `${safeFileName(m.name)}.eml`);
    await writeAtomic(file, m.raw);
    files.push(file);
  }
  return files;
}

/** Sends every message; on a failure, says which one and how many went before it. */
export async function sendMails(
  s: SmtpSettings,
  password: string,
  mails: readonly ComposedMail[],
): Promise<number> {
  let ca: Buffer | undefined;
  if (s.ca !== undefined) {
    try {
      ca = await readFile(s.ca);
    } catch {
      throw new MailError(issue('mail.config.caUnreadable', {}, { ca: s.ca }));
    }
  }
  const transport = createTransport({
    host: s.host,
    port: s.port,
    secure: !s.starttls,
    requireTLS: s.starttls,
    auth: { user: s.user, pass: password },
    tls: ca ? { ca } : {},
    connectionTimeout: 30_000,
    socketTimeout: 60_000,
  });
  let sent = 0;
  try {
    for (const m of mails) {
      try {
        await transport.sendMail({ envelope: { from: bareAddress(m.from), to: [...m.to] }, raw: m.raw });
      } catch (e) {
        const err = e as { code?: string; message?: string };
        const detail = err.message ?? String(e);
        if (err.code === 'EAUTH')
          throw new MailError(
            issue('mail.auth', {}, { host: s.host, user: s.user, env: s.passwordEnv, detail }),
          );
        if (sent === 0 && (err.code === 'ESOCKET' || err.code === 'ECONNECTION' || err.code === 'ETIMEDOUT'))
          throw new MailError(
            /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/u.test(detail)
              ? issue('mail.tls', {}, { host: s.host, detail })
              : issue('mail.connect', {}, { host: s.host, port: s.port, detail }),
          );
        throw new MailError(issue('mail.smtpSend', {}, { to: m.to.join(', '), host: s.host, sent, detail }));
      }
      sent++;
    }
  } finally {
    transport.close();
  }
  return sent;
}
