import fs from 'node:fs';
import { pipeline } from 'node:stream';
import { Readable } from 'node:stream';
import { CsvError, parse, type Options } from 'csv-parse';
import iconv from 'iconv-lite';
import { TableFileError, type TableRecord } from './table';

/** The encodings a CSV may be in: what Excel in China saves (GBK, a subset of GB18030) and UTF-8. */
export const CSV_ENCODINGS = ['utf-8', 'gbk', 'gb18030'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** A record longer than this is almost always an unclosed quote swallowing the rest of the file. */
const MAX_RECORD_CHARS = 1_000_000;

export function isCsvEncoding(name: string): name is CsvEncoding {
  return (CSV_ENCODINGS as readonly string[]).includes(name.toLowerCase());
}

/**
 * UTF-8 when every byte of the file decodes as UTF-8 (with or without a BOM), else GB18030. A
 * GBK file of Chinese text is practically never valid UTF-8 (its two-byte sequences break
 * UTF-8's continuation rules within a few characters), so reading the whole file once is a
 * reliable test; GB18030 is GBK's superset, so a GBK file decodes the same under it.
 */
export async function detectEncoding(file: string): Promise<'utf-8' | 'gb18030'> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const start = Buffer.alloc(2);
    await handle.read(start, 0, 2, 0);
    if ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff))
      throw new TableFileError('the file is UTF-16 ("Unicode text"); save it as "CSV UTF-8" or as .xlsx');
  } finally {
    await handle.close();
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of fs.createReadStream(file)) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

const lineBreaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

/** The file's text in chunks; undecodable bytes stop the read with the line they are on. */
async function* decode(file: string, encoding: CsvEncoding): AsyncGenerator<string> {
  let line = 1;
  const failAt = (before: string, what: string): never => {
    throw new TableFileError(what, line + lineBreaks(before));
  };
  if (encoding === 'utf-8') {
    // Fatal, unlike iconv's replacement characters: a forced UTF-8 read of a GBK file must stop.
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let pending = '';
    for await (const chunk of fs.createReadStream(file)) {
      try {
        pending = decoder.decode(chunk as Buffer, { stream: true });
      } catch {
        // Find the line: decode the chunk leniently, past the continuation bytes of a character
        // that began in the previous chunk, and count the lines before the first bad byte.
        let skip = 0;
        while (skip < 3 && ((chunk as Buffer)[skip] & 0xc0) === 0x80) skip++;
        const lenient = new TextDecoder('utf-8').decode((chunk as Buffer).subarray(skip));
        failAt(
          lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD'))),
          'the file is not valid UTF-8 here (saved as GBK? leave out --encoding to detect it)',
        );
      }
      line += lineBreaks(pending);
      yield pending;
    }
    yield decoder.decode();
    return;
  }
  const decoder = iconv.getDecoder('gb18030');
  for await (const chunk of fs.createReadStream(file)) {
    const text = decoder.write(chunk as Buffer);
    const bad = text.indexOf('\uFFFD');
    if (bad >= 0) failAt(text.slice(0, bad), `the file is neither UTF-8 nor ${encoding.toUpperCase()} here`);
    line += lineBreaks(text);
    yield text;
  }
  const rest = decoder.end() ?? '';
  if (rest.includes('\uFFFD')) failAt('', `the file ends inside a ${encoding.toUpperCase()} character`);
  yield rest;
}

/** csv-parse's complaint, said in the terms of someone who saved the file from Excel. */
function quotingProblem(error: CsvError): string {
  switch (error.code) {
    case 'CSV_INVALID_CLOSING_QUOTE': {
      const got = /got "(.*?)" at line/.exec(error.message)?.[1];
      return `malformed quoting: a closing quote is followed by ${got ? `"${got}"` : 'text'} instead of a comma or the end of the line (write a quote inside a quoted field as "")`;
    }
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'malformed quoting: a quoted field that starts in this record is never closed';
    case 'INVALID_OPENING_QUOTE':
      return 'malformed quoting: a quote inside an unquoted field (quote the whole field and double the quote: "a""b")';
    case 'CSV_MAX_RECORD_SIZE':
      return `a record longer than ${MAX_RECORD_CHARS} characters (an unclosed quote?)`;
    default:
      return error.message;
  }
}

/**
 * The records of a CSV file (RFC 4180 quoting, comma-separated, CRLF or LF), parsed by
 * csv-parse, each with the line it starts on. `encoding` forces one; by default it is detected
 * (`detectEncoding`). Quoting errors stop the read with a TableFileError naming the line.
 */
export async function* readCsvFile(file: string, encoding?: CsvEncoding): AsyncGenerator<TableRecord> {
  const chosen = encoding ?? (await detectEncoding(file));
  // Lines are counted here rather than taken from csv-parse's info, which counts a CRLF inside
  // a quoted field as two lines. on_record runs as each record is parsed, before any later
  // record's error, so `next` is the line an error's record starts on even when records read
  // ahead are still buffered.
  let next = 1;
  const parser = parse({
    bom: true,
    relax_column_count: true,
    max_record_size: MAX_RECORD_CHARS,
    // Typed for records of fields; this one turns them into TableRecords.
    on_record: ((fields: string[]): TableRecord => {
      const line = next;
      next += 1 + fields.reduce((n, f) => n + lineBreaks(f), 0);
      return { line, fields };
    }) as unknown as Options['on_record'],
  });
  // pipeline destroys the parser with the source's error, which the loop below then throws.
  pipeline(Readable.from(decode(file, chosen)), parser, () => {});
  try {
    for await (const record of parser as AsyncIterable<TableRecord>) yield record;
  } catch (error) {
    if (error instanceof CsvError) throw new TableFileError(quotingProblem(error), next);
    throw error;
  }
}
