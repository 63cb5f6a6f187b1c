import type { Locale } from '../issues/issue.js';

/**
 * Each language's colon after a label (a form's 填报单位：, a file named before what is wrong with
 * it): full-width in Chinese. The shells outside the core have theirs in cli/say.ts. (The message
 * table holds sentences; a test wants each of its Chinese texts to hold Chinese, which a lone
 * full-width colon is not.)
 */
export const LABEL_COLON: Readonly<Record<Locale, string>> = { zh: '：', en: ': ' };
