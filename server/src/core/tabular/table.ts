/**
 * One record of a table file: the fields of one CSV record or one worksheet row, with the line
 * (CSV) or row number (XLSX) the user sees in their editor, so every report can name it.
 */
export interface TableRecord {
  line: number;
  fields: string[];
  /**
   * Set when the record itself is unusable as read (a field count that does not match the
   * header, an Excel error value in a cell): the consumer reports it against this line and
   * rejects what the record belongs to, instead of guessing.
   */
  problem?: string;
}

/**
 * The file cannot be read as a table at all (broken quoting, an encoding or format that is not
 * supported). Named by line where there is one; nothing in such a file is imported, because
 * after broken quoting the record boundaries that follow are guesses.
 */
export class TableFileError extends Error {
  constructor(
    readonly reason: string,
    readonly line?: number,
  ) {
    super(line === undefined ? reason : `line ${line}: ${reason}`);
    this.name = 'TableFileError';
  }
}
