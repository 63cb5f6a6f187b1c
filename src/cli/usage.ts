/** Usage texts, kept apart from the commands so `kpd --help` loads no command code. */
import { USAGE_MESSAGES } from '../core/issues/messages-usage.js';
import type { Locale } from '../core/issues/issue.js';

/** One command's usage in the person's language (`kpd help merge`, `kpd merge --help`). */
export function usageOf(command: string, locale: Locale): string | undefined {
  const key = `usage.${command}`;
  return Object.hasOwn(USAGE_MESSAGES, key)
    ? USAGE_MESSAGES[key as keyof typeof USAGE_MESSAGES][locale]
    : undefined;
}

export const TEMPLATES_USAGE = USAGE_MESSAGES['usage.templates'].zh;
export const VALIDATE_USAGE = USAGE_MESSAGES['usage.validate'].zh;
export const DEADLINES_USAGE = USAGE_MESSAGES['usage.deadlines'].zh;
export const MERGE_USAGE = USAGE_MESSAGES['usage.merge'].zh;
export const SCORE_USAGE = USAGE_MESSAGES['usage.score'].zh;
export const LEDGER_USAGE = USAGE_MESSAGES['usage.ledger'].zh;
export const AGENDA_USAGE = USAGE_MESSAGES['usage.agenda'].zh;
export const CHART_USAGE = USAGE_MESSAGES['usage.chart'].zh;
export const FORMS_USAGE = USAGE_MESSAGES['usage.forms'].zh;
export const MAIL_USAGE = USAGE_MESSAGES['usage.mail'].zh;
export const SCHEDULE_USAGE = USAGE_MESSAGES['usage.schedule'].zh;
export const HOLIDAYS_USAGE = USAGE_MESSAGES['usage.holidays'].zh;
export const MINUTES_USAGE = USAGE_MESSAGES['usage.minutes'].zh;
