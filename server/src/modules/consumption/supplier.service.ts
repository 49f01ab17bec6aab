import type { Context } from '../../core/context';
import { badInput, notFound } from '../../core/errors';
import { and, type SqlFragment } from '../../core/sql';
import { readPage, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { uuidKeyFromInput } from '../../core/relay/global-id';
import { isValidCreditCode } from '../providers/credit-code';
import { villageCodeFromId, villageService } from '../villages/village.service';
import { Supplier } from './product.entity';
import type { SupplierNode } from './consumption.types';
import type { CreateSupplierInput, SupplierFilter, UpdateSupplierInput } from './consumption.inputs';
import { supplierPage, suppliersByKeys } from './product.repository';
import { supplierPolicy } from './supplier.policy';

/** A credit code given for a supplier: upper-cased, and checked against GB 32100-2015. */
function creditCodeOf(code: string | null | undefined): string | null {
  if (code === undefined || code === null) return null;
  const normalised = code.trim().toUpperCase();
  if (!isValidCreditCode(normalised))
    throw badInput('creditCode', 'creditCode is not a valid unified social credit code (GB 32100-2015)');
  return normalised;
}

/** Suppliers of consumption-support products (供应主体). */
export class SupplierService {
  private loader(ctx: Context) {
    return ctx.loaders.get<string, SupplierNode | null>('supplier.byKey', (keys) =>
      suppliersByKeys(ctx.em, keys, supplierPolicy.readable(ctx.viewer, 's')),
    );
  }

  /** A supplier by the key inside its global id (the catalogue is open to every account). */
  byKey(ctx: Context, key: string): Promise<SupplierNode | null> {
    return this.loader(ctx).load(key.toLowerCase());
  }

  async require(ctx: Context, supplierId: string, field = 'supplierId'): Promise<SupplierNode> {
    const supplier = await this.byKey(ctx, uuidKeyFromInput(supplierId, ['Supplier'], field));
    if (!supplier) throw notFound('Supplier not found', field);
    return supplier;
  }

  /** `suppliers(filter)`, by name. */
  list(ctx: Context, filter: SupplierFilter | undefined, args: PageInput): Promise<ConnectionData<SupplierNode>> {
    const parts: SqlFragment[] = [supplierPolicy.readable(ctx.viewer, 's')];
    if (filter?.villageId)
      parts.push({ sql: 's.village_code = ?', bindings: [villageCodeFromId(filter.villageId, 'filter.villageId')] });
    return supplierPage(ctx, and(...parts), readPage(args));
  }

  /** `createSupplier`: officials of the village's region (and admins). */
  async create(ctx: Context, input: CreateSupplierInput): Promise<SupplierNode> {
    const villageCode = villageCodeFromId(input.villageId);
    supplierPolicy.requireWrite(ctx.viewer, villageCode);
    const creditCode = creditCodeOf(input.creditCode);
    const name = input.name.trim();
    if (!name) throw badInput('name', 'name must not be blank');
    if (!(await villageService.byKey(ctx, villageCode))) throw notFound('Village not found', 'villageId');
    const id = await ctx.em.transactional(async (em) => {
      const supplier = em.create(Supplier, { name, kind: input.kind, villageCode, creditCode });
      await em.flush();
      return supplier.id;
    });
    return this.fresh(ctx, id);
  }

  /** `updateSupplier`: name, kind and credit code; the village stays. */
  async update(ctx: Context, input: UpdateSupplierInput): Promise<SupplierNode> {
    const current = await this.require(ctx, input.supplierId);
    supplierPolicy.requireWrite(ctx.viewer, current.villageCode);
    const changes: Partial<Pick<Supplier, 'name' | 'kind' | 'creditCode'>> = {};
    if (input.name !== undefined && input.name !== null) {
      changes.name = input.name.trim();
      if (!changes.name) throw badInput('name', 'name must not be blank');
    }
    if (input.kind) changes.kind = input.kind;
    if (input.creditCode !== undefined) changes.creditCode = creditCodeOf(input.creditCode);
    await ctx.em.transactional(async (em) => {
      const supplier = await em.findOneOrFail(Supplier, { id: current.key });
      em.assign(supplier, changes);
    });
    return this.fresh(ctx, current.key);
  }

  private async fresh(ctx: Context, key: string): Promise<SupplierNode> {
    this.loader(ctx).clear(key);
    const supplier = await this.byKey(ctx, key);
    if (!supplier) throw notFound('Supplier not found');
    return supplier;
  }
}

export const supplierService = new SupplierService();
