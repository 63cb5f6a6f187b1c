import { readSubmission, type BulletinContext, type SubmissionRead } from '../core/bulletin/index.js';
import type { ByteBudget } from '../adapters/budget.js';
import { loadPrepared, type PreparedItem } from '../adapters/received.js';
export { loadPrepared, type PreparedItem } from '../adapters/received.js';

/** Reads one input against the register: its workbook is parsed, checked and dropped. */
export function readPrepared(item: PreparedItem, ctx: BulletinContext, budget?: ByteBudget): SubmissionRead {
  return readSubmission(loadPrepared(item, budget), ctx);
}
