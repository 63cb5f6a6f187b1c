import { hasErrors, type Locale } from '../core/issues/issue.js';
import type { FileResult } from './commands/validate.js';
import { countBySeverity, formatIssues } from './format.js';
import { PUNCTUATION, say } from './say.js';

/** What kpd validate prints for a person: each file, what it is, its findings; then the count. */
export function formatValidation(results: readonly FileResult[], locale: Locale): string {
  const p = PUNCTUATION[locale];
  let s = '';
  for (const r of results) {
    const n = countBySeverity(r.issues);
    const kind = r.template
      ? `${r.template}${r.version !== null ? ` v${r.version}` : ''}`
      : say(
          r.issues[0]?.code === 'file.ignored'
            ? 'say.validate.notChecked'
            : r.unusable
              ? 'say.validate.unreadable'
              : 'say.validate.notAForm',
          locale,
        );
    const summary =
      n.error + n.warning + n.info === 0
        ? say('say.validate.ok', locale)
        : say('say.validate.counts', locale, { ...n });
    s += `${r.file}${p.open}${kind}${p.close}${p.colon}${summary}\n${formatIssues(r.issues, locale)}`;
  }
  const bad = results.filter((r) => hasErrors(r.issues)).length;
  return `${s}\n${say('say.validate.total', locale, { files: results.length, bad })}\n`;
}
