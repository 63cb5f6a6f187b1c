import { formatMessage, type IssueParams, type Locale } from '../core/issues/issue.js';
import type { IssueCode } from '../core/issues/codes.js';
import { JOINERS } from '../core/schema/punctuation.js';

/** A sentence of the message table, in the run's language (core/validate/messages-shells.ts). */
export const say = (code: IssueCode, locale: Locale, params: IssueParams = {}): string =>
  formatMessage(code, params, locale);

/** A table's column headings: one message, the columns separated by |. */
export const columns = (code: IssueCode, locale: Locale): string[] => say(code, locale).split('|');

/** A line the clerk must see on stderr: 警告：… */
export const warningLine = (text: string, locale: Locale): string =>
  say('cli.warning', locale, { text }) + '\n';

/** Each language's brackets and colon, for lines put together of names and sentences. */
export const PUNCTUATION = JOINERS;
