import type { MessageDef } from './codes.js';

/**
 * What a run that writes into a person's sheet (ledger import, 计算排名) says about what it kept,
 * added and removed there. Chinese first.
 */
export const TABLE_MESSAGES = {
  'table.keptColumns': {
    severity: 'info',
    zh: '「{sheet}」保留了您添加的列：{columns}。',
    en: '"{sheet}": kept the columns you added: {columns}.',
  },
  'table.keptRows': {
    severity: 'info',
    zh: '「{sheet}」中其他期或手工填写的 {count} 行保持原样。',
    en: '"{sheet}": {count} rows of other periods or typed by hand left as they were.',
  },
  'table.removedRows': {
    severity: 'warning',
    zh: '「{sheet}」中以下 {count} 行已不在本次结果中，已删除（原第 {rows} 行）：{labels}。',
    en: '"{sheet}": these {count} rows are no longer in this result and were removed (rows {rows}): {labels}.',
  },
  'table.columnsAdded': {
    severity: 'info',
    zh: '「{sheet}」没有列 {columns}，已添加在表头右侧。',
    en: '"{sheet}" had no column {columns}; added at the right of its header.',
  },
  'table.appended': {
    severity: 'warning',
    zh: '「{sheet}」中找不到表头（{expected}），结果写在原有内容下方（第 {row} 行起），原有内容未改动。',
    en: '"{sheet}" has no header of ours ({expected}); the result is written below its content (from row {row}), which is unchanged.',
  },
} as const satisfies Record<string, MessageDef>;
