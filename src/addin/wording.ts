import { formatMessage, type Issue, type Locale } from '../core/issues/issue.js';
import type { IssueCode } from '../core/issues/codes.js';
import { PANE_WORDING } from './messages-wording.js';

/** The pane's wording of findings that name a command-line option: its table (messages-wording.ts). */
export { PANE_WORDING };

/** A finding's text as the pane says it: its own wording where the core's names a CLI option. */
export function paneText(
  code: IssueCode,
  params: Readonly<Record<string, string | number>>,
  locale: Locale = 'zh',
): string {
  const own = (PANE_WORDING as Partial<Record<IssueCode, Readonly<Record<Locale, string>>>>)[code];
  if (!own) return formatMessage(code, params, locale);
  return own[locale].replace(/\{(\w+)\}/gu, (m, k: string) =>
    Object.prototype.hasOwnProperty.call(params, k) ? String(params[k]) : m,
  );
}

export const paneMessage = (i: Issue, locale: Locale = 'zh'): string => paneText(i.code, i.params, locale);
