/**
 * A streaming CSV reader (RFC 4180: quoted fields, doubled quotes, CRLF or LF). Yields each
 * record with the file line it started on, so import reports can name the line.
 */
export async function* readCsv(
  chunks: AsyncIterable<string | Buffer>,
): AsyncGenerator<{ line: number; fields: string[] }> {
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let recordLine = 1;
  let pendingCr = false;
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (pendingCr) {
        pendingCr = false;
        if (c === '\n') continue;
      }
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else if (i + 1 === text.length) {
            // A quote at the chunk's end: decided by the next chunk; treat as closing and let a
            // following quote reopen it as an escaped quote.
            quoted = false;
            afterQuote = true;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (c === '\n') line++;
          field += c;
        }
        continue;
      }
      if (c === '"') {
        if (afterQuote) {
          field += '"'; // the second half of a doubled quote split across chunks
          quoted = true;
          afterQuote = false;
        } else if (field === '') {
          quoted = true;
        } else {
          field += c;
        }
      } else if (c === ',') {
        fields.push(field);
        field = '';
        afterQuote = false;
      } else if (c === '\n' || c === '\r') {
        fields.push(field);
        yield { line: recordLine, fields };
        fields = [];
        field = '';
        afterQuote = false;
        line++;
        recordLine = line;
        pendingCr = c === '\r';
      } else {
        field += c;
        afterQuote = false;
      }
    }
  }
  if (field !== '' || fields.length) {
    fields.push(field);
    yield { line: recordLine, fields };
  }
}
