import type { Bulletin } from '../core/bulletin/index.js';
import { formatMessage, message, type Issue, type Locale } from '../core/issues/issue.js';
import { jsonText } from '../core/values/visible.js';
import { ANNEX_SHEET_NAMES } from '../adapters/bulletin-annex.js';
import type { Io } from './io.js';
import { formatMerge, mergeJson } from './merge-render.js';

/** What kpd merge says when the files are written: its warnings on stderr, then JSON or the summary. */
export function sayMerge(
  io: Io,
  bulletin: Bulletin,
  locale: Locale,
  o: {
    readonly warnings: readonly Issue[];
    readonly json: boolean;
    readonly out: string;
    readonly doc?: string;
    readonly annex?: string;
  },
): void {
  for (const w of o.warnings)
    io.err(`${formatMessage('run.warning', { text: message(w, locale) }, locale)}\n`);
  if (o.json) {
    io.out(
      jsonText({
        ...mergeJson(bulletin, locale),
        ...(o.doc !== undefined && { document: o.doc }),
        ...(o.annex !== undefined && { annex: o.annex }),
      }) + '\n',
    );
    return;
  }
  io.out(formatMerge(bulletin, o.out, locale, o.annex));
  if (o.doc !== undefined) io.out(`${formatMessage('doc.written', { path: o.doc }, locale)}\n`);
  if (o.annex !== undefined)
    io.out(`${formatMessage('annex.written', { path: o.annex, sheets: ANNEX_SHEET_NAMES }, locale)}\n`);
}
