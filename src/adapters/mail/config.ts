/**
 * 邮箱.toml: the office's mailbox and schedule settings (issue #17), read with smol-toml and
 * checked key by key, every mistake said in Chinese with the line and an example. Passwords
 * are never read from it (see ./credentials.ts); a password key in the file is refused.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse, TomlError } from 'smol-toml';
import { DEFAULT_OFFICE } from '../../core/jobs/remind.js';
import { DEFAULT_STEP_TIMES, type StepTimes } from '../../core/jobs/schedule.js';
import type { IssueCode } from '../../core/issues/codes.js';
import { formatMessage, issue, type Issue, type Locale } from '../../core/issues/issue.js';
import { decodeText } from '../files.js';
import {
  MAIL_CONFIG_SECTIONS as SECTIONS,
  MAIL_FOLDERS,
  type KeySpec,
  type KeyType,
} from '../../core/schema/mail-config.js';

export interface ServerSettings {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /** The environment variable holding the password. */
  readonly passwordEnv: string;
  /** Look the password up in the OS keyring when the variable is not set. */
  readonly keyring: boolean;
  /** A CA certificate (PEM) to trust besides the system's: an office mail server with its own. */
  readonly ca?: string;
}

export interface ImapSettings extends ServerSettings {
  readonly folder: string;
  /** Configured changes on the server; by default nothing is marked or moved. */
  readonly markSeen: boolean;
  readonly moveTo?: string;
  readonly maxMessageMb: number;
}

export interface SmtpSettings extends ServerSettings {
  readonly from: string;
  /** Port 587 and the like: plain connection upgraded with STARTTLS (required). */
  readonly starttls: boolean;
}

interface ScheduleSettings {
  readonly reports: string;
  readonly topics: string;
  readonly output: string;
  readonly log: string;
  readonly state: string;
  readonly office: string;
  readonly times: StepTimes;
  readonly retryMinutes: number;
  /** Also write the 公文 (.docx) when kpd merge can (--doc). */
  readonly doc: boolean;
  readonly holidays?: string;
}

export interface MailConfig {
  readonly file: string;
  readonly imap?: ImapSettings;
  readonly smtp?: SmtpSettings;
  readonly schedule: ScheduleSettings;
}

type SectionName = keyof typeof SECTIONS;
/** Names listed in a finding's params, joined as the Chinese message says them. */
const LIST_SEPARATOR = formatMessage('values.listSeparator', {});
type Raw = Record<string, unknown>;

const PASSWORD_KEYS = /^(pass|password|passwd|pwd|secret|密码)$/iu;

/** The line of `key = …` in `[section]` (1-based), for messages; 0 when not found. */
function lineOf(text: string, section: string, key: string): number {
  let current = '';
  const lines = text.split(/\r?\n/u);
  for (let i = 0; i < lines.length; i++) {
    const l = (lines[i] ?? '').trim();
    const h = /^\[\s*"?([^\]"]+)"?\s*\]/u.exec(l);
    if (h) current = (h[1] ?? '').trim();
    else if (
      current === section &&
      new RegExp(`^"?${key.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}"?\\s*=`, 'u').test(l)
    )
      return i + 1;
  }
  return 0;
}

const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/u;

function typeOk(type: KeyType, v: unknown): boolean {
  switch (type) {
    case 'string':
    case 'path':
      return typeof v === 'string' && v.trim() !== '';
    case 'port':
      return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 65535;
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v) && v >= 1;
    case 'boolean':
      return typeof v === 'boolean';
    case 'time':
      return typeof v === 'string' && TIME.test(v.trim());
  }
}

/** Reads and checks 邮箱.toml; every problem is an issue (none: the config). */
export async function loadMailConfig(
  file: string,
  locale: Locale = 'zh',
): Promise<{ config?: MailConfig; issues: Issue[] }> {
  let text: string;
  try {
    // Notepad may save it as UTF-8 (with or without BOM) or, on older Windows, as GBK.
    text = decodeText(await readFile(file)).replace(/^\uFEFF/u, '');
  } catch {
    return { issues: [issue('mail.config.notFound', {}, { file })] };
  }
  return checkMailConfig(text, file, locale);
}

