import path from 'node:path';
import { readCsvFile, type CsvEncoding } from './csv-file';
import { readXlsxFile } from './xlsx-file';
import { TableFileError, type TableRecord } from './table';

export { CSV_ENCODINGS, isCsvEncoding, detectEncoding, type CsvEncoding } from './csv-file';
export { TableFileError, type TableRecord } from './table';
export { columnLetters } from './xlsx-file';

export type TableFormat = 'csv' | 'xlsx';

/** The format a file is read as, from its name: .xlsx is a workbook, anything else CSV. */
export function tableFormat(file: string): TableFormat {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.xls' || extension === '.et')
    throw new TableFileError(`${extension} is an old binary format; save the file as .xlsx or as CSV`);
  return extension === '.xlsx' ? 'xlsx' : 'csv';
}

/** The records of a CSV or .xlsx file, whichever its name says (see readCsvFile, readXlsxFile). */
export function readTableFile(file: string, options: { encoding?: CsvEncoding } = {}): AsyncGenerator<TableRecord> {
  return tableFormat(file) === 'xlsx' ? readXlsxFile(file) : readCsvFile(file, options.encoding);
}
