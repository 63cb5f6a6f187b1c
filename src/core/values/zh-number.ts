/**
 * A count as Chinese writes it in a rule's sentence: 前三名, 后三名, 连续两次, 连续三次, 前十二名.
 * 2 before a measure word is 两 (连续两次), as the notice writes it; other numbers are read out
 * digit by digit under 100 (十, 十一, 二十, 二十一); larger ones stay in digits.
 * @example zhCount(2) // '两'
 */
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

export function zhCount(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 100) return String(n);
  if (n === 2) return '两';
  if (n < 10) return DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (DIGITS[tens] ?? '')}十${ones === 0 ? '' : (DIGITS[ones] ?? '')}`;
}

/**
 * A number as Chinese numbers a heading or an item (一、 （二） 十二): as zhCount, but 2 is 二.
 * @example zhNumeral(2) // '二'
 */
export function zhNumeral(n: number): string {
  return n === 2 ? (DIGITS[2] ?? '') : zhCount(n);
}
