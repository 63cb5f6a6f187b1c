import { formatMessage, type Locale } from '../issues/issue.js';

/**
 * 导入通报 (kpd ledger import, the pane's 导入通报): the job is core/ledger/import.ts
 * importBulletin; this is the line every shell says when the period's rows are in.
 */
interface ImportedCounts {
  readonly progress: number;
  readonly submissions: number;
  readonly siteVisits: number;
  readonly replaced: number;
}

export function importedLine(period: string, c: ImportedCounts, locale: Locale): string {
  const replaced = c.replaced > 0 ? formatMessage('ledgerOut.replaced', { count: c.replaced }, locale) : '';
  return formatMessage(
    'ledgerOut.imported',
    { period, progress: c.progress, submissions: c.submissions, siteVisits: c.siteVisits, replaced },
    locale,
  );
}
