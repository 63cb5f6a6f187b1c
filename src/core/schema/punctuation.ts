import type { Locale } from '../issues/issue.js';

/**
 * Each language's punctuation joining names and sentences, in the core, the panes and the CLI:
 * the brackets around an aside, the colon after a label (a form's 填报单位：, a file named before
 * what is wrong with it), the semicolon and the comma between items, the gap between the parts
 * of a pane's line (file, place, message). Full-width in Chinese. (The list separator 、 is the
 * message 'values.listSeparator', said inside sentences.)
 */
export const JOINERS: Readonly<
  Record<
    Locale,
    { open: string; close: string; colon: string; semicolon: string; comma: string; gap: string }
  >
> = {
  zh: { open: '（', close: '）', colon: '：', semicolon: '；', comma: '，', gap: '　' },
  en: { open: ' (', close: ')', colon: ': ', semicolon: '; ', comma: ', ', gap: '  ' },
};
