import type { IssueCode } from '../issues/codes.js';
import { formatMessage, type IssueParams, type Locale } from '../issues/issue.js';

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

/** Punctuation and numbering of each language: data, so the text code never branches on it. */
const FORMS: Readonly<
  Record<
    Locale,
    {
      list: string;
      items: string;
      stop: string;
      none: string;
      heading1: (n: number, text: string) => string;
      heading2: (n: number, text: string) => string;
      pair: (label: string, text: string) => string;
      aside: (text: string, note: string) => string;
      person: (role: string, name: string) => string;
      tight: (s: string) => string;
    }
  >
> = {
  zh: {
    list: '、',
    items: '；',
    stop: '。',
    none: '—',
    heading1: (n, text) => `${chineseNumber(n)}、${text}`,
    heading2: (n, text) => `（${chineseNumber(n)}）${text}`,
    pair: (label, text) => `${label}：${text}`,
    aside: (text, note) => `${text}（${note}）`,
    person: (role, name) => `${role}${name}`,
    tight: (s) => s.replace(/\s+/gu, ''),
  },
  en: {
    list: ', ',
    items: '; ',
    stop: '.',
    none: '—',
    heading1: (n, text) => `${n}. ${text}`,
    heading2: (n, text) => `(${n}) ${text}`,
    pair: (label, text) => `${label}: ${text}`,
    aside: (text, note) => `${text} (${note})`,
    person: (role, name) => `${role} ${name}`,
    tight: (s) => s,
  },
};

export function docText(locale: Locale): DocText {
  const forms = FORMS[locale];
  const f = (code: IssueCode, params: IssueParams = {}): string => formatMessage(code, params, locale);
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
    list: (names: readonly string[]) => names.join(forms.list),
    items: (parts: readonly string[]) => parts.join(forms.items),
    tight: forms.tight,
    sentence: (text: string) => `${text}${forms.stop}`,
    heading1: forms.heading1,
    heading2: forms.heading2,
    pair: forms.pair,
    aside: forms.aside,
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

/** 一 … 十九: the numbers of first-level headings. */
export function chineseNumber(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n] ?? String(n);
  if (n < 20) return `十${n === 10 ? '' : digits[n - 10]}`;
  return `${digits[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : digits[n % 10]}`;
}
