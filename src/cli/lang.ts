import type { Locale } from '../core/issues/issue.js';

/** Chinese first; English when asked for (--lang en or KPD_LANG=en). */
export function localeOf(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Locale {
  const v = (flag ?? env['KPD_LANG'] ?? 'zh').toLowerCase();
  return v.startsWith('en') ? 'en' : 'zh';
}
