import { defineSheet, defineTemplate } from './define.js';

/**
 * 周例会议定事项: the decisions of one weekly meeting, as the clerk writes them down during or
 * after it (周例会制度 五、(二) 会议主持人明确解决问题的时间、责任单位). Its columns are those of
 * 督办事项 in the master; `kpd minutes` hands it out pre-numbered for the meeting, `kpd ledger
 * import` moves its rows into 督办事项, and the 纪要's decisions table is filled from it.
 */
export const DECISION_LIST = defineSheet({
  key: 'decisionList',
  name: '议定事项',
  title: '重点项目建设周例会议定事项',
  landscape: true,
  blankRows: 20,
  fields: [
    { key: 'meeting', label: '会议日期', type: 'date', required: true, note: '周例会召开的日期（周六）' },
  ],
  notes: [
    '每项一行：写明事项内容、责任单位和完成时限。事项编号已按本次会议编好，不够时接着往下编；没有内容的编号不导入。',
    '填好后：kpd ledger import 本文件 --into 总台账.xlsx --out 新总台账.xlsx，写入「督办事项」，由督查室跟踪落实。',
  ],
  columns: [
    { key: 'itemId', header: '事项编号', type: 'text', required: true, unique: true, width: 16 },
    { key: 'content', header: '事项内容', type: 'text', width: 50 },
    { key: 'unit', header: '责任单位', type: 'text', width: 18 },
    { key: 'deadline', header: '完成时限', type: 'date', width: 13 },
  ],
});

export const DECISION_FORM = defineTemplate({
  id: 'kpd.decisions',
  version: 1,
  fileName: '周例会议定事项.xlsx',
  title: '周例会议定事项',
  sheets: [DECISION_LIST],
});
