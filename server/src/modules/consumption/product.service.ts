import type { Context } from '../../core/context';
import { isUuid } from '../../core/relay/global-id';
import { and, inList, query, withWhere, type SqlFragment } from '../../core/sql';
import { readPage, toConnection, type ConnectionData } from '../../core/relay/connection';
import { afterSql } from '../../core/relay/keyset';
import { villageCodeFromId } from '../villages/village.service';
import { ProductNode, SupplierNode, type ProductRow, type SupplierRow } from './consumption.types';
import type { ProductFilter } from './consumption.inputs';
import { todayInShanghai } from '../../core/dates';
import { type PageArgs } from './purchase.service';
import { uuidKeyFromInput } from '../../core/relay/global-id';

const PRODUCT_COLUMNS = `pr.id, pr.name, pr.category, pr.supplier_id, pr.origin_village_code, pr.certificate_number,
  pr.certified_from::text AS certified_from, pr.certified_until::text AS certified_until`;

/**
 * The product catalogue (消费帮扶产品目录) is published to every signed-in account, as
 * certification lists are: buyers must find produce from villages they are not paired with.
 * The origin village itself still resolves only inside the caller's scope.
 */
export class ProductService {
  async findByKeys(ctx: Context, keys: readonly string[]): Promise<(ProductNode | null)[]> {
    const rows = await query<ProductRow>(
      ctx.em,
      withWhere(
        `SELECT ${PRODUCT_COLUMNS} FROM product pr`,
        inList(
          'pr.id',
          keys.filter((k) => isUuid(k)),
        ),
      ),
    );
    const byKey = new Map(rows.map((row) => [row.id, ProductNode.from(row)]));
    return keys.map((key) => byKey.get(key) ?? null);
  }

  byKey(ctx: Context, key: string): Promise<ProductNode | null> {
    return ctx.loaders.get<string, ProductNode | null>('product.byKey', (keys) => this.findByKeys(ctx, keys)).load(key);
  }

  async findSuppliers(ctx: Context, keys: readonly string[]): Promise<(SupplierNode | null)[]> {
    const rows = await query<SupplierRow>(
      ctx.em,
      withWhere(
        'SELECT id, name, kind, village_code, credit_code FROM supplier',
        inList(
          'id',
          keys.filter((k) => isUuid(k)),
        ),
      ),
    );
    const byKey = new Map(rows.map((row) => [row.id, SupplierNode.from(row)]));
    return keys.map((key) => byKey.get(key) ?? null);
  }

  supplier(ctx: Context, key: string): Promise<SupplierNode | null> {
    return ctx.loaders
      .get<string, SupplierNode | null>('supplier.byKey', (keys) => this.findSuppliers(ctx, keys))
      .load(key);
  }

  /** `products(filter)`, ordered by name. `certified` compares against today in Asia/Shanghai. */
  async list(ctx: Context, filter: ProductFilter | undefined, args: PageArgs): Promise<ConnectionData<ProductNode>> {
    const page = readPage(args);
    const parts: SqlFragment[] = [];
    if (filter?.villageId)
      parts.push({
        sql: 'pr.origin_village_code = ?',
        bindings: [villageCodeFromId(filter.villageId, 'filter.villageId')],
      });
    if (filter?.supplierId)
      parts.push({
        sql: 'pr.supplier_id = ?',
        bindings: [uuidKeyFromInput(filter.supplierId, ['Supplier'], 'filter.supplierId')],
      });
    if (filter?.certified !== undefined && filter.certified !== null) {
      const today = todayInShanghai();
      const certified =
        'pr.certificate_number IS NOT NULL AND pr.certified_from <= ?::date AND (pr.certified_until IS NULL OR pr.certified_until >= ?::date)';
      parts.push({ sql: filter.certified ? certified : `NOT (${certified})`, bindings: [today, today] });
    }
    const where = and(...parts);
    const sort = [
      { expr: 'pr.name', direction: 'asc' as const },
      { expr: 'pr.id', direction: 'asc' as const },
    ];
    const seek = page.after ? afterSql(sort, page.after) : undefined;
    const rows = await query<ProductRow>(
      ctx.em,
      withWhere(
        `SELECT ${PRODUCT_COLUMNS} FROM product pr`,
        seek ? and(where, seek) : where,
        `ORDER BY pr.name, pr.id LIMIT ${page.first + 1}`,
      ),
    );
    return toConnection(
      rows,
      page,
      (row) => [row.name, row.id],
      ProductNode.from,
      async () => {
        const [{ count }] = await query<{ count: number }>(
          ctx.em,
          withWhere('SELECT count(*)::int AS count FROM product pr', where),
        );
        return count;
      },
    );
  }
}

export const productService = new ProductService();
