import { describe, expect, it } from 'vitest';
import { ADDIN_MESSAGES, addinText, type AddinCode } from '../../src/addin/messages.js';

/** The pane's own sentences: Chinese and English for every code, the same placeholders. */
describe('the task pane’s message table', () => {
  const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]).sort();

  it('has Chinese (first) and English for every code, with the same placeholders', () => {
    for (const [code, m] of Object.entries(ADDIN_MESSAGES)) {
      expect(Object.keys(m), code).toEqual(['zh', 'en']);
      expect(/[\u4e00-\u9fff]/u.test(m.zh), code).toBe(true);
      expect(holes(m.en), code).toEqual(holes(m.zh));
    }
  });

  it('fills every placeholder, in both languages', () => {
    for (const code of Object.keys(ADDIN_MESSAGES) as AddinCode[]) {
      const params = Object.fromEntries(holes(ADDIN_MESSAGES[code].zh).map((k) => [k, `<${k}>`]));
      for (const locale of ['zh', 'en'] as const)
        expect(addinText(code, locale, params), `${code} ${locale}`).not.toMatch(/\{\w+\}/u);
    }
  });

  it('says, for each feature an older Excel lacks, what it cannot do and what to do instead', () => {
    for (const code of [
      'api.basicLayout',
      'api.noFreeze',
      'api.noDropDowns',
      'api.downloaded',
      'api.noLiveCheck',
    ] as const)
      expect(addinText(code), code).toMatch(/^此版本的 Excel（ExcelApi [\d.]+[^）]*）不能[^：]+：.+。$/u);
  });
});
