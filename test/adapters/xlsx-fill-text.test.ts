import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xmlText } from '../../src/adapters/xlsx-fill/text.js';

/**
 * Cell text as XML (the bulletin the task pane fills runs in IE11 too, so the pattern has no
 * lookbehind and no u flag): characters outside the BMP pass whole, lone surrogates and control
 * characters become Excel's _xHHHH_ escapes, markup is escaped.
 */
describe('xmlText', () => {
  it('keeps surrogate pairs, escapes lone surrogates, controls, markup and look-alike escapes', () => {
    expect(xmlText('𠀀项目😀')).toBe('𠀀项目😀');
    expect(xmlText('a\ud800b')).toBe('a_xD800_b');
    expect(xmlText('a\udc00b')).toBe('a_xDC00_b');
    expect(xmlText('\udc00\ud800')).toBe('_xDC00__xD800_');
    expect(xmlText('x\u0001<&>"')).toBe('x_x0001_&lt;&amp;&gt;&quot;');
    expect(xmlText('_x0041_')).toBe('_x005F_x0041_');
  });

  it('leaves no lone surrogate and changes nothing else (any string)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const out = xmlText(s);
        expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u);
        const back = out
          .replace(/_x([0-9A-F]{4})_/gu, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
          .replace(/&lt;/gu, '<')
          .replace(/&gt;/gu, '>')
          .replace(/&quot;/gu, '"')
          .replace(/&amp;/gu, '&');
        expect(back).toBe(s);
      }),
      { numRuns: 300 },
    );
  });
});
