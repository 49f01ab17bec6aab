import type { Context } from '../context';
import type { Role } from '../auth/viewer';

/**
 * How a cell is written. `money` is a yuan amount held as a decimal string (the platform's
 * numeric columns); see `moneyCell` for why it may become a number.
 */
export type CellKind = 'text' | 'integer' | 'money' | 'decimal' | 'date' | 'boolean';

export type CellInput = string | number | boolean | null | undefined;

export interface LedgerColumn<R> {
  /** The Chinese header as a county files it (e.g. 承诺金额（元）). */
  header: string;
  kind: CellKind;
  value: (row: R) => CellInput;
  /** Summed in the totals row (money to the fen, integers exactly). */
  total?: boolean;
  /** Column width in characters. */
  width?: number;
}

/** A query parameter a ledger reads, with what it means (listed in errors and in the README). */
export interface LedgerParameter {
  name: string;
  description: string;
}

/**
 * One 台账 a module offers as `GET /exports/<name>.xlsx`. The module reads its rows through its
 * own services, so who sees which rows is decided by the same policies as its GraphQL reads;
 * the export route adds no scope rule of its own.
 */
export interface Ledger<R = unknown> {
  /** URL name, lower-case words joined by hyphens. */
  name: string;
  /** Chinese title: the worksheet's name and the file's. */
  title: string;
  /** Roles allowed, the same list as the `@Authorized` of the GraphQL read it mirrors. */
  roles: readonly Role[];
  parameters: LedgerParameter[];
  columns: LedgerColumn<R>[];
  /**
   * The rows for the caller, in filing order. `limit` is the export's maximum plus one: a
   * provider returns at most that many, so the route can refuse an export that is too large
   * without reading all of it. Bad parameters throw the platform's errors (badInput).
   */
  rows(ctx: Context, parameters: Record<string, string>, limit: number): Promise<R[]>;
}

/** The ledgers of every module, by name; a name declared twice stops the platform at start-up. */
export class LedgerRegistry {
  private readonly byName = new Map<string, Ledger>();

  constructor(ledgers: readonly Ledger<any>[]) {
    for (const ledger of ledgers) {
      if (!/^[a-z]+(-[a-z]+)*$/.test(ledger.name))
        throw new Error(`ledger name ${ledger.name} must be lower-case words joined by hyphens`);
      if (this.byName.has(ledger.name)) throw new Error(`ledger ${ledger.name} is declared twice`);
      this.byName.set(ledger.name, ledger as Ledger);
    }
  }

  get(name: string): Ledger | undefined {
    return this.byName.get(name);
  }

  get names(): string[] {
    return [...this.byName.keys()].sort();
  }
}
