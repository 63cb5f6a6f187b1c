import type { MessageDef } from './codes.js';

/**
 * The 通报 and its annex as two workbooks (`kpd merge --annex`): what the printed 通报 says about
 * where the annex is, and what the command says it wrote. Chinese first.
 */
export const ANNEX_MESSAGES = {
  'annex.errorsWhere': {
    severity: 'info',
    zh: '（明细见附件（另册）「{sheet}」）',
    en: '(details in the separate annex, sheet {sheet})',
  },
  'annex.written': {
    severity: 'info',
    zh: '已生成附件 {path}（{sheets}，供办公室留存，不随通报发出）',
    en: 'Wrote the annex {path} ({sheets}; kept by the office, not sent with the bulletin)',
  },
} as const satisfies Record<string, MessageDef>;
