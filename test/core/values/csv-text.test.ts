import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/values/csv.js';
import { looksLikeFormula, matchKey, normalizeText } from '../../../src/core/values/text.js';

describe('parseCsv', () => {
  it('reads RFC 4180: quotes, doubled quotes, separators inside quotes, CRLF', () => {
    const text = '日期,类型,说明\r\n2027-01-01,休,"元旦, 放假"\r\n2027-02-06,班,"他说""上班"""\r\n';
    expect(parseCsv(text)).toEqual([
      ['日期', '类型', '说明'],
      ['2027-01-01', '休', '元旦, 放假'],
      ['2027-02-06', '班', '他说"上班"'],
    ]);
  });

  it('drops a BOM and blank lines, keeps a last line without newline', () => {
    expect(parseCsv('\uFEFF日期,类型\n\n2027-01-01,休\n ,\n2027-01-02,休')).toEqual([
      ['日期', '类型'],
      ['2027-01-01', '休'],
      ['2027-01-02', '休'],
    ]);
  });

  it('keeps a line break inside a quoted field', () => {
    expect(parseCsv('a,b\n"第一行\n第二行",x\n')).toEqual([
      ['a', 'b'],
      ['第一行\n第二行', 'x'],
    ]);
  });

  it.each([
    ['semicolons', '日期;类型;说明\n2027-01-01;休;元旦'],
    ['tabs', '日期\t类型\t说明\n2027-01-01\t休\t元旦'],
  ])('detects %s as WPS exports them', (_name, text) => {
    expect(parseCsv(text)).toEqual([
      ['日期', '类型', '说明'],
      ['2027-01-01', '休', '元旦'],
    ]);
  });

  it('reads a single line without newline', () => {
    expect(parseCsv('a,b,c')).toEqual([['a', 'b', 'c']]);
  });
});

describe('text normalisation', () => {
  it('normalizeText folds full width and collapses whitespace', () => {
    expect(normalizeText('　ＡＹ－２０２６－００１ ')).toBe('AY-2026-001');
    expect(normalizeText('a \n\t b')).toBe('a b');
  });

  it('matchKey ignores all whitespace, full width and a trailing colon', () => {
    expect(matchKey('填报单位：')).toBe('填报单位');
    expect(matchKey('填 报 单 位:')).toBe('填报单位');
    expect(matchKey('总投资（万元）')).toBe(matchKey('总投资(万元)'));
  });

  it('looksLikeFormula flags what a spreadsheet would evaluate', () => {
    expect(['=1+1', '+86', '-5', '@SUM(A1)', '  =A1'].map(looksLikeFormula)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['张伟', '1-2', 'a=b'].map(looksLikeFormula)).toEqual([false, false, false]);
  });
});
