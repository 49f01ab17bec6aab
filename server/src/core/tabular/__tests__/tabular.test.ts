import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { detectEncoding, readTableFile, TableFileError, type TableRecord } from '..';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tabular-'));
let files = 0;
function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, `${++files}-${name}`);
  fs.writeFileSync(file, content);
  return file;
}

async function read(file: string, encoding?: 'utf-8' | 'gbk'): Promise<TableRecord[]> {
  const records: TableRecord[] = [];
  for await (const record of readTableFile(file, { encoding })) records.push(record);
  return records;
}

async function failure(file: string, encoding?: 'utf-8' | 'gbk'): Promise<TableFileError> {
  try {
    await read(file, encoding);
  } catch (error) {
    if (error instanceof TableFileError) return error;
    throw error;
  }
  throw new Error('expected a TableFileError');
}

describe('CSV files', () => {
  it('numbers each record by the line it starts on, across quoted line breaks in LF and CRLF files', async () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['a,b', '1,2', '', '"x', 'y",3', '"p""q",4', '5,6'].join(eol) + eol;
      expect(await read(write('lines.csv', text))).toEqual([
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', '2'] },
        { line: 3, fields: [''] },
        { line: 4, fields: [`x${eol}y`, '3'] },
        { line: 6, fields: ['p"q', '4'] },
        { line: 7, fields: ['5', '6'] },
      ]);
    }
  });

  it('refuses malformed quoting, naming the line, instead of guessing', async () => {
    const closing = await failure(write('closing.csv', 'a,b\n1,2\n"b"x,3\n4,5\n'));
    expect(closing.line).toBe(3);
    expect(closing.message).toMatch(/^line 3: malformed quoting: a closing quote is followed by "x"/);

    const unclosed = await failure(write('unclosed.csv', 'a,b\n1,2\n"abc,3\n4,5\n6,7\n'));
    expect(unclosed.line).toBe(3);
    expect(unclosed.message).toMatch(/never closed/);

    const inside = await failure(write('inside.csv', 'a,b\n1,2\n3,a"b\n'));
    expect(inside.line).toBe(3);
    expect(inside.message).toMatch(/quote inside an unquoted field/);

    // After a multi-line record, the line is still the record's own.
    const later = await failure(write('later.csv', 'a,b\r\n"x\r\ny",1\r\n"b"c,2\r\n'));
    expect(later.line).toBe(4);
  });

  it('reads UTF-8 with and without a BOM, and detects GBK', async () => {
    const rows = '采购日期,金额\n2026/5/1,12.50\n';
    const plain = write('plain.csv', rows);
    const bom = write('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows)]));
    const gbk = write('gbk.csv', iconv.encode(rows, 'gbk'));
    expect(await detectEncoding(plain)).toBe('utf-8');
    expect(await detectEncoding(bom)).toBe('utf-8');
    expect(await detectEncoding(gbk)).toBe('gb18030');
    const expected = [
      { line: 1, fields: ['采购日期', '金额'] },
      { line: 2, fields: ['2026/5/1', '12.50'] },
    ];
    expect(await read(plain)).toEqual(expected);
    expect(await read(bom)).toEqual(expected);
    expect(await read(gbk)).toEqual(expected);
    expect(await read(gbk, 'gbk')).toEqual(expected);
  });

  it('stops a forced UTF-8 read of a GBK file at the line that does not decode', async () => {
    const gbk = write('gbk.csv', iconv.encode('a,b\n1,2\n单位,3\n', 'gbk'));
    const error = await failure(gbk, 'utf-8');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/not valid UTF-8/);
  });

  it('refuses UTF-16 and old binary workbooks with what to do instead', async () => {
    const utf16 = write('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n', 'utf16le')]));
    expect((await failure(utf16)).message).toMatch(/UTF-16.*CSV UTF-8/);
    expect((await failure(write('old.xls', 'x'))).message).toMatch(/\.xls is an old binary format/);
  });
});

describe('.xlsx files', () => {
  it('reads the first sheet with Excel row numbers, dates as YYYY-MM-DD, formula results and error cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('采购');
    sheet.addRow(['采购日期', '金额', '备注']);
    sheet.addRow([new Date(Date.UTC(2026, 4, 1)), 79.9, { richText: [{ text: '富' }, { text: '文本' }] }]);
    sheet.getRow(4).values = [new Date(Date.UTC(2026, 4, 2, 9, 30)), { formula: 'B2*2', result: 159.8 }, true];
    sheet.getRow(5).values = ['2026-05-03', { error: '#N/A' }, { formula: 'B2', result: undefined } as never];
    const file = path.join(dir, 'book.xlsx');
    await workbook.xlsx.writeFile(file);
    expect(await read(file)).toEqual([
      { line: 1, fields: ['采购日期', '金额', '备注'] },
      { line: 2, fields: ['2026-05-01', '79.9', '富文本'] },
      { line: 4, fields: ['2026-05-02 09:30:00', '159.8', 'TRUE'] },
      {
        line: 5,
        fields: ['2026-05-03', '', ''],
        problem: expect.stringMatching(
          /cell B5 holds the Excel error #N\/A; cell C5 holds a formula without a saved result/,
        ),
      },
    ]);
  });

  it('refuses a workbook with values on another sheet, and a file that is no workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('一').addRow(['a']);
    workbook.addWorksheet('二').addRow(['b']);
    const file = path.join(dir, 'two.xlsx');
    await workbook.xlsx.writeFile(file);
    expect((await failure(file)).message).toMatch(/second worksheet \(二, row 1\)/);
    expect((await failure(write('broken.xlsx', 'not a zip'))).message).toMatch(/not a readable \.xlsx workbook/);
  });
});
