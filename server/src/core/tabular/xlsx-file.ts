import ExcelJS from 'exceljs';
import { TableFileError, type TableRecord } from './table';

/** A1-style column letters of a 1-based column number. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as the text a CSV of the same sheet would hold. Dates become YYYY-MM-DD (Excel's
 * serial dates have no zone; exceljs reads them as UTC, so the UTC fields are what the user
 * typed), with the time appended when there is one so a rule for dates refuses it visibly.
 * Numbers print in JavaScript's shortest round-trip form, which undoes the binary noise Excel
 * stores (79.900000000000006 → 79.9); the rules then judge decimals as they would in a CSV.
 */
function cellText(value: ExcelJS.CellValue, address: string): { text: string; problem?: string } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: String(value) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { text: '', problem: `cell ${address} holds an invalid date` };
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const time = value.getUTCHours() * 3600 + value.getUTCMinutes() * 60 + value.getUTCSeconds();
    return {
      text: time
        ? `${day} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`
        : day,
    };
  }
  if ('error' in value) return { text: '', problem: `cell ${address} holds the Excel error ${value.error}` };
  if ('richText' in value) return { text: value.richText.map((run) => run.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null)
      return {
        text: '',
        problem: `cell ${address} holds a formula without a saved result (open and save the file in Excel)`,
      };
    return cellText(result as ExcelJS.CellValue, address);
  }
  if ('hyperlink' in value) return { text: value.text };
  return { text: '', problem: `cell ${address} holds a value of an unsupported kind` };
}

/**
 * The rows of the first worksheet of an .xlsx file, read as a stream (exceljs WorkbookReader),
 * each with its row number as Excel shows it. Another worksheet with any value stops the read:
 * the import takes one sheet, and a second one would otherwise be ignored without a word.
 */
export async function* readXlsxFile(file: string): AsyncGenerator<TableRecord> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell a date from a number
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheets = 0;
  let first = '';
  try {
    for await (const sheet of workbook) {
      sheets++;
      const name = (sheet as unknown as { name?: string }).name ?? `#${sheets}`;
      if (sheets === 1) first = name;
      for await (const row of sheet) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        if (sheets > 1) {
          if (values.some((v) => v !== null && v !== undefined && v !== ''))
            throw new TableFileError(
              `the workbook has values on a second worksheet (${name}, row ${row.number}); put every row on the first worksheet (${first}) or delete the others`,
            );
          continue;
        }
        const fields: string[] = [];
        const problems: string[] = [];
        for (let i = 0; i < values.length; i++) {
          const { text, problem } = cellText(values[i], `${columnLetters(i + 1)}${row.number}`);
          fields.push(text);
          if (problem) problems.push(problem);
        }
        yield problems.length
          ? { line: row.number, fields, problem: problems.join('; ') }
          : { line: row.number, fields };
      }
    }
  } catch (error) {
    if (error instanceof TableFileError) throw error;
    throw new TableFileError(
      `not a readable .xlsx workbook (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (!sheets) throw new TableFileError('the workbook has no worksheet');
}
