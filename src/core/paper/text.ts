/** Fills `{name}` placeholders of a fixed text (schema wording) with values. */
export function fillText(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/gu, (_, k: string) =>
    Object.hasOwn(params, k) ? String(params[k]) : '',
  );
}
