import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/context';
import { and, inList, query, withWhere, type SqlFragment } from '../../core/sql';
import { isUuid, toGlobalId } from '../../core/relay/global-id';
import type { ConnectionData, Page } from '../../core/relay/connection';
import { keysetPage } from '../../core/relay/keyset-page';
import type { ProductCategory, SupplierKind } from './consumption.enums';
import { ProductCertificationNode, ProductNode, SupplierNode } from './consumption.types';

/** Named queries of the product catalogue: suppliers, products and their certificates. */

// Suppliers

const SUPPLIER_COLUMNS = 's.id, s.name, s.kind, s.village_code, s.credit_code, s.source';

interface SupplierRow {
  id: string;
  name: string;
  kind: SupplierKind;
  village_code: string;
  credit_code: string | null;
  source: string | null;
}

function toSupplier(row: SupplierRow): SupplierNode {
  return Object.assign(new SupplierNode(), {
    id: toGlobalId('Supplier', row.id),
    key: row.id,
    name: row.name,
    kind: row.kind,
    creditCode: row.credit_code,
    source: row.source,
    villageCode: row.village_code,
  });
}

/** Suppliers by key among those `readable` admits (over `s`), in the order asked; null where absent or malformed. */
export async function suppliersByKeys(
  em: EntityManager,
  keys: readonly string[],
  readable: SqlFragment,
): Promise<(SupplierNode | null)[]> {
  const rows = await query<SupplierRow>(
    em,
    withWhere(`SELECT ${SUPPLIER_COLUMNS} FROM supplier s`, and(inList('s.id', keys.filter(isUuid)), readable)),
  );
  const byKey = new Map(rows.map((row) => [row.id, toSupplier(row)]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** A page of suppliers, by name. */
export function supplierPage(ctx: Context, where: SqlFragment, page: Page): Promise<ConnectionData<SupplierNode>> {
  return keysetPage<SupplierRow, SupplierNode>(ctx, {
    columns: SUPPLIER_COLUMNS,
    from: 'supplier s',
    where,
    sort: [
      { expr: 's.name', direction: 'asc' },
      { expr: 's.id', direction: 'asc' },
    ],
    page,
    cursorOf: (row) => [row.name, row.id],
    toNode: toSupplier,
  });
}

// Products

const PRODUCT_COLUMNS = 'pr.id, pr.name, pr.category, pr.supplier_id, pr.origin_village_code, pr.source';

interface ProductRow {
  id: string;
  name: string;
  category: ProductCategory;
  supplier_id: string;
  origin_village_code: string;
  source: string | null;
}

function toProduct(row: ProductRow): ProductNode {
  return Object.assign(new ProductNode(), {
    id: toGlobalId('Product', row.id),
    key: row.id,
    name: row.name,
    category: row.category,
    source: row.source,
    supplierKey: row.supplier_id,
    originVillageCode: row.origin_village_code,
  });
}

/** Products by key among those `readable` admits (over `pr`), in the order asked; null where absent or malformed. */
export async function productsByKeys(
  em: EntityManager,
  keys: readonly string[],
  readable: SqlFragment,
): Promise<(ProductNode | null)[]> {
  const rows = await query<ProductRow>(
    em,
    withWhere(`SELECT ${PRODUCT_COLUMNS} FROM product pr`, and(inList('pr.id', keys.filter(isUuid)), readable)),
  );
  const byKey = new Map(rows.map((row) => [row.id, toProduct(row)]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** A page of products, by name. */
export function productPage(ctx: Context, where: SqlFragment, page: Page): Promise<ConnectionData<ProductNode>> {
  return keysetPage<ProductRow, ProductNode>(ctx, {
    columns: PRODUCT_COLUMNS,
    from: 'product pr',
    where,
    sort: [
      { expr: 'pr.name', direction: 'asc' },
      { expr: 'pr.id', direction: 'asc' },
    ],
    page,
    cursorOf: (row) => [row.name, row.id],
    toNode: toProduct,
  });
}

// Certificates

const CERTIFICATION_COLUMNS = `c.id, c.product_id, c.certificate_number, c.issuing_body, c.valid_from::text AS valid_from,
  c.valid_until::text AS valid_until, c.revoked_from::text AS revoked_from, c.revoke_reason, c.source, c.created_at`;

interface CertificationRow {
  id: string;
  product_id: string;
  certificate_number: string;
  issuing_body: string;
  valid_from: string;
  valid_until: string | null;
  revoked_from: string | null;
  revoke_reason: string | null;
  source: string | null;
  created_at: Date;
}

function toCertification(row: CertificationRow): ProductCertificationNode {
  return Object.assign(new ProductCertificationNode(), {
    id: toGlobalId('ProductCertification', row.id),
    key: row.id,
    productKey: row.product_id,
    certificateNumber: row.certificate_number,
    issuingBody: row.issuing_body,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    revokedFrom: row.revoked_from,
    revokeReason: row.revoke_reason,
    source: row.source,
    recordedAt: row.created_at,
  });
}

/** Every certificate of each product, newest period first. */
export async function certificationsOfProducts(
  em: EntityManager,
  productKeys: readonly string[],
): Promise<ProductCertificationNode[][]> {
  const rows = await query<CertificationRow>(
    em,
    withWhere(
      `SELECT ${CERTIFICATION_COLUMNS} FROM product_certification c`,
      inList('c.product_id', productKeys.filter(isUuid)),
      'ORDER BY c.product_id, c.valid_from DESC, c.id',
    ),
  );
  return productKeys.map((key) => rows.filter((row) => row.product_id === key).map(toCertification));
}

/** Certificates by key, in the order asked; null where absent or malformed. */
export async function certificationsByKeys(
  em: EntityManager,
  keys: readonly string[],
): Promise<(ProductCertificationNode | null)[]> {
  const rows = await query<CertificationRow>(
    em,
    withWhere(`SELECT ${CERTIFICATION_COLUMNS} FROM product_certification c`, inList('c.id', keys.filter(isUuid))),
  );
  const byKey = new Map(rows.map((row) => [row.id, toCertification(row)]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/**
 * `productExpr` is certified on `day`: the SQL form of `certificateCovers` in `purchase.rules.ts`
 * (a test compares the two on the seeded catalogue).
 */
export function certifiedOnSql(productExpr: string, day: string): SqlFragment {
  return {
    sql: `EXISTS (SELECT 1 FROM product_certification cc WHERE cc.product_id = ${productExpr}
      AND cc.valid_from <= ?::date AND (cc.valid_until IS NULL OR cc.valid_until >= ?::date)
      AND (cc.revoked_from IS NULL OR cc.revoked_from > ?::date))`,
    bindings: [day, day, day],
  };
}

/** What recording a purchase needs of its products: origin, category, name and certificates. */
export interface ProductForRecording {
  key: string;
  name: string;
  category: ProductCategory;
  originVillageCode: string;
  certifications: ProductCertificationNode[];
}

/** The products a purchase names (or, without keys, the whole catalogue for an import), with their certificates. */
export async function productsForRecording(
  em: EntityManager,
  keys?: readonly string[],
): Promise<Map<string, ProductForRecording>> {
  const where = keys ? inList('pr.id', keys.filter(isUuid)) : { sql: 'true', bindings: [] };
  const rows = await query<ProductRow>(em, withWhere(`SELECT ${PRODUCT_COLUMNS} FROM product pr`, where));
  const certificates = await certificationsOfProducts(
    em,
    rows.map((row) => row.id),
  );
  return new Map(
    rows.map((row, i) => [
      row.id,
      {
        key: row.id,
        name: row.name,
        category: row.category,
        originVillageCode: row.origin_village_code,
        certifications: certificates[i],
      },
    ]),
  );
}

/**
 * The certificates of one product that are in force on some day of [from, until] (until null:
 * open-ended), excluding one certificate; for the no-overlap rule of `certifyProduct`.
 */
export async function overlappingCertifications(
  em: EntityManager,
  productKey: string,
  from: string,
  until: string | null,
  exceptKey?: string,
): Promise<{ certificate_number: string }[]> {
  return query<{ certificate_number: string }>(
    em,
    withWhere(
      'SELECT c.certificate_number FROM product_certification c',
      and(
        { sql: 'c.product_id = ?', bindings: [productKey] },
        exceptKey ? { sql: 'c.id <> ?', bindings: [exceptKey] } : { sql: 'true', bindings: [] },
        // Effective period [valid_from, least(valid_until, revoked_from - 1)] meets [from, until].
        {
          sql: `c.valid_from <= coalesce(?::date, 'infinity'::date)
            AND least(coalesce(c.valid_until, 'infinity'::date), coalesce(c.revoked_from - 1, 'infinity'::date)) >= ?::date`,
          bindings: [until, from],
        },
      ),
    ),
  );
}

/** Serialises catalogue changes of one product (certify, revoke) until the transaction ends. */
export async function lockProduct(em: EntityManager, productKey: string): Promise<boolean> {
  const rows = await query(em, 'SELECT 1 FROM product WHERE id = ? FOR UPDATE', [productKey]);
  return rows.length > 0;
}