/** The checks of loadMailConfig on the file's text. */
export function checkMailConfig(
  text: string,
  file: string,
  locale: Locale = 'zh',
): { config?: MailConfig; issues: Issue[] } {
  let raw: Raw;
  try {
    raw = parse(text) as Raw;
  } catch (e) {
    if (!(e instanceof TomlError)) throw e;
    return {
      issues: [
        issue('mail.config.syntax', {}, { file, line: e.line, detail: e.message.split('\n')[0] ?? '' }),
      ],
    };
  }
  const issues: Issue[] = [];
  const known = Object.keys(SECTIONS);
  const sections: Partial<Record<SectionName, Raw>> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (
      !Object.hasOwn(SECTIONS, name) ||
      typeof value !== 'object' ||
      value === null ||
      Array.isArray(value)
    ) {
      issues.push(
        issue(
          'mail.config.unknownSection',
          {},
          { file, section: name, known: known.map((k) => `[${k}]`).join(LIST_SEPARATOR) },
        ),
      );
      continue;
    }
    sections[name as SectionName] = value as Raw;
  }
  const say = (code: IssueCode): string => formatMessage(code, {}, locale);
  for (const [name, spec] of Object.entries(SECTIONS) as [SectionName, Record<string, KeySpec>][]) {
    const sec = sections[name];
    if (!sec) continue;
    for (const [key, v] of Object.entries(sec)) {
      const line = lineOf(text, name, key);
      if (PASSWORD_KEYS.test(key)) {
        const env = name === 'smtp' ? 'KPD_SMTP_PASSWORD' : 'KPD_IMAP_PASSWORD';
        issues.push(issue('mail.config.password', {}, { file, line, section: name, key, env }));
        continue;
      }
      const k = spec[key];
      if (!k) {
        issues.push(
          issue(
            'mail.config.unknownKey',
            {},
            { file, line, section: name, key, known: Object.keys(spec).join(LIST_SEPARATOR) },
          ),
        );
        continue;
      }
      if (!typeOk(k.type, v))
        issues.push(
          issue(
            'mail.config.type',
            {},
            {
              file,
              line,
              section: name,
              key,
              expected: say(`mail.type.${k.type}` as IssueCode),
              example: `${key} = ${k.example}`,
              value: JSON.stringify(v) ?? String(v),
            },
          ),
        );
    }
    for (const [key, k] of Object.entries(spec))
      if (k.required && sec[key] === undefined)
        issues.push(
          issue(
            'mail.config.missing',
            {},
            { file, section: name, key, what: say(k.required), example: `${key} = ${k.example}` },
          ),
        );
  }
  if (issues.length > 0) return { issues };
  return { config: build(file, sections), issues };
}

function build(file: string, s: Partial<Record<SectionName, Raw>>): MailConfig {
  const dir = dirname(resolve(file));
  const at = (p: string): string => resolve(dir, p);
  const str = (sec: Raw | undefined, k: string, d: string): string =>
    typeof sec?.[k] === 'string' ? (sec[k] as string).trim() : d;
  const num = (sec: Raw | undefined, k: string, d: number): number =>
    typeof sec?.[k] === 'number' ? (sec[k] as number) : d;
  const bool = (sec: Raw | undefined, k: string, d: boolean): boolean =>
    typeof sec?.[k] === 'boolean' ? (sec[k] as boolean) : d;
  const server = (sec: Raw, port: number, env: string): ServerSettings => ({
    host: str(sec, 'host', ''),
    port: num(sec, 'port', port),
    user: str(sec, 'user', ''),
    passwordEnv: str(sec, 'password_env', env),
    keyring: bool(sec, 'keyring', true),
    ...(typeof sec['ca'] === 'string' && { ca: at(sec['ca']) }),
  });
  const sch = s.schedule;
  const output = at(str(sch, 'output', MAIL_FOLDERS.output));
  const t = DEFAULT_STEP_TIMES;
  const hhmm = (k: string, d: string): string => str(sch, k, d).padStart(5, '0');
  return {
    file: resolve(file),
    ...(s.imap && {
      imap: {
        ...server(s.imap, 993, 'KPD_IMAP_PASSWORD'),
        folder: str(s.imap, 'folder', 'INBOX'),
        markSeen: bool(s.imap, 'mark_seen', false),
        ...(typeof s.imap['move_to'] === 'string' && { moveTo: s.imap['move_to'].trim() }),
        maxMessageMb: num(s.imap, 'max_message_mb', 50),
      },
    }),
    ...(s.smtp && {
      smtp: {
        ...server(s.smtp, 465, 'KPD_SMTP_PASSWORD'),
        from: str(s.smtp, 'from', str(s.smtp, 'user', '')),
        starttls: bool(s.smtp, 'starttls', num(s.smtp, 'port', 465) === 587),
      },
    }),
    schedule: {
      reports: at(str(sch, 'reports', MAIL_FOLDERS.reports)),
      topics: at(str(sch, 'topics', MAIL_FOLDERS.topics)),
      output,
      log: at(str(sch, 'log', 'kpd-schedule.log')),
      state: sch?.['state'] !== undefined ? at(str(sch, 'state', '')) : resolve(output, '.kpd-schedule.json'),
      office: str(sch, 'office', DEFAULT_OFFICE),
      times: {
        remind: hhmm('remind_at', t.remind),
        draft: hhmm('draft_at', t.draft),
        final: hhmm('final_at', t.final),
        agenda: hhmm('agenda_at', t.agenda),
      },
      retryMinutes: num(sch, 'retry_minutes', 30),
      doc: bool(sch, 'doc', false),
      ...(typeof sch?.['holidays'] === 'string' && { holidays: at(sch['holidays']) }),
    },
  };
}

/** The section a command needs, or the issue saying it is missing. */
export function needSection<K extends 'imap' | 'smtp'>(
  config: MailConfig,
  section: K,
  what: string,
): NonNullable<MailConfig[K]> | Issue {
  const s = config[section];
  return s
    ? (s as NonNullable<MailConfig[K]>)
    : issue('mail.config.noSection', {}, { file: config.file, section, what });
}
