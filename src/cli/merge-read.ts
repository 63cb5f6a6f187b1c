import { instantToCst } from '../core/calendar/dates.js';
import {
  readSubmission,
  type BulletinContext,
  type ReceivedFile,
  type SubmissionRead,
} from '../core/bulletin/index.js';
import { loadWorkbookBytes } from '../adapters/files.js';

/** One input ready to read: display name, bytes and every time known for it (plain data, sendable to a worker). */
export interface PreparedItem {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly receivedAt?: Date;
  readonly clerkTime?: string;
  readonly mtime?: Date;
  readonly sender?: string;
}

/** Reads one input against the register: its workbook is parsed, checked and dropped. */
export function readPrepared(item: PreparedItem, ctx: BulletinContext): SubmissionRead {
  return readSubmission(loadPrepared(item), ctx);
}

/** Unzips and parses one input: its workbook, or why it has none, and every time known for it. */
export function loadPrepared(item: PreparedItem): ReceivedFile {
  const loaded = loadWorkbookBytes(item.file, item.bytes);
  const base = {
    file: item.file,
    ...(item.receivedAt && { emailTime: instantToCst(item.receivedAt) }),
    ...(item.clerkTime !== undefined && { clerkTime: item.clerkTime }),
    ...(item.mtime && { mtime: instantToCst(item.mtime) }),
    ...(item.sender !== undefined && { sender: item.sender }),
  };
  return loaded.ok
    ? { ...base, workbook: loaded.value.workbook, packageIssues: loaded.value.issues }
    : { ...base, unusable: loaded.issue, packageIssues: [] };
}
