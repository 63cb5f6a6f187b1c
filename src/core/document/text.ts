import { MESSAGES, type IssueCode } from '../issues/codes.js';
import { formatMessage, type IssueParams, type Locale } from '../issues/issue.js';
import { fillText } from '../paper/text.js';
import { zhNumeral } from '../values/zh-number.js';

/**
 * The words of a document, from the message table (messages-documents.ts), with the number
 * and date forms official Chinese uses: 2026年11月13日, 85.3%, 12345.60 (万元).
 */
export interface DocText {
  readonly locale: Locale;
  (code: IssueCode, params?: IssueParams): string;
  date(iso: string): string;
  /** 11月2日 */
  shortDate(iso: string): string;
  /** A ratio as a percentage with one decimal: 0.8531 → "85.3%"; undefined → "—". */
  pct(ratio: number | undefined): string;
  /** 万元 with two decimals, no grouping (as running text writes it). */
  money(x: number): string;
  /** Percentage points with one decimal, always positive: the size of a gap. */
  points(ratioGap: number): string;
  /** What an empty cell shows. */
  readonly none: string;
  /** "一、text" (first level) and "（一）text" (second level). */
  heading1(n: number, text: string): string;
  heading2(n: number, text: string): string;
  /** "名称：内容" */
  pair(label: string, text: string): string;
  /** "内容（说明）" */
  aside(text: string, note: string): string;
  /** "指挥长李红梅" */
  person(role: string, name: string): string;
  /** Names joined with 、 */
  list(names: readonly string[]): string;
  /** Items joined with ； */
  items(parts: readonly string[]): string;
  /**
   * A phrase made for a table cell (with spaces around numbers, "差 7.2 个百分点") as running
   * Chinese text writes it, without them.
   */
  tight(text: string): string;
  /** A sentence built of parts, ended with the language's full stop. */
  sentence(text: string): string;
  /** "高于序时进度 2.1 个百分点" / "低于…" / "与序时进度持平", from exact figures. */
  compare(rate: number, fraction: number): string;
}

/**
 * What of each language is not words: how it numbers headings, names a person by role, shows an
 * empty cell and treats spaces. The punctuation is in the message table (doc.form.*).
 */
const FORMS: Readonly<
  Record<
    Locale,
    {
      none: string;
      numeral: (n: number) => string;
      person: (role: string, name: string) => string;
      tight: (s: string) => string;
    }
  >
> = {
  zh: {
    none: '—',
    numeral: zhNumeral,
    person: (role, name) => `${role}${name}`,
    tight: (s) => s.replace(/\s+/gu, ''),
  },
  en: {
    none: '—',
    numeral: String,
    person: (role, name) => `${role} ${name}`,
    tight: (s) => s,
  },
};

export function docText(locale: Locale): DocText {
  const forms = FORMS[locale];
  const f = (code: IssueCode, params: IssueParams = {}): string => formatMessage(code, params, locale);
  // Punctuation around a unit's own text: filled as given.
  const p = (code: IssueCode, params: IssueParams = {}): string => printed(code, params, locale);
  const round1 = (x: number): number => Math.round(x * 10) / 10;
  const text = Object.assign(f, {
    locale,
    date: (iso: string) =>
      f('doc.date', {
        y: Number(iso.slice(0, 4)),
        m: Number(iso.slice(5, 7)),
        d: Number(iso.slice(8, 10)),
      }),
    shortDate: (iso: string) =>
      f('doc.shortDate', { m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) }),
    pct: (ratio: number | undefined) => (ratio === undefined ? forms.none : `${(ratio * 100).toFixed(1)}%`),
    money: (x: number) => (Math.round(x * 100) / 100).toFixed(2),
    points: (gap: number) => Math.abs(round1(gap * 100)).toFixed(1),
    none: forms.none,
    list: (names: readonly string[]) => names.join(p('values.listSeparator')),
    items: (parts: readonly string[]) => parts.join(p('doc.form.items')),
    tight: forms.tight,
    sentence: (text: string) => `${text}${p('doc.form.stop')}`,
    heading1: (n: number, text: string) => p('doc.form.heading1', { n: forms.numeral(n), text }),
    heading2: (n: number, text: string) => p('doc.form.heading2', { n: forms.numeral(n), text }),
    pair: (label: string, text: string) => p('doc.form.pair', { label, text }),
    aside: (text: string, note: string) => p('doc.form.aside', { text, note }),
    person: forms.person,
    compare: (rate: number, fraction: number) => {
      // "Behind" compares exact amounts (DOMAIN §3); the gap shown is rounded for reading only.
      const gap = rate - fraction;
      if (Math.abs(gap) < 1e-9) return f('doc.compare.even');
      const shown = Math.abs(round1(gap * 100)).toFixed(1);
      return f(gap > 0 ? 'doc.compare.ahead' : 'doc.compare.behind', { gap: shown });
    },
  });
  return text;
}

/**
 * A message's words for a printed sheet or document, filled with the values exactly as given:
 * paper shows a unit's text as it was typed (formatMessage, for findings, writes invisible
 * characters out instead).
 */
export function printed(code: IssueCode, params: IssueParams = {}, locale: Locale = 'zh'): string {
  return fillText(MESSAGES[code][locale], params);
}

/** 2026-11-13 → 2026年11月13日 (the long form printed on paper). */
export const zhDate = (d: string, locale: Locale = 'zh'): string =>
  printed(
    'doc.date',
    { y: Number(d.slice(0, 4)), m: Number(d.slice(5, 7)), d: Number(d.slice(8, 10)) },
    locale,
  );
