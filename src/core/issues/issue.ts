import { a1 } from '../values/grid.js';
import { visibleText } from '../values/visible.js';
import { addDays } from '../values/dates.js';
import { MESSAGES, severityOf, type IssueCode, type Severity } from './codes.js';
import { compareText } from '../values/collate.js';

export type Locale = 'zh' | 'en';
export type IssueParams = Readonly<Record<string, string | number>>;

/** A finding about the input: data, never thrown. Rows and columns are 1-based as Excel shows them. */
export interface Issue {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: number;
  readonly params: IssueParams;
}

/**
 * A file received and not read (not a workbook, a lock file, another form …): why, as a finding
 * (its code and values), said in the reader's language where it is shown.
 */
export interface IgnoredFile {
  readonly file: string;
  readonly reason: Issue;
}

export function issue(
  code: IssueCode,
  where: {
    readonly sheet?: string | undefined;
    readonly row?: number | undefined;
    readonly column?: number | undefined;
  },
  params: IssueParams = {},
  severity: Severity = severityOf(code),
): Issue {
  return {
    code,
    severity,
    ...(where.sheet !== undefined && { sheet: where.sheet }),
    ...(where.row !== undefined && { row: where.row }),
    ...(where.column !== undefined && { column: where.column }),
    params,
  };
}

/** "B7", or "第7行", or "" when the issue is about a whole sheet or file. */
export function cellRef(i: Pick<Issue, 'row' | 'column'>): string {
  if (i.row !== undefined && i.column !== undefined) return a1(i.row, i.column);
  return '';
}

/**
 * A message in the person's language. Values taken from files are shown with their invisible
 * characters written out (`AY-2026-005<U+200B>`), so that a message never quotes as valid text
 * that only looks valid, and never carries a control character to a terminal or a sheet.
 */
export function formatMessage(code: IssueCode, params: IssueParams, locale: Locale = 'zh'): string {
  return MESSAGES[code][locale].replace(
    /\{(=?)(\w+)(:weeks)?\}/gu,
    (all, nested: string, k: string, weeks?: string) => {
      if (!Object.hasOwn(params, k)) return all;
      const v = String(params[k]);
      // {x:weeks}: the param is Mondays (2026-11-09,2026-11-16), said as weeks in this language.
      if (weeks) return weekSpans(v, locale);
      // {=why}: the param is a message code, said in the same language from the same params
      // (a reason inside a finding stays a code until it is read).
      if (nested && isMessageCode(v) && v !== code) return formatMessage(v, params, locale);
      return visibleText(v);
    },
  );
}

/** Mondays given as "2026-11-09,2026-11-16", said as weeks: 2026-11-09 至 2026-11-15、… / … to …, …. */
const weekSpans = (mondays: string, locale: Locale): string =>
  mondays
    .split(',')
    .map((m) => formatMessage('values.weekSpan', { from: m, to: addDays(m, 6) }, locale))
    .join(MESSAGES['values.listSeparator'][locale]);

export const isMessageCode = (s: string): s is IssueCode => Object.hasOwn(MESSAGES, s);

export function message(i: Issue, locale: Locale = 'zh'): string {
  return formatMessage(i.code, i.params, locale);
}

/** Where an issue is, for people: 「进展情况」D7 / 「进展情况」第7行 / 「进展情况」. */
export function location(i: Issue, locale: Locale = 'zh'): string {
  const parts: string[] = [];
  // Filled as typed (no visibleText): the sheet name is the workbook's own.
  if (i.sheet !== undefined) parts.push(fill('values.sheetQuoted', { sheet: i.sheet }, locale));
  const ref = cellRef(i);
  if (ref) parts.push(ref);
  else if (i.row !== undefined) parts.push(fill('values.rowRef', { row: i.row }, locale));
  return parts.join(locale === 'zh' ? '' : '!');
}

/** A message's text with its {placeholders} filled as given. */
const fill = (code: IssueCode, params: IssueParams, locale: Locale): string =>
  MESSAGES[code][locale].replace(/\{(\w+)\}/gu, (all, k: string) =>
    Object.hasOwn(params, k) ? String(params[k]) : all,
  );

const label = (code: IssueCode): Readonly<Record<Locale, string>> => ({
  zh: MESSAGES[code].zh,
  en: MESSAGES[code].en,
});

export const SEVERITY_LABEL: Readonly<Record<Severity, Readonly<Record<Locale, string>>>> = {
  error: label('severity.error'),
  warning: label('severity.warning'),
  info: label('severity.info'),
};

/**
 * Names listed in one param, joined as `locale` lists them (、 / ", "); `separator` another
 * joining word of the table (「A」或「B」: 'values.orQuoted').
 */
export function joinNames(
  names: readonly (string | number)[],
  locale: Locale = 'zh',
  separator: 'values.listSeparator' | 'values.orQuoted' | 'values.clauseSeparator' = 'values.listSeparator',
): string {
  return names.join(MESSAGES[separator][locale]);
}

export const hasErrors = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === 'error');

/** Stable order: sheet order as given, then row, column, code. */
export function sortIssues(issues: readonly Issue[], sheetOrder: readonly string[] = []): Issue[] {
  const rank = (s: string | undefined): number => {
    if (s === undefined) return -1;
    const k = sheetOrder.indexOf(s);
    return k < 0 ? sheetOrder.length : k;
  };
  return [...issues].sort(
    (a, b) =>
      rank(a.sheet) - rank(b.sheet) ||
      compareText(a.sheet ?? '', b.sheet ?? '') ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareText(a.code, b.code),
  );
}
