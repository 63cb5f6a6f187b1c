import type { MessageDef } from './codes.js';

/**
 * Sentences of the documents that leave the office (the printed 通报, its annex): a finding repeated
 * on many rows of one file is one line. Chinese first.
 */
export const PRINT_MESSAGES = {
  'findings.replacedFile': {
    severity: 'info',
    zh: '整份 {rows} 行：已被更正件「{by}」替换（同一指挥部同一报告期以最后收到的为准），均未并入。',
    en: 'All {rows} rows: replaced by the correction "{by}" (the latest report of an HQ and period wins); none merged.',
  },
  'findings.fileNotMerged': {
    severity: 'error',
    zh: '整份 {rows} 行未并入：{=reason}',
    en: 'All {rows} rows not merged: {=reason}',
  },
  'findings.repeated': {
    severity: 'info',
    zh: '{message}（同样的问题共 {rows} 处：{cells}）',
    en: '{message} (the same on {rows} cells: {cells})',
  },
  'findings.cellsMore': {
    severity: 'info',
    zh: '{cells} 等',
    en: '{cells} and more',
  },
} as const satisfies Record<string, MessageDef>;
