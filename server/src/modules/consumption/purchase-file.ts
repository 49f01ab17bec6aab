import { readTableFile, tableFormat, TableFileError, type CsvEncoding, type TableRecord } from '../../core/tabular';
import { PurchaseChannel } from './consumption.enums';
import { IMPORT_HEADER } from './purchase-import';

type Column = (typeof IMPORT_HEADER)[number];

/**
 * Chinese column names accepted beside the English ones, for sheets kept by hand in Excel.
 * Compared after NFKC folding, lower-casing and removing spaces, so 金额（元） matches 金额(元)
 * and ＩＤ matches id.
 */
export const HEADER_ALIASES: Record<Column, string[]> = {
  client_reference: ['采购单号', '单据编号', '单号'],
  buyer_id: ['采购方ID', '采购单位ID', '购买方ID'],
  channel: ['采购渠道', '渠道'],
  purchased_on: ['采购日期', '购买日期', '日期'],
  product_id: ['产品ID', '商品ID'],
  quantity: ['数量'],
  unit: ['单位', '计量单位'],
  amount: ['金额', '金额(元)', '采购金额', '采购金额(元)'],
};

/** The channel's Chinese name (as in the schema's descriptions) accepted for its code. */
export const CHANNEL_ALIASES: Record<string, PurchaseChannel> = {
  电商平台: PurchaseChannel.E_COMMERCE_PLATFORM,
  食堂采购: PurchaseChannel.CANTEEN,
  工会福利: PurchaseChannel.TRADE_UNION,
  展销会: PurchaseChannel.EXPO,
  直播带货: PurchaseChannel.LIVE_STREAM,
  直接采购: PurchaseChannel.DIRECT,
};

const fold = (name: string) =>
  name
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .toLowerCase();

const CANONICAL = new Map<string, Column>(
  IMPORT_HEADER.flatMap((column) => [column, ...HEADER_ALIASES[column]].map((name) => [fold(name), column] as const)),
);

/**
 * Excel in a Chinese locale saves dates in CSV as 2026/5/1; typed by hand they come as
 * 2026年5月1日. Both are rewritten to the ISO form the rules take; anything else is left as it
 * is for the rules to judge.
 */
function isoDate(text: string): string {
  const match = /^\s*(\d{4})\s*[/.\-年]\s*(\d{1,2})\s*[/.\-月]\s*(\d{1,2})\s*日?\s*$/.exec(text);
  return match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : text;
}

const blank = (fields: string[]) => fields.every((f) => f.trim() === '');

/**
 * The records of a purchase file (CSV in UTF-8 or GBK/GB18030, or .xlsx) in the import's terms:
 * the header row's names rewritten to the English column names, Chinese channel names and
 * Excel's date forms rewritten in their columns, and a row whose width does not fit the header
 * marked with its problem so the import rejects its purchase instead of reading shifted
 * columns. Errors that make the file unreadable (quoting, encoding) throw TableFileError.
 */
export async function* readPurchaseFile(
  file: string,
  options: { encoding?: CsvEncoding } = {},
): AsyncGenerator<TableRecord> {
  const csv = tableFormat(file) === 'csv';
  let header: (Column | string)[] | null = null;
  for await (const record of readTableFile(file, options)) {
    if (blank(record.fields)) {
      // A row with nothing in it holds no purchase; Excel writes such rows as ",,,,,,,".
      yield { line: record.line, fields: [''] };
      continue;
    }
    if (!header) {
      const seen = new Map<Column, string>();
      header = record.fields.map((raw) => {
        const column = CANONICAL.get(fold(raw));
        if (!column) return raw;
        const earlier = seen.get(column);
        if (earlier !== undefined)
          throw new TableFileError(
            `the header names ${column} twice ("${earlier.trim()}" and "${raw.trim()}")`,
            record.line,
          );
        seen.set(column, raw);
        return column;
      });
      yield { ...record, fields: header };
      continue;
    }
    const problems = record.problem ? [record.problem] : [];
    const beyond = record.fields.findIndex((f, i) => i >= header!.length && f.trim() !== '');
    if (beyond >= 0)
      problems.push(`has a value in column ${beyond + 1}, which the header does not name (an unquoted comma?)`);
    else if (csv && record.fields.length < header.length)
      problems.push(`has ${record.fields.length} fields where the header has ${header.length} (a missing comma?)`);
    const fields = record.fields.map((value, i) => {
      if (header![i] === 'channel') return CHANNEL_ALIASES[value.trim()] ?? value;
      if (header![i] === 'purchased_on') return isoDate(value);
      return value;
    });
    yield problems.length ? { line: record.line, fields, problem: problems.join('; ') } : { line: record.line, fields };
  }
}
