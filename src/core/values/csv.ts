/**
 * RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF), also with ; or tab separators
 * as WPS exports them. Returns rows of strings.
 * @example parseCsv('日期,类型\n2027-01-01,休') // [['日期','类型'],['2027-01-01','休']]
 */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = src.slice(0, src.indexOf('\n') >>> 0);
  const sep = [',', '\t', ';'].reduce(
    (best, s) => (count(firstLine, s) > count(firstLine, best) ? s : best),
    ',',
  );
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/**
 * Rows as RFC 4180 CSV with CRLF line ends and a BOM, so Excel and WPS open the Chinese right;
 * `parseCsv` reads it back.
 * @example formatCsv([['日期', '类型'], ['2027-01-01', '休']]) // '\uFEFF日期,类型\r\n2027-01-01,休\r\n'
 */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  const field = (s: string): string => (/[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s);
  return '\uFEFF' + rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
