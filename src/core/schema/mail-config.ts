import type { IssueCode } from '../issues/codes.js';

/**
 * 邮箱.toml's schema: its sections and keys (the names a person types in the file, English as
 * TOML's keys are), each key's type and the example said when it is wrong; read by
 * adapters/mail/config.ts. The folders of [schedule] default to MAIL_FOLDERS, beside the file.
 */
export const MAIL_FOLDERS = { reports: '收件', topics: '议题', output: '输出' } as const;

export type KeyType = 'string' | 'port' | 'boolean' | 'time' | 'integer' | 'path';
export interface KeySpec {
  readonly type: KeyType;
  readonly example: string;
  /** Required keys name what they are (a message code). */
  readonly required?: IssueCode;
}

const SERVER_KEYS = {
  host: { type: 'string', example: '"mail.example.gov.cn"', required: 'mail.key.host' },
  port: { type: 'port', example: '993' },
  user: { type: 'string', example: '"zdxmb@example.gov.cn"', required: 'mail.key.user' },
  password_env: { type: 'string', example: '"KPD_IMAP_PASSWORD"' },
  keyring: { type: 'boolean', example: 'true' },
  ca: { type: 'path', example: '"单位邮箱证书.pem"' },
} as const satisfies Record<string, KeySpec>;

export const MAIL_CONFIG_SECTIONS = {
  imap: {
    ...SERVER_KEYS,
    folder: { type: 'string', example: '"INBOX"' },
    mark_seen: { type: 'boolean', example: 'false' },
    move_to: { type: 'string', example: '"已收报表"' },
    max_message_mb: { type: 'integer', example: '50' },
  },
  smtp: {
    ...SERVER_KEYS,
    port: { type: 'port', example: '465' },
    password_env: { type: 'string', example: '"KPD_SMTP_PASSWORD"' },
    from: { type: 'string', example: '"县发改局重点项目办 <zdxmb@example.gov.cn>"' },
    starttls: { type: 'boolean', example: 'false' },
  },
  schedule: {
    reports: { type: 'path', example: JSON.stringify(MAIL_FOLDERS.reports) },
    topics: { type: 'path', example: JSON.stringify(MAIL_FOLDERS.topics) },
    output: { type: 'path', example: JSON.stringify(MAIL_FOLDERS.output) },
    log: { type: 'path', example: '"kpd-schedule.log"' },
    state: { type: 'path', example: '"输出/.kpd-schedule.json"' },
    office: { type: 'string', example: '"发展改革局重点项目办公室"' },
    remind_at: { type: 'time', example: '"09:00"' },
    draft_at: { type: 'time', example: '"17:30"' },
    final_at: { type: 'time', example: '"08:30"' },
    agenda_at: { type: 'time', example: '"09:00"' },
    retry_minutes: { type: 'integer', example: '30' },
    doc: { type: 'boolean', example: 'false' },
    holidays: { type: 'path', example: '"节假日.csv"' },
  },
} as const satisfies Record<string, Record<string, KeySpec>>;
