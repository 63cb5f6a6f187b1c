/** Fills `{name}` placeholders of a fixed text (schema wording) with values. */
export function fillText(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/gu, (_, k: string) =>
    Object.hasOwn(params, k) ? String(params[k]) : '',
  );
}

/** 2026-11-13 → 2026年11月13日 (the long form printed on paper). */
export const zhDate = (d: string): string =>
  `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
