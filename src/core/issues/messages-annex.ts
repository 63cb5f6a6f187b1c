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
  'annex.leftInTemplate': {
    severity: 'warning',
    zh: '通报模板中有「{sheet}」表：其内容已写入附件，通报中的这张表留空。发出前请从模板中删去这张表。',
    en: 'The bulletin template has the sheet {sheet}: its rows went to the annex and it is left empty in the bulletin. Remove it from the template before sending.',
  },
} as const satisfies Record<string, MessageDef>;
