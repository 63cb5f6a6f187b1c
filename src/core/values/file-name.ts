/**
 * A received file as a printed document may name it: its file name, never the folder it was read
 * from on the clerk's PC. A file inside an e-mail or an archive keeps its container
 * ("进展.eml › 进展.xlsx"), each part by its own name.
 * @example fileName('D:/收件/2026-11-1/进展.eml › 附件/进展.xlsx') // '进展.eml › 进展.xlsx'
 */
export function fileName(path: string): string {
  return path
    .split(' › ')
    .map((part) => part.slice(Math.max(part.lastIndexOf('/'), part.lastIndexOf('\\')) + 1))
    .join(' › ');
}
