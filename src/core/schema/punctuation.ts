import type { Locale } from '../issues/issue.js';

/**
 * Each language's punctuation joining names and sentences in the core and the panes: the colon
 * after a label (a form's 填报单位：, a file named before what is wrong with it), the semicolon
 * and the comma between items, the gap between the parts of a pane's line (file, place, message). Full-width in Chinese. (The CLI's brackets and colon are in
 * cli/say.ts; the list separator 、 is the message 'values.listSeparator'. The message table holds
 * sentences: a test wants each of its Chinese texts to hold Chinese, which a lone ：；， is not.)
 */
export const JOINERS: Readonly<
  Record<Locale, { colon: string; semicolon: string; comma: string; gap: string }>
> = {
  zh: { colon: '：', semicolon: '；', comma: '，', gap: '　' },
  en: { colon: ': ', semicolon: '; ', comma: ', ', gap: '  ' },
};
