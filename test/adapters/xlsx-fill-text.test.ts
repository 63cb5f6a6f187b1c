import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xmlText } from '../../src/adapters/xlsx-fill/text.js';

/**
 * xmlText escapes what XML 1.0 forbids without a lookbehind or the u flag (so the panes' ES5
 * builds keep the pattern as written); it must escape exactly what the code-point pattern did.
 */
// The characters XML forbids, as the writer had them.
/* eslint-disable no-control-regex -- these are exactly the characters to escape */
const BY_CODE_POINT =
  /[&<>"]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|_(?=x[0-9A-Fa-f]{4}_)/gu;
/* eslint-enable no-control-regex */
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  _: '_x005F_',
};
const reference = (s: string): string =>
  s.replace(
    BY_CODE_POINT,
    (ch) => ESCAPES[ch] ?? `_x${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );

describe('xmlText', () => {
  it('escapes lone surrogates and keeps pairs', () => {
    expect(xmlText('a\ud83d\ude00b')).toBe('a\ud83d\ude00b');
    expect(xmlText('a\ud83db')).toBe('a_xD83D_b');
    expect(xmlText('a\ude00b')).toBe('a_xDE00_b');
    expect(xmlText('\ude00\ud83d')).toBe('_xDE00__xD83D_');
    expect(xmlText('x\ud83d\ud83d\ude00')).toBe('x_xD83D_\ud83d\ude00');
    expect(xmlText('A&B_x0041_\u0001')).toBe('A&amp;B_x005F_x0041__x0001_');
  });

  it('escapes what the code-point pattern escaped, for any text', () => {
    const unit = fc.constantFrom(
      'a',
      '中',
      '&',
      '_',
      'x',
      '0',
      '4',
      '\u0001',
      '\ud83d',
      '\ude00',
      '\uffff',
      '"',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
        const s = units.join('');
        expect(xmlText(s)).toBe(reference(s));
      }),
      { seed: 14, numRuns: 2000 },
    );
  });
});
