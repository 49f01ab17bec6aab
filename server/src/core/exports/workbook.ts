import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellInput, Ledger, LedgerColumn } from './ledger';

/**
 * Money is written as a number cell formatted to two decimals only where the number is exact:
 * an amount of at most 15 significant digits (below 10^13 yuan) is the nearest double of its
 * decimal, which Excel shows and sums back to the same fen. Past that, or for anything that is
 * not a plain decimal, the cell holds the text, so no 台账 shows a fen that is not in the
 * database. Totals are summed here in integer fen, never in floating point.
 */
const MAX_EXACT_FEN = 10n ** 15n;
const MONEY = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

export function fenOf(amount: string): bigint | null {
  const match = MONEY.exec(amount);
  if (!match) return null;
  const fen = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -fen : fen;
}

export function yuanOf(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

function moneyCell(value: string): string | number {
  const fen = fenOf(value);
  if (fen === null || fen >= MAX_EXACT_FEN || fen <= -MAX_EXACT_FEN) return value;
  return Number(yuanOf(fen));
}

/** A decimal (a rate, an area) as a number when the number prints back to the same value. */
function decimalCell(value: string): string | number {
  const number = Number(value);
  if (!Number.isFinite(number)) return value;
  const canonical = (text: string) => text.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  return canonical(String(number)) === canonical(value.trim()) ? number : value;
}

function cellValue(kind: LedgerColumn<unknown>['kind'], value: CellInput): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'money':
      return typeof value === 'string' ? moneyCell(value) : value;
    case 'decimal':
      return typeof value === 'string' ? decimalCell(value) : value;
    case 'integer':
      return typeof value === 'string' ? Number(value) : value;
    case 'boolean':
      return value === true ? '是' : value === false ? '否' : value;
    default:
      return value;
  }
}

const FORMATS: Partial<Record<LedgerColumn<unknown>['kind'], string>> = {
  money: '#,##0.00',
  integer: '0',
};

export interface LedgerFileInfo {
  /** Filters as given, for the 说明 sheet. */
  parameters: Record<string, string>;
  /** Who asked: role and scope, for the 说明 sheet. */
  caller: string;
  generatedAt: Date;
}

/**
 * Writes one ledger as an .xlsx to `stream` with exceljs's streaming writer: the ledger's sheet
 * (header row, one row per record, a 合计 row summing the columns that total), then a 说明
 * sheet naming the filters, the caller's scope and the row count. Rows are committed as they
 * are written, so the workbook is never held whole in memory.
 */
export async function writeLedger<R>(
  stream: Writable,
  ledger: Ledger<R>,
  rows: readonly R[],
  info: LedgerFileInfo,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = '乡村振兴帮扶协同平台';
  workbook.created = info.generatedAt;
  const sheet = workbook.addWorksheet(ledger.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ledger.columns.map((column) => ({
    header: column.header,
    width: column.width ?? Math.max(10, column.header.length * 2 + 2),
    style: FORMATS[column.kind] ? { numFmt: FORMATS[column.kind] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  // Money in fen, integers as themselves: exact whatever the row count.
  const totals = ledger.columns.map(() => 0n);
  for (const row of rows) {
    const values = ledger.columns.map((column, i) => {
      const raw = column.value(row);
      if (column.total && raw !== null && raw !== undefined && raw !== '') {
        const amount = column.kind === 'money' ? fenOf(String(raw)) : BigInt(Math.trunc(Number(raw)));
        if (amount !== null) totals[i] += amount;
      }
      return cellValue(column.kind, raw);
    });
    sheet.addRow(values).commit();
  }
  if (ledger.columns.some((c) => c.total)) {
    const values = ledger.columns.map((column, i) => {
      if (i === 0) return '合计';
      if (!column.total) return null;
      return column.kind === 'money' ? cellValue('money', yuanOf(totals[i])) : Number(totals[i]);
    });
    const total = sheet.addRow(values);
    total.font = { bold: true };
    total.commit();
  }
  sheet.commit();

  const about = workbook.addWorksheet('说明');
  about.columns = [{ width: 16 }, { width: 60 }];
  const lines: [string, string][] = [
    ['台账', ledger.title],
    ['导出时间', info.generatedAt.toISOString()],
    ['导出账号', info.caller],
    ['记录数', String(rows.length)],
    ...Object.entries(info.parameters).map(([name, value]) => [`筛选 ${name}`, value] as [string, string]),
    ['金额', '单位为元，精确到分；合计行按分精确求和'],
  ];
  for (const line of lines) about.addRow(line).commit();
  about.commit();
  await workbook.commit();
}
