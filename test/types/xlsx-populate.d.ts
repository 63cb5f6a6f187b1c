/** xlsx-populate ships no typings; tests use it only as a foreign writer (see test/merge/foreign-writer.test.ts). */
declare module 'xlsx-populate' {
  const XlsxPopulate: { fromDataAsync(data: Uint8Array): Promise<unknown> };
  export default XlsxPopulate;
}
