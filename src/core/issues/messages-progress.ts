import type { MessageDef } from './codes.js';

/**
 * The progress line when the number of files is known from the listing (src/cli/progress.ts):
 * {value}, {total} and {rows} are cli-progress's placeholders, left in place. Chinese first.
 */
export const PROGRESS_MESSAGES = {
  'cli.progressOf.merge': {
    severity: 'info',
    zh: '读取报表：{value}/{total} 个文件，{rows} 行',
    en: 'Reading reports: {value}/{total} files, {rows} rows',
  },
  'cli.progressOf.agenda': {
    severity: 'info',
    zh: '读取议题申报表：{value}/{total} 个文件，{rows} 个议题',
    en: 'Reading topic forms: {value}/{total} files, {rows} topics',
  },
  'cli.progressOf.validate': {
    severity: 'info',
    zh: '检查：{value}/{total} 个文件，{rows} 个问题',
    en: 'Checking: {value}/{total} files, {rows} findings',
  },
} as const satisfies Record<string, MessageDef>;
