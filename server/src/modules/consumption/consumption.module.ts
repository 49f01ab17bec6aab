import type { FeatureModule } from '../feature-module';
import { PurchaseLineResolver, PurchaseResolver } from './purchase.resolver';
import { ProductCertificationResolver, ProductResolver, SupplierResolver } from './product.resolver';
import { ConsumptionStatsResolver, TopBuyerResolver, VillageConsumptionResolver } from './stats.resolver';
import { PurchaseRecordedResolver, PurchaseStatusChangedResolver } from './consumption-live.resolver';
import { Product, ProductCertification, Supplier } from './product.entity';
import { purchaseService } from './purchase.service';
import { productService } from './product.service';
import { supplierService } from './supplier.service';
import { purchasePolicy } from './purchase.policy';
import { consumptionLedger } from './consumption.ledger';
import { PURCHASE_RECORDED, PURCHASE_STATUS_CHANGED } from './consumption.events';
import { Migration20261130000100_certification } from './migrations/Migration20261130000100_certification';
import { Migration20261201001000_purchase_rollup } from './migrations/Migration20261201001000_purchase_rollup';
import { Migration20261201001100_purchase_date_index } from './migrations/Migration20261201001100_purchase_date_index';

/**
 * Consumption support (消费帮扶): suppliers and certified products, the purchase ledger,
 * statistics and the bulk import. The catalogue (suppliers, products, certificates) is written
 * through MikroORM entities; purchases are written in SQL (idempotent upserts, bulk import
 * through unnest), so they have no entity: see `product.entity.ts` and `purchase.repository.ts`.
 */
export const consumptionModule: FeatureModule = {
  name: 'consumption',
  resolvers: [
    PurchaseResolver,
    PurchaseLineResolver,
    ProductResolver,
    ProductCertificationResolver,
    SupplierResolver,
    ConsumptionStatsResolver,
    TopBuyerResolver,
    VillageConsumptionResolver,
    PurchaseRecordedResolver,
    PurchaseStatusChangedResolver,
  ],
  entities: [Supplier, Product, ProductCertification],
  ledgers: [consumptionLedger],
  migrations: [
    { name: 'Migration20261130000100_certification', class: Migration20261130000100_certification },
    { name: 'Migration20261201001000_purchase_rollup', class: Migration20261201001000_purchase_rollup },
    { name: 'Migration20261201001100_purchase_date_index', class: Migration20261201001100_purchase_date_index },
  ],
  nodeTypes: [
    { typeName: 'Purchase', fetch: (ctx, key) => purchaseService.byKey(ctx, key) },
    { typeName: 'Product', fetch: (ctx, key) => productService.byKey(ctx, key) },
    { typeName: 'ProductCertification', fetch: (ctx, key) => productService.certificationByKey(ctx, key) },
    { typeName: 'Supplier', fetch: (ctx, key) => supplierService.byKey(ctx, key) },
  ],
  topics: [
    { topic: PURCHASE_RECORDED, receives: purchasePolicy.receives },
    { topic: PURCHASE_STATUS_CHANGED, receives: purchasePolicy.receives },
  ],
  constraints: [
    {
      constraint: 'product_certification_number_unique',
      message: 'The issuing body has already issued a certificate with this number',
      fields: ['certificateNumber'],
    },
    {
      constraint: 'supplier_credit_code_unique',
      message: 'A supplier with this credit code exists',
      fields: ['creditCode'],
    },
    { constraint: 'purchase_line_amount_positive', message: 'A line amount must be greater than 0', fields: ['lines'] },
    {
      constraint: 'purchase_reference_present',
      message: 'clientReference must not be blank',
      fields: ['clientReference'],
    },
    { constraint: 'purchase_line_unit_present', message: 'A line unit must not be blank', fields: ['lines'] },
  ],
};
