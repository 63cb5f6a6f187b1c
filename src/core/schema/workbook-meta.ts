/**
 * What every workbook we write says about itself: the program named as its author (the file's
 * properties, the hidden _kpd sheet's 生成程序) and the label of the template mark (id@version)
 * on that sheet. Data read by programs and by whoever opens the hidden sheet, not sentences.
 */
export const GENERATOR = '重点项目推进助手 kpd';
export const MARK_LABEL = '标识';

/**
 * The mark in the name of a result being written, before it is renamed into place
 * (`通报.xlsx.kpd-部分写入-1234-ab12cd34.tmp`: "partly written by kpd"); leftovers are found by it.
 */
export const PARTIAL_WRITE_MARK = '.kpd-部分写入-';
