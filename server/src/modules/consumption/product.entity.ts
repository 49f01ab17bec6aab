import { Entity, Enum, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { ProductCategory, SupplierKind } from './consumption.enums';

/**
 * The catalogue is written through MikroORM: suppliers, products and certificates change one row
 * at a time (create, update, certify, revoke), which is what the unit of work is good at.
 * Purchases are not entities: they are written in SQL, because recording must be one idempotent
 * `INSERT … ON CONFLICT DO NOTHING` per (buyer, clientReference) that racing retries resolve in the
 * database, and the bulk import inserts thousands of rows per statement through `unnest`; neither
 * fits a unit of work (see `purchase.repository.ts`).
 */

/** A supplier in an assisted village (供应主体). */
@Entity({ tableName: 'supplier' })
export class Supplier {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: Opt<string>;

  @Property({ type: 'text' }) name: string;
  @Enum({ items: () => SupplierKind, type: 'text' }) kind: SupplierKind;
  @Property({ type: 'string', length: 12 }) villageCode: string;
  @Property({ type: 'string', length: 18, nullable: true }) creditCode: string | null = null;
  @Property({ type: 'text', nullable: true }) source: string | null = null;

  @Property({ type: 'Date', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
  @Property({ type: 'Date', defaultRaw: 'now()', onUpdate: () => new Date() }) updatedAt: Opt<Date> = new Date();
}

/** A product of a supplier; its origin village is the supplier's (产地村). */
@Entity({ tableName: 'product' })
export class Product {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: Opt<string>;

  @Property({ type: 'text' }) name: string;
  @Enum({ items: () => ProductCategory, type: 'text' }) category: ProductCategory;
  @Property({ type: 'uuid' }) supplierId: string;
  @Property({ type: 'string', length: 12 }) originVillageCode: string;
  @Property({ type: 'text', nullable: true }) source: string | null = null;

  @Property({ type: 'Date', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
  @Property({ type: 'Date', defaultRaw: 'now()', onUpdate: () => new Date() }) updatedAt: Opt<Date> = new Date();
}

/** One certificate of 消费帮扶产品认定; a renewal is a new row, a revocation ends one from a day on. */
@Entity({ tableName: 'product_certification' })
export class ProductCertification {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: Opt<string>;

  @Property({ type: 'uuid' }) productId: string;
  @Property({ type: 'text' }) certificateNumber: string;
  @Property({ type: 'text' }) issuingBody: string;
  @Property({ type: 'date' }) validFrom: string;
  @Property({ type: 'date', nullable: true }) validUntil: string | null = null;
  @Property({ type: 'date', nullable: true }) revokedFrom: string | null = null;
  @Property({ type: 'text', nullable: true }) revokeReason: string | null = null;
  @Property({ type: 'text', nullable: true }) recordedBy: string | null = null;
  @Property({ type: 'text', nullable: true }) source: string | null = null;

  @Property({ type: 'Date', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
}
